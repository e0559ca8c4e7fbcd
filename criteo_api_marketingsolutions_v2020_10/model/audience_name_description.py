"""AudienceNameDescription, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AudienceNameDescription(ModelNormal):
    """The editable fields of an audience.

    Attributes:
        name (str): Name of the audience.
    """

    _fields = (
        Field("name", "name", "str", description="Name of the audience."),
    )
