"""Content codings of answer bodies, without I/O: gzip (one member or several) and deflate (with or without
zlib's wrapper), decoded a bounded piece at a time.

Part of ``_http11``, which re-exports ``BodyDecoder``.
"""

from __future__ import annotations

import zlib
from typing import Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10._http11_head import InvalidResponse

__all__ = ["BodyDecoder"]


class BodyDecoder:
    """Undoes a ``Content-Encoding`` of gzip or deflate, at most ``size`` bytes out at a time.

    ``for_headers`` gives ``None`` for an identity body or a coding it does
    not know (left as it is, as urllib3 leaves it).
    """

    def __init__(self, coding: str) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)
        self._pending = b""
        # "deflate" is sent both with and without the zlib wrapper; zlib tells which by its first two bytes,
        # which are kept until then to be fed again to a raw decoder.
        self._decided = self._gzip
        self._first = b""
        self._later_member = False  # past the first gzip member
        self._ended = False  # trailing bytes after the last member were found

    @classmethod
    def for_headers(cls, headers: Mapping[str, str]) -> Optional[BodyDecoder]:
        """A decoder for ``headers``' ``Content-Encoding``, or ``None`` when there is nothing to undo."""
        if "Content-Encoding" not in headers:
            return None
        coding = headers["Content-Encoding"].strip().lower()
        if coding in ("gzip", "x-gzip", "deflate"):
            return cls(coding)
        return None

    def decode(self, data: bytes, size: int) -> Tuple[bytes, bool]:
        """Decoded bytes (at most ``size``) of what was fed so far plus ``data``, and whether input is left."""
        if self._ended:
            return b"", False  # what follows the last gzip member is not the body's
        source = self._pending + data if self._pending else data
        if not self._decided:
            self._first += data
        try:
            out = self._decompressor.decompress(source, size)
        except zlib.error:
            return self._undecodable(size)
        if not self._decided and len(self._first) >= 2:
            self._decided, self._first = True, b""
        self._pending = self._decompressor.unconsumed_tail
        if self._gzip and self._decompressor.eof and self._decompressor.unused_data:
            self._next_member()
        return out, bool(self._pending)

    def _undecodable(self, size: int) -> Tuple[bytes, bool]:
        if self._later_member:  # bytes after a complete member that are no member: ignored, as urllib3 does
            self._ended, self._pending = True, b""
            return b"", False
        if self._decided:
            raise InvalidResponse("the body does not decode as its Content-Encoding says") from None
        return self._as_raw_deflate(size)

    def _next_member(self) -> None:
        # Another gzip member follows: a body may be several, concatenated.
        self._pending = self._decompressor.unused_data + self._pending
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._later_member = True

    def _as_raw_deflate(self, size: int) -> Tuple[bytes, bool]:
        first, self._first = self._first, b""
        self._decided, self._pending = True, b""
        self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        return self.decode(first, size)

    @property
    def ended(self) -> bool:
        """Whether bytes that are no gzip member followed the last one: the body is over, whatever comes."""
        return self._ended

    def finish(self) -> None:
        """The encoded body ended; raises ``InvalidResponse`` when the stream was cut short."""
        if not (self._decompressor.eof or self._ended) and not self._pending:
            raise InvalidResponse("the body ends before its Content-Encoding stream does")
