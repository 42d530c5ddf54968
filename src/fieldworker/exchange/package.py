"""The ``.fwpkg`` file: manifest + payload + attachments, signed by the sender, sealed to the recipient.

Layout (all integers big-endian; details in docs/fwpkg-format.md)::

    outer  = "FWPKG\\0" | u16 format version | sealed(inner)          (see keys.seal_to)
    inner  = "FWIN" | u32 n | header JSON (n bytes) | 64-byte Ed25519 signature of the header
             | payload | attachment 1 | attachment 2 | …
    header = {"manifest": {...}, "sender_card": "<key card JSON>"}

The manifest holds the payload's and each attachment's size and SHA-256, so the one signature
covers everything. ``read_package`` checks, in order: magic, format version, recipient, the
decryption tag, the sender's signature and trust, sizes and hashes, replay — before anything
touches the database.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange import keys
from fieldworker.exchange.models import PackageRecord, Peer
from fieldworker.store.engine import Database

MAGIC = b"FWPKG\x00"
FORMAT_VERSION = 1
SUFFIX = ".fwpkg"
INNER_MAGIC = b"FWIN"
_OUTER = struct.Struct(">6sH")
_U32 = struct.Struct(">I")
SIGNATURE_BYTES = 64


class PackageRejected(ValidationError):
    """A package refused before import; the message says why, in Chinese."""


@dataclass
class VerifiedPackage:
    """A package whose signature, sender, recipient and hashes all checked out."""

    path: Path
    manifest: dict[str, Any]
    sender_card: keys.KeyCard
    writes: list[dict[str, Any]]
    attachments: dict[str, bytes] = field(default_factory=dict)
    rotated_sender: bool = False  # signed by a new key endorsed by the trusted old one

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])

    @property
    def sender_device(self) -> str:
        return str(self.manifest["sender"]["device_id"])


def context_bytes(version: int = FORMAT_VERSION) -> bytes:
    return _OUTER.pack(MAGIC, version)


def encode_payload(writes: list[dict[str, Any]]) -> bytes:
    lines = "\n".join(json.dumps(w, ensure_ascii=False, separators=(",", ":")) for w in writes)
    # mtime=0: the same content gives the same bytes (no wall clock inside the payload).
    return gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)


def decode_payload(data: bytes) -> list[dict[str, Any]]:
    text = gzip.decompress(data).decode("utf-8")
    return [json.loads(line) for line in text.split("\n") if line]


def build(manifest: dict[str, Any], writes: list[dict[str, Any]], attachments: dict[str, bytes], *,
          sender_card: keys.KeyCard, signing_key: Ed25519PrivateKey, recipient: keys.KeyCard) -> bytes:
    """The complete file bytes of a package."""
    payload = encode_payload(writes)
    manifest = {**manifest, "format_version": FORMAT_VERSION,
                "payload": {"encoding": "jsonl+gzip", "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()},
                "attachments": [{"ref": ref, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                                for ref, data in sorted(attachments.items())]}
    header = json.dumps({"manifest": manifest, "sender_card": sender_card.to_json()}, ensure_ascii=False).encode("utf-8")
    parts = [INNER_MAGIC, _U32.pack(len(header)), header, signing_key.sign(header), payload]
    parts.extend(data for _ref, data in sorted(attachments.items()))
    inner = b"".join(parts)
    return context_bytes() + keys.seal_to(recipient, inner, context=context_bytes())


def peek_version(data: bytes) -> int:
    if len(data) < _OUTER.size or data[:len(MAGIC)] != MAGIC:
        if MAGIC.startswith(data[:len(MAGIC)]) and len(data) < _OUTER.size:
            raise PackageRejected("truncated", "数据包不完整（文件被截断，可能拷贝时U盘被拔出）")
        raise PackageRejected("not_a_package", "不是 fieldworker 数据包（.fwpkg）")
    return _OUTER.unpack_from(data)[1]


def read(db: Database, path: Path) -> VerifiedPackage:
    """Open and verify a package for this device. Reads the database, never writes it."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PackageRejected("unreadable", f"无法读取文件 {path}：{exc.strerror or exc}") from None
    version = peek_version(data)
    if version > FORMAT_VERSION:
        raise PackageRejected("newer_format",
                              f"数据包格式版本为 {version}，本程序只支持到 {FORMAT_VERSION}：请先升级 fieldworker 再导入")
    try:
        inner = keys.open_sealed(db, data[_OUTER.size:], context=context_bytes(version))
    except keys.KeyError_ as exc:
        raise PackageRejected(exc.code, exc.message) from None
    header_bytes, signature, rest = _split_inner(inner)
    try:
        header = json.loads(header_bytes)
        manifest = header["manifest"]
        card = keys.KeyCard.from_json(header["sender_card"])
        Ed25519PublicKey.from_public_bytes(card.sign_public).verify(signature, header_bytes)
    except (InvalidSignature, ValueError, KeyError, TypeError):
        raise PackageRejected("bad_signature", "数据包签名无效：内容可能被改动，未导入") from None
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise PackageRejected("newer_format", "数据包格式较新，请先升级 fieldworker 再导入")
    rotated = _check_sender(db, card, manifest)
    if manifest.get("recipient", {}).get("device_id") != db.device_id:
        raise PackageRejected("wrong_recipient", "此数据包不是发给本机的（收件设备不符）")
    payload, attachments = _check_hashes(manifest, rest)
    with db.session() as s:
        seen = s.get(PackageRecord, str(manifest["package_id"]))
        if seen is not None and seen.direction == "received":
            raise PackageRejected("replay", f"该数据包已于 {seen.at:%Y-%m-%d %H:%M} 导入过，未重复导入")
    try:
        writes = decode_payload(payload)
    except (OSError, ValueError, EOFError):
        raise PackageRejected("bad_payload", "数据包内容无法解析") from None
    return VerifiedPackage(Path(path), manifest, card, writes, attachments, rotated)


def _split_inner(inner: bytes) -> tuple[bytes, bytes, bytes]:
    if inner[:4] != INNER_MAGIC or len(inner) < 8:
        raise PackageRejected("bad_inner", "数据包内容格式不对")
    (size,) = _U32.unpack_from(inner, 4)
    start = 8 + size
    if len(inner) < start + SIGNATURE_BYTES:
        raise PackageRejected("bad_inner", "数据包内容不完整")
    return inner[8:start], inner[start:start + SIGNATURE_BYTES], inner[start + SIGNATURE_BYTES:]


def _check_sender(db: Database, card: keys.KeyCard, manifest: dict[str, Any]) -> bool:
    if manifest.get("sender", {}).get("device_id") != card.device_id:
        raise PackageRejected("bad_sender", "数据包的发送方与其公钥卡不符")
    with db.session() as s:
        peer = s.get(Peer, card.device_id)
    fp = keys.show_fingerprint(card.fingerprint)
    if peer is None:
        raise PackageRejected(
            "unknown_sender",
            f"未知发送方：{card.region_name}（{card.region_code}），设备指纹 {fp}。"
            f"请与对方电话核对指纹后运行 fieldworker keys trust 此文件 --fingerprint \"{fp}\"，再导入")
    if peer.revoked:
        raise PackageRejected("revoked_sender", f"发送方设备 {card.region_name}（指纹 {fp}）已被吊销，拒绝导入")
    if peer.fingerprint == card.fingerprint:
        return False
    if card.endorsed_by(keys.KeyCard.from_json(peer.card)):
        return True
    raise PackageRejected("key_changed",
                          f"发送方 {card.region_name} 的密钥已变更（新指纹 {fp}），且未由原密钥认可：请核对指纹后重新信任")


def _check_hashes(manifest: dict[str, Any], rest: bytes) -> tuple[bytes, dict[str, bytes]]:
    try:
        size = int(manifest["payload"]["size"])
        payload = rest[:size]
        if len(payload) != size or hashlib.sha256(payload).hexdigest() != manifest["payload"]["sha256"]:
            raise PackageRejected("bad_hash", "数据包内容校验不符，未导入")
        offset = size
        attachments = {}
        for entry in manifest.get("attachments", []):
            blob = rest[offset:offset + int(entry["size"])]
            offset += int(entry["size"])
            if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
                raise PackageRejected("bad_hash", f"附件 {entry['ref']} 校验不符，未导入")
            attachments[str(entry["ref"])] = blob
        if offset != len(rest):
            raise PackageRejected("bad_hash", "数据包长度与清单不符，未导入")
    except (KeyError, TypeError, ValueError):
        raise PackageRejected("bad_manifest", "数据包清单格式不对") from None
    return payload, attachments


def sender_card_of(db: Database, path: Path) -> keys.KeyCard:
    """The sender's key card inside a package sealed to us (to trust a village from its first package)."""
    data = Path(path).read_bytes()
    version = peek_version(data)
    try:
        inner = keys.open_sealed(db, data[_OUTER.size:], context=context_bytes(version))
    except keys.KeyError_ as exc:
        raise PackageRejected(exc.code, exc.message) from None
    header_bytes, signature, _rest = _split_inner(inner)
    header = json.loads(header_bytes)
    card = keys.KeyCard.from_json(header["sender_card"])
    try:
        Ed25519PublicKey.from_public_bytes(card.sign_public).verify(signature, header_bytes)
    except InvalidSignature:
        raise PackageRejected("bad_signature", "数据包签名无效") from None
    return card
