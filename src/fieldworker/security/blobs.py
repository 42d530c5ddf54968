"""Encryption of files kept beside the database (attachments): AES-256-GCM.

The file key is random and lives in the settings table *inside* the encrypted database, so
the files open exactly when the database does. Plain databases (tests, earlier versions)
keep plain files; files written before encryption are still read.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldworker.domain.errors import ValidationError
from fieldworker.store.engine import Database

MAGIC = b"FWA1"
KEY_SETTING = "security.file_key"


def _file_key(db: Database) -> bytes:
    value = db.get_setting(KEY_SETTING)
    if value is None:
        key = AESGCM.generate_key(bit_length=256)
        db.set_setting(KEY_SETTING, base64.b64encode(key).decode("ascii"))
        return key
    return base64.b64decode(str(value))


def encrypt_blob(db: Database, data: bytes) -> bytes:
    if db.key is None:
        return data
    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(_file_key(db)).encrypt(nonce, data, MAGIC)


def decrypt_blob(db: Database, raw: bytes) -> bytes:
    if not raw.startswith(MAGIC):
        return raw  # written before the database was encrypted
    if db.key is None:
        raise ValidationError("attachment_encrypted", "附件已加密，需要登录后才能读取", "photo")
    try:
        return AESGCM(_file_key(db)).decrypt(raw[4:16], raw[16:], MAGIC)
    except InvalidTag:
        raise ValidationError("attachment_corrupt", "附件文件已损坏或被篡改", "photo") from None


def is_encrypted_blob(raw: bytes) -> bool:
    return raw.startswith(MAGIC)
