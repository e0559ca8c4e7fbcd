"""The file backend of shared state, for the processes of one machine (POSIX: ``fcntl.flock``).

Each rate key and each credential's token has a lock file; the state itself is in small files replaced
whole (written to a temporary file, then renamed), so a reader never sees half of one. Taking a lock
waits at most ``lock_timeout`` seconds: a process stopped while holding one delays the others that
long, then they answer from their own state.

Clocks: rates and the refresh lock use ``time.monotonic()``, which on Linux is one clock for the whole
machine (time since boot, immune to wall-clock jumps); each value is stored with the boot it belongs to
(``/proc/sys/kernel/random/boot_id``), and a value from another boot counts as none. Token expiry is Unix
time, also kept as the token file's modification time.

The directory is created with mode 0700 and every file with mode 0600; the token file holds only the
sealed blob. Windows has no ``fcntl``: there the backend refuses to start.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import os
import secrets
import threading
import time
from contextlib import contextmanager
from typing import Any, Generator, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10._seal import Sealer, open_token, seal_token
from criteo_api_marketingsolutions_v2020_10._shared_state import SharedToken
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = ["DEFAULT_LOCK_TIMEOUT", "FileBackend", "FileRateStore", "FileTokenStore", "boot_marker"]

#: How long a call waits for another process's lock file before answering locally, in seconds.
DEFAULT_LOCK_TIMEOUT = 0.5
#: The longest hold a key can carry; a stored TAT further away than this is treated as garbage.
MAX_HOLD_SECONDS = 86400.0
_FILE_MODE = 0o600
_DIRECTORY_MODE = 0o700
_MAX_STATE_BYTES = 4096
_BOOT_ID_PATH = "/proc/sys/kernel/random/boot_id"
# A link planted in the directory is not followed to somewhere else.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_boot_marker: Optional[str] = None


def _fcntl() -> Any:
    try:
        return importlib.import_module("fcntl")
    except ImportError:
        raise ApiValueError(
            "Configuration.shared_state: file:// shared state needs fcntl (Linux, macOS and other POSIX "
            "systems); it is not supported on Windows: use a redis:// URL there"
        )


def boot_marker() -> str:
    """Names this boot of the machine, so that monotonic times from an earlier boot are not trusted."""
    global _boot_marker
    if _boot_marker is None:
        try:
            with open(_BOOT_ID_PATH, encoding="ascii") as source:
                _boot_marker = source.read().strip()
        except OSError:  # no /proc: the boot time to the minute, stable for the life of the boot
            _boot_marker = f"t{round((time.time() - time.monotonic()) / 60)}"
    return _boot_marker


def _hashed(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"


def _read_bytes(path: str) -> Optional[Tuple[bytes, float]]:
    """The content of ``path`` (at most a few KiB) and its modification time, ``None`` if it is absent."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except FileNotFoundError:
        return None
    with os.fdopen(descriptor, "rb") as source:
        return source.read(_MAX_STATE_BYTES), os.fstat(source.fileno()).st_mtime


def _write_atomic(path: str, data: bytes, mtime: Optional[float] = None) -> None:
    """Replace ``path`` whole with ``data`` (mode 0600), optionally with a chosen modification time."""
    temporary = f"{path}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, _FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as target:
            target.write(data)
        if mtime is not None:
            os.utime(temporary, (mtime, mtime))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class _Directory:
    """The backend's directory, created (0700) on first use; paths and bounded ``flock`` locks in it."""

    def __init__(self, path: str, lock_timeout: float) -> None:
        self.path = path
        self._lock_timeout = lock_timeout
        self._fcntl = _fcntl()
        self._ready = False
        self._creating = threading.Lock()

    def file(self, name: str) -> str:
        """The path of ``name`` in the directory, which exists once this returns."""
        if not self._ready:
            with self._creating:
                if not os.path.isdir(self.path):
                    os.makedirs(self.path, mode=_DIRECTORY_MODE, exist_ok=True)
                    os.chmod(self.path, _DIRECTORY_MODE)  # makedirs is subject to the umask
                self._ready = True
        return os.path.join(self.path, name)

    @contextmanager
    def locked(self, name: str) -> Generator[None, None, None]:
        """Hold the exclusive lock of ``name``; ``TimeoutError`` after ``lock_timeout`` seconds."""
        try:
            descriptor = os.open(self.file(name + ".lock"), os.O_RDWR | os.O_CREAT | _NO_FOLLOW, _FILE_MODE)
        except FileNotFoundError:  # the directory was removed since: make it again
            self._ready = False
            descriptor = os.open(self.file(name + ".lock"), os.O_RDWR | os.O_CREAT | _NO_FOLLOW, _FILE_MODE)
        try:
            self._acquire(descriptor)
            yield
        finally:
            os.close(descriptor)  # closing the descriptor releases the flock

    def _acquire(self, descriptor: int) -> None:
        flock, deadline, pause = self._fcntl, time.monotonic() + self._lock_timeout, 0.00005
        while True:
            try:
                flock.flock(descriptor, flock.LOCK_EX | flock.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"a lock in the shared state directory is held for over {self._lock_timeout} s")
                time.sleep(pause)
                pause = min(pause * 2, 0.001)


def _read_stamped(path: str) -> Optional[Tuple[str, float]]:
    """The ``(word, monotonic time)`` of a state file from this boot; ``None`` if absent, of another boot,
    or not parsable."""
    content = _read_bytes(path)
    if content is None:
        return None
    fields = content[0].decode("ascii", "replace").split()
    if len(fields) != 3 or fields[2] != boot_marker():
        return None
    try:
        value = float(fields[1])
    except ValueError:
        return None
    return (fields[0], value) if math.isfinite(value) else None


def _write_stamped(path: str, word: str, value: float) -> None:
    _write_atomic(path, f"{word} {value!r} {boot_marker()}".encode("ascii"))


def _seconds(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ApiValueError(f"shared file store: {what} must be a finite number of seconds, got {value!r}")
    return max(0.0, float(value))


class FileRateStore:
    """A GCRA ``RateStore`` in a directory, for the processes of one machine (monotonic clock)."""

    def __init__(self, directory: str, *, namespace: str = "", lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self._directory = _Directory(directory, lock_timeout)
        self._namespace = namespace

    def _name(self, key: str) -> str:
        return _hashed("rate", f"{self._namespace}\0{key}" if self._namespace else key)

    def _read_tat(self, name: str, now: float) -> float:
        stored = _read_stamped(self._directory.file(name + ".tat"))
        if stored is None or not 0 <= stored[1] <= now + MAX_HOLD_SECONDS:
            return now
        return max(stored[1], now)

    def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
        """``RateStore.reserve`` under the key's lock file."""
        interval, burst = _seconds(interval, "interval"), _seconds(burst, "burst")
        limit = None if max_wait is None else _seconds(max_wait, "max_wait")
        name = self._name(key)
        with self._directory.locked(name):
            now = time.monotonic()
            tat = self._read_tat(name, now)
            wait = max(0.0, tat - burst - now)
            if limit is not None and wait > limit:
                return None
            _write_stamped(self._directory.file(name + ".tat"), "tat", tat + interval)
            return wait

    def peek(self, key: str, interval: float, burst: float) -> float:
        """The wait a reservation of ``key`` would get now; nothing is reserved."""
        burst = _seconds(burst, "burst")
        name = self._name(key)
        with self._directory.locked(name):
            now = time.monotonic()
            return max(0.0, self._read_tat(name, now) - burst - now)

    def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
        """``RateStore.hold_until`` under the key's lock file (holds are capped at ``MAX_HOLD_SECONDS``)."""
        hold = min(_seconds(seconds, "seconds"), MAX_HOLD_SECONDS)
        burst = _seconds(burst, "burst")
        name = self._name(key)
        with self._directory.locked(name):
            now = time.monotonic()
            target = now + hold + burst
            if self._read_tat(name, now) < target:
                _write_stamped(self._directory.file(name + ".tat"), "tat", target)


class FileTokenStore:
    """A ``TokenStore`` in a directory: the sealed token in ``token-<namespace>.sealed`` (0600, its
    modification time the expiry), the refresh lock as owner and expiry in ``token-<namespace>.owner``."""

    def __init__(self, directory: str, sealer: Sealer, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self._directory = _Directory(directory, lock_timeout)
        self._sealer = sealer
        self._name = f"token-{sealer.namespace}"

    @property
    def token_path(self) -> str:
        """Where the sealed token is kept."""
        return self._directory.file(self._name + ".sealed")

    @property
    def owner_path(self) -> str:
        """Where the refresh lock's owner and expiry are kept."""
        return self._directory.file(self._name + ".owner")

    def _stored(self) -> Optional[SharedToken]:
        content = _read_bytes(self.token_path)
        if content is None or content[1] <= time.time():  # the mtime is the expiry
            return None
        opened = open_token(self._sealer, content[0])
        return None if opened is None or opened[1] <= time.time() else SharedToken(*opened)

    def load(self) -> Optional[SharedToken]:
        """The stored token if it opens with our secret and has not expired."""
        return self._stored()

    def save(self, token: SharedToken) -> None:
        """Store ``token`` sealed; the file's modification time is its expiry (an expired one is not stored)."""
        if token.expires_at <= time.time():
            return
        blob = seal_token(self._sealer, token.access_token, token.expires_at)
        with self._directory.locked(self._name):
            _write_atomic(self.token_path, blob, mtime=token.expires_at)

    def try_lock(self, ttl: float) -> Optional[str]:
        """The refresh lock for ``ttl`` seconds if it is free or its holder's time is up."""
        ttl = _seconds(ttl, "ttl")
        with self._directory.locked(self._name):
            now = time.monotonic()
            holder = _read_stamped(self.owner_path)
            if holder is not None and holder[1] > now:
                return None
            owner = secrets.token_hex(16)
            _write_stamped(self.owner_path, owner, now + ttl)
            return owner

    def unlock(self, owner: str) -> None:
        """Release the refresh lock if ``owner`` still holds it."""
        with self._directory.locked(self._name):
            holder = _read_stamped(self.owner_path)
            if holder is not None and secrets.compare_digest(holder[0], owner):
                _remove(self.owner_path)

    def discard(self, access_token: str) -> bool:
        """Delete the stored token only if it is ``access_token``; whether this call deleted it."""
        with self._directory.locked(self._name):
            stored = self._stored()
            if stored is None or not secrets.compare_digest(stored.access_token, access_token):
                return False
            _remove(self.token_path)
            return True


class FileBackend:
    """The file ``SharedBackend``: stores in one directory (created 0700 on first use)."""

    def __init__(self, directory: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        _fcntl()  # refuse at once where it cannot work
        self._path = os.path.abspath(directory)
        self._lock_timeout = lock_timeout

    def describe(self) -> str:
        """One line naming the directory."""
        return f"files in {self._path}"

    def rate_store(self, namespace: str) -> FileRateStore:
        """The rate store of ``namespace`` (``""``: keys as given)."""
        return FileRateStore(self._path, namespace=namespace, lock_timeout=self._lock_timeout)

    def token_store(self, sealer: Sealer) -> FileTokenStore:
        """The token store of ``sealer.namespace``."""
        return FileTokenStore(self._path, sealer, lock_timeout=self._lock_timeout)

    def close(self) -> None:
        """Nothing stays open between calls."""
