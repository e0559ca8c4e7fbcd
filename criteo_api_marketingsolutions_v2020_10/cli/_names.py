"""How the command line names APIs, operations and parameters.

``docs/Operations.md`` is generated with these same functions (``codegen/render_operations.py`` imports
them), so the page and the commands cannot drift apart.
"""

from __future__ import annotations

import re

__all__ = ["BODY_FLAG", "PROGRAM", "api_command", "operation_command", "option_flag"]

#: The console script's name.
PROGRAM = "criteo-marketing"
#: The option that carries an operation's JSON request body.
BODY_FLAG = "--body"

_WORD_BREAK = re.compile(r"([a-z\d])([A-Z])")


def api_command(class_name: str) -> str:
    """The command of an API class: its tag in dashes.

    ``AudienceApi`` -> ``audience``, ``OAuthApi`` -> ``oauth``, ``AdSetApi`` -> ``ad-set``. Only a lower-case
    letter or digit followed by a capital starts a word, so that ``OAuth`` stays one word.
    """
    tag = class_name[: -len("Api")] if class_name.endswith("Api") else class_name
    return _WORD_BREAK.sub(r"\1-\2", tag).replace("_", "-").lower()


def operation_command(method_name: str) -> str:
    """The command of an operation: the Python method in dashes (``get_audiences`` -> ``get-audiences``)."""
    return method_name.replace("_", "-")


def option_flag(parameter_name: str) -> str:
    """The option of a parameter: its Python name in dashes (``advertiser_id`` -> ``--advertiser-id``)."""
    return "--" + parameter_name.replace("_", "-")
