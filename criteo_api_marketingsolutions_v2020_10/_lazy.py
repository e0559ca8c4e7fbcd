"""Module attributes imported on first use (PEP 562): importing the package, ``apis`` or ``models`` costs
nothing until a name is touched. Each package ``__init__`` also imports the same names under ``TYPE_CHECKING``
(explicit re-exports) and installs these hooks only at run time: checkers see exactly the names in ``__all__``.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable, List, Mapping, MutableMapping, Tuple

__all__ = ["lazy_exports", "lazy_submodules"]

ModuleHooks = Tuple[Callable[[str], Any], Callable[[], List[str]]]  #: a module's ``__getattr__`` and ``__dir__``
Namespace = MutableMapping[str, Any]


def _hooks(namespace: Namespace, table: Mapping[str, str], load: Callable[[str, str], Any]) -> ModuleHooks:
    """Hooks that bind ``load(table[name], name)`` to ``name`` in ``namespace`` on first access."""
    names = dict(table)

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = namespace[name] = load(names[name], name)  # cached: later lookups are plain reads
        return value

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__


def lazy_exports(namespace: Namespace, table: Mapping[str, str], submodules: Iterable[str] = ()) -> ModuleHooks:
    """A module's ``__getattr__`` and ``__dir__`` for ``table`` (name -> module path), and for the
    package's own ``submodules``, imported by name.

    Usage, at the end of a module: ``__getattr__, __dir__ = lazy_exports(globals(), _MODULES)``.
    """
    packages = {name: f"{namespace['__name__']}.{name}" for name in submodules}

    def load(module: str, name: str) -> Any:
        imported = importlib.import_module(module)
        return imported if name in packages else getattr(imported, name)

    return _hooks(namespace, {**table, **packages}, load)


def lazy_submodules(namespace: Namespace, modules: Iterable[str]) -> ModuleHooks:
    """A package's ``__getattr__`` and ``__dir__`` that import its submodules on first access.

    Usage, at the end of a package ``__init__``: ``__getattr__, __dir__ = lazy_submodules(globals(), __all__)``.
    """
    table = {name: f"{namespace['__name__']}.{name}" for name in modules}
    return _hooks(namespace, table, lambda module, _: importlib.import_module(module))
