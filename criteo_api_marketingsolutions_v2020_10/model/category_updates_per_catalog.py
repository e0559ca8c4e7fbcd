"""CategoryUpdatesPerCatalog, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CategoryUpdatesPerCatalog(ModelNormal):
    """Category changes within one catalog.

    Attributes:
        catalog_id (int): Id of the catalog (int32).
        categories ([CategoryUpdateInput]): The categories concerned.
    """

    _fields = (
        Field("catalog_id", "catalogId", "int", format="int32", description="Id of the catalog."),
        Field("categories", "categories", "[CategoryUpdateInput]", description="The categories concerned."),
    )
