"""The registry of secret values and scrubbing by value: every shape, bounded, thread-safe, chains."""

from __future__ import annotations

import base64
import json
import threading
import time
from typing import Iterator, List
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10 import _secrets

SECRET = "sec-r3t+/=&%:£€ x~*"


@pytest.fixture(autouse=True)
def registry() -> Iterator[None]:
    """Each test starts from an empty registry and leaves it as it was (other tests rely on their values)."""
    before = list(_secrets._registered)
    _secrets.forget(*before)
    yield
    _secrets.forget(*list(_secrets._registered))
    _secrets.register(*before)


def shapes(secret: str, client_id: str = "client-id") -> List[str]:
    raw = secret.encode("utf-8")
    return [
        secret,
        quote(secret),
        quote(secret, safe=""),
        quote(secret, safe="").lower(),
        quote_plus(secret),
        quote_plus(secret, safe="*"),
        base64.b64encode(raw).decode(),
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b64encode(f"{client_id}:{secret}".encode()).decode(),
        base64.b64encode(f"{client_id}:{quote_plus(secret)}".encode()).decode(),
        base64.urlsafe_b64encode(f"{client_id}:{secret}".encode()).decode().rstrip("="),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        json.dumps(secret)[1:-1].replace("/", "\\/"),
    ]


def test_none_empty_and_short_values_are_ignored() -> None:
    _secrets.register(None, "", "abc", 42)  # type: ignore[arg-type]
    assert "abc" not in _secrets._registered
    assert _secrets.scrub_text("abc and 42") == "abc and 42"
    _secrets.register("abcd")
    assert _secrets.scrub_text("xabcdx") == "x***x"


@pytest.mark.parametrize("client_id", ["a", "ab", "abc", "client-id", "canary-client"])
def test_every_shape_of_a_known_value_is_blanked(client_id: str) -> None:
    _secrets.register(SECRET)
    for shape in shapes(SECRET, client_id):
        text = f"before {shape} after"
        cleaned = _secrets.scrub_text(text)
        assert shape not in cleaned, shape
        assert cleaned.startswith("before ") and cleaned.endswith(" after")
        assert shape.encode() not in _secrets.scrub_bytes(text.encode())
        assert _secrets.contains(text) and _secrets.contains_bytes(text.encode())


def test_bytes_are_scrubbed_in_utf8_and_latin1_and_kept_when_clean() -> None:
    _secrets.register("pässword-1")
    assert _secrets.scrub_bytes("a pässword-1 b".encode()) == b"a *** b"
    assert _secrets.scrub_bytes("a pässword-1 b".encode("latin-1")) == b"a *** b"
    clean = b"\xff\xfe nothing here"
    assert _secrets.scrub_bytes(clean) is clean


def test_unknown_text_is_left_alone() -> None:
    _secrets.register(SECRET)
    text = "GET /2021-04/advertisers/me 200 Bearer abc.def client_id=x"
    assert _secrets.scrub_text(text) is text
    assert not _secrets.contains(text)


def test_the_registry_keeps_the_most_recent_values() -> None:
    values = [f"value-{i:04d}-abcdefgh" for i in range(_secrets.MAX_VALUES + 10)]
    _secrets.register(values[0])
    _secrets.register(*values[1:])
    assert len(_secrets._registered) == _secrets.MAX_VALUES
    assert _secrets.scrub_text(values[0]) == values[0]  # the oldest went
    assert _secrets.scrub_text(values[-1]) == "***"
    # Registering again makes a value recent: it survives the next evictions.
    _secrets.register(values[20])
    _secrets.register(*(f"later-{i:04d}-abcdefgh" for i in range(30)))
    assert _secrets.scrub_text(values[20]) == "***"
    assert _secrets.scrub_text(values[21]) == values[21]


def test_scrubbing_stays_fast_with_a_full_registry() -> None:
    _secrets.register(
        *(f"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig{i:06d}{'x' * 300}" for i in range(_secrets.MAX_VALUES))
    )
    text = "a log line of ordinary words " * 140  # about 4 KB
    start = time.perf_counter()
    for _ in range(20):
        assert _secrets.scrub_text(text) == text
    assert (time.perf_counter() - start) / 20 < 0.01


def test_longest_registered_value_wins_over_a_shorter_one_inside_it() -> None:
    _secrets.register("inner-part", "outer-inner-part-tail")
    assert _secrets.scrub_text("x outer-inner-part-tail y") == "x *** y"
    assert _secrets.scrub_text("x inner-part y") == "x *** y"


def test_concurrent_registration_and_scrubbing() -> None:
    errors: List[BaseException] = []
    values = [f"thread-{t}-value-{i}-abcdef" for t in range(8) for i in range(20)]

    def work(start: int) -> None:
        try:
            for value in values[start::8]:
                _secrets.register(value)
                _secrets.scrub_text(f"text with {value} in it")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for value in values:
        assert _secrets.scrub_text(value) == "***"


# ---------------------------------------------------------------- scrub_chain


class _Holder(Exception):
    def __init__(self, message: str, payload: object) -> None:
        super().__init__(message)
        self.payload = payload


def test_scrub_chain_cleans_args_attributes_notes_and_the_whole_chain() -> None:
    _secrets.register(SECRET)
    nested = KeyError(("key", SECRET))
    try:
        try:
            raise OSError(2, f"no such file {SECRET}", f"/tmp/{SECRET}")
        except OSError:
            raise _Holder(f"wrapped {quote_plus(SECRET)}", {"list": [SECRET.encode(), nested]}) from ValueError(SECRET)
    except _Holder as caught:
        error = caught
    error.add_note(f"note {SECRET}")
    _secrets.scrub_chain(error)
    assert error.args == ("wrapped ***",)
    assert error.payload == {"list": [b"***", nested]}
    assert nested.args == (("key", "***"),)
    assert error.__cause__.args == ("***",)
    assert error.__context__.strerror == "no such file ***" and error.__context__.filename == "/tmp/***"
    assert error.__notes__ == ["note ***"]
    for item in (error, error.__cause__, error.__context__, nested):
        assert SECRET not in str(item) and SECRET not in repr(item)


def test_scrub_chain_survives_cycles() -> None:
    _secrets.register(SECRET)
    first, second = ValueError(SECRET), ValueError(SECRET)
    first.__context__, second.__context__ = second, first
    _secrets.scrub_chain(first)
    assert first.args == second.args == ("***",)


def test_scrub_chain_cleans_the_object_of_a_unicode_error() -> None:
    _secrets.register(SECRET)
    try:
        (SECRET.encode() + b"\xff").decode("utf-8")
    except UnicodeDecodeError as caught:
        error = caught
    _secrets.scrub_chain(error)
    assert SECRET.encode() not in error.object and SECRET not in str(error)


class _Opaque(Exception):
    """Builds its message from pieces no scrub can see whole."""

    def __init__(self, pieces: List[str]) -> None:
        super().__init__("".join(pieces))
        self.pieces = [list(pieces)]

    def __str__(self) -> str:
        return str(self.args[0]) + "".join(self.pieces[0])


def test_a_message_that_still_shows_a_secret_is_replaced_by_a_summary() -> None:
    _secrets.register(SECRET)
    error = _Opaque([SECRET[:5], SECRET[5:]])
    _secrets.scrub_chain(error)
    assert error.args == ("_Opaque: message withheld because it contained a credential",)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=4, max_size=30), st.text(max_size=40), st.text(max_size=40))
def test_a_registered_value_never_survives_a_scrub(secret: str, before: str, after: str) -> None:
    _secrets.register(secret)
    try:
        text = before + secret + after
        assert secret not in _secrets.scrub_text(text)
        assert secret.encode("utf-8", "surrogatepass") not in _secrets.scrub_bytes(
            text.encode("utf-8", "surrogatepass")
        )
        assert json.dumps(secret)[1:-1] not in _secrets.scrub_text(before + json.dumps(secret) + after)
    finally:
        _secrets.forget(secret)


def test_scrub_chain_cleans_header_mappings_held_by_an_exception() -> None:
    from urllib3 import HTTPHeaderDict

    error = _Holder("x", HTTPHeaderDict({"X-Echo": "a"}))
    error.payload["X-Late"] = SECRET  # learnt after the exception was built
    _secrets.register(SECRET)
    _secrets.scrub_chain(error)
    assert error.payload["x-late"] == "***" and error.payload["X-Echo"] == "a"
