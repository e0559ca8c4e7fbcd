"""CampaignBidChangeResponseMessageWithDetails, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_response import CampaignBidChangeResponse
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CampaignBidChangeResponseMessageWithDetails(ModelNormal):
    """A refused bid change: a message and the outcome for the campaign.

    Attributes:
        message (str): Summary of the problem.
        details (CampaignBidChangeResponse): Outcome for the campaign concerned.
    """

    message: Optional[str]
    details: Optional[CampaignBidChangeResponse]

    _fields = (
        Field("message", "message", "str", description="Summary of the problem."),
        Field("details", "details", "CampaignBidChangeResponse", description="Outcome for the campaign concerned."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, message: str = UNSET, details: CampaignBidChangeResponse = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["message"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["details"], default: None = None) -> Optional[CampaignBidChangeResponse]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
