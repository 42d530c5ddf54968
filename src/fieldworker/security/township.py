"""Township recovery through the USB-exchange device keys (``exchange.keys``).

A village that trusts its township's key card gets its data key sealed to the township's
X25519 key automatically (at sign-in); the township opens a village's key file with its
own device key and writes a recovery file for that village.
"""

from __future__ import annotations

from pathlib import Path

from fieldworker.security import audit, crypto, vault
from fieldworker.security.keyfile import keyfile_path
from fieldworker.store.engine import Database

UPWARD_ROLES = ("township",)


def trusted_township_key(db: Database) -> tuple[bytes, str] | None:
    """(X25519 public key, name) of the trusted township, if this installation has one."""
    from fieldworker.exchange import keys

    for peer in keys.trusted_peers(db):
        if peer.role in UPWARD_ROLES:
            return keys.peer_card(peer).enc_public, peer.region_name or peer.region_code
    return None


def ensure_sealed(db: Database) -> str | None:
    """Seal (or re-seal after a key rotation) the data key to the trusted township; returns its fingerprint."""
    if db.key is None or not keyfile_path(db.path).exists():
        return None
    found = trusted_township_key(db)
    if found is None:
        return None
    public_key, name = found
    keys = vault.load_keyfile(db.path)
    slot = keys.slot("township", "township")
    if slot is not None and crypto.unb64(slot["public_key"]) == public_key:
        return str(slot["fingerprint"])
    keys.set_township(public_key, db.key)
    keys.save(keyfile_path(db.path))
    fp = crypto.fingerprint(public_key)
    audit.record(db, audit.KEYS, "", f"数据密钥已密封给{name}（公钥指纹 {fp}）")
    return fp


def write_recovery_for_village(township_db: Database, village_keyfile: Path, destination: Path) -> Path:
    """At the township: open a village's key file with this installation's own device key."""
    from fieldworker.exchange import keys

    path = vault.write_township_recovery(village_keyfile, keys.private_encryption_key(township_db), destination)
    audit.record(township_db, audit.KEYS, village_keyfile.name, f"为村出具恢复文件 {destination.name}")
    return path
