"""Module attributes imported on first use (PEP 562), so that importing the
package, ``apis`` or ``models`` costs nothing until a name is touched."""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, List, Mapping, MutableMapping, Tuple


def lazy_exports(
    namespace: MutableMapping[str, Any], table: Mapping[str, str]
) -> Tuple[Callable[[str], Any], Callable[[], List[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` for ``table`` (name -> module path).

    Usage, at the end of a module: ``__getattr__, __dir__ = lazy_exports(globals(), _MODULES)``.
    A name is imported from its module on first access and then cached in
    the module's namespace, so later lookups are ordinary attribute reads.
    """
    names: Dict[str, str] = dict(table)
    module_name = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        source = names.get(name)
        if source is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(source), name)
        namespace[name] = value
        return value

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__
