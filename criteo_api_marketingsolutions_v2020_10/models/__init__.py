"""Every model class of the SDK, by name.

    from criteo_api_marketingsolutions_v2020_10.models import JwtModel

Each module is imported on first access, so importing this package costs
nothing until a name is used; ``from ... import *`` imports them all.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_exports

_MODULES = {
    "AdSetDeliveryLimitations": "criteo_api_marketingsolutions_v2020_10.model.ad_set_delivery_limitations",
    "AdSetFrequencyCapping": "criteo_api_marketingsolutions_v2020_10.model.ad_set_frequency_capping",
    "AdSetGeoLocation": "criteo_api_marketingsolutions_v2020_10.model.ad_set_geo_location",
    "AdSetSearchFilter": "criteo_api_marketingsolutions_v2020_10.model.ad_set_search_filter",
    "AdSetTargeting": "criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting",
    "AdSetTargetingRule": "criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting_rule",
    "Audience": "criteo_api_marketingsolutions_v2020_10.model.audience",
    "AudienceAttributes": "criteo_api_marketingsolutions_v2020_10.model.audience_attributes",
    "AudienceError": "criteo_api_marketingsolutions_v2020_10.model.audience_error",
    "AudienceNameDescription": "criteo_api_marketingsolutions_v2020_10.model.audience_name_description",
    "AudienceWarning": "criteo_api_marketingsolutions_v2020_10.model.audience_warning",
    "BasicAudienceDefinition": "criteo_api_marketingsolutions_v2020_10.model.basic_audience_definition",
    "BidMessage": "criteo_api_marketingsolutions_v2020_10.model.bid_message",
    "CampaignBidChangeRequest": "criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_request",
    "CampaignBidChangeResponse": "criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_response",
    "CampaignBidChangeResponseMessageWithDetails": "criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_response_message_with_details",
    "CampaignBidMessage": "criteo_api_marketingsolutions_v2020_10.model.campaign_bid_message",
    "CampaignMessage": "criteo_api_marketingsolutions_v2020_10.model.campaign_message",
    "CategoryBidChangeRequest": "criteo_api_marketingsolutions_v2020_10.model.category_bid_change_request",
    "CategoryBidMessage": "criteo_api_marketingsolutions_v2020_10.model.category_bid_message",
    "CategoryMessage": "criteo_api_marketingsolutions_v2020_10.model.category_message",
    "CategoryUpdateError": "criteo_api_marketingsolutions_v2020_10.model.category_update_error",
    "CategoryUpdateInput": "criteo_api_marketingsolutions_v2020_10.model.category_update_input",
    "CategoryUpdatesPerCatalog": "criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog",
    "CategoryUpdatesPerCatalogError": "criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog_error",
    "CategoryUpdatesPerCatalogErrorMessageWithDetails": "criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog_error_message_with_details",
    "ContactlistAmendment": "criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment",
    "ContactlistAmendmentAttributes": "criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_attributes",
    "ContactlistAmendmentRequest": "criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_request",
    "ContactlistOperation": "criteo_api_marketingsolutions_v2020_10.model.contactlist_operation",
    "ContactlistOperationAttributes": "criteo_api_marketingsolutions_v2020_10.model.contactlist_operation_attributes",
    "CriteoApiDataOfPortfolioMessage": "criteo_api_marketingsolutions_v2020_10.model.criteo_api_data_of_portfolio_message",
    "CriteoApiError": "criteo_api_marketingsolutions_v2020_10.model.criteo_api_error",
    "CriteoApiWarning": "criteo_api_marketingsolutions_v2020_10.model.criteo_api_warning",
    "DeleteAudienceContactListResponse": "criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response",
    "DeleteAudienceResponse": "criteo_api_marketingsolutions_v2020_10.model.delete_audience_response",
    "ErrorCodeResponse": "criteo_api_marketingsolutions_v2020_10.model.error_code_response",
    "ErrorMessage": "criteo_api_marketingsolutions_v2020_10.model.error_message",
    "GetAudiencesResponse": "criteo_api_marketingsolutions_v2020_10.model.get_audiences_response",
    "GetPortfolioResponse": "criteo_api_marketingsolutions_v2020_10.model.get_portfolio_response",
    "JwtModel": "criteo_api_marketingsolutions_v2020_10.model.jwt_model",
    "ModifyAudienceResponse": "criteo_api_marketingsolutions_v2020_10.model.modify_audience_response",
    "NewAudience": "criteo_api_marketingsolutions_v2020_10.model.new_audience",
    "NewAudienceAttributes": "criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes",
    "NewAudienceRequest": "criteo_api_marketingsolutions_v2020_10.model.new_audience_request",
    "NewAudienceResponse": "criteo_api_marketingsolutions_v2020_10.model.new_audience_response",
    "NillableAdSetTargetingRule": "criteo_api_marketingsolutions_v2020_10.model.nillable_ad_set_targeting_rule",
    "NillableDateTime": "criteo_api_marketingsolutions_v2020_10.model.nillable_date_time",
    "NillableDecimal": "criteo_api_marketingsolutions_v2020_10.model.nillable_decimal",
    "OAuth2Error": "criteo_api_marketingsolutions_v2020_10.model.o_auth2_error",
    "PatchAdSet": "criteo_api_marketingsolutions_v2020_10.model.patch_ad_set",
    "PatchAdSetBidding": "criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_bidding",
    "PatchAdSetBudget": "criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_budget",
    "PatchAdSetScheduling": "criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_scheduling",
    "PortfolioMessage": "criteo_api_marketingsolutions_v2020_10.model.portfolio_message",
    "ProblemDetails": "criteo_api_marketingsolutions_v2020_10.model.problem_details",
    "ReadAdSet": "criteo_api_marketingsolutions_v2020_10.model.read_ad_set",
    "ReadAdSetBidding": "criteo_api_marketingsolutions_v2020_10.model.read_ad_set_bidding",
    "ReadAdSetBudget": "criteo_api_marketingsolutions_v2020_10.model.read_ad_set_budget",
    "ReadAdSetSchedule": "criteo_api_marketingsolutions_v2020_10.model.read_ad_set_schedule",
    "ReadModelAdSetId": "criteo_api_marketingsolutions_v2020_10.model.read_model_ad_set_id",
    "ReadModelReadAdSet": "criteo_api_marketingsolutions_v2020_10.model.read_model_read_ad_set",
    "ReplaceAudience": "criteo_api_marketingsolutions_v2020_10.model.replace_audience",
    "ReplaceAudienceRequest": "criteo_api_marketingsolutions_v2020_10.model.replace_audience_request",
    "ReplaceAudienceResponse": "criteo_api_marketingsolutions_v2020_10.model.replace_audience_response",
    "RequestAdSetSearch": "criteo_api_marketingsolutions_v2020_10.model.request_ad_set_search",
    "RequestsAdSetId": "criteo_api_marketingsolutions_v2020_10.model.requests_ad_set_id",
    "RequestsPatchAdSet": "criteo_api_marketingsolutions_v2020_10.model.requests_patch_ad_set",
    "ResponseAdSetId": "criteo_api_marketingsolutions_v2020_10.model.response_ad_set_id",
    "ResponseReadAdSet": "criteo_api_marketingsolutions_v2020_10.model.response_read_ad_set",
    "ResponsesAdSetId": "criteo_api_marketingsolutions_v2020_10.model.responses_ad_set_id",
    "ResponsesReadAdSet": "criteo_api_marketingsolutions_v2020_10.model.responses_read_ad_set",
    "StatisticsReportQueryMessage": "criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message",
    "TransactionsReportQueryDataMessage": "criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_data_message",
    "TransactionsReportQueryEntityMessage": "criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_entity_message",
    "TransactionsReportQueryMessage": "criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message",
    "WriteModelAdSetId": "criteo_api_marketingsolutions_v2020_10.model.write_model_ad_set_id",
    "WriteModelPatchAdSet": "criteo_api_marketingsolutions_v2020_10.model.write_model_patch_ad_set",
}

__all__ = [
    "AdSetDeliveryLimitations",
    "AdSetFrequencyCapping",
    "AdSetGeoLocation",
    "AdSetSearchFilter",
    "AdSetTargeting",
    "AdSetTargetingRule",
    "Audience",
    "AudienceAttributes",
    "AudienceError",
    "AudienceNameDescription",
    "AudienceWarning",
    "BasicAudienceDefinition",
    "BidMessage",
    "CampaignBidChangeRequest",
    "CampaignBidChangeResponse",
    "CampaignBidChangeResponseMessageWithDetails",
    "CampaignBidMessage",
    "CampaignMessage",
    "CategoryBidChangeRequest",
    "CategoryBidMessage",
    "CategoryMessage",
    "CategoryUpdateError",
    "CategoryUpdateInput",
    "CategoryUpdatesPerCatalog",
    "CategoryUpdatesPerCatalogError",
    "CategoryUpdatesPerCatalogErrorMessageWithDetails",
    "ContactlistAmendment",
    "ContactlistAmendmentAttributes",
    "ContactlistAmendmentRequest",
    "ContactlistOperation",
    "ContactlistOperationAttributes",
    "CriteoApiDataOfPortfolioMessage",
    "CriteoApiError",
    "CriteoApiWarning",
    "DeleteAudienceContactListResponse",
    "DeleteAudienceResponse",
    "ErrorCodeResponse",
    "ErrorMessage",
    "GetAudiencesResponse",
    "GetPortfolioResponse",
    "JwtModel",
    "ModifyAudienceResponse",
    "NewAudience",
    "NewAudienceAttributes",
    "NewAudienceRequest",
    "NewAudienceResponse",
    "NillableAdSetTargetingRule",
    "NillableDateTime",
    "NillableDecimal",
    "OAuth2Error",
    "PatchAdSet",
    "PatchAdSetBidding",
    "PatchAdSetBudget",
    "PatchAdSetScheduling",
    "PortfolioMessage",
    "ProblemDetails",
    "ReadAdSet",
    "ReadAdSetBidding",
    "ReadAdSetBudget",
    "ReadAdSetSchedule",
    "ReadModelAdSetId",
    "ReadModelReadAdSet",
    "ReplaceAudience",
    "ReplaceAudienceRequest",
    "ReplaceAudienceResponse",
    "RequestAdSetSearch",
    "RequestsAdSetId",
    "RequestsPatchAdSet",
    "ResponseAdSetId",
    "ResponseReadAdSet",
    "ResponsesAdSetId",
    "ResponsesReadAdSet",
    "StatisticsReportQueryMessage",
    "TransactionsReportQueryDataMessage",
    "TransactionsReportQueryEntityMessage",
    "TransactionsReportQueryMessage",
    "WriteModelAdSetId",
    "WriteModelPatchAdSet",
]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_delivery_limitations import (
        AdSetDeliveryLimitations as AdSetDeliveryLimitations,
    )
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_frequency_capping import (
        AdSetFrequencyCapping as AdSetFrequencyCapping,
    )
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_geo_location import AdSetGeoLocation as AdSetGeoLocation
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_search_filter import AdSetSearchFilter as AdSetSearchFilter
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting import AdSetTargeting as AdSetTargeting
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting_rule import (
        AdSetTargetingRule as AdSetTargetingRule,
    )
    from criteo_api_marketingsolutions_v2020_10.model.audience import Audience as Audience
    from criteo_api_marketingsolutions_v2020_10.model.audience_attributes import (
        AudienceAttributes as AudienceAttributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model.audience_error import AudienceError as AudienceError
    from criteo_api_marketingsolutions_v2020_10.model.audience_name_description import (
        AudienceNameDescription as AudienceNameDescription,
    )
    from criteo_api_marketingsolutions_v2020_10.model.audience_warning import AudienceWarning as AudienceWarning
    from criteo_api_marketingsolutions_v2020_10.model.basic_audience_definition import (
        BasicAudienceDefinition as BasicAudienceDefinition,
    )
    from criteo_api_marketingsolutions_v2020_10.model.bid_message import BidMessage as BidMessage
    from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_request import (
        CampaignBidChangeRequest as CampaignBidChangeRequest,
    )
    from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_response import (
        CampaignBidChangeResponse as CampaignBidChangeResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_response_message_with_details import (
        CampaignBidChangeResponseMessageWithDetails as CampaignBidChangeResponseMessageWithDetails,
    )
    from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_message import (
        CampaignBidMessage as CampaignBidMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.campaign_message import CampaignMessage as CampaignMessage
    from criteo_api_marketingsolutions_v2020_10.model.category_bid_change_request import (
        CategoryBidChangeRequest as CategoryBidChangeRequest,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_bid_message import (
        CategoryBidMessage as CategoryBidMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_message import CategoryMessage as CategoryMessage
    from criteo_api_marketingsolutions_v2020_10.model.category_update_error import (
        CategoryUpdateError as CategoryUpdateError,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_update_input import (
        CategoryUpdateInput as CategoryUpdateInput,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog import (
        CategoryUpdatesPerCatalog as CategoryUpdatesPerCatalog,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog_error import (
        CategoryUpdatesPerCatalogError as CategoryUpdatesPerCatalogError,
    )
    from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog_error_message_with_details import (
        CategoryUpdatesPerCatalogErrorMessageWithDetails as CategoryUpdatesPerCatalogErrorMessageWithDetails,
    )
    from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment import (
        ContactlistAmendment as ContactlistAmendment,
    )
    from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_attributes import (
        ContactlistAmendmentAttributes as ContactlistAmendmentAttributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_request import (
        ContactlistAmendmentRequest as ContactlistAmendmentRequest,
    )
    from criteo_api_marketingsolutions_v2020_10.model.contactlist_operation import (
        ContactlistOperation as ContactlistOperation,
    )
    from criteo_api_marketingsolutions_v2020_10.model.contactlist_operation_attributes import (
        ContactlistOperationAttributes as ContactlistOperationAttributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model.criteo_api_data_of_portfolio_message import (
        CriteoApiDataOfPortfolioMessage as CriteoApiDataOfPortfolioMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.criteo_api_error import CriteoApiError as CriteoApiError
    from criteo_api_marketingsolutions_v2020_10.model.criteo_api_warning import CriteoApiWarning as CriteoApiWarning
    from criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response import (
        DeleteAudienceContactListResponse as DeleteAudienceContactListResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.delete_audience_response import (
        DeleteAudienceResponse as DeleteAudienceResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.error_code_response import ErrorCodeResponse as ErrorCodeResponse
    from criteo_api_marketingsolutions_v2020_10.model.error_message import ErrorMessage as ErrorMessage
    from criteo_api_marketingsolutions_v2020_10.model.get_audiences_response import (
        GetAudiencesResponse as GetAudiencesResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.get_portfolio_response import (
        GetPortfolioResponse as GetPortfolioResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel as JwtModel
    from criteo_api_marketingsolutions_v2020_10.model.modify_audience_response import (
        ModifyAudienceResponse as ModifyAudienceResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience as NewAudience
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes import (
        NewAudienceAttributes as NewAudienceAttributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import (
        NewAudienceRequest as NewAudienceRequest,
    )
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_response import (
        NewAudienceResponse as NewAudienceResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.nillable_ad_set_targeting_rule import (
        NillableAdSetTargetingRule as NillableAdSetTargetingRule,
    )
    from criteo_api_marketingsolutions_v2020_10.model.nillable_date_time import NillableDateTime as NillableDateTime
    from criteo_api_marketingsolutions_v2020_10.model.nillable_decimal import NillableDecimal as NillableDecimal
    from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error as OAuth2Error
    from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set import PatchAdSet as PatchAdSet
    from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_bidding import PatchAdSetBidding as PatchAdSetBidding
    from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_budget import PatchAdSetBudget as PatchAdSetBudget
    from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_scheduling import (
        PatchAdSetScheduling as PatchAdSetScheduling,
    )
    from criteo_api_marketingsolutions_v2020_10.model.portfolio_message import PortfolioMessage as PortfolioMessage
    from criteo_api_marketingsolutions_v2020_10.model.problem_details import ProblemDetails as ProblemDetails
    from criteo_api_marketingsolutions_v2020_10.model.read_ad_set import ReadAdSet as ReadAdSet
    from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_bidding import ReadAdSetBidding as ReadAdSetBidding
    from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_budget import ReadAdSetBudget as ReadAdSetBudget
    from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_schedule import ReadAdSetSchedule as ReadAdSetSchedule
    from criteo_api_marketingsolutions_v2020_10.model.read_model_ad_set_id import ReadModelAdSetId as ReadModelAdSetId
    from criteo_api_marketingsolutions_v2020_10.model.read_model_read_ad_set import (
        ReadModelReadAdSet as ReadModelReadAdSet,
    )
    from criteo_api_marketingsolutions_v2020_10.model.replace_audience import ReplaceAudience as ReplaceAudience
    from criteo_api_marketingsolutions_v2020_10.model.replace_audience_request import (
        ReplaceAudienceRequest as ReplaceAudienceRequest,
    )
    from criteo_api_marketingsolutions_v2020_10.model.replace_audience_response import (
        ReplaceAudienceResponse as ReplaceAudienceResponse,
    )
    from criteo_api_marketingsolutions_v2020_10.model.request_ad_set_search import (
        RequestAdSetSearch as RequestAdSetSearch,
    )
    from criteo_api_marketingsolutions_v2020_10.model.requests_ad_set_id import RequestsAdSetId as RequestsAdSetId
    from criteo_api_marketingsolutions_v2020_10.model.requests_patch_ad_set import (
        RequestsPatchAdSet as RequestsPatchAdSet,
    )
    from criteo_api_marketingsolutions_v2020_10.model.response_ad_set_id import ResponseAdSetId as ResponseAdSetId
    from criteo_api_marketingsolutions_v2020_10.model.response_read_ad_set import ResponseReadAdSet as ResponseReadAdSet
    from criteo_api_marketingsolutions_v2020_10.model.responses_ad_set_id import ResponsesAdSetId as ResponsesAdSetId
    from criteo_api_marketingsolutions_v2020_10.model.responses_read_ad_set import (
        ResponsesReadAdSet as ResponsesReadAdSet,
    )
    from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
        StatisticsReportQueryMessage as StatisticsReportQueryMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_data_message import (
        TransactionsReportQueryDataMessage as TransactionsReportQueryDataMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_entity_message import (
        TransactionsReportQueryEntityMessage as TransactionsReportQueryEntityMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
        TransactionsReportQueryMessage as TransactionsReportQueryMessage,
    )
    from criteo_api_marketingsolutions_v2020_10.model.write_model_ad_set_id import (
        WriteModelAdSetId as WriteModelAdSetId,
    )
    from criteo_api_marketingsolutions_v2020_10.model.write_model_patch_ad_set import (
        WriteModelPatchAdSet as WriteModelPatchAdSet,
    )
else:  # checkers see the names above; at run time each is imported on first access
    __getattr__, __dir__ = lazy_exports(globals(), _MODULES)
