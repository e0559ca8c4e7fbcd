"""Static types for generated code: the annotation of every parameter, field and result.

The engine's type strings map to annotations one to one (``[ReadAdSet]`` ->
``list[ReadAdSet]``, ``{str: int}`` -> ``dict[str, int]``, ``object`` ->
``dict[str, Any]``); an enum becomes ``Literal[...]`` where the values are
checked, that is on what the caller sends. What a caller reads from a model
the server may have sent is typed leniently: ``response_models`` lists the
models a response can contain, and their enum fields are plain ``str``
(unknown values from the server are kept), their optional fields
``Optional`` (the server may send ``null``).
"""

from __future__ import annotations

import json
from typing import Any, Iterable, List, Optional, Sequence, Set

from codegen.spec import ApiSpec, Model, Property

__all__ = [
    "RESERVED_FIELD_NAMES",
    "annotation",
    "field_annotation",
    "get_annotation",
    "init_parameter",
    "referenced_models",
    "response_models",
    "typing_names",
]

_SCALARS = {"object": "dict[str, Any]"}

RESERVED_FIELD_NAMES = frozenset({"date", "datetime", "Any", "Literal", "Optional", "TYPE_CHECKING", "Field"})
"""Names a model's annotations use: a field with one of them would hide it in the class body."""


def _literal(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def annotation(type_string: str, enum: Optional[Sequence[Any]] = None) -> str:
    """The annotation for a type string; with ``enum``, its innermost scalar is ``Literal[...]``."""
    text = type_string.strip()
    if text.startswith("[") and text.endswith("]"):
        return f"list[{annotation(text[1:-1], enum)}]"
    if text.startswith("{str:") and text.endswith("}"):
        return f"dict[str, {annotation(text[5:-1], enum)}]"
    if enum:
        return f"Literal[{', '.join(_literal(v) for v in enum)}]"
    return _SCALARS.get(text, text)


def referenced_models(type_strings: Iterable[Optional[str]]) -> List[str]:
    """The model names the type strings mention, sorted, each once."""
    names: Set[str] = set()
    for text in type_strings:
        core = (text or "").replace("[", "").replace("]", "").replace("{str:", "").replace("}", "").strip()
        if core[:1].isupper() and core.isidentifier():
            names.add(core)
    return sorted(names)


def response_models(spec: ApiSpec) -> Set[str]:
    """Every model a response of any operation can contain, directly or nested."""
    by_name = {model.name: model for model in spec.models}
    pending = referenced_models(r.type for api in spec.apis for op in api.operations for r in op.responses)
    found: Set[str] = set()
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        pending += referenced_models(p.type for p in by_name[name].properties)
    return found


def field_annotation(prop: Property, lenient: bool) -> str:
    """A model attribute's annotation: what reading it gives.

    ``lenient`` models (those a response can contain) type enum fields as
    the plain scalar. Fields that are optional or nullable are ``Optional``:
    an unset one raises on reading, but the server may send ``null``.
    """
    base = annotation(prop.type, None if lenient else prop.enum)
    return base if prop.required and not prop.nullable else f"Optional[{base}]"


def get_annotation(prop: Property, lenient: bool) -> str:
    """What ``model.get(name)`` gives: the field's type, or ``None`` when it is not set."""
    base = annotation(prop.type, None if lenient else prop.enum)
    return f"Optional[{base}]"


def init_parameter(prop: Property) -> str:
    """A constructor parameter: enums as ``Literal``, ``Optional`` only where ``None`` may be sent."""
    base = annotation(prop.type, prop.enum)
    if prop.nullable:
        base = f"Optional[{base}]"
    return f"{prop.name}: {base}" if prop.required else f"{prop.name}: {base} = UNSET"


def typing_names(annotations: Iterable[str]) -> List[str]:
    """The names to import from ``typing`` and ``datetime`` for these annotations, in import order."""
    text = " ".join(annotations)
    words = set(text.replace("[", " ").replace("]", " ").replace(",", " ").split())
    return [name for name in ("date", "datetime", "Any", "Literal", "Optional") if name in words]


def check_field_names(model: Model) -> None:
    """Refuse a model whose field names would hide a name its annotations need."""
    clashes = sorted({p.name for p in model.properties} & RESERVED_FIELD_NAMES)
    if clashes:
        raise ValueError(f"{model.name}: field name(s) {', '.join(clashes)} would hide a type name")
