"""Demo surveys: last year's completed forms for most persons, and a few of this year's drafts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from fieldworker.formdef.model import FormDefinition, Question
from fieldworker.store.engine import Database
from fieldworker.survey import service

DEMO_YEAR = 2026
SURVEYORS = ("李红梅", "张建国", "王小燕")


def demo_step(db: Database, rng: random.Random, person_ids: list[str]) -> None:
    last, current = DEMO_YEAR - 1, DEMO_YEAR
    for person_id in person_ids:
        if rng.random() < 0.9:
            _complete_last_year(db, rng, person_id, last)
    for person_id in rng.sample(person_ids, max(1, len(person_ids) // 12)):
        ctx = service.open_survey(db, person_id, current)
        answers = dict(ctx.answers)
        answers.setdefault("survey_status", "6")
        service.save_draft(db, ctx, answers, carried_over=ctx.carried_over, method="1",
                           surveyor=rng.choice(SURVEYORS), survey_date=dt.date(current, 7, 1) + dt.timedelta(
                               days=rng.randrange(0, 60)), today=dt.date(current, 12, 31))


def _complete_last_year(db: Database, rng: random.Random, person_id: str, year: int) -> None:
    ctx = service.open_survey(db, person_id, year)
    answers = fill_plausibly(ctx.form, ctx.answers, ctx.facts, rng)
    survey_date = dt.date(year, 7, 1) + dt.timedelta(days=rng.randrange(0, 90))
    evaluation = ctx.evaluate(answers)
    method = rng.choice("1112")
    surveyor = rng.choice(SURVEYORS)
    if evaluation.can_complete:
        service.complete(db, ctx, answers, method=method, surveyor=surveyor, survey_date=survey_date,
                         today=dt.date(year + 1, 6, 30))
    else:  # a few stay as last year's unfinished drafts, as in any real village
        service.save_draft(db, ctx, answers, method=method, surveyor=surveyor, survey_date=survey_date,
                           today=dt.date(year + 1, 6, 30))


def fill_plausibly(form: FormDefinition, start: dict[str, Any], facts: dict[str, Any],
                   rng: random.Random) -> dict[str, Any]:
    """Answer every shown item in form order, keeping pre-filled values; rules see earlier answers."""
    answers = dict(start)
    answers["survey_status"] = "6" if rng.random() < 0.97 else rng.choice("1234")
    for _round in range(3):  # answers open new items; three passes reach the deepest skips
        evaluation = _evaluate(form, answers, facts)
        for question in form.questions():
            if evaluation.relevant[question.id] and question.id not in answers:
                value = _answer(question, facts, rng)
                if value is not None:
                    answers[question.id] = value
    for _attempt in range(12):  # redraw what a rule rejects, as a careful worker would correct it
        evaluation = _evaluate(form, answers, facts)
        if evaluation.can_complete:
            break
        redraw = set(evaluation.errors)
        for result in evaluation.blocking_checks:
            redraw |= {n for n in result.check.fails_if.names() if form.has_question(n)}
        for qid in sorted(redraw):  # sorted: set order changes between runs, the demo must not
            answers.pop(qid, None)
            value = _answer(form.question(qid), facts, rng)
            if value is not None:
                answers[qid] = value
    return answers


def _evaluate(form: FormDefinition, answers: dict[str, Any], facts: dict[str, Any]):  # type: ignore[no-untyped-def]
    from fieldworker.formdef import engine

    return engine.evaluate(form, answers, facts)


def _answer(q: Question, facts: dict[str, Any], rng: random.Random) -> Any:
    if q.id == "school":
        return "2" if 6 <= facts["age"] <= 11 else ("3" if 12 <= facts["age"] <= 14 else "0")
    if q.id == "worker_insurance":
        return ["4"]
    if q.type == "yesno":
        return rng.choice("122")
    if q.type == "single":
        return rng.choice(q.choices).code
    if q.type == "multiple":
        exclusive = [c.code for c in q.choices if c.exclusive]
        if exclusive and rng.random() < 0.6:
            return exclusive[:1]
        others = [c.code for c in q.choices if not c.exclusive]
        return rng.sample(others, min(len(others), rng.randrange(1, 3)))
    if q.type == "integer":
        return facts.get("household_size") or rng.randrange(1, 6)
    if q.type == "decimal":
        return float(rng.randrange(8000, 90000)) if q.id == "income_total" else None
    if q.type == "date":
        return None
    if "phone" in q.id:
        return facts.get("phone") or facts.get("guardian_phone") or "13800000000"
    if q.id == "contact_name":
        return facts.get("guardian_name") or facts.get("head_name")
    if q.id == "household_head_id":
        return facts.get("head_id_number") or str(facts.get("card_number", ""))[:18]
    return None
