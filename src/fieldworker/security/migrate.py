"""Plain → encrypted: an existing plain database becomes an encrypted one on first sign-in.

Order of steps, so that an interruption at any point leaves a usable database:
1. the plain file is checkpointed (WAL folded in) and exported with ``sqlcipher_export``
   into ``<db>.encrypting``; 2. the copy is verified (opens with the key, integrity check,
   same row count in every table) and gets the first account; 3. the key file is written; 4. the plain file is kept
   under a second name (hard link) and the encrypted copy renamed over the database
   (atomic); 5. the plain copy and older plain backups are overwritten and removed.
Until step 4 the database file is the untouched original; what it is (plain or
encrypted) is read from its header, never assumed from the key file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Callable

from fieldworker.domain.errors import ValidationError
from fieldworker.security import accounts, audit, vault
from fieldworker.security.keyfile import atomic_write, keyfile_path
from fieldworker.store.engine import BACKUP_DIRNAME, Database, connect_raw, is_plain_database, raw_key_pragma

STAGES = ("exported", "verified", "keyfile", "swapped", "scrubbed")
Checkpoint = Callable[[str], None]


def _no_checkpoint(_stage: str) -> None:
    pass


def scrub(path: Path) -> None:
    """Overwrite a file with random bytes, then delete it (best effort: see docs/threat-model.md)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as f:
        remaining = size
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            f.write(os.urandom(chunk))
            remaining -= chunk
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def table_counts(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                        "AND name NOT LIKE 'sqlite_%'")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def export_encrypted(plain: Path, destination: Path, key: bytes) -> dict[str, int]:
    """Write an encrypted copy of a plain database; returns the row counts of the original."""
    import sqlcipher3

    destination.unlink(missing_ok=True)
    with sqlite3.connect(plain) as conn:  # fold the WAL into the file; the copy must miss nothing
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    src = sqlcipher3.connect(str(plain))
    try:
        counts = table_counts(src)
        version = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute(f"ATTACH DATABASE ? AS encrypted KEY \"{raw_key_pragma(key)}\"", (str(destination),))
        src.execute("SELECT sqlcipher_export('encrypted')")
        src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        src.commit()
        src.execute("DETACH DATABASE encrypted")
    finally:
        src.close()
    return counts


def verify_copy(path: Path, key: bytes, expected: dict[str, int]) -> None:
    conn = connect_raw(path, key, readonly=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts = table_counts(conn)
    finally:
        conn.close()
    if check != "ok" or counts != expected:
        raise RuntimeError(f"encrypted copy does not match the original: {check}, {counts} != {expected}")


def encrypt_plain_backups(folder: Path, key: bytes) -> int:
    """Backups made before encryption hold plaintext: encrypt each one, then scrub the plain file."""
    done = 0
    if not folder.is_dir():
        return 0
    for path in sorted(folder.rglob("*.db")):
        if not is_plain_database(path):
            continue
        tmp = _side(path, ".encrypting")
        verify_copy_counts = export_encrypted(path, tmp, key)
        verify_copy(tmp, key, verify_copy_counts)
        aside = _side(path, ".plain")
        os.replace(path, aside)
        os.replace(tmp, path)
        scrub(aside)
        done += 1
    return done


def encrypt_database(db_path: Path, *, account: str, password: str, role: str = "admin",
                     checkpoint: Checkpoint = _no_checkpoint) -> vault.Setup:
    """Migrate a plain database in place; returns the signed-in encrypted database and a recovery key.

    ``checkpoint(stage)`` is called after each step (tests interrupt the migration there).
    """
    if not is_plain_database(db_path):
        raise ValidationError("not_plain", "数据库不是未加密的 SQLite 文件", "db")
    account = accounts.validate_name(account)
    vault.check_new_password(password, account)
    keys, data_key, recovery_key = vault.new_keyfile(account=account, password=password)
    tmp = _side(db_path, ".encrypting")
    counts = export_encrypted(db_path, tmp, data_key)
    checkpoint("exported")
    verify_copy(tmp, data_key, counts)
    checkpoint("verified")
    copy = Database.open(tmp, key=data_key)  # schema brought up to date, first account added, in the copy
    try:
        copy.account = account
        if accounts.role_of(copy, account) is None:
            accounts.add(copy, account, role)
        audit.record(copy, audit.ENCRYPT, "", "未加密的数据库已加密，原文件将覆写删除")
    finally:
        copy.close()
    keys.save(keyfile_path(db_path))
    checkpoint("keyfile")
    aside = _side(db_path, ".plain-old")
    aside.unlink(missing_ok=True)
    try:
        os.link(db_path, aside)
    except OSError:  # a file system without hard links (FAT USB sticks): keep a copy instead
        shutil.copy2(db_path, aside)
    for wal in (_side(db_path, "-wal"), _side(db_path, "-shm")):
        scrub(wal)
    os.replace(tmp, db_path)
    checkpoint("swapped")
    finish_pending_scrub(db_path)
    encrypt_plain_backups(db_path.parent / BACKUP_DIRNAME, data_key)
    checkpoint("scrubbed")
    db = Database.open(db_path, key=data_key)
    db.account = account
    encrypt_plain_files(db)
    return vault.Setup(db, recovery_key)


def encrypt_plain_files(db: Database) -> int:
    """Attachments written before encryption: encrypt each, scrub the plain bytes. Safe to repeat."""
    from fieldworker.attachments import attachments_dir
    from fieldworker.security.blobs import encrypt_blob, is_encrypted_blob

    folder = attachments_dir(db)
    done = 0
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.name.startswith("."):
            continue
        raw = path.read_bytes()
        if is_encrypted_blob(raw):
            continue
        tmp = _side(path, ".encrypting")
        atomic_write(tmp, encrypt_blob(db, raw))
        aside = _side(path, ".plain")
        os.replace(path, aside)
        os.replace(tmp, path)
        scrub(aside)
        done += 1
    return done


def finish_pending_scrub(db_path: Path) -> None:
    """Remove the plain original left by a migration interrupted after the swap.

    (Plain attachments and backups are encrypted again by ``encrypt_database`` steps that
    are safe to repeat; the next ``security encrypt`` of an interrupted run finishes them.)"""
    aside = _side(db_path, ".plain-old")
    if aside.exists() and not is_plain_database(db_path):
        scrub(aside)
    _side(db_path, ".encrypting").unlink(missing_ok=True)
