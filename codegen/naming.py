"""Naming rules shared by every part of the generator.

The rules match what the SDK's users already rely on: schema ``OAuth2Error``
lives in ``model/o_auth2_error.py``, operation ``Advertisers_GetCategories``
becomes method ``get_categories`` and tag ``OAuth`` becomes class ``OAuthApi``.
"""

from __future__ import annotations

import re

_FIRST_CAPS = re.compile(r"([A-Z]+)([A-Z][a-z][a-z]+)")
_CAMEL_BREAK = re.compile(r"([a-z\d])([A-Z])")
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_OPERATION_PREFIX = re.compile(r"^[A-Za-z0-9]+_")


def to_snake(name: str) -> str:
    """``OAuth2Error`` -> ``o_auth2_error``, ``advertiserId`` -> ``advertiser_id``, ``audience-id`` -> ``audience_id``.

    The same rule as ``model_utils.to_snake``, which the engine uses to find a
    model's module from its name; a test keeps the two in step.
    """
    name = _FIRST_CAPS.sub(r"\1_\2", name)
    name = _CAMEL_BREAK.sub(r"\1_\2", name)
    return name.replace("-", "_").replace(".", "_").lower()


def to_pascal(name: str) -> str:
    """``attributes`` -> ``Attributes``, ``geoLocation`` -> ``GeoLocation``, ``zip-codes`` -> ``ZipCodes``."""
    return "".join(word[:1].upper() + word[1:] for word in _WORD_SPLIT.split(name) if word)


def method_name(operation_id: str) -> str:
    """The Python method of an operation: ``Campaigns_GetBids`` -> ``get_bids``, ``getAudiences`` -> ``get_audiences``.

    A ``Xxx_`` prefix (the controller name some operation ids carry) is dropped.
    """
    return to_snake(_OPERATION_PREFIX.sub("", operation_id))


def api_class_name(tag: str) -> str:
    """The API class of a tag: ``OAuth`` -> ``OAuthApi``."""
    return to_pascal(tag) + "Api"


def inline_model_name(parent: str, property_name: str) -> str:
    """The model synthesized for an inline object property: ``Audience`` + ``attributes`` -> ``AudienceAttributes``."""
    return parent + to_pascal(property_name)
