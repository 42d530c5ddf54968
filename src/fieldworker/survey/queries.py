"""The year's survey list: who is to be surveyed, their status, and failed checks."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select

from fieldworker.domain import codes
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person
from fieldworker.survey.facts import age_on, reference_date
from fieldworker.survey.models import DONE_STATUSES, NOT_STARTED, STATUS_LABELS, SurveyRecord


@dataclass(frozen=True)
class SurveyRow:
    person_id: str
    name: str
    gender: str
    age: int
    category: str
    grade: str
    address: str
    status: str
    method: str = ""
    surveyor: str = ""
    survey_date: dt.date | None = None
    problems: tuple[dict[str, str], ...] = field(default=())

    @property
    def blocking(self) -> int:
        return sum(1 for p in self.problems if p.get("severity") == "block")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.get("severity") != "block")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def survey_rows(db: Database, year: int, *, status: str | None = None, category: str | None = None,
                problems_only: bool = False, text: str = "") -> list[SurveyRow]:
    """Persons on the roster (在册) plus anyone with a record this year, ordered by address and name."""
    record = (select(SurveyRecord).where(SurveyRecord.year == year, SurveyRecord.deleted.is_(False))
              .subquery())
    query = (select(Person.id, Person.name, Person.gender, Person.birth_date, Person.category, Person.grade,
                    Household.address, record.c.status, record.c.method, record.c.surveyor, record.c.survey_date,
                    record.c.problems)
             .outerjoin(Household, Household.id == Person.household_id)
             .outerjoin(record, record.c.person_id == Person.id)
             .where(Person.deleted.is_(False),
                    or_(Person.status == codes.ACTIVE_STATUS, record.c.id.is_not(None)))
             .order_by(Household.address, Person.name, Person.id))
    if category:
        query = query.where(Person.category == category)
    if text.strip():
        query = query.where(or_(Person.name.contains(text.strip()), Person.search_text.contains(text.strip().lower())))
    if status == NOT_STARTED:
        query = query.where(record.c.id.is_(None))
    elif status:
        query = query.where(and_(record.c.status == status))
    day = reference_date(year)
    rows = []
    with db.engine.connect() as conn:
        for r in conn.execute(query):
            problems = tuple(json.loads(r.problems)) if r.problems else ()
            if problems_only and not problems:
                continue
            rows.append(SurveyRow(r.id, r.name, r.gender, age_on(r.birth_date, day), r.category, r.grade,
                                  r.address or "", r.status or NOT_STARTED, r.method or "", r.surveyor or "",
                                  r.survey_date, problems))
    return rows


def overview(db: Database, year: int) -> dict[str, Any]:
    """Counts by status, done/total, and every person with failed checks (for the CLI and the tab)."""
    rows = survey_rows(db, year)
    counts = {label: 0 for label in STATUS_LABELS.values()}
    for row in rows:
        counts[row.status_label] += 1
    done = sum(1 for row in rows if row.status in DONE_STATUSES)
    failed = [{"person_id": row.person_id, "name": row.name, "status": row.status_label,
               "checks": [{"check": p["check"], "severity": p["severity"], "message": p["message"]}
                          for p in row.problems]}
              for row in rows if row.problems]
    return {"year": year, "total": len(rows), "done": done, "by_status": counts,
            "with_failed_checks": len(failed), "failed_checks": failed}
