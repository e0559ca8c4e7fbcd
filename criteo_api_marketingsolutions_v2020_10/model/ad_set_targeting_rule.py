"""AdSetTargetingRule, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AdSetTargetingRule(ModelNormal):
    """A targeting rule: a list of values, included or excluded.

    Attributes:
        operand (str): Whether the values are included (``in``) or excluded (``notIn``).
        values ([str]): The values the rule is about.
    """

    _fields = (
        Field("operand", "operand", "str", enum=("undefined", "in", "notIn"), description="Whether the values are included (``in``) or excluded (``notIn``)."),
        Field("values", "values", "[str]", description="The values the rule is about."),
    )
