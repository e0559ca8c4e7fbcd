"""ReplaceAudienceRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10.model.replace_audience import ReplaceAudience
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReplaceAudienceRequest(ModelNormal):
    """Request body to update an audience.

    Attributes:
        data (ReplaceAudience): The new values. Required.
    """

    data: ReplaceAudience

    _fields = (
        Field("data", "data", "ReplaceAudience", required=True, description="The new values."),
    )

    if TYPE_CHECKING:

        def __init__(self, data: ReplaceAudience, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""
