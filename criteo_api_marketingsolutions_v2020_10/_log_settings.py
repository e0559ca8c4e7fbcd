"""The logging settings of ``Configuration``, shared fairly by every configuration.

The package logger is process-wide: its level and its handlers are the same
for every ``Configuration`` and every ``ApiClient`` in the process. So that
no configuration undoes what another turned on, each one holds *claims*
(``LogClaims``) and only ever gives back its own:

- ``debug``: the package logger is at DEBUG while at least one configuration
  holds a debug claim. The first claim remembers the level that was there;
  when the last one is given back, that level comes back (unless something
  else changed the level in between, which is then left alone).
- ``logger_file``: one redacting ``FileHandler`` per file and format, shared
  by the configurations that name that file with that format, so that each
  record is written once. It is removed and closed when the last of them
  lets go of it.

A copy of a configuration (``copy.deepcopy``) takes claims of its own for
the settings it copied. A configuration that is garbage-collected gives its
claims back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import weakref
from typing import Dict, Generator, List, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10 import _log
from criteo_api_marketingsolutions_v2020_10._constants import PACKAGE_NAME

__all__ = ["LogClaims", "copy_claims", "file_handler", "set_debug", "set_file"]

#: A shared file handler is known by the file's absolute path and its format.
FileKey = Tuple[str, str]


class LogClaims:
    """What one configuration turned on: a debug claim and the file handler it uses."""

    __slots__ = ("debug", "file_key", "watched")

    def __init__(self) -> None:
        self.debug = False
        self.file_key: Optional[FileKey] = None
        self.watched = False


class _Shared:
    """The process-wide state behind the claims (one instance, ``_STATE``)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.owner: Optional[int] = None
        self.pending: List[LogClaims] = []
        self.debug_holders = 0
        self.level_before = logging.NOTSET
        self.files: Dict[FileKey, Tuple[logging.Handler, int]] = {}


_STATE = _Shared()


def _package_logger() -> logging.Logger:
    return logging.getLogger(PACKAGE_NAME)


@contextlib.contextmanager
def _locked() -> Generator[_Shared, None, None]:
    """Hold the lock; claims of configurations collected meanwhile are given back before leaving."""
    state = _STATE
    with state.lock:
        state.owner = threading.get_ident()
        try:
            yield state
        finally:
            while state.pending:
                _release_all(state, state.pending.pop())
            state.owner = None


def _collected(claims: LogClaims) -> None:
    """Give back the claims of a configuration that was garbage-collected."""
    state = _STATE
    if state.owner == threading.get_ident():
        # Collected while this thread holds the lock: released on leaving it.
        state.pending.append(claims)
        return
    with _locked() as locked:
        _release_all(locked, claims)


def _watch(owner: object, claims: LogClaims) -> None:
    if not claims.watched:
        claims.watched = True
        weakref.finalize(owner, _collected, claims).atexit = False


def _take_debug(state: _Shared) -> None:
    logger = _package_logger()
    if state.debug_holders == 0:
        state.level_before = logger.level
        logger.setLevel(logging.DEBUG)
    state.debug_holders += 1


def _give_debug(state: _Shared) -> None:
    state.debug_holders -= 1
    logger = _package_logger()
    if state.debug_holders == 0 and logger.level == logging.DEBUG:
        logger.setLevel(state.level_before)


def _take_file(state: _Shared, key: FileKey) -> None:
    entry = state.files.get(key)
    if entry is None:
        handler = _log.make_handler(logging.FileHandler(key[0]), key[1])
        _package_logger().addHandler(handler)
        state.files[key] = (handler, 1)
    else:
        state.files[key] = (entry[0], entry[1] + 1)


def _give_file(state: _Shared, key: FileKey) -> None:
    handler, holders = state.files[key]
    if holders > 1:
        state.files[key] = (handler, holders - 1)
        return
    del state.files[key]
    _package_logger().removeHandler(handler)
    handler.close()


def _release_all(state: _Shared, claims: LogClaims) -> None:
    if claims.debug:
        claims.debug = False
        _give_debug(state)
    if claims.file_key is not None:
        key, claims.file_key = claims.file_key, None
        _give_file(state, key)


def set_debug(owner: object, claims: LogClaims, on: bool) -> None:
    """Take or give back ``owner``'s debug claim; the others' claims are untouched."""
    with _locked() as state:
        if on and not claims.debug:
            _take_debug(state)
            claims.debug = True
            _watch(owner, claims)
        elif not on and claims.debug:
            claims.debug = False
            _give_debug(state)


def set_file(owner: object, claims: LogClaims, path: Optional[str], fmt: str) -> None:
    """Make ``owner`` use the shared handler of ``path`` with ``fmt`` (none when ``path`` is empty).

    The new handler is taken before the old one is given back, so a file that
    cannot be opened leaves the previous setting in place.
    """
    key = (os.path.abspath(path), fmt) if path else None
    with _locked() as state:
        if key == claims.file_key:
            return
        if key is not None:
            _take_file(state, key)
            _watch(owner, claims)
        old, claims.file_key = claims.file_key, key
        if old is not None:
            _give_file(state, old)


def file_handler(claims: LogClaims) -> Optional[logging.Handler]:
    """The handler that writes the file of ``claims``, if any."""
    key = claims.file_key
    entry = _STATE.files.get(key) if key is not None else None
    return entry[0] if entry is not None else None


def copy_claims(owner: object, source: LogClaims) -> LogClaims:
    """Claims for ``owner``, a copy of a configuration: the same settings, held on its own account."""
    claims = LogClaims()
    with _locked() as state:
        if source.debug:
            _take_debug(state)
            claims.debug = True
        if source.file_key is not None:
            _take_file(state, source.file_key)
            claims.file_key = source.file_key
        if claims.debug or claims.file_key is not None:
            _watch(owner, claims)
    return claims
