"""Installations that exchange packages: real SQLite files, real keys, a folder as the USB stick."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from fieldworker.exchange import keys
from fieldworker.services import demo, installation
from fieldworker.store.engine import Database

TOWNSHIP = {"region_code": "330521100000", "name": "武康街道"}
VILLAGES = {"城西村": "330521100201", "城东村": "330521100202", "南湖村": "330521100203"}


def make_installation(folder: Path, name: str, role: str, code: str) -> Database:
    db = Database.open(folder / f"{code}-{role}.db")
    installation.initialise(db, role=role, region_code=code, name=name, township_name="武康街道", county_name="德清县")
    keys.ensure_keys(db)
    return db


def introduce(a: Database, b: Database) -> None:
    """Both sides trust each other's key card, as after comparing fingerprints by phone."""
    card_a, card_b = keys.public_card(a), keys.public_card(b)
    keys.trust(a, card_b, expected_fingerprint=keys.show_fingerprint(card_b.fingerprint))
    keys.trust(b, card_a, expected_fingerprint=card_a.fingerprint)


def file_state(db: Database) -> str:
    """SHA-256 of the database file after closing every connection (WAL checkpointed)."""
    db.close()
    digest = hashlib.sha256(db.path.read_bytes())
    wal = db.path.with_name(db.path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    stick = tmp_path / "usb"
    stick.mkdir()
    return stick


@pytest.fixture
def township(tmp_path: Path):
    db = make_installation(tmp_path, TOWNSHIP["name"], "township", TOWNSHIP["region_code"])
    yield db
    db.close()


@pytest.fixture
def village(tmp_path: Path, township: Database):
    """城西村 with 40 demo persons, introduced to the township."""
    db = make_installation(tmp_path, "城西村", "village", VILLAGES["城西村"])
    demo.generate(db, persons=40, seed=5)
    introduce(db, township)
    yield db
    db.close()


@pytest.fixture
def village2(tmp_path: Path, township: Database):
    """城东村, empty, introduced to the township."""
    db = make_installation(tmp_path, "城东村", "village", VILLAGES["城东村"])
    introduce(db, township)
    yield db
    db.close()
