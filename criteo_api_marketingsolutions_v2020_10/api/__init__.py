"""API classes, one module per tag (``from ...api import o_auth_api``); ``apis`` imports them all."""
