"""The exception tree, its attributes and what its messages may contain."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import secret_forms

import criteo_api_marketingsolutions_v2020_10 as sdk
from criteo_api_marketingsolutions_v2020_10 import _secrets, exceptions
from criteo_api_marketingsolutions_v2020_10._constants import MAX_BODY_IN_EXCEPTION
from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error

#: A secret the registry knows for the tests of this module.
KNOWN = "exc-s3cret+/=&%:£ x9"


@pytest.fixture(autouse=True)
def _known_secret():
    _secrets.register(KNOWN)
    yield
    _secrets.forget(KNOWN)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, exceptions.BadRequestException),
        (401, exceptions.UnauthorizedException),
        (403, exceptions.ForbiddenException),
        (404, exceptions.NotFoundException),
        (409, exceptions.ConflictException),
        (429, exceptions.TooManyRequestsException),
        (500, exceptions.ServiceException),
        (503, exceptions.ServiceException),
        (418, exceptions.ApiException),
    ],
)
def test_status_maps_to_its_subclass_of_api_exception(status: int, cls: type) -> None:
    chosen = exceptions.exception_for_status(status)
    assert chosen is cls
    assert issubclass(chosen, sdk.ApiException)


def test_every_call_failure_is_an_api_exception_and_local_errors_are_builtin_too() -> None:
    for cls in (
        exceptions.ApiConnectionError,
        exceptions.ApiTimeoutError,
        exceptions.MalformedResponseError,
        exceptions.TokenRefreshError,
    ):
        assert issubclass(cls, exceptions.ApiException)
    assert issubclass(exceptions.ApiTimeoutError, exceptions.ApiConnectionError)
    assert issubclass(exceptions.ApiTypeError, TypeError)
    assert issubclass(exceptions.ApiValueError, ValueError)
    assert issubclass(exceptions.ApiKeyError, KeyError)
    assert issubclass(exceptions.ApiAttributeError, AttributeError)
    for cls in (exceptions.ApiException, exceptions.ApiTypeError, exceptions.ApiValueError):
        assert issubclass(cls, exceptions.OpenApiException)
    # The package-level name and the module's class are one and the same.
    assert sdk.ApiException is exceptions.ApiException


def test_tree_is_drawn_in_the_module_docstring() -> None:
    doc = exceptions.__doc__ or ""
    for name in exceptions.__all__:
        if name[0].isupper() and name.endswith(("Exception", "Error")):
            assert name in doc, name


def test_api_exception_carries_response_facts_and_renders_them() -> None:
    error = exceptions.BadRequestException(
        400, "Bad Request", body=b'{"error":"invalid_client"}', headers={"Content-Type": "application/json"},
        data=OAuth2Error("invalid_client"), summary="invalid_client: Client authentication failed",
    )
    assert error.status == 400 and error.reason == "Bad Request"
    assert error.data.error == "invalid_client"
    lines = str(error).splitlines()
    assert lines[0] == "(400) Bad Request: invalid_client: Client authentication failed"
    assert lines[1] == "HTTP response headers: {'Content-Type': 'application/json'}"
    assert lines[2] == 'HTTP response body: {"error":"invalid_client"}'
    assert repr(error) == "BadRequestException(status=400, reason='Bad Request')"
    assert error.args == (400, "Bad Request")


def test_the_first_line_stays_one_line_and_repr_stays_short() -> None:
    error = exceptions.ServiceException(500, "Internal\nServer Error", summary="boom\r\nsecond line", body=b"x")
    assert str(error).splitlines()[0] == "(500) Internal Server Error: boom  second line"
    assert len(repr(exceptions.ApiException(500, "r" * 10_000))) < 300
    assert str(exceptions.ApiConnectionError(None, "connection refused")) == "(no response) connection refused"


def test_headers_are_masked_and_shortened_in_the_message() -> None:
    headers = {"Set-Cookie": "session=abc", "Authorization": "Bearer t0k3n", "X-Long": "v" * 5000}
    headers.update({f"X-{i}": str(i) for i in range(60)})
    text = str(exceptions.ApiException(500, "boom", headers=headers))
    assert "session=abc" not in text and "t0k3n" not in text
    assert "v" * 300 not in text
    assert "(+23 more)" in text


def test_bodies_are_bounded_and_secrets_blanked() -> None:
    body = b'{"access_token": "tok-SECRET", "client_secret": "cs"}' + b"x" * 10_000
    error = exceptions.ApiException(500, "boom", body=body, headers={"Authorization": "Bearer tok-SECRET"})
    assert len(error.body) == MAX_BODY_IN_EXCEPTION
    assert error.body.endswith(exceptions.TRUNCATION_MARKER)
    assert b"tok-SECRET" not in error.body and b'"cs"' not in error.body
    assert "tok-SECRET" not in str(error)
    form = exceptions.scrub_body(b"client_id=a&client_secret=s3cr%2Bt&grant_type=client_credentials")
    assert form == b"client_id=a&client_secret=***&grant_type=client_credentials"
    assert exceptions.scrub_body(b"x" * MAX_BODY_IN_EXCEPTION) == b"x" * MAX_BODY_IN_EXCEPTION


@pytest.mark.parametrize("offset", [4070, 4080, 4085, 4090, 4095, 4096, 4100])
def test_a_secret_across_the_cut_leaves_no_piece_behind(offset: int) -> None:
    body = b"x" * offset + KNOWN.encode() + b"y" * 5000
    kept = exceptions.scrub_body(body)
    assert len(kept) <= MAX_BODY_IN_EXCEPTION
    for size in range(4, len(KNOWN)):
        assert KNOWN.encode()[:size] not in kept


def test_secrets_are_scrubbed_before_the_cut_and_the_cut_marks_the_end() -> None:
    # Scrubbing first shrinks the body below the limit; it is still marked as cut.
    body = (KNOWN.encode() + b",") * 2000
    kept = exceptions.scrub_body(body)
    assert KNOWN.encode() not in kept and kept.endswith(exceptions.TRUNCATION_MARKER)
    # A secret member cut in the middle of its value is blanked too.
    cut = exceptions.scrub_body(b"x" * 4050 + b'{"client_secret": "' + b"z" * 200 + b'"}')
    assert b"zzzz" not in cut


def test_known_secrets_never_show_anywhere_in_an_exception() -> None:
    for shape in secret_forms(KNOWN):
        error = exceptions.ForbiddenException(
            403,
            f"denied for {shape}",
            body=f'{{"detail": "bad {shape}"}}'.encode(),
            headers={"X-Echo": f"got {shape}", f"X-{shape}": "1"},
            summary=f"code: {shape}",
        )
        rendered = "\n".join(
            [str(error), repr(error), repr(error.args), error.reason, error.summary, repr(dict(error.headers)), error.body.decode()]
        )
        for form in secret_forms(KNOWN):
            assert form not in rendered, (shape, form)


def test_token_classes_are_caught_as_connection_and_timeout_errors_too() -> None:
    mro = exceptions.TokenTimeoutError.__mro__
    assert mro.index(exceptions.TokenConnectionError) < mro.index(exceptions.TokenRefreshError)
    assert mro.index(exceptions.TokenRefreshError) < mro.index(exceptions.ApiTimeoutError)
    assert mro.index(exceptions.ApiTimeoutError) < mro.index(exceptions.ApiConnectionError)
    with pytest.raises(exceptions.ApiConnectionError):
        raise exceptions.TokenConnectionError(None, "refused")
    with pytest.raises(exceptions.TokenRefreshError):
        raise exceptions.TokenTimeoutError(None, "slow")
    with pytest.raises(exceptions.ApiTimeoutError):
        raise exceptions.TokenTimeoutError(None, "slow")
    assert not issubclass(exceptions.TokenConnectionError, exceptions.ApiTimeoutError)
    for name in ("TokenConnectionError", "TokenTimeoutError", "token_error_from"):
        assert name in exceptions.__all__


def test_token_error_from_a_status_error_keeps_status_and_data_but_no_body() -> None:
    data = OAuth2Error("invalid_client", error_description=f"secret {KNOWN} is wrong")
    failure = exceptions.BadRequestException(
        400, "Bad Request", body=b'{"error": "invalid_client"}', headers={"Content-Type": "application/json"},
        data=data, summary="invalid_client: secret is wrong",
    )
    error = exceptions.token_error_from(failure)
    assert type(error) is exceptions.TokenRefreshError
    assert error.status == 400 and error.data is data and error.body is None
    assert error.reason == "could not obtain an access token: Bad Request"
    assert str(error).splitlines()[0] == (
        "(400) could not obtain an access token: Bad Request: invalid_client: secret is wrong"
    )
    assert error.__cause__ is failure and failure.body is None
    assert exceptions.token_error_from(error) is error


def test_token_error_from_connection_failures_keeps_their_kind_and_flags() -> None:
    refused = exceptions.ApiConnectionError(None, f"refused at http://u:{KNOWN}@h/")
    refused.request_sent = False
    error = exceptions.token_error_from(refused)
    assert type(error) is exceptions.TokenConnectionError and error.request_sent is False
    assert isinstance(error, exceptions.ApiConnectionError) and isinstance(error, exceptions.TokenRefreshError)
    assert KNOWN not in str(error) and quote(KNOWN, safe="") not in str(error)
    timeout = exceptions.ApiTimeoutError(None, "read timed out")
    timeout.tls_failure = True
    late = exceptions.token_error_from(timeout)
    assert type(late) is exceptions.TokenTimeoutError and late.tls_failure is True and late.request_sent is True
    assert late.reason == "could not obtain an access token: read timed out"


def test_local_errors_name_the_path() -> None:
    error = exceptions.ApiTypeError("Invalid type", ["data", 0, "name"], valid_classes=(str,))
    assert error.path_to_item == ["data", 0, "name"]
    assert str(error) == "Invalid type at ['data'][0]['name']"
    assert error.valid_classes == (str,)


def test_malformed_response_error_says_what_was_expected_and_what_came() -> None:
    error = exceptions.MalformedResponseError("int", "a string of 3 characters", status=200, path_to_item=["expires_in"])
    assert error.expected == "int"
    assert error.reason == "expected int at ['expires_in'], got a string of 3 characters"
    assert str(error).startswith("(200) expected int at ['expires_in'], got a string of 3 characters")


def test_malformed_response_error_scrubs_a_secret_used_as_a_key() -> None:
    error = exceptions.MalformedResponseError("str", "a number", status=200, path_to_item=["source", KNOWN])
    assert KNOWN not in error.reason and KNOWN not in repr(error.path_to_item)
