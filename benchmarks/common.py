"""Fixtures, timing helpers and result rows shared by every figure.

This module imports only the standard library: the loopback server and the
child processes of ``process.py`` import it without loading urllib3 or the SDK.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Tuple

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- fixtures

CLIENT_ID = "benchmark-client"
CLIENT_SECRET = "benchmark-secret-0123456789"
TOKEN_PATH = "/oauth2/token"
PORTFOLIO_PATH = "/2021-04/advertisers/me"
FORM_BODY = f"client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}&grant_type=client_credentials".encode("ascii")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_jwt() -> str:
    """A deterministic JWT-shaped string of about 600 characters (header.payload.signature)."""
    header = {"alg": "RS256", "kid": "9f2c4e1a7b3d", "typ": "JWT"}
    payload = {
        "iss": "https://api.criteo.com",
        "sub": CLIENT_ID,
        "client_id": CLIENT_ID,
        "scope": "marketing-solutions",
        "nbf": 1700000000,
        "iat": 1700000000,
        "exp": 1700000900,
    }
    signature = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(8))  # 256 bytes, like RSA-2048
    parts = [json.dumps(header, separators=(",", ":")), json.dumps(payload, separators=(",", ":"))]
    return ".".join([*(_b64url(p.encode()) for p in parts), _b64url(signature)])


ACCESS_TOKEN = make_jwt()
TOKEN_BODY = json.dumps({"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 900}).encode()
PORTFOLIO_BODY = json.dumps(
    {
        "data": [
            {"type": "advertiser", "id": "54321", "attributes": {"advertiserName": "Example Shoes"}},
            {"type": "advertiser", "id": "54322", "attributes": {"advertiserName": "Example Books"}},
        ],
        "errors": [],
        "warnings": [],
    }
).encode()


def http_response(body: bytes, status: str = "200 OK") -> bytes:
    """A complete keep-alive HTTP/1.1 response carrying a JSON body."""
    head = (
        f"HTTP/1.1 {status}\r\n"
        "Content-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: keep-alive\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


TOKEN_RESPONSE = http_response(TOKEN_BODY)
PORTFOLIO_RESPONSE = http_response(PORTFOLIO_BODY)

# ---------------------------------------------------------------- timing


def time_batch(fn: Callable[[], object], batch: int) -> float:
    """Seconds per call of ``fn``, over ``batch`` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(batch):
        fn()
    return (time.perf_counter() - start) / batch


def interleaved(
    sdk: Callable[[], object], raw: Callable[[], object], *, rounds: int, batch: int
) -> Tuple[List[float], List[float]]:
    """Per-call seconds of both sides, one batch each per round, interleaved.

    Rounds alternate A/B, and which side goes first swaps every round, so
    machine noise (frequency changes, other processes) hits both sides
    alike. One untimed batch of each side warms caches and connections.
    """
    time_batch(sdk, max(1, batch // 4))
    time_batch(raw, max(1, batch // 4))
    sdk_times: List[float] = []
    raw_times: List[float] = []
    for index in range(rounds):
        order = [(sdk, sdk_times), (raw, raw_times)]
        if index % 2:
            order.reverse()
        for fn, out in order:
            gc.collect()
            out.append(time_batch(fn, batch))
    return sdk_times, raw_times


def median(values: List[float]) -> float:
    return statistics.median(values)


def spread(values: List[float]) -> str:
    """The relative spread of a sample (max/min - 1), to show how noisy a figure was."""
    low = min(values)
    return f"{(max(values) / low - 1) * 100:.0f}%" if low > 0 else "n/a"


def fmt_us(seconds: float) -> str:
    micros = seconds * 1e6
    if micros >= 10_000:
        return f"{micros / 1000:.1f} ms"
    if micros >= 1000:
        return f"{micros / 1000:.2f} ms"
    if micros >= 100:
        return f"{micros:.0f} us"
    return f"{micros:.1f} us"


# ---------------------------------------------------------------- results


@dataclass
class Row:
    """One line of the table: both sides, their ratio and the target it is held to."""

    figure: str
    sdk: str
    raw: str
    ratio: float
    limit: float
    at_least: bool = False  # True when the ratio must be >= limit (throughput)
    notes: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.ratio >= self.limit if self.at_least else self.ratio <= self.limit

    @property
    def target(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.limit:.2f}x"


@dataclass
class Settings:
    """How hard to measure: ``quick`` is a smoke run, the default a real one."""

    quick: bool
    rounds: int
    scale: float  # multiplies batch sizes

    @classmethod
    def make(cls, quick: bool) -> Settings:
        return cls(quick=quick, rounds=3 if quick else 15, scale=0.2 if quick else 1.0)

    def batch(self, full: int) -> int:
        return max(1, int(full * self.scale))
