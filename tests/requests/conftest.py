"""Fixtures for request workflow tests: a village database with a few real roster records."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from PIL import Image
from sqlalchemy import select

from fieldworker.services import demo
from fieldworker.store import changelog
from fieldworker.store.models import Household, Person

TODAY = dt.date(2026, 7, 1)


def jpeg(size: tuple[int, int] = (64, 48), color: str = "red", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", **save)
    return out.getvalue()


@pytest.fixture
def people(db) -> list[Person]:
    """Eight persons in their households; the first is 肢体 (4), the second 听力 (2)."""
    households, persons = demo.person_records(random.Random(5), region_code="330521100201", count=8,
                                              reference=dt.date(2026, 1, 1), used_ids=set())
    for person, category in zip(persons[:2], ("4", "2")):
        person.update(category=category, sub_categories="", card_number=person["id_number"] + category + "1", grade="1")
    with db.session() as s:
        changelog.bulk_insert(s, Household, households)
        changelog.bulk_insert(s, Person, persons)
    with db.session() as s:
        rows = {p.id: p for p in s.scalars(select(Person))}
    return [rows[p["id"]] for p in persons]
