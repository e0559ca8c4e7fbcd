"""A minimal HTTP/1.1 keep-alive server on 127.0.0.1, run in its own process.

It exists so the client measurements are not limited by the server: it
parses each request (request line, headers, ``Content-Length`` body, so
keep-alive and pipelining work) and writes a prebuilt response.

Routes, by path:

* ``/2021-04/advertisers/me``: a small ``GetPortfolioResponse``;
* ``/__stats``: counters since the last reset, as JSON: ``accepted``
  (connections opened), ``connections`` (connections that carried at least
  one request) and ``requests``; control requests and their connections
  are not counted;
* ``/__reset``: zero the counters;
* anything else: the token JSON (``/oauth2/token`` included).

``python -m benchmarks.server`` prints the port on stdout and serves until
its stdin closes, so it also stops if the parent dies. Use ``LoopbackServer``
from the parent.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any, Dict, Optional

from benchmarks.common import PORTFOLIO_PATH, PORTFOLIO_RESPONSE, ROOT, TOKEN_PATH, TOKEN_RESPONSE, http_response

_MAX_HEAD = 64 * 1024
_ROUTES = {PORTFOLIO_PATH.encode(): PORTFOLIO_RESPONSE}
_BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class _Counters:
    def __init__(self) -> None:
        self.accepted = 0
        self.connections = 0
        self.requests = 0
        self.generation = 0  # bumped by a reset, so older connections are not counted again


class _HttpProtocol(asyncio.Protocol):
    def __init__(self, counters: _Counters) -> None:
        self.counters = counters
        self.buffer = bytearray()
        self.transport: Optional[asyncio.Transport] = None
        self.counted_in: Optional[int] = None
        self.accepted_in: Optional[int] = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.accepted_in = self.counters.generation
        self.counters.accepted += 1
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        out = []
        close = False
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                close = len(buffer) > _MAX_HEAD
                break
            head = bytes(buffer[:end]).lower()
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                value = head[at + 17 : stop if stop >= 0 else len(head)].strip()
                if not value.isdigit():
                    out.append(_BAD_REQUEST)
                    close = True
                    break
                length = int(value)
            elif b"\r\ntransfer-encoding:" in head:
                out.append(_BAD_REQUEST)  # chunked requests are not needed here
                close = True
                break
            total = end + 4 + length
            if len(buffer) < total:
                break
            target = bytes(buffer[: buffer.find(b"\r\n")]).split(b" ")[1]
            del buffer[:total]
            out.append(self._answer(target.split(b"?", 1)[0]))
            if b"\r\nconnection: close" in head:
                close = True
                break
        if out and self.transport is not None:
            self.transport.write(b"".join(out))
        if close and self.transport is not None:
            self.transport.close()

    def _answer(self, path: bytes) -> bytes:
        counters = self.counters
        if path == b"/__stats":
            if self.accepted_in == counters.generation:  # a control connection is not counted
                counters.accepted -= 1
                self.accepted_in = None
            stats = {"accepted": counters.accepted, "connections": counters.connections, "requests": counters.requests}
            return http_response(json.dumps(stats).encode())
        if path == b"/__reset":
            counters.accepted = counters.connections = counters.requests = 0
            counters.generation += 1
            return http_response(b"{}")
        if self.counted_in != counters.generation:
            self.counted_in = counters.generation
            counters.connections += 1
        counters.requests += 1
        return _ROUTES.get(path, TOKEN_RESPONSE)


async def _serve(ready: Any) -> None:
    loop = asyncio.get_running_loop()
    counters = _Counters()
    server = await loop.create_server(lambda: _HttpProtocol(counters), "127.0.0.1", 0, backlog=128)
    port = server.sockets[0].getsockname()[1]
    stop = asyncio.Event()

    def wait_for_stdin_eof() -> None:
        sys.stdin.buffer.read()  # returns when the parent closes the pipe or exits
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=wait_for_stdin_eof, daemon=True).start()
    ready(port)
    async with server:
        await stop.wait()


def _main() -> None:
    # The parent decides when to stop (by closing stdin); Ctrl-C in the
    # terminal reaches the parent, which then shuts this process down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def ready(port: int) -> None:
        sys.stdout.write(f"{port}\n")
        sys.stdout.flush()

    asyncio.run(_serve(ready))


# ---------------------------------------------------------------- parent side


class LoopbackServer:
    """Starts ``python -m benchmarks.server`` and stops it on exit (also on Ctrl-C)."""

    def __init__(self) -> None:
        self.process: Optional[subprocess.Popen[bytes]] = None
        self.port = 0

    def __enter__(self) -> LoopbackServer:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=str(ROOT),
            env=env,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # returns b"" if the child dies
        if not line.strip().isdigit():
            self.close()
            raise RuntimeError("the loopback server did not start")
        self.port = int(line)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        finally:
            if process.stdout is not None:
                process.stdout.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _control(self, path: str) -> Dict[str, int]:
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            data = b""
            for _ in range(1000):  # bounded: the answer is a few hundred bytes
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        return json.loads(data.split(b"\r\n\r\n", 1)[1])

    def reset(self) -> None:
        self._control("/__reset")

    def stats(self) -> Dict[str, int]:
        return self._control("/__stats")

    def ceiling(self, seconds: float, depth: int) -> Dict[str, float]:
        """The server's own limits, seen by a raw-socket client on one kept-open connection.

        ``sequential_rps``: one request at a time (a full loopback round trip
        each); ``pipelined_rps``: ``depth`` requests written at once, then
        their answers read, which is what the server can process.
        """
        request = (
            f"POST {TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b"
        ).encode()
        answer = len(TOKEN_RESPONSE)
        result = {}
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for name, batch in (("sequential_rps", 1), ("pipelined_rps", depth)):
                payload = request * batch
                expected = answer * batch
                done = 0
                start = time.perf_counter()
                deadline = start + seconds
                while time.perf_counter() < deadline:
                    sock.sendall(payload)
                    received = 0
                    while received < expected:
                        chunk = sock.recv(262144)
                        if not chunk:
                            raise RuntimeError("the loopback server closed the connection")
                        received += len(chunk)
                    done += batch
                result[name] = done / (time.perf_counter() - start)
        return result


if __name__ == "__main__":
    _main()
