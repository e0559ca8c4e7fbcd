"""The secret values the SDK knows (``register``), and scrubbing of text by value.

``scrub_text`` and ``scrub_bytes`` replace each value with ``***`` in every shape it takes: raw,
percent-encoded, base64 (standard or URL-safe, padded or not, also in ``Basic id:secret``), JSON- and
``repr``-escaped; ``scrub_chain`` cleans an exception chain in place. The registry is process-wide,
thread-safe and keeps the ``MAX_VALUES`` most recent values of at least ``MIN_LENGTH`` characters.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import OrderedDict
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Set, Tuple, cast
from urllib.parse import quote, quote_plus

__all__ = [
    "MASK", "MAX_VALUES", "MIN_LENGTH", "contains", "contains_bytes", "forget", "longest_form",
    "on_new_value", "register", "scrub_bytes", "scrub_chain", "scrub_headers", "scrub_text",
]

#: What a secret is replaced with.
MASK = "***"
#: How many values the registry keeps: the most recent ones.
MAX_VALUES = 256
#: Shorter values are not registered.
MIN_LENGTH = 4

# With many needles, the text is looked up in an index every _STRIDE characters: each needle is indexed
# by its _STRIDE windows of _KEY characters that end near its end, so any occurrence covers a window
# looked up. Ends, not beginnings: tokens of one issuer share their first characters.
_KEY = 8
_STRIDE = 8
_INDEXED = _KEY + _STRIDE - 1
_DIRECT_LIMIT = 64
_MAX_CHAIN = 64  # exceptions followed in a chain
_MAX_NESTING = 6  # levels of containers followed in an argument
_URLSAFE = str.maketrans("+/", "-_")
_HEX_ESCAPE = re.compile(r"(%[0-9A-F]{2})|(\\u[0-9a-f]{4})")


class _Matcher:
    """Replaces a fixed set of needles, longest first."""

    __slots__ = ("_direct", "_index", "longest")

    def __init__(self, needles: Iterable[str]) -> None:
        ordered = sorted(set(needles), key=len, reverse=True)
        self.longest = len(ordered[0]) if ordered else 0
        self._index: Dict[str, List[str]] = {}
        self._direct: Tuple[str, ...] = tuple(ordered)
        indexed = [n for n in ordered if len(n) >= _INDEXED]
        if len(indexed) > _DIRECT_LIMIT:
            for needle in indexed:
                for end in range(len(needle), len(needle) - _STRIDE, -1):
                    self._index.setdefault(needle[end - _KEY : end], []).append(needle)
            self._direct = tuple(n for n in ordered if len(n) < _INDEXED)

    def scrub(self, text: str) -> str:
        """``text`` with every needle replaced by the mask."""
        found = [n for n in self._direct if n in text]
        index = self._index
        if index:
            for position in range(0, len(text) - _KEY + 1, _STRIDE):
                bucket = index.get(text[position : position + _KEY])
                if bucket is not None:
                    found += bucket
            # Longest first across buckets too: a shorter needle inside a longer one must not leave
            # readable pieces of the longer one.
            found = sorted(set(found), key=len, reverse=True)
        for needle in found:
            if needle in text:
                text = text.replace(needle, MASK)
        return text


def _lower_hex(text: str) -> str:
    """Percent-escapes in lower case and ``\\u`` escapes in upper case: the other spelling."""
    return _HEX_ESCAPE.sub(lambda m: m.group(1).lower() if m.group(1) else "\\u" + m.group(2)[2:].upper(), text)


def _base64_forms(data: bytes) -> Set[str]:
    """Base64 of ``data`` at each alignment it can have in a longer text (``Basic id:secret``): only what
    follows the first group of four characters, which mixes the prefix in, depends on ``data`` alone."""
    forms: Set[str] = set()
    for offset in range(3):
        encoded, start = base64.b64encode(b"\0" * offset + data).decode("ascii"), 4 if offset else 0
        for form in (encoded[start:], encoded[start:].rstrip("="), encoded[start : (offset + len(data)) // 3 * 4]):
            forms.update((form, form.translate(_URLSAFE)))
    return forms


def _forms(value: str) -> FrozenSet[str]:
    """Every shape ``value`` may take in text, and in bytes seen as Latin-1 (one character a byte)."""
    escaped = {json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], repr(value)[1:-1]}
    texts = {value, *escaped, *(form.replace("/", "\\/") for form in escaped)}
    for safe in ("/", "", "*"):
        texts.update((quote(value, safe=safe, errors="surrogatepass"), quote_plus(value, safe, errors="surrogatepass")))
    texts |= {_lower_hex(form) for form in texts}
    for data in {value.encode("utf-8", "surrogatepass"), quote_plus(value, errors="surrogatepass").encode("ascii")}:
        texts |= _base64_forms(data)
    texts |= {form.encode("utf-8", "surrogatepass").decode("latin-1") for form in texts if not form.isascii()}
    return frozenset(form for form in texts if len(form) >= MIN_LENGTH)


_lock = threading.Lock()
_registered: OrderedDict[str, FrozenSet[str]] = OrderedDict()
# Rebuilt on every change and swapped in whole, so readers take no lock.
_matcher = _Matcher(())
_listeners: List[Callable[[], None]] = []


def _rebuild() -> None:
    global _matcher
    _matcher = _Matcher(form for forms in _registered.values() for form in forms)


def register(*values: Optional[str]) -> None:
    """Remember secret values (``None``, non-strings and short ones are ignored) so that every later scrub
    blanks them; a known value becomes recent again. Listeners run after an addition."""
    fresh = [v for v in values if isinstance(v, str) and len(v) >= MIN_LENGTH]
    if fresh and _add(fresh):
        for listener in tuple(_listeners):
            listener()


def register_credentials(headers: Mapping[str, Any]) -> None:
    """Register the credentials a request carries (its ``Authorization`` value, and the token in it).

    Transports call it when a request fails: they can be used without a
    client, which registers its own, and the error may quote an answer that
    echoes what was sent.
    """
    for name, value in headers.items():
        if name.lower() in ("authorization", "proxy-authorization") and isinstance(value, str):
            register(value, value.partition(" ")[2].strip())


def guard_failure(headers: Mapping[str, Any], error: BaseException) -> None:
    """Register the credentials of a failed request, then scrub them and every known secret from ``error``
    and its chain (its message, headers and body included)."""
    register_credentials(headers)
    scrub_chain(error)


def _add(values: List[str]) -> bool:
    """Register ``values``; whether any was new."""
    with _lock:
        changed = False
        for value in values:
            if value in _registered:
                _registered.move_to_end(value)
            else:
                _registered[value] = _forms(value)
                changed = True
        while len(_registered) > MAX_VALUES:
            _registered.popitem(last=False)
        if changed:
            _rebuild()
        return changed


def on_new_value(listener: Callable[[], None]) -> None:
    """Call ``listener`` after every registration that adds a value (``_log`` re-checks its filters)."""
    if listener not in _listeners:
        _listeners.append(listener)


def forget(*values: Optional[str]) -> None:
    """Drop values from the registry (a credential that was replaced, or one a test made up)."""
    with _lock:
        if [_registered.pop(v) for v in values if isinstance(v, str) and v in _registered]:
            _rebuild()


def scrub_text(text: str) -> str:
    """``text`` with every known secret, in any of its shapes, replaced by ``***``."""
    return _matcher.scrub(text) if text else text


def scrub_bytes(data: bytes) -> bytes:
    """``data`` with every known secret, in any of its shapes (UTF-8 or Latin-1), replaced by ``***``."""
    if not data:
        return data
    view = data.decode("latin-1")
    cleaned = _matcher.scrub(view)
    return data if cleaned is view else cleaned.encode("latin-1")


def contains(text: str) -> bool:
    """Whether ``text`` holds a known secret in any of its shapes."""
    return bool(text) and _matcher.scrub(text) != text


def contains_bytes(data: bytes) -> bool:
    """Whether ``data`` holds a known secret in any of its shapes."""
    return bool(data) and scrub_bytes(data) != data


def longest_form() -> int:
    """Length in bytes of the longest shape of a known secret (0 when none is known)."""
    return _matcher.longest


def scrub_headers(headers: Optional[Mapping[str, str]]) -> Optional[Mapping[str, str]]:
    """``headers`` with known secrets blanked: the same object when nothing changed, else a case-insensitive
    ``urllib3.HTTPHeaderDict``; ``None`` for something that is not a mapping."""
    if not headers:
        return headers
    try:
        pairs: Any = headers.items() if hasattr(headers, "items") else headers  # or a list of pairs
        items = [(str(k), str(v)) for k, v in pairs]
    except Exception:
        return None
    if not any(contains(f"{k}\n{v}") for k, v in items):
        return headers
    from urllib3 import HTTPHeaderDict

    cleaned = [(scrub_text(k), scrub_text(v)) for k, v in items]
    try:
        return HTTPHeaderDict(cleaned)
    except Exception:  # names urllib3 refuses: a plain dict still holds them
        return dict(cleaned)


# ---------------------------------------------------------------- exceptions


def _scrub_container(value: Any, pending: List[BaseException], depth: int) -> Any:
    """A tuple, list or dict with its strings scrubbed: the same object when nothing changed."""
    is_dict = type(value) is dict
    items: List[Any] = [*value, *value.values()] if is_dict else list(value)
    cleaned = [_scrub_value(v, pending, depth + 1) for v in items]
    if all(a is b for a, b in zip(cleaned, items)):
        return value
    if is_dict:
        return dict(zip(cleaned[: len(items) // 2], cleaned[len(items) // 2 :]))
    return tuple(cleaned) if type(value) is tuple else cleaned


def _scrub_value(value: Any, pending: List[BaseException], depth: int) -> Any:
    """``value`` with secrets blanked in its strings; nested exceptions are queued, not entered."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, (bytes, bytearray)):
        cleaned = scrub_bytes(bytes(value))
        return value if cleaned == value else type(value)(cleaned)
    if isinstance(value, BaseException):
        pending.append(value)
        return value
    if depth < _MAX_NESTING and type(value) in (tuple, list, dict):
        return _scrub_container(value, pending, depth)
    # e.g. an HTTPHeaderDict of response headers
    return scrub_headers(cast(Mapping[str, str], value)) if isinstance(value, Mapping) else value


def _scrub_attributes(error: BaseException, pending: List[BaseException]) -> None:
    members: Any = getattr(error, "__dict__", None)
    if isinstance(members, dict):
        for key, value in list(cast(Dict[str, Any], members).items()):
            cleaned = _scrub_value(value, pending, 1)
            if cleaned is not value:
                members[key] = cleaned
    # Text some built-in exceptions keep outside ``args`` and ``__dict__``.
    for name in ("strerror", "filename", "filename2", "object", "reason", "msg", "text"):
        current: object = getattr(error, name, None)
        if isinstance(current, (str, bytes)) and (cleaned := _scrub_value(current, pending, 1)) != current:
            try:
                setattr(error, name, cleaned)
            except (AttributeError, TypeError):
                pass


def _scrub_one(error: BaseException, pending: List[BaseException]) -> None:
    cleaned = _scrub_value(error.args, pending, 0)
    if cleaned is not error.args:
        error.args = cleaned
    _scrub_attributes(error, pending)
    try:
        rendered = f"{error!s}\n{error!r}"
    except Exception:  # a message that cannot even be rendered shows nothing
        return
    if contains(rendered):
        error.args = (f"{type(error).__name__}: message withheld because it contained a credential",)


def scrub_chain(error: BaseException) -> None:
    """Blank known secrets in place in ``args``, attributes and notes of ``error`` and of every exception
    chained to it or held in it; a message still showing one is replaced by a neutral summary."""
    seen: Set[int] = set()
    pending: List[BaseException] = [error]
    while pending and len(seen) < _MAX_CHAIN:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        _scrub_one(current, pending)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
