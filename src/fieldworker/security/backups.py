"""Backups with SQLite's online backup API, restore after checking, and integrity checks.

Backups of an encrypted database stay encrypted under the same data key; each is written
with a copy of the key file beside it, so a backup on a USB stick opens with the same
password or recovery key on another laptop.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fieldworker.domain.errors import ValidationError
from fieldworker.security import audit
from fieldworker.security.keyfile import keyfile_path
from fieldworker.store.engine import BACKUP_DIRNAME, Database, backup_file, connect_raw

AUTO_DIRNAME = "auto"
KEEP_SETTING, EVERY_SETTING = "security.backup_keep", "security.backup_every_hours"
FULL_CHECK_SETTING, FULL_CHECK_DAYS = "security.last_full_check", 7
DEFAULT_KEEP, DEFAULT_EVERY_HOURS = 7, 24


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: list[str]
    persons: int = 0


def auto_dir(db: Database | Path) -> Path:
    path = db.path if isinstance(db, Database) else db
    return path.parent / BACKUP_DIRNAME / AUTO_DIRNAME


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def _copy_keyfile(db: Database, backup: Path) -> None:
    source = keyfile_path(db.path)
    if db.key is not None and source.exists():
        shutil.copy2(source, keyfile_path(backup))


def check_file(path: Path, key: bytes | None, *, full: bool = True) -> CheckResult:
    """Open a database or backup file and check it: integrity (and every page's HMAC when encrypted)."""
    try:
        conn = connect_raw(path, key, readonly=True)
    except Exception as exc:  # noqa: BLE001
        return CheckResult(False, [str(exc)])
    try:
        pragma = "integrity_check" if full else "quick_check"
        problems = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall() if r[0] != "ok"]
        if key is not None and full:
            problems += [" ".join(map(str, r)) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        persons = 0
        if not problems:
            persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
        return CheckResult(not problems, problems, persons)
    except Exception as exc:  # noqa: BLE001  (a damaged file fails in many ways)
        return CheckResult(False, [str(exc)])
    finally:
        conn.close()


def check_database(db: Database, *, now: dt.datetime | None = None, force_full: bool = False) -> CheckResult:
    """At start: a quick check every time, a full check (every page) once a week."""
    now = now or dt.datetime.now()
    last = db.get_setting(FULL_CHECK_SETTING)
    full = force_full or not last or now - dt.datetime.fromisoformat(str(last)) > dt.timedelta(days=FULL_CHECK_DAYS)
    result = check_file(db.path, db.key, full=full)
    if result.ok and full:
        db.set_setting(FULL_CHECK_SETTING, now.isoformat(timespec="seconds"))
    return result


def backup(db: Database, destination: Path) -> Path:
    """A verified backup: written with the backup API, re-opened and checked, key file beside it."""
    backup_file(db.path, destination, db.key)
    result = check_file(destination, db.key)
    if not result.ok:
        destination.unlink(missing_ok=True)
        raise ValidationError("backup_failed", "备份校验失败：" + "；".join(result.problems[:3]), "backup")
    _copy_keyfile(db, destination)
    return destination


def backup_to_folder(db: Database, folder: Path) -> Path:
    """备份到U盘: a verified encrypted backup in a chosen folder."""
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / f"fieldworker-backup-{_stamp()}.db"
    backup(db, destination)
    audit.record(db, audit.BACKUP, str(destination.name), f"备份到 {folder}")
    return destination


def list_backups(db_path: Path) -> list[Path]:
    """Every backup in the data folder, newest first."""
    folder = db_path.parent / BACKUP_DIRNAME
    found = [p for p in folder.rglob("*.db") if p.is_file()] if folder.is_dir() else []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def automatic_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """A rotating backup when the newest is older than the interval; keeps the newest N."""
    now = now or dt.datetime.now()
    every = dt.timedelta(hours=float(db.get_setting(EVERY_SETTING, DEFAULT_EVERY_HOURS)))
    keep = int(db.get_setting(KEEP_SETTING, DEFAULT_KEEP))
    folder = auto_dir(db)
    existing = sorted(folder.glob("*.db"), reverse=True) if folder.is_dir() else []
    if existing and now - dt.datetime.fromtimestamp(existing[0].stat().st_mtime) < every:
        return None
    destination = backup(db, folder / f"{db.path.stem}-{_stamp(now)}.db")
    for old in sorted(folder.glob("*.db"), reverse=True)[keep:]:
        old.unlink()
        keyfile_path(old).unlink(missing_ok=True)
    return destination


def latest_good_backup(db_path: Path, key: bytes | None) -> Path | None:
    for candidate in list_backups(db_path):
        if check_file(candidate, key).ok:
            return candidate
    return None


def restore(db_path: Path, backup_path: Path, key: bytes | None) -> Path:
    """从备份恢复: check the backup, move the current database aside (never overwritten), copy back.

    The database must be closed. Returns where the previous database was kept.
    """
    result = check_file(backup_path, key)
    if not result.ok:
        raise ValidationError("bad_backup", "备份文件无法通过校验，未恢复：" + "；".join(result.problems[:3]),
                              "backup")
    carried = _audit_since_backup(db_path, backup_path, key)
    aside_dir = db_path.parent / BACKUP_DIRNAME / "replaced"
    aside_dir.mkdir(parents=True, exist_ok=True)
    aside = aside_dir / f"{db_path.stem}-{_stamp()}-replaced.db"
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    backup_file(backup_path, db_path, key)
    if not check_file(db_path, key).ok:  # the copy itself failed: put the previous file back
        db_path.unlink(missing_ok=True)
        os.replace(aside, db_path)
        raise ValidationError("restore_failed", "恢复后的数据库校验失败，已放回原数据库", "backup")
    _append_audit(db_path, key, carried)
    return aside


AUDIT_COLUMNS = "at, account, device_id, action, subject, detail"


def _audit_since_backup(db_path: Path, backup_path: Path, key: bytes | None) -> list[tuple]:
    """Audit entries written after the backup was taken: the trail must survive a restore."""
    try:
        with_backup = connect_raw(backup_path, key, readonly=True)
        try:
            newest = with_backup.execute("SELECT max(at) FROM audit_log").fetchone()[0] or ""
        finally:
            with_backup.close()
        current = connect_raw(db_path, key, readonly=True)
        try:
            return current.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE at > ? ORDER BY seq",
                                   (newest,)).fetchall()
        finally:
            current.close()
    except Exception:  # noqa: BLE001  (a damaged current database has no trail to carry over)
        return []


def _append_audit(db_path: Path, key: bytes | None, rows: list[tuple]) -> None:
    if not rows:
        return
    conn = connect_raw(db_path, key)
    try:
        conn.executemany(f"INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
    finally:
        conn.close()
