"""Fixtures for data safety: an encrypted demo village opened through the password path."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fieldworker.security import vault
from fieldworker.services import demo
from fieldworker.store.models import Person

PASSWORD = "Cunwei-Secret-2026"
ACCOUNT = "王主任"


@pytest.fixture
def secure_setup(db_path: Path):
    """An encrypted database with 15 demo persons, signed in as the first (admin) account."""
    setup = vault.create(db_path, account=ACCOUNT, password=PASSWORD)
    demo.generate(setup.db, persons=15, seed=11)
    yield setup
    setup.db.close()


@pytest.fixture
def secure_db(secure_setup):
    return secure_setup.db


@pytest.fixture
def person(secure_db) -> Person:
    with secure_db.session() as s:
        return s.scalars(select(Person).order_by(Person.id_number)).first()


@pytest.fixture
def raw_bytes():
    def read(folder: Path) -> bytes:
        """Every byte of every file under ``folder`` (database, WAL, key file, backups)."""
        return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
    return read
