"""The intermediate model: what ``codegen.spec`` reads from the spec and the renderers turn into text.

Plain dataclasses, ``ApiSpec`` -> ``Api`` -> ``Operation`` -> ``Parameter``
and ``Model`` -> ``Property``, with every name and type string decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Optional, Tuple

__all__ = ["NO_DEFAULT", "Api", "ApiSpec", "Model", "Operation", "Parameter", "Property", "Response"]

NO_DEFAULT: Any = object()
"""Marks a parameter or property without a default in the spec."""


@dataclass
class Property:
    """One field of a model."""

    name: str
    wire: str
    type: str
    required: bool = False
    read_only: bool = False
    enum: Optional[Tuple[Any, ...]] = None
    secret: bool = False
    default: Any = NO_DEFAULT
    format: Optional[str] = None
    description: str = ""
    nullable: bool = False
    """``None`` may be sent: the spec says ``nullable``, or this is the ``value`` of a ``Nillable*`` wrapper."""


@dataclass
class Model:
    """A schema with named properties: a component schema or an inline object inside one."""

    name: str
    module: str
    description: str
    properties: List[Property]
    parent: Optional[str] = None
    """For an inline object, where it is declared, as ``Schema.property``; ``None`` for a component schema."""


@dataclass
class Parameter:
    """One argument of an operation."""

    name: str
    wire: str
    location: str
    type: str
    required: bool = False
    enum: Optional[Tuple[Any, ...]] = None
    secret: bool = False
    non_empty: bool = False
    default: Any = NO_DEFAULT
    format: Optional[str] = None
    description: str = ""


@dataclass
class Response:
    """One documented response status."""

    status: int
    type: Optional[str]
    description: str
    content_types: Tuple[str, ...]


@dataclass
class Operation:
    """One path + method of the spec, as a method of an API class."""

    name: str
    method: str
    path: str
    operation_id: str
    tag: str
    summary: str
    params: List[Parameter]
    content_types: Tuple[str, ...]
    accept: Tuple[str, ...]
    responses: List[Response]
    auth: Tuple[str, ...] = ()
    token_request: bool = False

    @property
    def return_type(self) -> Optional[str]:
        """The type of the first documented 2xx body, as the engine picks it."""
        for response in sorted(self.responses, key=lambda r: r.status):
            if 200 <= response.status < 300:
                return response.type
        return None

    @property
    def body(self) -> Optional[Parameter]:
        """The JSON request body parameter, if any."""
        return next((p for p in self.params if p.location == "body"), None)


@dataclass
class Api:
    """The operations of one tag."""

    class_name: str
    module: str
    tag: str
    operations: List[Operation] = field(default_factory=list[Operation])


@dataclass
class ApiSpec:
    """Everything the renderers need."""

    title: str
    host: str
    apis: List[Api]
    models: List[Model]
    security_scheme: str

    def model(self, name: str) -> Model:
        """The model called ``name``."""
        for model in self.models:
            if model.name == name:
                return model
        raise KeyError(name)
