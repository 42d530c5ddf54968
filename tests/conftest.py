"""Shared fixtures: a real SQLite file per test, initialised like a village installation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The CLI opens encrypted databases with this password (subprocesses inherit it).
os.environ.setdefault("FIELDWORKER_PASSWORD", "Test-Cunwei-2026")

from fieldworker.services import demo, installation  # noqa: E402
from fieldworker.store.engine import Database  # noqa: E402

VILLAGE = {"region_code": "330521100201", "name": "城西村", "township_name": "武康街道", "county_name": "德清县"}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fieldworker.db"


@pytest.fixture
def db(db_path: Path):
    """An initialised, empty village database."""
    database = Database.open(db_path)
    installation.initialise(database, role="village", **VILLAGE)
    yield database
    database.close()


@pytest.fixture
def demo_db(db_path: Path):
    """A village database with 120 deterministic demo persons."""
    database = Database.open(db_path)
    demo.generate(database, persons=120, seed=3)
    yield database
    database.close()
