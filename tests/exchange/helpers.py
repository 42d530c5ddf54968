"""Small steps the exchange tests repeat: send a package from one installation to another."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from fieldworker.exchange import export, merge
from fieldworker.exchange.merge import PackageOutcome
from fieldworker.store.engine import Database
from fieldworker.store.models import Person


def send(sender: Database, receiver: Database, usb: Path, *, full: bool = False) -> PackageOutcome:
    result = export.export_for(sender, receiver.device_id, usb, full=full)
    report = merge.import_packages(receiver, [result.path])
    outcome = report.outcomes[0]
    assert outcome.status == "merged", outcome.reason
    return outcome


def persons(db: Database) -> dict[str, dict]:
    with db.session() as s:
        return {p.id: {c.key: getattr(p, c.key) for c in Person.__table__.columns
                       if c.key not in ("created_at", "updated_at", "revision", "device_id")}
                for p in s.scalars(select(Person))}


def first_person_id(db: Database) -> str:
    with db.session() as s:
        return s.scalars(select(Person.id).where(Person.deleted.is_(False)).order_by(Person.id)).first()
