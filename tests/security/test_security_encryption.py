"""Encryption at rest: no plaintext on disk, the password path, accounts, recovery."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.security import accounts, crypto, vault
from fieldworker.security.keyfile import KeyFile, keyfile_path
from fieldworker.security.models import Base
from fieldworker.store.engine import Database, EncryptedDatabaseError, is_encrypted_database
from fieldworker.store.models import Person

PASSWORD, ACCOUNT = "Cunwei-Secret-2026", "王主任"  # as in conftest.secure_setup


def test_no_plaintext_in_the_database_wal_key_file_or_backups(secure_db, person, db_path, raw_bytes):
    secure_db.timestamped_backup("test")
    with secure_db.session() as s:  # a fresh edit that sits in the WAL
        s.get(Person, person.id).notes = "家住三组河边第二户"
    assert is_encrypted_database(db_path)
    blob = raw_bytes(db_path.parent)
    for secret in (person.id_number, person.name, "家住三组河边第二户", "城西村", PASSWORD):
        assert secret.encode("utf-8") not in blob, secret
    # …and the same bytes do decrypt to the data with the password.
    db = vault.sign_in(db_path, password=PASSWORD)
    with db.session() as s:
        assert s.get(Person, person.id).id_number == person.id_number
    db.close()


def test_wrong_password_is_refused_and_a_keyless_open_is_refused(secure_db, db_path):
    secure_db.close()
    with pytest.raises(vault.WrongPassword):
        vault.sign_in(db_path, password="Cunwei-Secret-2027")
    with pytest.raises(vault.WrongPassword):
        vault.sign_in(db_path, password=PASSWORD, account="别人")
    with pytest.raises(EncryptedDatabaseError):
        Database.open(db_path)
    db = vault.sign_in(db_path, password=PASSWORD)
    assert db.account == ACCOUNT and db.encrypted
    db.close()


def test_weak_passwords_are_refused_in_chinese(db_path):
    with pytest.raises(ValidationError, match="至少需要"):
        vault.create(db_path, account="张", password="abc12")
    with pytest.raises(ValidationError, match="常见密码"):
        vault.create(db_path, account="张", password="1234567890")
    assert not db_path.exists()


def test_each_account_has_its_own_password_and_role(secure_db, db_path):
    vault.add_account(secure_db, name="李会计", password="Lihuiji-2026!", role="viewer")
    secure_db.close()
    db = vault.sign_in(db_path, password="Lihuiji-2026!")
    assert db.account == "李会计" and accounts.role_of(db, "李会计") == "viewer"
    with pytest.raises(ValidationError, match="管理员"):
        vault.add_account(db, name="赵", password="Zhao-2026-xyz", role="worker")
    # Changes made while signed in carry the account in the change log.
    with db.session() as s:
        p = s.scalars(select(Person)).first()
        p.phone = "13900001111"
    from fieldworker.store.changelog import history
    with db.session() as s:
        assert history(s, "persons", p.id)[-1].account == "李会计"
    db.close()
    assert set(vault.account_names(db_path)) == {ACCOUNT, "李会计"}


def test_change_password_replaces_the_old_one(secure_db, db_path):
    vault.change_password(secure_db, new_password="Another-Pass-99")
    secure_db.close()
    with pytest.raises(vault.WrongPassword):
        vault.sign_in(db_path, password=PASSWORD)
    vault.sign_in(db_path, password="Another-Pass-99").close()


def test_recovery_key_restores_access_after_a_forgotten_password(secure_setup, db_path, person):
    secure_setup.db.close()
    with pytest.raises(vault.WrongPassword):
        vault.recover_with_recovery_key(db_path, recovery_key=crypto.new_recovery_key(), account=ACCOUNT,
                                        new_password="Brand-New-2026")
    typed = secure_setup.recovery_key.lower().replace("-", " ")  # as a person might type it
    db = vault.recover_with_recovery_key(db_path, recovery_key=typed, account=ACCOUNT, new_password="Brand-New-2026")
    db.close()
    db = vault.sign_in(db_path, password="Brand-New-2026")
    with db.session() as s:
        assert s.get(Person, person.id).name == person.name
    db.close()
    with pytest.raises(vault.WrongPassword):
        vault.sign_in(db_path, password=PASSWORD)


def test_township_recovery_restores_access(secure_db, db_path, tmp_path):
    township_private, township_public = crypto.new_x25519_keypair()
    vault.seal_to_township(secure_db, township_public)
    secure_db.close()
    # At the township: the village's key file + the township's private key → a recovery file.
    wrong_private, _ = crypto.new_x25519_keypair()
    with pytest.raises(vault.WrongPassword):
        vault.write_township_recovery(keyfile_path(db_path), wrong_private, tmp_path / "r.json")
    village_private, village_public = crypto.new_x25519_keypair()
    recovery = vault.write_township_recovery(keyfile_path(db_path), township_private, tmp_path / "r.json",
                                             village_public_key=village_public)
    assert "data_key" not in recovery.read_text()
    db = vault.recover_with_township_file(db_path, recovery, account=ACCOUNT, new_password="Township-Gave-1",
                                          village_private_key=village_private)
    assert db.get_setting("role") == "village"
    db.close()
    vault.sign_in(db_path, password="Township-Gave-1").close()


def test_a_key_file_slot_cannot_be_moved_to_another_account(secure_db, db_path):
    vault.add_account(secure_db, name="李", password="Li-password-26", role="worker")
    keys = KeyFile.load(keyfile_path(db_path))
    li = keys.slot("password", "李")
    li["account"] = ACCOUNT  # pretend 李's password belongs to the admin
    keys.slots = [s for s in keys.slots if s.get("account") != ACCOUNT]
    keys.save(keyfile_path(db_path))
    with pytest.raises(vault.WrongPassword):
        vault.unlock(db_path, password="Li-password-26", account=ACCOUNT)


def test_security_tables_match_their_models_after_migration(secure_db):
    tables = {"accounts", "audit_log"}
    with secure_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if any(t in repr(d) for t in tables)]
    assert ours == []
    with secure_db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables <= names


def _photo() -> bytes:
    import io

    from PIL import Image

    image = Image.new("RGB", (64, 48), (200, 30, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_attachments_are_encrypted_with_a_key_inside_the_database(secure_db, db_path):
    from fieldworker.attachments import attachments_dir, read_attachment, store_attachment

    stored = store_attachment(secure_db, _photo())
    raw = (attachments_dir(secure_db) / stored.ref).read_bytes()
    assert b"PNG" not in raw and b"IHDR" not in raw
    assert read_attachment(secure_db, stored.ref).startswith(b"\x89PNG")
    secure_db.close()
    again = vault.sign_in(db_path, password=PASSWORD)
    assert read_attachment(again, stored.ref).startswith(b"\x89PNG")
    again.close()


def test_migration_encrypts_existing_plain_attachments(db_path):
    from fieldworker.attachments import attachments_dir, read_attachment, store_attachment
    from fieldworker.security import migrate

    plain = Database.open(db_path)
    stored = store_attachment(plain, _photo())
    assert (attachments_dir(plain) / stored.ref).read_bytes().startswith(b"\x89PNG")
    plain.close()
    setup = migrate.encrypt_database(db_path, account="管理员", password="Migrate-Me-2026")
    raw = (attachments_dir(setup.db) / stored.ref).read_bytes()
    assert b"IHDR" not in raw
    assert read_attachment(setup.db, stored.ref).startswith(b"\x89PNG")
    assert [p.name for p in attachments_dir(setup.db).iterdir()] == [stored.ref]
    setup.db.close()


def test_township_recovery_through_the_exchange_device_keys(secure_db, db_path, tmp_path):
    from fieldworker.exchange import keys
    from fieldworker.security import township
    from fieldworker.services import installation

    town = Database.open(tmp_path / "town" / "township.db")
    installation.initialise(town, role="township", region_code="330521100000", name="武康街道", county_name="德清县")
    keys.ensure_keys(town)
    assert township.ensure_sealed(secure_db) is None  # nothing trusted yet
    card = keys.public_card(town)
    keys.trust(secure_db, card, expected_fingerprint=card.fingerprint)
    fp = township.ensure_sealed(secure_db)
    assert fp and township.ensure_sealed(secure_db) == fp  # sealed once, not again
    secure_db.close()
    # The village brings its key file (not the database) to the township office.
    recovery = township.write_recovery_for_village(town, keyfile_path(db_path), tmp_path / "recovery.json")
    town.close()
    db = vault.recover_with_township_file(db_path, recovery, account=ACCOUNT, new_password="From-Township-2")
    db.close()
    vault.sign_in(db_path, password="From-Township-2").close()
