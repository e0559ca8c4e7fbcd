"""The hand-written text the spec lacks: one-line descriptions and example values.

``descriptions.json`` holds one line per operation, parameter, model and
field (the spec has almost no descriptions); ``examples.json`` holds the
argument values the documentation examples use. Field and parameter lines are
looked up by ``Owner.name`` first, then by the bare name shared by every owner.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Set

HERE = Path(__file__).resolve().parent


class Texts:
    """Looks up descriptions and examples, remembering which entries were used."""

    def __init__(self, descriptions: Dict[str, Dict[str, str]], examples: Dict[str, Dict[str, Any]]) -> None:
        self.descriptions = descriptions
        self.examples = examples
        self.used: Set[str] = set()

    @classmethod
    def load(cls, folder: Path = HERE) -> Texts:
        """Read ``descriptions.json`` and ``examples.json`` from ``folder``."""
        descriptions = json.loads((folder / "descriptions.json").read_text(encoding="utf-8"))
        examples = json.loads((folder / "examples.json").read_text(encoding="utf-8"))
        return cls(descriptions, examples)

    def _lookup(self, section: str, *keys: str) -> str:
        table = self.descriptions.get(section, {})
        for key in keys:
            if key in table:
                self.used.add(f"{section}:{key}")
                return table[key]
        return ""

    def operation(self, operation_id: str) -> str:
        """The one-line summary of an operation."""
        return self._lookup("operations", operation_id)

    def parameter(self, operation_id: str, wire: str) -> str:
        """The description of a parameter (``body`` for a JSON request body)."""
        return self._lookup("parameters", f"{operation_id}.{wire}", wire)

    def model(self, name: str) -> str:
        """The one-line description of a model."""
        return self._lookup("models", name)

    def field(self, model: str, wire: str) -> str:
        """The description of a model's field."""
        return self._lookup("fields", f"{model}.{wire}", wire)

    def example(self, operation_id: str) -> Dict[str, Any]:
        """The example arguments of an operation, by Python parameter name (bodies as JSON)."""
        return self.examples.get("operations", {}).get(operation_id, {})

    def unused(self) -> Set[str]:
        """Description entries no lookup asked for (stale after a spec change)."""
        every = {f"{section}:{key}" for section, table in self.descriptions.items() for key in table}
        return every - self.used
