"""Survey verbs: open a person's survey, save a draft, complete it, submit the year's work.

Completing validates with the same engine the screen uses, stores the answers of the shown
items as that year's snapshot, and writes the person's current status fields — all in one
transaction, so the change log holds both.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker.domain import codes
from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.formdef import engine
from fieldworker.formdef.expr import ExprError, truthy
from fieldworker.formdef.loader import UPDATABLE_PERSON_FIELDS
from fieldworker.formdef.model import FormDefinition
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person, utcnow
from fieldworker.survey import forms
from fieldworker.survey.facts import person_facts
from fieldworker.survey.models import COMPLETED, DONE_STATUSES, DRAFT, METHOD_LABELS, NOT_STARTED, SUBMITTED, SurveyRecord

# Code tables that constrain person fields a form may update.
PERSON_CODE_TABLES = {
    "medical_insurance": codes.MEDICAL_INSURANCE, "pension_insurance": codes.PENSION_INSURANCE,
    "education_status": codes.EDUCATION_STATUS, "employment_status": codes.EMPLOYMENT_STATUS,
    "status": codes.PERSON_STATUS,
}


@dataclass
class SurveyContext:
    """Everything the form screen and the printer need for one person and year."""

    person_id: str
    year: int
    form: FormDefinition
    facts: dict[str, Any]
    answers: dict[str, Any]
    carried_over: set[str] = field(default_factory=set)
    status: str = NOT_STARTED
    method: str = "1"
    surveyor: str = ""
    survey_date: dt.date | None = None
    record_id: str | None = None
    carried_from_year: int | None = None
    person_name: str = ""

    def evaluate(self, answers: Mapping[str, Any] | None = None) -> engine.Evaluation:
        return engine.evaluate(self.form, self.answers if answers is None else answers, self.facts)


@dataclass(frozen=True)
class SaveResult:
    record_id: str
    status: str
    evaluation: engine.Evaluation
    person_changes: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- reading

def live_record(s: Session, person_id: str, year: int) -> SurveyRecord | None:
    return s.scalar(select(SurveyRecord).where(
        SurveyRecord.person_id == person_id, SurveyRecord.year == year, SurveyRecord.deleted.is_(False))
        .order_by(SurveyRecord.updated_at.desc()))


def _previous_done(s: Session, person_id: str, year: int) -> SurveyRecord | None:
    return s.scalar(select(SurveyRecord).where(
        SurveyRecord.person_id == person_id, SurveyRecord.year < year, SurveyRecord.deleted.is_(False),
        SurveyRecord.status.in_(DONE_STATUSES)).order_by(SurveyRecord.year.desc()))


def _person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None or person.deleted:
        raise ValidationError("not_found", "找不到该人员记录（可能已被删除）")
    return person


def open_survey(db: Database, person_id: str, year: int) -> SurveyContext:
    """A person's survey for a year: the saved record, or a new one pre-filled and carried over."""
    with db.session() as s:
        person = _person(s, person_id)
        household = s.get(Household, person.household_id) if person.household_id else None
        facts = person_facts(person, household, year)
        record = live_record(s, person_id, year)
        if record is not None:
            form = forms.edition(record.form_id, record.form_version)
            return SurveyContext(
                person_id, year, form, facts, json.loads(record.answers), set(json.loads(record.carried_over)),
                record.status, record.method, record.surveyor, record.survey_date, record.id, person_name=person.name)
        form = forms.form_for_year(year)
        answers = engine.prefill(form, facts)
        carried: set[str] = set()
        previous = _previous_done(s, person_id, year)
        carried_year = None
        if previous is not None:
            carried_year = previous.year
            for qid, value in engine.carry_over(form, json.loads(previous.answers)).items():
                if qid not in answers:
                    answers[qid] = value
                    carried.add(qid)
        return SurveyContext(person_id, year, form, facts, answers, carried, NOT_STARTED,
                             carried_from_year=carried_year, person_name=person.name)


# ---------------------------------------------------------------- writing

def _validate_meta(method: str, survey_date: dt.date | None, year: int, today: dt.date) -> None:
    if method not in METHOD_LABELS:
        raise ValidationError("method", f"调查方式代码“{method}”无效", "method")
    if survey_date is not None and survey_date > today:
        raise ValidationError("survey_date_future", "调查日期不能晚于今天", "survey_date")
    if survey_date is not None and survey_date.year not in (year, year + 1):
        raise ValidationError("survey_date_year", f"调查日期应在{year}年或{year + 1}年", "survey_date")


def _write(s: Session, ctx: SurveyContext, status: str, answers: dict[str, Any], carried: set[str],
           evaluation: engine.Evaluation, *, method: str, surveyor: str, survey_date: dt.date | None) -> SurveyRecord:
    record = live_record(s, ctx.person_id, ctx.year)
    if record is None:
        record = SurveyRecord(person_id=ctx.person_id, year=ctx.year, form_id=ctx.form.id,
                              form_version=ctx.form.version)
        s.add(record)
    elif record.status == SUBMITTED:
        raise ValidationError("submitted", "该调查已提交上报，不能再修改")
    problems = [{"check": c.check.id, "message": c.message, "severity": c.check.severity}
                for c in evaluation.failed_checks]
    record.status = status
    record.answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    record.carried_over = json.dumps(sorted(carried))
    record.problems = json.dumps(problems, ensure_ascii=False)
    record.method = method
    record.surveyor = surveyor.strip()
    record.survey_date = survey_date
    record.completed_at = utcnow() if status == COMPLETED else None
    return record


def save_draft(db: Database, ctx: SurveyContext, answers: Mapping[str, Any], *, carried_over: Iterable[str] = (),
               method: str = "1", surveyor: str = "", survey_date: dt.date | None = None,
               today: dt.date | None = None) -> SaveResult:
    """Keep whatever is filled in, even if incomplete or failing checks (answers of hidden items too)."""
    _validate_meta(method, survey_date, ctx.year, today or dt.date.today())
    cleaned, _type_errors = engine.clean_answers(ctx.form, answers)
    carried = {q for q in carried_over if q in cleaned}
    evaluation = engine.evaluate(ctx.form, cleaned, ctx.facts)
    with db.session() as s:
        _person(s, ctx.person_id)
        record = _write(s, ctx, DRAFT, cleaned, carried, evaluation, method=method, surveyor=surveyor,
                        survey_date=survey_date)
        s.flush()
        return SaveResult(record.id, DRAFT, evaluation)


def complete(db: Database, ctx: SurveyContext, answers: Mapping[str, Any], *, carried_over: Iterable[str] = (),
             method: str = "1", surveyor: str = "", survey_date: dt.date | None = None,
             today: dt.date | None = None) -> SaveResult:
    """Validate and store the year's snapshot; update the person. Raises ``FieldErrors`` listing every problem."""
    today = today or dt.date.today()
    _validate_meta(method, survey_date, ctx.year, today)
    evaluation = engine.evaluate(ctx.form, answers, ctx.facts)
    errors = [ValidationError("answer", f"{ctx.form.question(q).title}：{m}", q)
              for q, m in evaluation.errors.items()]
    errors += [ValidationError("check", f"逻辑校验：{c.message}", c.check.questions[0] if c.check.questions else None)
               for c in evaluation.blocking_checks]
    unconfirmed = [q for q in sorted(carried_over) if ctx.form.has_question(q) and evaluation.relevant.get(q)]
    if unconfirmed:
        numbers = "、".join(ctx.form.question(q).display_number for q in unconfirmed)
        errors.append(ValidationError("carried_over", f"还有{len(unconfirmed)}项沿用上年的答案未确认：{numbers}",
                                      unconfirmed[0]))
    if not surveyor.strip():
        errors.append(ValidationError("surveyor", "请填写调查员姓名", "surveyor"))
    if survey_date is None:
        errors.append(ValidationError("survey_date", "请填写调查日期", "survey_date"))
    if errors:
        raise FieldErrors(errors)
    snapshot = engine.relevant_answers(ctx.form, evaluation)
    with db.session() as s:
        person = _person(s, ctx.person_id)
        changes = _update_person(person, ctx.form, evaluation, survey_date)
        record = _write(s, ctx, COMPLETED, snapshot, set(), evaluation, method=method, surveyor=surveyor,
                        survey_date=survey_date)
        s.flush()
        return SaveResult(record.id, COMPLETED, evaluation, changes)


def person_updates(form: FormDefinition, evaluation: engine.Evaluation) -> dict[str, Any]:
    """The person fields the form says to set, converted to their column types."""
    out: dict[str, Any] = {}
    for update in form.person_updates:
        try:
            if update.when is not None and not truthy(update.when.evaluate(evaluation.values)):
                continue
            value = update.value.evaluate(evaluation.values)
        except ExprError:
            continue
        kind = UPDATABLE_PERSON_FIELDS[update.field]
        if kind == "bool":
            out[update.field] = truthy(value)
        elif value is None or value == "":
            continue
        elif kind == "code":
            code = str(int(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
            table = PERSON_CODE_TABLES[update.field]
            if code not in table:
                raise ValidationError("update_code", f"调查表的人员更新给出了无效代码：{update.field}={code}")
            out[update.field] = code
        else:
            out[update.field] = str(value)
    return out


def _update_person(person: Person, form: FormDefinition, evaluation: engine.Evaluation,
                   survey_date: dt.date | None) -> dict[str, Any]:
    changes = {}
    for name, value in person_updates(form, evaluation).items():
        if getattr(person, name) != value:
            changes[name] = value
            setattr(person, name, value)
    if "status" in changes:
        person.status_date = survey_date
    return changes


def reopen(db: Database, person_id: str, year: int) -> None:
    """Turn a completed (not yet submitted) survey back into a draft to correct it."""
    with db.session() as s:
        record = live_record(s, person_id, year)
        if record is None or record.status != COMPLETED:
            raise ValidationError("not_completed", "只有已完成且未提交的调查可以退回修改")
        record.status = DRAFT
        record.completed_at = None


def submit(db: Database, year: int, person_ids: Iterable[str] | None = None) -> int:
    """Mark completed surveys as handed up (已提交); returns how many."""
    with db.session() as s:
        query = select(SurveyRecord).where(SurveyRecord.year == year, SurveyRecord.status == COMPLETED,
                                           SurveyRecord.deleted.is_(False))
        if person_ids is not None:
            query = query.where(SurveyRecord.person_id.in_(list(person_ids)))
        records = list(s.scalars(query))
        now = utcnow()
        for record in records:
            record.status = SUBMITTED
            record.submitted_at = now
        return len(records)
