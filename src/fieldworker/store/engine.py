"""The one place that opens a database: engine factory, migrations with backup, sessions."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from fieldworker.store.changelog import Actor, set_actor
from fieldworker.store.models import Setting

BACKUP_DIRNAME = "backups"


def make_engine(path: Path | str) -> Engine:
    """Create the engine for a database file. Encryption at rest plugs in here and only here."""
    url = "sqlite:///:memory:" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed change survives a power cut, which a village laptop will see.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


def backup_file(source: Path, destination: Path) -> Path:
    """Copy a database with SQLite's online backup API (safe while it is open elsewhere)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)
    return destination


class Database:
    """An open fieldworker database: engine, sessions bound to this device, settings."""

    def __init__(self, path: Path | str, engine: Engine) -> None:
        self.path = Path(path)
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.account = ""

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True) -> "Database":
        import fieldworker.store.all_models  # noqa: F401  (every mapper known before the first session)
        from fieldworker.store import migrations

        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path)
        db = cls(path, engine)
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

    def backup_to(self, destination: Path) -> Path:
        return backup_file(self.path, destination)

    def timestamped_backup(self, reason: str) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return backup_file(self.path, self.path.parent / BACKUP_DIRNAME / f"{self.path.stem}-{stamp}-{reason}.db")

    def has_tables(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar())
