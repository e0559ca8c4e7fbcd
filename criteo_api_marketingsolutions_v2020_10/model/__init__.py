"""Models, one module per schema (``from .model.jwt_model import JwtModel``); ``models`` has them all.

Each module is imported on first access (``from ... import *`` imports them all).

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_submodules

__all__ = [
    "ad_set_delivery_limitations",
    "ad_set_frequency_capping",
    "ad_set_geo_location",
    "ad_set_search_filter",
    "ad_set_targeting",
    "ad_set_targeting_rule",
    "audience",
    "audience_attributes",
    "audience_error",
    "audience_name_description",
    "audience_warning",
    "basic_audience_definition",
    "bid_message",
    "campaign_bid_change_request",
    "campaign_bid_change_response",
    "campaign_bid_change_response_message_with_details",
    "campaign_bid_message",
    "campaign_message",
    "category_bid_change_request",
    "category_bid_message",
    "category_message",
    "category_update_error",
    "category_update_input",
    "category_updates_per_catalog",
    "category_updates_per_catalog_error",
    "category_updates_per_catalog_error_message_with_details",
    "contactlist_amendment",
    "contactlist_amendment_attributes",
    "contactlist_amendment_request",
    "contactlist_operation",
    "contactlist_operation_attributes",
    "criteo_api_data_of_portfolio_message",
    "criteo_api_error",
    "criteo_api_warning",
    "delete_audience_contact_list_response",
    "delete_audience_response",
    "error_code_response",
    "error_message",
    "get_audiences_response",
    "get_portfolio_response",
    "jwt_model",
    "modify_audience_response",
    "new_audience",
    "new_audience_attributes",
    "new_audience_request",
    "new_audience_response",
    "nillable_ad_set_targeting_rule",
    "nillable_date_time",
    "nillable_decimal",
    "o_auth2_error",
    "patch_ad_set",
    "patch_ad_set_bidding",
    "patch_ad_set_budget",
    "patch_ad_set_scheduling",
    "portfolio_message",
    "problem_details",
    "read_ad_set",
    "read_ad_set_bidding",
    "read_ad_set_budget",
    "read_ad_set_schedule",
    "read_model_ad_set_id",
    "read_model_read_ad_set",
    "replace_audience",
    "replace_audience_request",
    "replace_audience_response",
    "request_ad_set_search",
    "requests_ad_set_id",
    "requests_patch_ad_set",
    "response_ad_set_id",
    "response_read_ad_set",
    "responses_ad_set_id",
    "responses_read_ad_set",
    "statistics_report_query_message",
    "transactions_report_query_data_message",
    "transactions_report_query_entity_message",
    "transactions_report_query_message",
    "write_model_ad_set_id",
    "write_model_patch_ad_set",
]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_delivery_limitations as ad_set_delivery_limitations
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_frequency_capping as ad_set_frequency_capping
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_geo_location as ad_set_geo_location
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_search_filter as ad_set_search_filter
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_targeting as ad_set_targeting
    from criteo_api_marketingsolutions_v2020_10.model import ad_set_targeting_rule as ad_set_targeting_rule
    from criteo_api_marketingsolutions_v2020_10.model import audience as audience
    from criteo_api_marketingsolutions_v2020_10.model import audience_attributes as audience_attributes
    from criteo_api_marketingsolutions_v2020_10.model import audience_error as audience_error
    from criteo_api_marketingsolutions_v2020_10.model import audience_name_description as audience_name_description
    from criteo_api_marketingsolutions_v2020_10.model import audience_warning as audience_warning
    from criteo_api_marketingsolutions_v2020_10.model import basic_audience_definition as basic_audience_definition
    from criteo_api_marketingsolutions_v2020_10.model import bid_message as bid_message
    from criteo_api_marketingsolutions_v2020_10.model import campaign_bid_change_request as campaign_bid_change_request
    from criteo_api_marketingsolutions_v2020_10.model import (
        campaign_bid_change_response as campaign_bid_change_response,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        campaign_bid_change_response_message_with_details as campaign_bid_change_response_message_with_details,
    )
    from criteo_api_marketingsolutions_v2020_10.model import campaign_bid_message as campaign_bid_message
    from criteo_api_marketingsolutions_v2020_10.model import campaign_message as campaign_message
    from criteo_api_marketingsolutions_v2020_10.model import category_bid_change_request as category_bid_change_request
    from criteo_api_marketingsolutions_v2020_10.model import category_bid_message as category_bid_message
    from criteo_api_marketingsolutions_v2020_10.model import category_message as category_message
    from criteo_api_marketingsolutions_v2020_10.model import category_update_error as category_update_error
    from criteo_api_marketingsolutions_v2020_10.model import category_update_input as category_update_input
    from criteo_api_marketingsolutions_v2020_10.model import (
        category_updates_per_catalog as category_updates_per_catalog,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        category_updates_per_catalog_error as category_updates_per_catalog_error,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        category_updates_per_catalog_error_message_with_details as category_updates_per_catalog_error_message_with_details,
    )
    from criteo_api_marketingsolutions_v2020_10.model import contactlist_amendment as contactlist_amendment
    from criteo_api_marketingsolutions_v2020_10.model import (
        contactlist_amendment_attributes as contactlist_amendment_attributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        contactlist_amendment_request as contactlist_amendment_request,
    )
    from criteo_api_marketingsolutions_v2020_10.model import contactlist_operation as contactlist_operation
    from criteo_api_marketingsolutions_v2020_10.model import (
        contactlist_operation_attributes as contactlist_operation_attributes,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        criteo_api_data_of_portfolio_message as criteo_api_data_of_portfolio_message,
    )
    from criteo_api_marketingsolutions_v2020_10.model import criteo_api_error as criteo_api_error
    from criteo_api_marketingsolutions_v2020_10.model import criteo_api_warning as criteo_api_warning
    from criteo_api_marketingsolutions_v2020_10.model import (
        delete_audience_contact_list_response as delete_audience_contact_list_response,
    )
    from criteo_api_marketingsolutions_v2020_10.model import delete_audience_response as delete_audience_response
    from criteo_api_marketingsolutions_v2020_10.model import error_code_response as error_code_response
    from criteo_api_marketingsolutions_v2020_10.model import error_message as error_message
    from criteo_api_marketingsolutions_v2020_10.model import get_audiences_response as get_audiences_response
    from criteo_api_marketingsolutions_v2020_10.model import get_portfolio_response as get_portfolio_response
    from criteo_api_marketingsolutions_v2020_10.model import jwt_model as jwt_model
    from criteo_api_marketingsolutions_v2020_10.model import modify_audience_response as modify_audience_response
    from criteo_api_marketingsolutions_v2020_10.model import new_audience as new_audience
    from criteo_api_marketingsolutions_v2020_10.model import new_audience_attributes as new_audience_attributes
    from criteo_api_marketingsolutions_v2020_10.model import new_audience_request as new_audience_request
    from criteo_api_marketingsolutions_v2020_10.model import new_audience_response as new_audience_response
    from criteo_api_marketingsolutions_v2020_10.model import (
        nillable_ad_set_targeting_rule as nillable_ad_set_targeting_rule,
    )
    from criteo_api_marketingsolutions_v2020_10.model import nillable_date_time as nillable_date_time
    from criteo_api_marketingsolutions_v2020_10.model import nillable_decimal as nillable_decimal
    from criteo_api_marketingsolutions_v2020_10.model import o_auth2_error as o_auth2_error
    from criteo_api_marketingsolutions_v2020_10.model import patch_ad_set as patch_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import patch_ad_set_bidding as patch_ad_set_bidding
    from criteo_api_marketingsolutions_v2020_10.model import patch_ad_set_budget as patch_ad_set_budget
    from criteo_api_marketingsolutions_v2020_10.model import patch_ad_set_scheduling as patch_ad_set_scheduling
    from criteo_api_marketingsolutions_v2020_10.model import portfolio_message as portfolio_message
    from criteo_api_marketingsolutions_v2020_10.model import problem_details as problem_details
    from criteo_api_marketingsolutions_v2020_10.model import read_ad_set as read_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import read_ad_set_bidding as read_ad_set_bidding
    from criteo_api_marketingsolutions_v2020_10.model import read_ad_set_budget as read_ad_set_budget
    from criteo_api_marketingsolutions_v2020_10.model import read_ad_set_schedule as read_ad_set_schedule
    from criteo_api_marketingsolutions_v2020_10.model import read_model_ad_set_id as read_model_ad_set_id
    from criteo_api_marketingsolutions_v2020_10.model import read_model_read_ad_set as read_model_read_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import replace_audience as replace_audience
    from criteo_api_marketingsolutions_v2020_10.model import replace_audience_request as replace_audience_request
    from criteo_api_marketingsolutions_v2020_10.model import replace_audience_response as replace_audience_response
    from criteo_api_marketingsolutions_v2020_10.model import request_ad_set_search as request_ad_set_search
    from criteo_api_marketingsolutions_v2020_10.model import requests_ad_set_id as requests_ad_set_id
    from criteo_api_marketingsolutions_v2020_10.model import requests_patch_ad_set as requests_patch_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import response_ad_set_id as response_ad_set_id
    from criteo_api_marketingsolutions_v2020_10.model import response_read_ad_set as response_read_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import responses_ad_set_id as responses_ad_set_id
    from criteo_api_marketingsolutions_v2020_10.model import responses_read_ad_set as responses_read_ad_set
    from criteo_api_marketingsolutions_v2020_10.model import (
        statistics_report_query_message as statistics_report_query_message,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        transactions_report_query_data_message as transactions_report_query_data_message,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        transactions_report_query_entity_message as transactions_report_query_entity_message,
    )
    from criteo_api_marketingsolutions_v2020_10.model import (
        transactions_report_query_message as transactions_report_query_message,
    )
    from criteo_api_marketingsolutions_v2020_10.model import write_model_ad_set_id as write_model_ad_set_id
    from criteo_api_marketingsolutions_v2020_10.model import write_model_patch_ad_set as write_model_patch_ad_set
else:  # checkers see the names above; at run time each is imported on first access
    __getattr__, __dir__ = lazy_submodules(globals(), __all__)
