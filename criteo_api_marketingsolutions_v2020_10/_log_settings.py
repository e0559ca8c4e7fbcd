"""The logging settings of ``Configuration``: process-wide, so each configuration holds counted claims and gives
back only its own. The package logger stays at DEBUG while any configuration claims ``debug`` (then the level from
before comes back, unless someone changed it meanwhile); configurations naming one file with one format share one
redacting ``FileHandler``, so each record is written once. A copy claims what it copied for itself; a
garbage-collected configuration gives its claims back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import weakref
from typing import Dict, Generator, List, Optional, Tuple, Union

from criteo_api_marketingsolutions_v2020_10 import _log

__all__ = ["LogClaims", "copy_claims", "file_handler", "set_debug", "set_file"]

Key = Union[str, Tuple[str, str]]  #: ``"debug"``, or a shared file handler's (absolute path, format)


class LogClaims(Dict[str, Key]):
    """What one configuration turned on: ``{"debug": "debug", "file": (path, format)}``, either optional."""

    watched = False  # a finalizer gives the claims back when the configuration is collected


_lock = threading.Lock()
_owner: Optional[int] = None  # the thread holding ``_lock``
_pending: List[LogClaims] = []  # claims of configurations collected while ``_owner`` held the lock
_holders: Dict[Key, int] = {}  # how many claims name each key
_undo: Dict[Key, Union[int, logging.Handler]] = {}  # the level DEBUG replaced, or the file's handler


@contextlib.contextmanager
def _locked() -> Generator[None, None, None]:
    """Hold the lock; claims of configurations collected meanwhile are given back before leaving."""
    global _owner
    with _lock:
        _owner = threading.get_ident()
        try:
            yield
        finally:
            while _pending:
                _give_all(_pending.pop())
            _owner = None


def _collected(claims: LogClaims) -> None:
    if _owner == threading.get_ident():  # this thread holds the lock (collected inside ``_locked``)
        _pending.append(claims)
        return
    with _locked():
        _give_all(claims)


def _take(key: Key) -> None:
    if key not in _holders:
        if isinstance(key, str):
            _undo[key] = _log.package_logger.level
            _log.package_logger.setLevel(logging.DEBUG)
        else:  # may raise OSError: nothing is counted then
            handler = _undo[key] = _log.make_handler(logging.FileHandler(key[0]), key[1])
            _log.package_logger.addHandler(handler)
    _holders[key] = _holders.get(key, 0) + 1


def _give(key: Key) -> None:
    _holders[key] -= 1
    if _holders[key]:
        return
    del _holders[key]
    undo = _undo.pop(key)
    if isinstance(undo, logging.Handler):
        _log.package_logger.removeHandler(undo)
        undo.close()
    elif _log.package_logger.level == logging.DEBUG:  # a level set by someone else meanwhile is kept
        _log.package_logger.setLevel(undo)


def _give_all(claims: LogClaims) -> None:
    while claims:
        _give(claims.popitem()[1])


def _claim(owner: object, claims: LogClaims, slot: str, key: Optional[Key]) -> None:
    """Make ``claims[slot]`` ``key`` (none if ``None``); the new key is taken first, so a failure keeps the old."""
    with _locked():
        old = claims.get(slot)
        if key == old:
            return
        if key is not None:
            _take(key)
            claims[slot] = key
            if not claims.watched:
                claims.watched = True
                weakref.finalize(owner, _collected, claims).atexit = False
        else:
            del claims[slot]
        if old is not None:
            _give(old)


def set_debug(owner: object, claims: LogClaims, on: bool) -> None:
    """Take or give back ``owner``'s debug claim; the others' claims are untouched."""
    _claim(owner, claims, "debug", "debug" if on else None)


def set_file(owner: object, claims: LogClaims, path: Optional[str], fmt: str) -> None:
    """Make ``owner`` use the shared handler of ``path`` with ``fmt`` (none when ``path`` is empty)."""
    _claim(owner, claims, "file", (os.path.abspath(path), fmt) if path else None)


def file_handler(claims: LogClaims) -> Optional[logging.Handler]:
    """The handler that writes the file of ``claims``, if any."""
    handler = _undo.get(claims["file"]) if "file" in claims else None
    return handler if isinstance(handler, logging.Handler) else None


def copy_claims(owner: object, source: LogClaims) -> LogClaims:
    """Claims for ``owner``, a copy of a configuration: the same settings, held on its own account."""
    claims = LogClaims()
    for slot, key in list(source.items()):
        _claim(owner, claims, slot, key)
    return claims
