"""A real ``redis-server`` for the shared-state tests, and helpers those tests share.

``redis_server`` (fixture) starts ``redis-server`` on a free port of 127.0.0.1 with persistence off, waits
until it answers PING, and kills it at teardown. Without the binary the test is skipped, except under CI
(``CI=true``), where it fails: CI must install the Debian package ``redis-server``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Iterator, List, Optional, Sequence, Tuple

import pytest

_PING = b"*1\r\n$4\r\nPING\r\n"
_START_TIMEOUT = 10.0


def require(available: bool, what: str, source: str) -> None:
    """Skip the test when ``what`` is missing; under CI, fail instead (CI must provide it)."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed ({source}): CI must install it")
    pytest.skip(f"{what} is not installed ({source})", allow_module_level=True)


def require_modules(*names: str) -> None:
    """The optional Python packages a test needs (the ``redis`` extra: redis, cryptography)."""
    import importlib.util

    for name in names:
        require(importlib.util.find_spec(name) is not None, f"the Python package {name!r}", "the extra 'redis'")


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
            connection.sendall(_PING)
            return connection.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """One ``redis-server`` process on a fixed port; ``stop``/``start`` lose all its state."""

    def __init__(self, binary: str, port: int, directory: str) -> None:
        self.binary = binary
        self.port = port
        self.directory = directory
        self.process: Optional[subprocess.Popen[bytes]] = None
        self._resume_timer: Optional[threading.Timer] = None

    @property
    def url(self) -> str:
        """``redis://127.0.0.1:<port>/0``."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server (again, on the same port, empty) and wait until it answers PING."""
        command = [
            self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--dir", self.directory,
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + _START_TIMEOUT
        while not _answers_ping(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.01)

    def stop(self) -> None:
        """Kill the server and wait for it to be gone: its state is lost."""
        self.resume()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def pause(self, seconds: float) -> None:
        """Freeze the server (SIGSTOP) for ``seconds``: connections are accepted, nothing is answered."""
        assert self.process is not None, "the server is not running"
        self.process.send_signal(signal.SIGSTOP)
        self._resume_timer = threading.Timer(seconds, self.resume)
        self._resume_timer.daemon = True
        self._resume_timer.start()

    def resume(self) -> None:
        """End a pause now (SIGCONT)."""
        timer, self._resume_timer = self._resume_timer, None
        if timer is not None:
            timer.cancel()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A running ``redis-server`` on a free port of 127.0.0.1, killed at teardown."""
    binary = shutil.which("redis-server")
    require(binary is not None, "redis-server", "Debian package redis-server")
    assert binary is not None
    with tempfile.TemporaryDirectory(prefix="redis-test-") as directory:
        server = RedisServer(binary, free_port(), directory)
        server.start()
        try:
            yield server
        finally:
            server.stop()


class GarbageServer:
    """Speaks enough of the Redis protocol to complete redis-py's handshake (``HELLO``, ``CLIENT``), then
    answers every command with the simple string ``garbage``."""

    def __init__(self) -> None:
        """Listen on a free port of 127.0.0.1, answering each connection in a thread."""
        self.port = free_port()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    @staticmethod
    def _answer(connection: socket.socket) -> None:
        with connection, connection.makefile("rb") as reader:
            while (header := reader.readline()).startswith(b"*"):
                command = [reader.read(int(reader.readline()[1:]) + 2)[:-2] for _ in range(int(header[1:]))]
                name = command[0].upper()
                if name == b"HELLO":
                    version = command[1] if len(command) > 1 else b"2"
                    connection.sendall(b"%2\r\n$6\r\nserver\r\n$5\r\nredis\r\n$5\r\nproto\r\n:" + version + b"\r\n")
                else:
                    connection.sendall(b"+OK\r\n" if name == b"CLIENT" else b"+garbage\r\n")

    def close(self) -> None:
        """Stop listening (connections already open end with the test process)."""
        self._listener.close()


# --------------------------------------------------------------------------- many processes, one budget

#: A process that reserves ``count`` slots of one key through ``open_shared_state(setting)`` as fast as it
#: can and prints each slot as bounds ``[earliest, latest]`` on the backend's clock: the clock is read just
#: before and just after the reservation, and the wait added to each.
WORKER = r"""
import json, sys, time
from criteo_api_marketingsolutions_v2020_10._rate_store import LocalRateStore
from criteo_api_marketingsolutions_v2020_10._shared_state import open_shared_state

setting, count, interval, burst = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
state = open_shared_state(setting, timeout=2.0)
store = state.rate_store(LocalRateStore())
if setting.startswith("redis"):
    import redis
    server = redis.Redis.from_url(setting)
    def clock():
        seconds, micros = server.time()
        return seconds + micros / 1e6
    clock()
else:
    clock = time.monotonic
print("ready", flush=True)
sys.stdin.readline()
slots = []
for _ in range(count):
    before = clock()
    wait = store.reserve("one-budget", interval, burst, None)
    after = clock()
    slots.append([before + wait, after + wait])
print(json.dumps({"slots": slots, "reachable": state.reachable}), flush=True)
"""


def _start_worker(setting: str, count: int, interval: float, burst: float) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", WORKER, setting, str(count), str(interval), str(burst)]
    worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    return worker


def _release(worker: subprocess.Popen[str]) -> None:
    assert worker.stdin is not None
    worker.stdin.write("go\n")
    worker.stdin.flush()


def _end(workers: Sequence[subprocess.Popen[str]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def run_workers(setting: str, processes: int, count: int, interval: float, burst: float) -> List[Tuple[float, float]]:
    """Start ``processes`` workers together; every slot they reserved (bounds), after checking that none
    of them had to fall back to its own state."""
    workers: List[subprocess.Popen[str]] = []
    try:
        workers.extend(_start_worker(setting, count, interval, burst) for _ in range(processes))
        for worker in workers:
            _release(worker)
        results = [json.loads(worker.communicate(timeout=30)[0]) for worker in workers]
    finally:
        _end(workers)
    assert all(result["reachable"] for result in results), "a worker fell back to its own limits"
    return [(float(low), float(high)) for result in results for low, high in result["slots"]]


def _most_inside_a_span(ordered: Sequence[Tuple[float, float]], span: float) -> int:
    """The most slots whose bounds lie wholly inside one span of ``span`` seconds starting at a slot."""
    return max(
        sum(1 for low, high in ordered[first:] if high <= start + span) for first, (start, _) in enumerate(ordered)
    )


def check_gcra(slots: Sequence[Tuple[float, float]], interval: float, burst: float) -> None:
    """Assert what GCRA promises: a span of ``L`` seconds holds at most ``floor((L + burst) / interval) + 1``
    slots. Each slot is known only within its bounds, so a span counts the slots whose bounds lie wholly
    inside it. Also that the slots are spread no wider than the schedule needs (none was lost or doubled)."""
    widths = sorted(high - low for low, high in slots)
    assert widths[len(widths) // 2] < interval / 2, f"the clock readings are too far apart to judge: {widths}"
    ordered = sorted(slots)
    for span in (0.0, interval, 3 * interval, 10 * interval):
        limit = int((span + burst) / interval + 1e-9) + 1
        assert _most_inside_a_span(ordered, span) <= limit, f"more than {limit} slots within {span:.3f} s"
    latest_start, earliest_end = max(low for low, _ in slots), min(high for _, high in slots)
    assert latest_start - earliest_end <= (len(slots) - 1) * interval + burst + 1e-6
