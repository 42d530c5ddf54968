"""Photos and other attachments, stored as files in the data directory next to the database.

All reads and writes of attachment bytes go through ``store_attachment`` and
``read_attachment``: encryption at rest plugs in there (``_encode``/``_decode``) and nowhere
else. Files are content-addressed (SHA-256 of the cleaned bytes), so importing the same
photo twice stores it once and a synced reference names the same bytes on every device.

Photos are checked and cleaned on the way in: JPEG or PNG only, a size limit, very large
images scaled down, and EXIF location (GPS) removed — a photo of a disabled person's home
must not carry where it was taken.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import ExifTags, Image, UnidentifiedImageError

from fieldworker.domain.errors import ValidationError

if TYPE_CHECKING:
    from fieldworker.store.engine import Database

ATTACHMENTS_DIRNAME = "attachments"
MAX_INPUT_BYTES = 20 * 1024 * 1024  # a phone photo is 2–8 MB; anything bigger is not a photo of a house
MAX_PIXELS = 60_000_000  # refuse decompression bombs before decoding
MAX_SIDE = 3000  # larger photos are scaled down: enough to read a measurement, small enough to sync
THUMBNAIL_SIDE = 160
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png"}
_REF = re.compile(r"^[0-9a-f]{64}\.(jpg|png)$")
# EXIF tags that say where a photo was taken or by which phone owner.
_PRIVATE_TAGS = (ExifTags.Base.GPSInfo, ExifTags.Base.CameraOwnerName, ExifTags.Base.BodySerialNumber)


@dataclass(frozen=True)
class StoredAttachment:
    ref: str  # "<sha256>.<ext>": the name under attachments/
    size_bytes: int
    width: int
    height: int
    format: str


def attachments_dir(db: "Database") -> Path:
    return db.path.parent / ATTACHMENTS_DIRNAME


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that it is either complete or absent, even after a power cut."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def clean_photo(data: bytes, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str, int, int]:
    """Check a photo and return (clean bytes, format, width, height); refuse with a Chinese reason."""
    if len(data) > max_bytes:
        raise ValidationError("photo_too_large",
                              f"照片文件太大（{len(data) / 1024 / 1024:.1f} MB），请选择不超过 {max_bytes // 1024 // 1024} MB 的照片",
                              "photo")
    if not data:
        raise ValidationError("photo_empty", "照片文件是空的", "photo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            fmt = image.format or ""
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError("photo_format", f"只能添加 JPEG 或 PNG 格式的照片（此文件为 {fmt or '未知格式'}）", "photo")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("photo_pixels", "照片像素过多，无法处理，请换一张照片", "photo")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError("photo_format", "只能添加 JPEG 或 PNG 格式的照片（无法识别此文件）", "photo") from None
    except OSError:
        raise ValidationError("photo_broken", "照片文件已损坏或不完整，无法读取", "photo") from None
    exif = image.getexif()
    for tag in _PRIVATE_TAGS:
        exif.pop(tag, None)
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        # XMP can also hold a location: it is simply not written back.
        image.save(out, "JPEG", quality=90, exif=exif.tobytes(), optimize=True)
    else:
        image.save(out, "PNG", exif=exif.tobytes() if len(exif) else None, optimize=True)
    return out.getvalue(), fmt, image.width, image.height


def store_attachment(db: "Database", data: bytes, *, max_bytes: int = MAX_INPUT_BYTES) -> StoredAttachment:
    """Check, clean and store a photo; returns its reference. Storing the same photo again is a no-op."""
    clean, fmt, width, height = clean_photo(data, max_bytes=max_bytes)
    ref = f"{hashlib.sha256(clean).hexdigest()}.{ALLOWED_FORMATS[fmt]}"
    path = attachments_dir(db) / ref
    if not path.exists():
        atomic_write(path, _encode(db, clean))
    return StoredAttachment(ref, len(clean), width, height, fmt)


def read_attachment(db: "Database", ref: str) -> bytes:
    """The stored bytes of an attachment; refuses references that are not ours (no path tricks)."""
    if not _REF.match(ref):
        raise ValidationError("attachment_ref", f"附件引用无效：{ref}", "photo")
    path = attachments_dir(db) / ref
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("attachment_missing", "附件文件不存在（可能尚未从U盘同步）", "photo") from None
    data = _decode(db, raw)
    if hashlib.sha256(data).hexdigest() != ref.split(".")[0]:
        raise ValidationError("attachment_corrupt", "附件文件已损坏（校验不符）", "photo")
    return data


def import_attachment(db: "Database", ref: str, data: bytes) -> bool:
    """Store bytes received from another device under their reference (USB exchange).

    The bytes were cleaned where the photo was taken; here they are only checked to be what
    the reference names. Returns False when the file is already present.
    """
    if not _REF.match(ref):
        raise ValidationError("attachment_ref", f"附件引用无效：{ref}", "photo")
    if hashlib.sha256(data).hexdigest() != ref.split(".")[0]:
        raise ValidationError("attachment_corrupt", f"附件内容与引用不符：{ref}", "photo")
    path = attachments_dir(db) / ref
    if path.exists():
        return False
    atomic_write(path, _encode(db, data))
    return True


def has_attachment(db: "Database", ref: str) -> bool:
    return bool(_REF.match(ref)) and (attachments_dir(db) / ref).exists()


def thumbnail(db: "Database", ref: str, side: int = THUMBNAIL_SIDE) -> bytes:
    """A small PNG of a stored photo, made on demand (cheap; not stored, so nothing to keep in sync)."""
    image = Image.open(io.BytesIO(read_attachment(db, ref)))
    image.thumbnail((side, side))
    out = io.BytesIO()
    image.convert("RGB").save(out, "PNG")
    return out.getvalue()


def _encode(db: "Database", data: bytes) -> bytes:
    """Bytes as written to disk: AES-GCM encrypted when the database is (``security.blobs``)."""
    from fieldworker.security.blobs import encrypt_blob

    return encrypt_blob(db, data)


def _decode(db: "Database", raw: bytes) -> bytes:
    from fieldworker.security.blobs import decrypt_blob

    return decrypt_blob(db, raw)
