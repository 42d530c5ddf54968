"""Batch printing of survey forms to one PDF: the village, the unsurveyed, or a blank form."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.printing.pages import Page
from fieldworker.printing.pdf import PdfWriter
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person, Region
from fieldworker.formdef import engine
from fieldworker.survey import forms
from fieldworker.survey.facts import describe, person_facts
from fieldworker.survey.models import DONE_STATUSES, NOT_STARTED
from fieldworker.survey.print_layout import PrintHeader, survey_pages
from fieldworker.survey.queries import survey_rows
from fieldworker.survey.service import live_record


def _place(db: Database) -> dict[str, str]:
    info = installation.info(db)
    if info is None:
        return {}
    with db.session() as s:
        region = s.scalar(select(Region).where(Region.code == info.region_code))
        if region is None:
            return {}
        return {"county": region.county_name, "township": region.township_name, "village": region.name}


def blank_pages(year: int, place: dict[str, str] | None = None) -> list[Page]:
    form = forms.form_for_year(year)
    return survey_pages(form, PrintHeader(year=year, **(place or {})))


def person_pages(db: Database, person_id: str, year: int, place: dict[str, str] | None = None) -> list[Page]:
    """One person's form: saved answers, or (not yet surveyed) what is known from the record."""
    place = _place(db) if place is None else place
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise ValueError(person_id)
        household = s.get(Household, person.household_id) if person.household_id else None
        facts = person_facts(person, household, year)
        record = live_record(s, person_id, year)
        finished = record is not None and record.status in DONE_STATUSES
        line = f"{describe(person, year)}　证号 {person.card_number or person.id_number}"
        if record is not None:
            form = forms.edition(record.form_id, record.form_version)
            answers = json.loads(record.answers)
            header = PrintHeader(person_line=line, year=year, method=record.method, surveyor=record.surveyor,
                                 survey_date=record.survey_date.isoformat() if record.survey_date else "",
                                 footer_name=person.name, **place)
        else:
            form = forms.form_for_year(year)
            answers = engine.prefill(form, facts)
            header = PrintHeader(person_line=line, year=year, footer_name=person.name, **place)
    return survey_pages(form, header, answers, facts, apply_skips=finished)


def print_surveys(db: Database, year: int, out: Path, *, only_pending: bool = False, blank: bool = False,
                  person_ids: list[str] | None = None, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Write one PDF. ``blank``: a single empty form; otherwise one form per person of the year's list."""
    writer = PdfWriter(out, title=f"{year}年残疾人动态更新调查表")
    try:
        if blank:
            for page in blank_pages(year, _place(db)):
                writer.add(page)
            writer.close()
            return {"forms": 1, "pages": writer.pages}
        if person_ids is None:
            rows = survey_rows(db, year, status=NOT_STARTED if only_pending else None)
            person_ids = [r.person_id for r in rows]
        place = _place(db)
        total = len(person_ids)
        for done, person_id in enumerate(person_ids):
            progress.report(done, total, f"正在生成第 {done + 1}/{total} 份调查表")
            for page in person_pages(db, person_id, year, place):
                writer.add(page)
        progress.report(total, total, "正在写入文件")
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return {"forms": total, "pages": writer.pages}

