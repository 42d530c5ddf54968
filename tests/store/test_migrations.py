import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import fieldworker.store.all_models  # noqa: F401
from fieldworker.store import migrations
from fieldworker.store.engine import Database, make_engine
from fieldworker.store.models import Base

FOUNDATION = "0001_foundation"


def test_new_database_is_migrated_to_every_head(db_path):
    db = Database.open(db_path)
    assert migrations.current_revisions(db) == migrations.head_revisions()
    assert not migrations.pending(db)
    db.close()


def test_migrated_schema_matches_the_models(db_path):
    db = Database.open(db_path)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_older_database_is_upgraded_after_a_backup_and_keeps_its_data(db_path):
    # Build a database as the first release left it: only the foundation revision.
    engine = make_engine(db_path)
    old = Database(db_path, engine)
    command.upgrade(migrations.alembic_config(old), FOUNDATION)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO settings(key, value) VALUES ('role', '\"village\"')")
    engine.dispose()

    db = Database.open(db_path)
    assert migrations.current_revisions(db) == migrations.head_revisions()
    assert db.get_setting("role") == "village"
    backups = list((db_path.parent / "backups").glob("*before-migration*.db"))
    db.close()
    if migrations.head_revisions() != {FOUNDATION}:
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(FOUNDATION,)]
            assert conn.execute("SELECT value FROM settings WHERE key='role'").fetchone() == ('"village"',)


def test_opening_an_up_to_date_database_makes_no_backup(db_path):
    Database.open(db_path).close()
    Database.open(db_path).close()
    assert not (db_path.parent / "backups").exists()


def test_wal_and_foreign_keys_are_on(db_path):
    db = Database.open(db_path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()
