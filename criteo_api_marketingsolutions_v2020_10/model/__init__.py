"""Models, one module per schema (``from ...model.jwt_model import JwtModel``); ``models`` imports them all."""
