"""Device keys, public key cards, the trust store of peers, and sealing data to a peer.

Each installation holds an Ed25519 key (signs packages) and an X25519 key (packages are
encrypted to it). The public halves travel as a *key card*: a small signed JSON file. A
person accepts a peer's card after comparing its short fingerprint over the phone.

Keys are created by ``fieldworker init`` or lazily on first use (``ensure_keys``). After
``rotate`` the old key is kept as *retired*: it still opens packages sealed to it, and the new
card carries an endorsement signed by the old key, so peers accept the new key by themselves.

Public API used by other areas (data safety seals the database key with it):
``public_card(db)``, ``trusted_peers(db)``, ``seal_to(card, data)``, ``open_sealed(db, blob)``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange.models import DeviceKey, Peer
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import utcnow

CARD_FORMAT = "fieldworker-keycard"
CARD_VERSION = 1
CARD_SUFFIX = ".fwkey"
SEAL_MAGIC = b"FWSL"
SEAL_VERSION = 1
FINGERPRINT_BYTES = 10  # 80 bits, read over the phone as five groups of four
_SEAL_HEADER = struct.Struct(">4sB10s32s12s")  # magic, version, recipient fingerprint, ephemeral key, nonce


class KeyError_(ValidationError):
    """A key card or sealed blob was refused (Chinese message, stable code)."""


def _raw(public: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _private_raw(private: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def fingerprint_of(sign_public: bytes, enc_public: bytes) -> str:
    return hashlib.sha256(b"fieldworker key v1" + sign_public + enc_public).hexdigest()[:FINGERPRINT_BYTES * 2].upper()


def show_fingerprint(fp: str) -> str:
    """``3F2A9C1B…`` → ``3F2A 9C1B 7D4E 0A55 12EF`` (as shown in both GUIs and read aloud)."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


@dataclass(frozen=True)
class KeyCard:
    """A device's public keys and identity, with a self-signature (and an endorsement after rotation)."""

    device_id: str
    role: str
    region_code: str
    region_name: str
    sign_public: bytes
    enc_public: bytes
    created_at: str
    previous_fingerprint: str = ""
    signature: bytes = b""
    endorsement: bytes = b""

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.sign_public, self.enc_public)

    def body(self) -> dict:
        return {"format": CARD_FORMAT, "version": CARD_VERSION, "device_id": self.device_id, "role": self.role,
                "region_code": self.region_code, "region_name": self.region_name,
                "sign_public": b64(self.sign_public), "enc_public": b64(self.enc_public),
                "created_at": self.created_at, "previous_fingerprint": self.previous_fingerprint}

    def to_json(self) -> str:
        return json.dumps({"card": self.body(), "signature": b64(self.signature),
                           "endorsement": b64(self.endorsement)}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str | bytes) -> "KeyCard":
        """Parse and check the self-signature; refuses anything else with a Chinese reason."""
        try:
            outer = json.loads(text)
            body = outer["card"]
            if body.get("format") != CARD_FORMAT:
                raise KeyError_("not_a_card", "不是 fieldworker 公钥卡文件")
            if int(body.get("version", 0)) > CARD_VERSION:
                raise KeyError_("card_newer", "公钥卡的格式版本较新，请先升级本程序")
            card = cls(device_id=body["device_id"], role=body["role"], region_code=body["region_code"],
                       region_name=body.get("region_name", ""), sign_public=unb64(body["sign_public"]),
                       enc_public=unb64(body["enc_public"]), created_at=body["created_at"],
                       previous_fingerprint=body.get("previous_fingerprint", ""),
                       signature=unb64(outer["signature"]), endorsement=unb64(outer.get("endorsement", "")))
            Ed25519PublicKey.from_public_bytes(card.sign_public).verify(card.signature, canonical(card.body()))
            X25519PublicKey.from_public_bytes(card.enc_public)
        except KeyError_:
            raise
        except (ValueError, KeyError, TypeError, InvalidSignature, UnicodeDecodeError):
            raise KeyError_("bad_card", "公钥卡文件无效或已损坏") from None
        return card

    def endorsed_by(self, previous: "KeyCard") -> bool:
        """True when the previous key of the same device signed this card (a rotation)."""
        if not self.endorsement or previous.device_id != self.device_id:
            return False
        try:
            Ed25519PublicKey.from_public_bytes(previous.sign_public).verify(self.endorsement, canonical(self.body()))
        except InvalidSignature:
            return False
        return True


# ------------------------------------------------------------------ own keys

def _new_card(db: Database, sign: Ed25519PrivateKey, enc: X25519PrivateKey,
              previous: tuple[DeviceKey, Ed25519PrivateKey] | None) -> KeyCard:
    info = installation.require(db)
    card = KeyCard(device_id=info.device_id, role=info.role, region_code=info.region_code,
                   region_name=info.region_name, sign_public=_raw(sign.public_key()),
                   enc_public=_raw(enc.public_key()), created_at=utcnow().isoformat(timespec="seconds"),
                   previous_fingerprint=previous[0].fingerprint if previous else "")
    body = canonical(card.body())
    endorsement = previous[1].sign(body) if previous else b""
    return KeyCard(**{**card.__dict__, "signature": sign.sign(body), "endorsement": endorsement})


def _store_new_key(db: Database, previous: tuple[DeviceKey, Ed25519PrivateKey] | None) -> KeyCard:
    sign, enc = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    card = _new_card(db, sign, enc, previous)
    with db.session() as s:
        for old in s.scalars(select(DeviceKey).where(DeviceKey.status == "active")):
            old.status = "retired"
        s.add(DeviceKey(fingerprint=card.fingerprint, sign_private=_private_raw(sign),
                        enc_private=_private_raw(enc), status="active", card=card.to_json()))
    return card


def _active(db: Database) -> DeviceKey | None:
    with db.session() as s:
        return s.scalars(select(DeviceKey).where(DeviceKey.status == "active")
                         .order_by(DeviceKey.created_at.desc())).first()


def has_keys(db: Database) -> bool:
    return _active(db) is not None


def ensure_keys(db: Database) -> KeyCard:
    """This device's public card, creating the key pair on first use."""
    key = _active(db)
    if key is None:
        return _store_new_key(db, None)
    return KeyCard.from_json(key.card)


def public_card(db: Database) -> KeyCard:
    return ensure_keys(db)


def rotate(db: Database) -> KeyCard:
    """New key pair; the old one is retired (still opens packages sealed to it) and endorses the new."""
    old = _active(db)
    previous = (old, Ed25519PrivateKey.from_private_bytes(old.sign_private)) if old else None
    return _store_new_key(db, previous)


def signing_key(db: Database) -> tuple[KeyCard, Ed25519PrivateKey]:
    key = _active(db)
    if key is None:
        raise KeyError_("no_keys", "本机尚无设备密钥：请先运行 fieldworker init 或 fieldworker keys show")
    return KeyCard.from_json(key.card), Ed25519PrivateKey.from_private_bytes(key.sign_private)


def private_encryption_key(db: Database) -> bytes:
    """The active raw X25519 private key (for data-safety recovery files opened at the township)."""
    key = _active(db)
    if key is None:
        raise KeyError_("no_keys", "本机尚无设备密钥")
    return key.enc_private


def export_card(db: Database, path: Path) -> Path:
    from fieldworker.exchange.atomic import atomic_write_bytes

    card = ensure_keys(db)
    if path.is_dir():
        path = path / f"{card.region_code}-{card.device_id[:8]}{CARD_SUFFIX}"
    atomic_write_bytes(path, card.to_json().encode("utf-8"))
    return path


# ------------------------------------------------------------------ peers

def trust(db: Database, card: KeyCard, *, expected_fingerprint: str | None = None) -> Peer:
    """Add (or update) a peer after the person compared fingerprints."""
    if expected_fingerprint is not None and normalise_fingerprint(expected_fingerprint) != card.fingerprint:
        raise KeyError_("fingerprint_mismatch",
                        f"指纹不一致：文件中为 {show_fingerprint(card.fingerprint)}，"
                        f"您输入的是 {show_fingerprint(normalise_fingerprint(expected_fingerprint))}，未信任")
    if card.device_id == db.device_id:
        raise KeyError_("own_card", "这是本机自己的公钥卡")
    with db.session() as s:
        peer = s.get(Peer, card.device_id)
        if peer is None:
            peer = Peer(device_id=card.device_id, have="{}", needs_full=False, ask_full=False)
            s.add(peer)
        peer.role, peer.region_code, peer.region_name = card.role, card.region_code, card.region_name
        peer.fingerprint, peer.card, peer.revoked, peer.trusted_at = card.fingerprint, card.to_json(), False, utcnow()
    return peer


def accept_rotation(db: Database, card: KeyCard) -> bool:
    """A known peer's new card endorsed by its trusted old key replaces the old card."""
    with db.session() as s:
        peer = s.get(Peer, card.device_id)
        if peer is None or peer.revoked or peer.fingerprint == card.fingerprint:
            return False
        if not card.endorsed_by(KeyCard.from_json(peer.card)):
            return False
        peer.fingerprint, peer.card = card.fingerprint, card.to_json()
        return True


def revoke(db: Database, device_or_fingerprint: str) -> Peer:
    """Stop trusting a peer (a lost laptop): its packages are refused from now on."""
    wanted = normalise_fingerprint(device_or_fingerprint)
    with db.session() as s:
        peer = s.get(Peer, device_or_fingerprint)
        if peer is None and wanted:
            peer = s.scalars(select(Peer).where(Peer.fingerprint == wanted)).first()
        if peer is None:
            raise KeyError_("unknown_peer", f"找不到对方设备：{device_or_fingerprint}")
        peer.revoked = True
        return peer


def trusted_peers(db: Database, *, include_revoked: bool = False) -> list[Peer]:
    with db.session() as s:
        query = select(Peer).order_by(Peer.region_code)
        if not include_revoked:
            query = query.where(Peer.revoked.is_(False))
        return list(s.scalars(query))


def peer_card(peer: Peer) -> KeyCard:
    return KeyCard.from_json(peer.card)


def find_peer(db: Database, text: str) -> Peer:
    """A trusted peer by device id, id prefix, region code or fingerprint."""
    wanted = text.strip()
    matches = [p for p in trusted_peers(db) if wanted in (p.device_id, p.region_code)
               or p.device_id.startswith(wanted) or p.fingerprint == normalise_fingerprint(wanted)]
    if len(matches) != 1:
        raise KeyError_("unknown_peer", f"找不到唯一对应的已信任设备：{text}" if not matches
                        else f"“{text}”对应多台设备，请写设备编号")
    return matches[0]


# ------------------------------------------------------------------ sealing

def _derive(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None,
                info=b"fieldworker seal v1" + ephemeral_public + recipient_public).derive(shared)


def seal_to(card: KeyCard, data: bytes, *, context: bytes = b"") -> bytes:
    """Encrypt ``data`` so that only the card's device can read it (X25519 + HKDF + ChaCha20-Poly1305).

    ``context`` is authenticated but not stored (e.g. the package file's magic and version).
    """
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw(ephemeral.public_key())
    key = _derive(ephemeral.exchange(X25519PublicKey.from_public_bytes(card.enc_public)), ephemeral_public,
                  card.enc_public)
    nonce = os.urandom(12)
    header = _SEAL_HEADER.pack(SEAL_MAGIC, SEAL_VERSION, bytes.fromhex(card.fingerprint), ephemeral_public, nonce)
    return header + ChaCha20Poly1305(key).encrypt(nonce, data, context + header)


def sealed_recipient(blob: bytes) -> str:
    """The recipient fingerprint written in a sealed blob's clear header."""
    if len(blob) < _SEAL_HEADER.size + 16 or blob[:4] != SEAL_MAGIC:
        raise KeyError_("truncated", "文件不完整或不是加密数据（可能拷贝中断）")
    return _SEAL_HEADER.unpack_from(blob)[2].hex().upper()


def open_sealed(db: Database, blob: bytes, *, context: bytes = b"") -> bytes:
    """Decrypt a blob sealed to one of this device's keys (active or retired)."""
    recipient = sealed_recipient(blob)
    magic, version, _fp, ephemeral_public, nonce = _SEAL_HEADER.unpack_from(blob)
    if version > SEAL_VERSION:
        raise KeyError_("newer_format", "加密格式版本较新，请先升级本程序")
    with db.session() as s:
        key = s.get(DeviceKey, recipient)
    if key is None:
        raise KeyError_("wrong_recipient",
                        f"此数据包不是发给本机的（收件方指纹 {show_fingerprint(recipient)}，"
                        f"本机为 {show_fingerprint(public_card(db).fingerprint) if has_keys(db) else '无'}）")
    private = X25519PrivateKey.from_private_bytes(key.enc_private)
    mine = _raw(private.public_key())
    aead_key = _derive(private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)), ephemeral_public, mine)
    header = blob[:_SEAL_HEADER.size]
    try:
        return ChaCha20Poly1305(aead_key).decrypt(nonce, blob[_SEAL_HEADER.size:], context + header)
    except InvalidTag:
        raise KeyError_("corrupt", "数据包已损坏或被改动（解密校验失败），未导入任何数据") from None

