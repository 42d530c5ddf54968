"""Key wrapping: a random data key, unlocked by a password, a recovery key or the township.

The database is encrypted with one random 32-byte data key. That key is stored only
wrapped (AES-256-GCM) under key-encryption keys derived from each credential, so several
accounts, the printed recovery key and the township's sealed copy all open the same data
without re-encrypting the database.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

DATA_KEY_BYTES = 32
# scrypt N=2^16, r=8, p=1: ~0.13 s and 64 MiB per guess on a current laptop.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
RECOVERY_KEY_BYTES = 25  # 200 bits → 40 base32 characters, printed in 8 groups of 5
RECOVERY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class UnwrapError(Exception):
    """The credential does not open this wrapped key (wrong password/key, or tampered data)."""


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_id(data_key: bytes) -> str:
    """A short public name for a data key (to match backups and key files to each other)."""
    return hashlib.sha256(b"fieldworker key id\x00" + data_key).hexdigest()[:16]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def password_kek(password: str, salt: bytes, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    """Stretch a password (memory-hard, so offline guessing of a stolen key file is slow)."""
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def wrap(kek: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, aad)


def unwrap(kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, aad)
    except InvalidTag as exc:
        raise UnwrapError("credential does not match") from exc


# --- recovery key: high-entropy, so a fast KDF (HKDF) is enough -------------------------------

def new_recovery_key() -> str:
    raw = secrets.token_bytes(RECOVERY_KEY_BYTES)
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i:i + 5] for i in range(0, len(text), 5))


def normalise_recovery_key(text: str) -> bytes:
    """Accept the key as printed, typed in lower case, with or without dashes and spaces."""
    text = text.rsplit(":", 1)[-1]  # a scanned QR code carries a "FIELDWORKER-RECOVERY:" prefix
    cleaned = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != RECOVERY_KEY_BYTES * 8 // 5 or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise UnwrapError("not a recovery key")
    return base64.b32decode(cleaned)


# --- sealing to a public key (township recovery): X25519 + HKDF-SHA256 + AES-256-GCM -----------

def seal(public_key: bytes, secret: bytes, aad: bytes) -> dict[str, str]:
    """Encrypt ``secret`` so that only the holder of the X25519 private key can read it."""
    recipient = X25519PublicKey.from_public_bytes(public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(recipient)
    kek = hkdf(shared, ephemeral_public + public_key, b"fieldworker seal v1")
    nonce, wrapped = wrap(kek, secret, aad)
    return {"ephemeral_public_key": b64(ephemeral_public), "nonce": b64(nonce), "wrapped": b64(wrapped)}


def unseal(private_key: bytes, sealed: dict[str, str], aad: bytes) -> bytes:
    me = X25519PrivateKey.from_private_bytes(private_key)
    mine = me.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    ephemeral_public = unb64(sealed["ephemeral_public_key"])
    shared = me.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    kek = hkdf(shared, ephemeral_public + mine, b"fieldworker seal v1")
    return unwrap(kek, unb64(sealed["nonce"]), unb64(sealed["wrapped"]), aad)


def new_x25519_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw bytes; the township's real keys come from the exchange module."""
    private = X25519PrivateKey.generate()
    raw_private = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw_private, raw_public


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))
