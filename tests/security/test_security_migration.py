"""Plain → encrypted migration: verified, original scrubbed, and safe to interrupt at any step."""

import sqlite3

import pytest
from sqlalchemy import func, select

from fieldworker.security import migrate, vault
from fieldworker.security.keyfile import keyfile_path
from fieldworker.services import demo
from fieldworker.store.engine import Database, is_encrypted_database, is_plain_database
from fieldworker.store.models import Person

PASSWORD = "Migrate-Me-2026"


class Interrupted(Exception):
    pass


@pytest.fixture
def plain_village(db_path):
    db = Database.open(db_path)
    demo.generate(db, persons=30, seed=5)
    with db.session() as s:
        person = s.scalars(select(Person).order_by(Person.id_number)).first()
    db.timestamped_backup("older")  # a plain backup made by an earlier version
    db.close()
    return person


def test_plain_database_is_encrypted_and_the_plain_bytes_are_gone(db_path, plain_village, raw_bytes):
    setup = migrate.encrypt_database(db_path, account="管理员", password=PASSWORD)
    with setup.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 30
        assert s.get(Person, plain_village.id).id_number == plain_village.id_number
    setup.db.close()
    assert is_encrypted_database(db_path)
    blob = raw_bytes(db_path.parent)
    assert plain_village.id_number.encode() not in blob and plain_village.name.encode() not in blob
    assert sorted(p.name for p in db_path.parent.iterdir() if "plain" in p.name or "encrypting" in p.name) == []
    # The older backup was encrypted too and still opens with the same password.
    old_backup = next((db_path.parent / "backups").glob("*older*.db"))
    assert is_encrypted_database(old_backup)
    key, _ = vault.unlock(db_path, password=PASSWORD)
    Database.open(old_backup, key=key, migrate=False).close()


@pytest.mark.parametrize("stage", ["exported", "verified", "keyfile"])
def test_interrupted_before_the_swap_leaves_the_original_usable(db_path, plain_village, stage):
    def interrupt(at: str) -> None:
        if at == stage:
            raise Interrupted(at)

    with pytest.raises(Interrupted):
        migrate.encrypt_database(db_path, account="管理员", password=PASSWORD, checkpoint=interrupt)
    assert is_plain_database(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT id_number FROM persons WHERE id=?", (plain_village.id,)).fetchone() == \
            (plain_village.id_number,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    db = Database.open(db_path)  # the application still opens it as before
    db.close()
    # Signing in again completes the migration from scratch.
    setup = migrate.encrypt_database(db_path, account="管理员", password=PASSWORD)
    setup.db.close()
    assert is_encrypted_database(db_path)
    assert not db_path.with_name(db_path.name + ".encrypting").exists()


def test_interrupted_after_the_swap_opens_encrypted_and_finishes_the_scrub(db_path, plain_village, raw_bytes):
    def interrupt(at: str) -> None:
        if at == "swapped":
            raise Interrupted(at)

    with pytest.raises(Interrupted):
        migrate.encrypt_database(db_path, account="管理员", password=PASSWORD, checkpoint=interrupt)
    aside = db_path.with_name(db_path.name + ".plain-old")
    assert is_encrypted_database(db_path) and is_plain_database(aside)
    migrate.finish_pending_scrub(db_path)  # what the next sign-in does first
    assert not aside.exists()
    db = vault.sign_in(db_path, password=PASSWORD)
    with db.session() as s:
        assert s.get(Person, plain_village.id).name == plain_village.name
    db.close()
    assert keyfile_path(db_path).exists()


def test_a_killed_migration_leaves_a_stale_copy_that_the_next_attempt_replaces(db_path, plain_village):
    stale = db_path.with_name(db_path.name + ".encrypting")
    stale.write_bytes(b"half written")
    setup = migrate.encrypt_database(db_path, account="管理员", password=PASSWORD)
    setup.db.close()
    assert not stale.exists() and is_encrypted_database(db_path)
