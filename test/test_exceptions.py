"""The exception tree, its attributes and what its messages may contain."""

from __future__ import annotations

import pytest

import criteo_api_marketingsolutions_v2020_10 as sdk
from criteo_api_marketingsolutions_v2020_10 import exceptions
from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error


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
        data=OAuth2Error("invalid_client"),
    )
    assert error.status == 400 and error.reason == "Bad Request"
    assert error.data.error == "invalid_client"
    text = str(error)
    assert text.startswith("(400)\nReason: Bad Request\n")
    assert "invalid_client" in text
    assert repr(error) == "BadRequestException(status=400, reason='Bad Request')"


def test_bodies_are_bounded_and_secrets_blanked() -> None:
    body = b'{"access_token": "tok-SECRET", "client_secret": "cs"}' + b"x" * 10_000
    error = exceptions.ApiException(500, "boom", body=body, headers={"Authorization": "Bearer tok-SECRET"})
    assert len(error.body) < 4200
    assert b"tok-SECRET" not in error.body and b'"cs"' not in error.body
    assert "tok-SECRET" not in str(error)
    form = exceptions.scrub_body(b"client_id=a&client_secret=s3cr%2Bt&grant_type=client_credentials")
    assert form == b"client_id=a&client_secret=***&grant_type=client_credentials"


def test_local_errors_name_the_path() -> None:
    error = exceptions.ApiTypeError("Invalid type", ["data", 0, "name"], valid_classes=(str,))
    assert error.path_to_item == ["data", 0, "name"]
    assert str(error) == "Invalid type at ['data'][0]['name']"
    assert error.valid_classes == (str,)


def test_malformed_response_error_says_what_was_expected_and_what_came() -> None:
    error = exceptions.MalformedResponseError("int", "a string of 3 characters", status=200, path_to_item=["expires_in"])
    assert error.expected == "int"
    assert error.reason == "expected int at ['expires_in'], got a string of 3 characters"
