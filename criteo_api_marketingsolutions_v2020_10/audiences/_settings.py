"""The arguments of an upload, checked before any I/O."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal, Optional, Sized, Tuple, Union, cast

from criteo_api_marketingsolutions_v2020_10.audiences._checkpoint import JobIdentity
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError

__all__ = [
    "IDENTIFIER_TYPES", "OPERATIONS", "IdentifierType", "Job", "Operation", "audience_id_from", "checkpoint_path",
    "input_of", "job_from",
]

#: What ``upload(operation=...)`` takes.
Operation = Literal["add", "remove"]
#: What ``upload(identifier_type=...)`` takes.
IdentifierType = Literal["email", "madid", "identityLink", "gum"]
#: The ``operation`` values of ``ContactlistAmendmentAttributes``.
OPERATIONS: Tuple[str, ...] = ("add", "remove")
#: The ``identifierType`` values of ``ContactlistAmendmentAttributes``.
IDENTIFIER_TYPES: Tuple[str, ...] = ("email", "madid", "identityLink", "gum")


@dataclass(frozen=True)
class Job:
    """An upload's settings, checked."""

    audience_id: str
    operation: str
    identifier_type: str
    gum_caller_id: Optional[int]
    chunk_size: int
    max_workers: int
    normalize_emails: bool

    @property
    def identity(self) -> JobIdentity:
        """What the checkpoint of this job records in its header."""
        return JobIdentity(
            self.audience_id, self.operation, self.identifier_type, self.chunk_size, self.gum_caller_id,
            self.normalize_emails,
        )


def audience_id_from(value: object) -> str:
    """The audience id as the API takes it: a str of digits (an int is accepted too)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ApiTypeError(f"audience_id must be a str, got {type(value).__name__}", ["audience_id"])
    if not value.isascii() or not value.isdigit():
        raise ApiValueError("audience_id must be the audience's numeric id", ["audience_id"])
    return value


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiTypeError(f"{name} must be an int, got {type(value).__name__}", [name])
    if value < 1:
        raise ApiValueError(f"{name} must be at least 1, got {value}", [name])
    return value


def _choice(name: str, value: object, allowed: Tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        shown = repr(value) if isinstance(value, str) else type(value).__name__
        raise ApiValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {shown}", [name])
    return value


def _gum_caller_id(identifier_type: str, value: object) -> Optional[int]:
    if identifier_type != "gum":
        if value is not None:
            raise ApiValueError("gum_caller_id goes with identifier_type='gum' only", ["gum_caller_id"])
        return None
    if value is None:
        raise ApiValueError("identifier_type='gum' needs the gum_caller_id the API requires", ["gum_caller_id"])
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiTypeError(f"gum_caller_id must be an int, got {type(value).__name__}", ["gum_caller_id"])
    return value


def _normalize_emails(identifier_type: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ApiTypeError(f"normalize_emails must be a bool, got {type(value).__name__}", ["normalize_emails"])
    if value and identifier_type != "email":
        raise ApiValueError("normalize_emails applies to identifier_type='email' only", ["normalize_emails"])
    return value


def job_from(
    audience_id: object, identifier_type: object, operation: object, gum_caller_id: object, chunk_size: object,
    max_workers: object, normalize_emails: object,
) -> Job:
    """The checked settings; ``ApiTypeError`` or ``ApiValueError`` naming the first argument that is wrong."""
    kind = _choice("identifier_type", identifier_type, IDENTIFIER_TYPES)
    return Job(
        audience_id=audience_id_from(audience_id),
        operation=_choice("operation", operation, OPERATIONS),
        identifier_type=kind,
        gum_caller_id=_gum_caller_id(kind, gum_caller_id),
        chunk_size=_positive_int("chunk_size", chunk_size),
        max_workers=_positive_int("max_workers", max_workers),
        normalize_emails=_normalize_emails(kind, normalize_emails),
    )


def input_of(identifiers: object) -> Tuple[Iterator[object], Optional[int]]:
    """An iterator over ``identifiers`` and their number when it is known without reading them."""
    if isinstance(identifiers, (str, bytes, bytearray)):
        # Iterating would send one identifier per character.
        raise ApiTypeError("identifiers must be an iterable of str, not a single str or bytes", ["identifiers"])
    try:
        source = iter(cast(Iterable[object], identifiers))
    except TypeError:
        raise ApiTypeError(f"identifiers must be an iterable of str, got {type(identifiers).__name__}", ["identifiers"])
    total: Optional[int] = None
    if isinstance(identifiers, Sized):
        try:
            total = len(identifiers)
        except TypeError:
            total = None
    return source, total


def checkpoint_path(checkpoint: object) -> Optional[str]:
    """The checkpoint's path as a str, or ``None`` without one."""
    if checkpoint is None:
        return None
    if not isinstance(checkpoint, (str, os.PathLike)):
        raise ApiTypeError(f"checkpoint must be a path (str or os.PathLike), got {type(checkpoint).__name__}",
                           ["checkpoint"])
    path = cast(object, os.fspath(cast(Union[str, "os.PathLike[str]"], checkpoint)))
    if not isinstance(path, str) or not path:  # a bytes path (os.PathLike[bytes]) is refused too
        raise ApiValueError("checkpoint must be a non-empty path", ["checkpoint"])
    return path
