"""The types that operations and models are annotated with.

Generated API modules use them in their signatures; code that annotates its
own variables may import them too:

* ``WithHttpInfo[T]``: what ``_return_http_data_only=False`` returns,
  ``(data, status, headers)``;
* ``RawResponse``: what ``_preload_content=False`` returns, a
  ``StreamingResponse`` with its body unread;
* ``AsyncResult[T]``: what ``async_req=True`` returns;
* ``CallOptions`` and ``ModelOptions``: the keyword options every operation
  and every model constructor accepts besides its own parameters.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence, Tuple, TypedDict, TypeVar, Union

import urllib3

from criteo_api_marketingsolutions_v2020_10._async_result import AsyncResult
from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration

__all__ = [
    "AnyResult",
    "AsyncResult",
    "CallOptions",
    "ModelOptions",
    "RawResponse",
    "RequestTimeout",
    "ResponseHeaders",
    "WithHttpInfo",
]

_T = TypeVar("_T")


RawResponse = StreamingResponse
"""What ``_preload_content=False`` returns: a ``StreamingResponse``, the same on every transport.

Its body is unread: use ``iter_bytes()``, ``iter_lines()``, ``read()`` or
``data``, then ``close()`` it (or use it in a ``with`` block).
"""


ResponseHeaders = Mapping[str, str]
"""The headers of ``WithHttpInfo``: a case-insensitive mapping."""

WithHttpInfo = Tuple[_T, int, ResponseHeaders]
"""``(data, status, headers)``, what ``_return_http_data_only=False`` returns."""

AnyResult = Union[_T, WithHttpInfo[_T], RawResponse, AsyncResult[Any]]
"""Every shape an operation can return, depending on its call options."""

RequestTimeout = Union[None, float, Tuple[Optional[float], Optional[float]], urllib3.Timeout]
"""``_request_timeout``: seconds for both phases, ``(connect, read)``, or a ``urllib3.Timeout``."""


class CallOptions(TypedDict, total=False):
    """The per-call options besides ``async_req``, ``_return_http_data_only`` and ``_preload_content``.

    Those three change what a call returns, so each operation's signature
    spells them out; these six do not.
    """

    _request_timeout: RequestTimeout
    _check_input_type: bool
    _check_return_type: bool
    _host_index: Optional[int]
    _spec_property_naming: bool
    _content_type: Optional[str]


class ModelOptions(TypedDict, total=False):
    """Keyword options of every model constructor, kept from earlier generated clients."""

    _check_type: bool
    _path_to_item: Sequence[Union[str, int]]
    _spec_property_naming: bool
    _configuration: Optional[Configuration]
    _visited_composed_classes: Tuple[type, ...]
