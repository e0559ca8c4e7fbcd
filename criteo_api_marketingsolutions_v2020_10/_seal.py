"""Sealing what the SDK leaves in shared state, so that only holders of the client secret can use it.

A ``Sealer`` derives its keys from the client secret with HKDF-SHA256, bound to a namespace (one per
credential and host, see ``namespace_for``). ``seal`` encrypts with AES-256-GCM, the namespace as
associated data, so a blob copied from one namespace to another does not open. ``open`` returns ``None``
for anything that does not authenticate: a wrong secret, a changed byte, garbage, a truncated blob.

Layout of a sealed blob: one version byte, a 12-byte random nonce, then the ciphertext and its 16-byte tag.
``seal_token`` / ``open_token`` carry a token as JSON ``{"access_token": ..., "expires_at": ...}``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
from typing import Any, Dict, Optional, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = ["NAMESPACE_HEX_DIGITS", "SEAL_VERSION", "Sealer", "namespace_for", "open_token", "seal_token"]

#: The first byte of every sealed blob; a later format gets another one.
SEAL_VERSION = 1
#: How many hex digits of SHA-256 a namespace keeps (128 bits: no collisions between credentials).
NAMESPACE_HEX_DIGITS = 32
# Fixed for this project: changing it makes every stored blob unreadable (they are then fetched anew).
_SALT = b"criteo-api-marketingsolutions-v2020-10/shared-state/salt/2024"
_INFO = b"criteo-api-marketingsolutions token v1|"
_FINGERPRINT_INFO = b"criteo-api-marketingsolutions fingerprint v1|"
_NONCE_BYTES = 12
_TAG_BYTES = 16
_KEY_BYTES = 32
_HEADER_BYTES = 1 + _NONCE_BYTES


def namespace_for(client_id: str, host: str) -> str:
    """A short hex name for one credential on one host: neither the id nor the secret can be read from it."""
    digest = hashlib.sha256(f"{host}\0{client_id}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:NAMESPACE_HEX_DIGITS]


def _derive(secret: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=_SALT, info=info).derive(secret)


class Sealer:
    """Seals and opens blobs with keys derived from ``client_secret`` for ``namespace``.

    The secret is used once, to derive the keys, and is not kept; the repr shows only the namespace.
    """

    __slots__ = ("_cipher", "_fingerprint_key", "_namespace")

    def __init__(self, client_secret: str, namespace: str) -> None:
        if not client_secret:
            raise ApiValueError("shared state needs the client secret to seal tokens: it is empty")
        if not namespace:
            raise ApiValueError("shared state needs a namespace to seal tokens: it is empty")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        secret = client_secret.encode("utf-8", "surrogatepass")
        name = namespace.encode("utf-8")
        self._namespace = namespace
        self._cipher = AESGCM(_derive(secret, _INFO + name))
        self._fingerprint_key = _derive(secret, _FINGERPRINT_INFO + name)

    @property
    def namespace(self) -> str:
        """The namespace the keys are bound to (also the associated data of every blob)."""
        return self._namespace

    def __repr__(self) -> str:
        return f"Sealer(namespace={self._namespace!r})"

    def seal(self, plaintext: bytes) -> bytes:
        """``plaintext`` encrypted and authenticated: version byte + random nonce + ciphertext and tag."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._cipher.encrypt(nonce, bytes(plaintext), self._namespace.encode("utf-8"))
        return bytes((SEAL_VERSION,)) + nonce + sealed

    def open(self, blob: object) -> Optional[bytes]:
        """The plaintext of a blob ``seal`` made with the same secret and namespace, else ``None``."""
        from cryptography.exceptions import InvalidTag

        if not isinstance(blob, (bytes, bytearray)) or len(blob) < _HEADER_BYTES + _TAG_BYTES:
            return None
        data = bytes(blob)
        if data[0] != SEAL_VERSION:
            return None
        try:
            return self._cipher.decrypt(data[1:_HEADER_BYTES], data[_HEADER_BYTES:], self._namespace.encode("utf-8"))
        except InvalidTag:
            return None

    def fingerprint(self, access_token: str) -> str:
        """A keyed SHA-256 fingerprint (HMAC) of a token: equal tokens compare equal without decryption,
        and without the secret the fingerprint cannot even confirm a guessed token."""
        data = access_token.encode("utf-8", "surrogatepass")
        return hmac.new(self._fingerprint_key, data, hashlib.sha256).hexdigest()


def seal_token(sealer: Sealer, access_token: str, expires_at: float) -> bytes:
    """The sealed JSON of a token and its expiry (Unix time)."""
    payload = json.dumps({"access_token": access_token, "expires_at": float(expires_at)}, separators=(",", ":"))
    return sealer.seal(payload.encode("utf-8", "surrogatepass"))


def _parse_token(plaintext: bytes) -> Optional[Tuple[str, float]]:
    try:
        decoded: Any = json.loads(plaintext.decode("utf-8"))
    except ValueError:  # includes UnicodeDecodeError
        return None
    if not isinstance(decoded, dict):
        return None
    fields = cast(Dict[str, Any], decoded)
    token, expires_at = fields.get("access_token"), fields.get("expires_at")
    if not isinstance(token, str) or not token or isinstance(expires_at, bool):
        return None
    if not isinstance(expires_at, (int, float)) or not math.isfinite(expires_at):
        return None
    return token, float(expires_at)


def open_token(sealer: Sealer, blob: object) -> Optional[Tuple[str, float]]:
    """``(access_token, expires_at)`` from a blob ``seal_token`` made, or ``None`` if it does not open or parse."""
    plaintext = sealer.open(blob)
    return None if plaintext is None else _parse_token(plaintext)
