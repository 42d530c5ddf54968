"""The one place that opens a database: engine factory, migrations with backup, sessions."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Iterator

from sqlalchemy import URL, Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from fieldworker.store.changelog import Actor, set_actor
from fieldworker.store.models import Setting

BACKUP_DIRNAME = "backups"
PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
ENCRYPTED_CACHE_KIB = -65536  # negative: KiB, as SQLite's cache_size pragma counts it


class EncryptedDatabaseError(RuntimeError):
    """The file is encrypted and no key was given (open it through ``security.vault``)."""


class WrongKeyError(RuntimeError):
    """The key does not open this file: wrong key, or the file is not a database / is damaged."""


def is_plain_database(path: Path | str) -> bool:
    """True for an ordinary SQLite file (its first 16 bytes are the SQLite header)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def is_encrypted_database(path: Path | str) -> bool:
    """True for a non-empty file without the SQLite header: SQLCipher encrypts page 1 too."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain_database(path)


def raw_key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the key is used as is, no PBKDF2 on every connection.

    Password stretching happens once, when the data key is unwrapped (``security``).
    """
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"x'{key.hex()}'"


def make_engine(path: Path | str, key: bytes | None = None) -> Engine:
    """Create the engine for a database file. Encryption at rest plugs in here and only here.

    Without ``key`` the file is plain SQLite; with it, SQLCipher (AES-256, HMAC per page)
    through SQLAlchemy's ``sqlite+pysqlcipher`` dialect, which issues ``PRAGMA key`` first
    on every new connection.
    """
    if key is None:
        url = "sqlite:///:memory:" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
        engine = create_engine(url, future=True)
    else:
        url = URL.create("sqlite+pysqlcipher", password=raw_key_pragma(key), database=str(Path(path)))
        # QueuePool like the plain file dialect (the cipher dialect defaults to one connection per thread).
        engine = create_engine(url, future=True, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        if key is not None:
            # A wrong key or a damaged page is reported to the caller; keep SQLCipher's own log off stderr.
            cursor.execute("PRAGMA cipher_log_level=NONE")
            # Up to 64 MiB of decrypted pages per connection: the OS cache holds only ciphertext, and a
            # search over 100k persons re-decrypted every page on each keystroke (54 → 20 ms at 60k).
            cursor.execute(f"PRAGMA cache_size={ENCRYPTED_CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed change survives a power cut, which a village laptop will see.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


def connect_raw(path: Path | str, key: bytes | None = None, *, readonly: bool = False):  # type: ignore[no-untyped-def]
    """A DB-API connection outside SQLAlchemy (backups, checks): sqlite3, or sqlcipher3 keyed."""
    # Read-only needs a URI; a plain path otherwise (no URI quoting of '?', '#', '%' in folder names).
    target, uri = (f"file:{Path(path)}?mode=ro", True) if readonly else (str(Path(path)), False)
    if key is None:
        return sqlite3.connect(target, uri=uri)
    import sqlcipher3

    conn = sqlcipher3.connect(target, uri=uri)
    conn.execute(f'PRAGMA key="{raw_key_pragma(key)}"')
    conn.execute("PRAGMA cipher_log_level=NONE")
    return conn


def backup_file(source: Path, destination: Path, key: bytes | None = None) -> Path:
    """Copy a database with SQLite's online backup API (safe while it is open elsewhere).

    An encrypted source gives an encrypted copy under the same key (SQLCipher's backup API
    copies pages between two connections keyed alike).
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    tmp.unlink(missing_ok=True)
    src = connect_raw(source, key, readonly=True)
    try:
        dst = connect_raw(tmp, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    tmp.replace(destination)
    return destination


class Database:
    """An open fieldworker database: engine, sessions bound to this device, settings."""

    def __init__(self, path: Path | str, engine: Engine, key: bytes | None = None) -> None:
        self.path = Path(path)
        self.engine = engine
        self.key = key
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.account = ""

    @classmethod
    def open(cls, path: Path | str, *, key: bytes | None = None, migrate: bool = True) -> "Database":
        """Open (or create) a database: plain without ``key``, SQLCipher-encrypted with it.

        The application and the CLI get the key from ``security.vault`` (the worker's
        password); a plain open of an encrypted file is refused rather than misread.
        """
        import fieldworker.store.all_models  # noqa: F401  (every mapper known before the first session)
        from fieldworker.store import migrations

        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        if key is None and str(path) != ":memory:" and is_encrypted_database(path):
            raise EncryptedDatabaseError(f"数据库已加密，需要密码才能打开：{path}")
        engine = make_engine(path, key)
        db = cls(path, engine, key)
        if key is not None:
            try:
                db.has_tables()
            except DatabaseError as exc:
                engine.dispose()
                raise WrongKeyError(f"无法用此密钥打开数据库（密钥错误或文件已损坏）：{path}") from exc
        if migrate:
            migrations.upgrade(db)
        return db

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def device_id(self) -> str:
        device = self.get_setting("device_id")
        if device is None:
            device = str(uuid.uuid4())
            self.set_setting("device_id", device)
        return device

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self._sessions()
        set_actor(session, Actor(self.device_id, self.account))
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def get_setting(self, key: str, default: object = None) -> object:
        with self._sessions() as s:
            row = s.get(Setting, key)
            return json.loads(row.value) if row else default

    def set_setting(self, key: str, value: object) -> None:
        with self._sessions() as s, s.begin():
            s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def backup_to(self, destination: Path) -> Path:
        return backup_file(self.path, destination, self.key)

    def timestamped_backup(self, reason: str) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return backup_file(self.path, self.path.parent / BACKUP_DIRNAME / f"{self.path.stem}-{stamp}-{reason}.db",
                           self.key)

    def has_tables(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar())
