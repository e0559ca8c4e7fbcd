"""AdSetTargetingRule, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetTargetingRule(ModelNormal):
    """A targeting rule: a list of values, included or excluded.

    Attributes:
        operand (str): Whether the values are included (``in``) or excluded (``notIn``).
        values (list[str]): The values the rule is about.
    """

    operand: Optional[str]
    values: Optional[list[str]]

    _fields = (
        Field("operand", "operand", "str", enum=("undefined", "in", "notIn"), description="Whether the values are included (``in``) or excluded (``notIn``)."),
        Field("values", "values", "[str]", description="The values the rule is about."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, operand: Literal["undefined", "in", "notIn"] = UNSET, values: list[str] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["operand"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["values"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
