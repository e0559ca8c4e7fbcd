"""The secret values the SDK knows, and scrubbing of text by value.

Client secrets, access tokens and API keys are registered here
(``register``) as the SDK receives them. ``scrub_text`` and ``scrub_bytes``
then replace each known value with ``***`` in every shape it takes on the
wire or in a message: raw, percent-encoded (``quote`` and ``quote_plus``),
base64 (standard and URL-safe, with or without padding, also inside a
``Basic id:secret`` credential), JSON-escaped and ``repr``-escaped.
``scrub_chain`` cleans an exception and everything chained to it, in place.

The registry is process-wide, thread-safe and bounded: it keeps the
``MAX_VALUES`` most recently registered values (registering a value again
makes it recent again). Values shorter than ``MIN_LENGTH`` characters are
ignored: they would blank ordinary words.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import OrderedDict
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Set, Tuple
from urllib.parse import quote, quote_plus

__all__ = [
    "MASK",
    "MAX_VALUES",
    "MIN_LENGTH",
    "contains",
    "contains_bytes",
    "forget",
    "longest_form",
    "on_new_value",
    "register",
    "scrub_bytes",
    "scrub_chain",
    "scrub_headers",
    "scrub_text",
]

#: What a secret is replaced with.
MASK = "***"
#: How many values the registry keeps: the most recent ones.
MAX_VALUES = 256
#: Shorter values are not registered.
MIN_LENGTH = 4

# With few needles, one substring search per needle is fastest. With many,
# the text is looked up in an index every _STRIDE characters: each needle is
# indexed by its _STRIDE windows of _KEY characters that end near its end,
# so any occurrence of it covers one of the windows looked up. Ends, not
# beginnings: tokens of one issuer share their first characters, their
# signatures tell them apart.
_KEY = 8
_STRIDE = 8
_INDEXED = _KEY + _STRIDE - 1
_DIRECT_LIMIT = 64
# An exception chain or a nested argument is followed this far, no further.
_MAX_CHAIN = 64
_MAX_NESTING = 6
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
                end = len(needle)
                for offset in range(_STRIDE):
                    window = needle[end - _KEY - offset : end - offset]
                    self._index.setdefault(window, []).append(needle)
            self._direct = tuple(n for n in ordered if len(n) < _INDEXED)

    def _candidates(self, text: str) -> List[str]:
        found = [n for n in self._direct if n in text]
        index = self._index
        if index:
            for position in range(0, len(text) - _KEY + 1, _STRIDE):
                bucket = index.get(text[position : position + _KEY])
                if bucket is not None:
                    found += bucket
        return found

    def scrub(self, text: str) -> str:
        """``text`` with every needle replaced by the mask."""
        candidates = self._candidates(text)
        if not candidates:
            return text
        if self._index:
            # Longest first across buckets too: a shorter needle inside a
            # longer one must not leave readable pieces of the longer one.
            candidates = sorted(set(candidates), key=len, reverse=True)
        for needle in candidates:
            if needle in text:
                text = text.replace(needle, MASK)
        return text


def _lower_hex(text: str) -> str:
    """Percent-escapes in lower case and ``\\u`` escapes in upper case: the other spelling."""
    return _HEX_ESCAPE.sub(lambda m: m.group(1).lower() if m.group(1) else "\\u" + m.group(2)[2:].upper(), text)


def _percent_forms(value: str) -> Set[str]:
    forms: Set[str] = set()
    for safe in ("/", "", "*"):
        forms.add(quote(value, safe=safe, errors="surrogatepass"))
        forms.add(quote_plus(value, safe=safe, errors="surrogatepass"))
    return forms


def _escaped_forms(value: str) -> Set[str]:
    forms = {json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], repr(value)[1:-1]}
    return forms | {form.replace("/", "\\/") for form in forms}


def _base64_forms(data: bytes) -> Set[str]:
    """Base64 of ``data`` at each of the three alignments it can have inside a longer encoded text.

    Behind a prefix (``id:`` in ``Basic id:secret``) the first group of four
    characters mixes prefix and secret; everything after it depends on the
    secret alone and is what is matched.
    """
    forms: Set[str] = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data).decode("ascii")
        start = 4 if offset else 0
        whole_groups = (offset + len(data)) // 3 * 4
        for form in (encoded[start:], encoded[start:].rstrip("="), encoded[start:whole_groups]):
            forms.add(form)
            forms.add(form.translate(_URLSAFE))
    return forms


def _forms(value: str) -> FrozenSet[str]:
    """Every shape ``value`` may take in text, and in bytes seen as Latin-1 (one character a byte)."""
    texts = {value} | _percent_forms(value) | _escaped_forms(value)
    texts |= {_lower_hex(form) for form in texts}
    for data in {value.encode("utf-8", "surrogatepass"), quote_plus(value, errors="surrogatepass").encode("ascii")}:
        texts |= _base64_forms(data)
    as_bytes = {form.encode("utf-8", "surrogatepass").decode("latin-1") for form in texts if not form.isascii()}
    try:
        as_bytes.add(value.encode("latin-1").decode("latin-1"))
    except UnicodeEncodeError:
        pass
    return frozenset(form for form in texts | as_bytes if len(form) >= MIN_LENGTH)


_lock = threading.Lock()
_registered: OrderedDict[str, FrozenSet[str]] = OrderedDict()
# Rebuilt on every change and swapped in whole, so readers take no lock.
_matcher = _Matcher(())
_listeners: List[Callable[[], None]] = []


def _rebuild() -> None:
    global _matcher
    _matcher = _Matcher(form for forms in _registered.values() for form in forms)


def register(*values: Optional[str]) -> None:
    """Remember secret values so that every later scrub blanks them.

    ``None``, non-strings and values shorter than ``MIN_LENGTH`` are ignored.
    Registering a known value again is cheap and makes it recent again; the
    oldest values are dropped beyond ``MAX_VALUES``. Listeners
    (``on_new_value``) run after a value was added.
    """
    fresh = [v for v in values if isinstance(v, str) and len(v) >= MIN_LENGTH]
    if fresh and _add(fresh):
        for listener in tuple(_listeners):
            listener()


def _add(values: List[str]) -> bool:
    """Register ``values``; whether any was new."""
    with _lock:
        changed = False
        for value in values:
            if value in _registered:
                _registered.move_to_end(value)
                continue
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
        removed = [_registered.pop(v, None) for v in values if isinstance(v, str)]
        if any(r is not None for r in removed):
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
    """``headers`` with known secrets blanked in names and values.

    The same object when nothing had to change (the usual case), otherwise a
    case-insensitive ``urllib3.HTTPHeaderDict``; ``None`` for something that
    is not a mapping.
    """
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


def _as_mapping(value: object) -> Optional[Mapping[str, str]]:
    """``value`` when it is a mapping other than a dict (headers, most likely), else ``None``."""
    members: Any = value
    return members if isinstance(value, Mapping) else None


def _as_dict(value: object) -> Optional[Dict[Any, Any]]:
    """``value`` when it is a dict (whose contents can be anything), else ``None``."""
    members: Any = value
    return members if isinstance(value, dict) else None


def _scrub_dict(members: Dict[Any, Any], pending: List[BaseException], depth: int) -> Dict[Any, Any]:
    keys = [_scrub_value(k, pending, depth + 1) for k in members]
    values = [_scrub_value(v, pending, depth + 1) for v in members.values()]
    if all(a is b for a, b in zip([*keys, *values], [*members, *members.values()])):
        return members
    return dict(zip(keys, values))


def _scrub_container(value: Any, pending: List[BaseException], depth: int) -> Any:
    """A tuple, list or dict with its strings scrubbed: the same object when nothing changed."""
    members = _as_dict(value)
    if members is not None:
        return _scrub_dict(members, pending, depth)
    items: List[Any] = list(value)
    cleaned = [_scrub_value(v, pending, depth + 1) for v in items]
    if all(a is b for a, b in zip(cleaned, items)):
        return value
    return tuple(cleaned) if isinstance(value, tuple) else cleaned


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
    mapping = _as_mapping(value)  # e.g. an HTTPHeaderDict of response headers
    return value if mapping is None else scrub_headers(mapping)


def _scrub_attributes(error: BaseException, pending: List[BaseException]) -> None:
    members = _as_dict(getattr(error, "__dict__", None))
    if members is not None:
        for key, value in list(members.items()):
            cleaned = _scrub_value(value, pending, 1)
            if cleaned is not value:
                members[key] = cleaned
    # Text some built-in exceptions keep outside ``args`` and ``__dict__``.
    for name in ("strerror", "filename", "filename2", "object", "reason", "msg", "text"):
        current: object = getattr(error, name, None)
        if isinstance(current, (str, bytes)):
            cleaned = _scrub_value(current, pending, 1)
            if cleaned != current:
                try:
                    setattr(error, name, cleaned)
                except (AttributeError, TypeError):
                    pass


def _still_leaks(error: BaseException) -> bool:
    try:
        rendered = f"{error!s}\n{error!r}"
    except Exception:  # a message that cannot even be rendered shows nothing
        return False
    return contains(rendered)


def _scrub_one(error: BaseException, pending: List[BaseException]) -> None:
    cleaned = _scrub_value(error.args, pending, 0)
    if cleaned is not error.args:
        error.args = cleaned
    _scrub_attributes(error, pending)
    if _still_leaks(error):
        error.args = (f"{type(error).__name__}: message withheld because it contained a credential",)


def scrub_chain(error: BaseException) -> None:
    """Blank known secrets, in place, in ``error`` and everything chained to it.

    Walks ``__cause__`` and ``__context__`` (cycle-safe), and exceptions held
    in arguments or attributes; scrubs the strings and bytes found in each
    one's ``args`` (nested tuples, lists and dicts included), in its
    attributes and in ``__notes__``. An exception whose message still shows
    a secret afterwards has its ``args`` replaced by a neutral summary.
    """
    seen: Set[int] = set()
    pending: List[BaseException] = [error]
    while pending and len(seen) < _MAX_CHAIN:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        _scrub_one(current, pending)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
