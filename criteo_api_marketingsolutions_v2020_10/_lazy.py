"""Module attributes imported on first use (PEP 562), so that importing the
package, ``apis`` or ``models`` costs nothing until a name is touched.

Each package ``__init__`` also imports the same names under
``TYPE_CHECKING``, as explicit re-exports, and installs these hooks only
at run time: type checkers see exactly the names in ``__all__``.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, Iterable, List, Mapping, MutableMapping, Tuple

__all__ = ["lazy_exports", "lazy_submodules"]

ModuleHooks = Tuple[Callable[[str], Any], Callable[[], List[str]]]
"""A module's ``__getattr__`` and ``__dir__``."""


def lazy_exports(namespace: MutableMapping[str, Any], table: Mapping[str, str]) -> ModuleHooks:
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


def lazy_submodules(namespace: MutableMapping[str, Any], modules: Iterable[str]) -> ModuleHooks:
    """A package's ``__getattr__`` and ``__dir__`` that import its submodules on first access.

    Usage, at the end of a package ``__init__``: ``__getattr__, __dir__ = lazy_submodules(globals(), __all__)``.
    """
    package = namespace["__name__"]
    table = {name: f"{package}.{name}" for name in modules}

    def __getattr__(name: str) -> Any:
        source = table.get(name)
        if source is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(source)  # also binds it in the package namespace
        namespace[name] = module
        return module

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(table))

    return __getattr__, __dir__
