"""NillableDateTime, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NillableDateTime(ModelNormal):
    """A date and time wrapped so that it may be left out.

    Attributes:
        value (datetime): The date and time.
    """

    _fields = (
        Field("value", "value", "datetime", format="date-time", description="The date and time."),
    )
