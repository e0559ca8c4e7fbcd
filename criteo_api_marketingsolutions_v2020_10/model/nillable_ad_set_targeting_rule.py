"""NillableAdSetTargetingRule, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NillableAdSetTargetingRule(ModelNormal):
    """A targeting rule wrapped so that it may be left out.

    Attributes:
        value (AdSetTargetingRule): The rule.
    """

    _fields = (
        Field("value", "value", "AdSetTargetingRule", description="The rule."),
    )
