"""CategoryUpdatesPerCatalogErrorMessageWithDetails, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CategoryUpdatesPerCatalogErrorMessageWithDetails(ModelNormal):
    """A refused category change: a message and the outcome for the catalog.

    Attributes:
        message (str): Summary of the problem.
        details (CategoryUpdatesPerCatalogError): Outcome for the catalog concerned.
    """

    _fields = (
        Field("message", "message", "str", description="Summary of the problem."),
        Field("details", "details", "CategoryUpdatesPerCatalogError", description="Outcome for the catalog concerned."),
    )
