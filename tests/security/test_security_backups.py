"""Backups with the online API, restore after checks, damage detected and a good backup offered."""

import datetime as dt
import os

import pytest

from fieldworker.domain.errors import ValidationError
from fieldworker.security import backups, vault
from fieldworker.security.keyfile import keyfile_path
from fieldworker.store.engine import Database, is_encrypted_database
from fieldworker.store.models import Person

PASSWORD = "Cunwei-Secret-2026"


def test_backup_to_a_folder_is_encrypted_verified_and_restores(secure_db, person, db_path, tmp_path):
    stick = tmp_path / "usb"
    backup = backups.backup_to_folder(secure_db, stick)
    assert is_encrypted_database(backup) and keyfile_path(backup).exists()
    assert person.id_number.encode() not in backup.read_bytes()
    # Work goes on after the backup…
    with secure_db.session() as s:
        s.get(Person, person.id).name = "改过的名字"
    key = secure_db.key
    secure_db.close()
    # …then the backup is restored: the edit is gone, the replaced database was kept aside.
    aside = backups.restore(db_path, backup, key)
    db = Database.open(db_path, key=key)
    with db.session() as s:
        assert s.get(Person, person.id).name == person.name
    db.close()
    old = Database.open(aside, key=key, migrate=False)
    with old.session() as s:
        assert s.get(Person, person.id).name == "改过的名字"
    old.close()


def test_a_backup_on_a_stick_opens_on_another_laptop_with_the_password(secure_db, person, tmp_path):
    backup = backups.backup_to_folder(secure_db, tmp_path / "usb")
    db = vault.sign_in(backup, password=PASSWORD)  # its key file travelled with it
    with db.session() as s:
        assert s.get(Person, person.id) is not None
    db.close()


def test_automatic_backups_rotate(secure_db):
    secure_db.set_setting(backups.KEEP_SETTING, 3)
    start = dt.datetime(2026, 11, 1, 9)
    made = []
    for day in range(5):
        now = start + dt.timedelta(days=day)
        path = backups.automatic_backup(secure_db, now=now)
        assert path is not None
        os.utime(path, (now.timestamp(), now.timestamp()))
        made.append(path)
        assert backups.automatic_backup(secure_db, now=now + dt.timedelta(hours=2)) is None
    kept = sorted(backups.auto_dir(secure_db).glob("*.db"))
    assert kept == made[-3:]


def _corrupt(path, offset_pages=(3, 5)):
    data = bytearray(path.read_bytes())
    for page in offset_pages:
        start = page * 4096 + 100
        data[start:start + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


def test_a_corrupted_database_is_detected_and_the_latest_good_backup_offered(secure_db, db_path):
    good = backups.automatic_backup(secure_db)
    key = secure_db.key
    assert backups.check_database(secure_db).ok
    with secure_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    secure_db.close()
    before = db_path.stat().st_size
    _corrupt(db_path)
    result = backups.check_file(db_path, key)
    assert not result.ok and result.problems
    assert backups.latest_good_backup(db_path, key) == good
    damaged = db_path.read_bytes()
    aside = backups.restore(db_path, good, key)
    assert aside.read_bytes() == damaged and aside.stat().st_size == before  # never overwritten
    assert backups.check_file(db_path, key).ok


def test_a_damaged_first_page_is_reported_as_damage_not_as_a_wrong_password(secure_db, db_path):
    with secure_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    secure_db.close()
    data = bytearray(db_path.read_bytes())
    data[200:260] = os.urandom(60)
    db_path.write_bytes(bytes(data))
    with pytest.raises(vault.DatabaseDamaged):
        vault.sign_in(db_path, password=PASSWORD)


def test_a_damaged_backup_is_refused_and_the_database_left_alone(secure_db, db_path, tmp_path):
    backup = backups.backup_to_folder(secure_db, tmp_path / "usb")
    key = secure_db.key
    secure_db.close()
    _corrupt(backup, (1, 2))
    before = db_path.read_bytes()
    with pytest.raises(ValidationError, match="校验"):
        backups.restore(db_path, backup, key)
    assert db_path.read_bytes() == before
