"""Opening, drafting, completing and submitting surveys on a real database file."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.services import roster
from fieldworker.store.models import ChangeLog
from fieldworker.survey import queries, service
from fieldworker.survey.models import COMPLETED, DRAFT, SUBMITTED, SurveyRecord

TODAY = dt.date(2026, 11, 23)
DAY = dt.date(2026, 8, 3)


def finish(db, ctx, answers, **kw):  # type: ignore[no-untyped-def]
    return service.complete(db, ctx, answers, carried_over=kw.pop("carried_over", ()), method="1",
                            surveyor="李红梅", survey_date=DAY, today=TODAY, **kw)


def test_new_survey_is_prefilled_from_the_person_record(db, person_id) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    assert (ctx.form.id, ctx.form.version, ctx.status) == ("survey", 2022, "0")
    assert ctx.facts["age"] == 47 and ctx.facts["grade"] == "1"
    assert ctx.answers["person_name"] == "王建国" and ctx.answers["contact_phone"] == "13912345678"
    assert ctx.answers["hukou_type"] == "1" and ctx.answers["medical_insurance"] == "1"
    assert ctx.carried_over == set()
    # Years before 2022 use the 41-item edition.
    assert service.open_survey(db, person_id, 2019).form.version == 2018


def test_draft_keeps_incomplete_answers_and_their_problems(db, person_id) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    saved = service.save_draft(db, ctx, {**ctx.answers, "survey_status": "6", "welfare_subsidy": ["4"],
                                         "care_subsidy_applied": "2"}, surveyor="李红梅", today=TODAY)
    assert saved.status == DRAFT and not saved.evaluation.can_complete
    again = service.open_survey(db, person_id, 2026)
    assert again.status == DRAFT and again.answers["welfare_subsidy"] == ["4"] and again.surveyor == "李红梅"
    row = queries.survey_rows(db, 2026, problems_only=True)[0]
    assert row.person_id == person_id and row.warnings == 1 and "应补尽补" in row.problems[0]["message"]


def test_complete_refuses_with_every_problem_listed(db, person_id, full_answers) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    answers = full_answers(income_total=100, income_transfer=5000)
    del answers["employed"]
    with pytest.raises(FieldErrors) as err:
        service.complete(db, ctx, {**ctx.answers, **answers}, surveyor="", survey_date=None, today=TODAY)
    text = str(err.value)
    assert "R9 是否就业：此项必填" in text and "转移净收入大于家庭总收入" in text
    assert "请填写调查员姓名" in text and "请填写调查日期" in text
    with db.session() as s:
        assert s.scalar(select(SurveyRecord)) is None  # nothing written


def test_completing_stores_the_snapshot_and_updates_the_person_through_the_change_log(db, person_id, full_answers) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    answers = {**ctx.answers, **full_answers(employed="1"), "livelihood": "4"}
    result = finish(db, ctx, answers)
    assert result.status == COMPLETED
    assert result.person_changes == {"dibao": True, "living_subsidy": True, "care_subsidy": True,
                                     "family_doctor": True, "employment_status": "7"}
    person = roster.get_person(db, person_id)
    assert person.dibao and person.care_subsidy and person.employment_status == "7"
    with db.session() as s:
        record = s.scalar(select(SurveyRecord))
        stored = json.loads(record.answers)
        log = [json.loads(c.changes) for c in s.scalars(select(ChangeLog).where(
            ChangeLog.record_id == person_id, ChangeLog.op == "update"))]
    assert "livelihood" not in stored  # hidden once employed: not part of the snapshot
    assert (record.form_id, record.form_version, record.method) == ("survey", 2022, "1")
    assert log[-1]["care_subsidy"] == [False, True] and log[-1]["employment_status"] == ["9", "7"]


def test_death_found_by_the_survey_updates_the_person_status(db, person_id) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    finish(db, ctx, {"survey_status": "1", "lost_note": "2026年5月病故"})
    person = roster.get_person(db, person_id)
    assert (person.status, person.status_date) == ("2", DAY)
    # The person stays in that year's list (they have a record) but leaves next year's.
    assert [r.person_id for r in queries.survey_rows(db, 2026)] == [person_id]
    assert queries.survey_rows(db, 2027) == []


def test_last_year_is_carried_over_until_confirmed(db, person_id, full_answers) -> None:  # type: ignore[no-untyped-def]
    finish(db, service.open_survey(db, person_id, 2025), {**service.open_survey(db, person_id, 2025).answers,
                                                           **full_answers()})
    ctx = service.open_survey(db, person_id, 2026)
    assert ctx.carried_from_year == 2025
    assert {"marital", "in_institution", "rehab_needs", "renovation_needs"} <= ctx.carried_over
    assert "rehab_received" not in ctx.answers  # per-year items start empty
    assert "culture_sports" not in ctx.answers
    assert "medical_insurance" not in ctx.carried_over  # pre-filled from the (updated) person record instead
    answers = {**ctx.answers, "survey_status": "6", "rehab_received": ["6"], "culture_sports": "1", "renovated": "2",
               "income_total": 40000}
    with pytest.raises(FieldErrors, match="沿用上年的答案未确认"):
        finish(db, ctx, answers, carried_over=ctx.carried_over)
    assert finish(db, ctx, answers, carried_over=()).status == COMPLETED


def test_carry_over_across_form_editions_matches_stable_ids(db, person_id) -> None:  # type: ignore[no-untyped-def]
    old = service.open_survey(db, person_id, 2021)
    assert old.form.version == 2018
    service.save_draft(db, old, {"marital": "30", "renovation_needs": ["2", "5"], "school": "0"}, today=TODAY)
    with db.session() as s:  # mark last year's record completed, as an older installation would have left it
        s.scalar(select(SurveyRecord)).status = COMPLETED
    ctx = service.open_survey(db, person_id, 2022)
    assert ctx.form.version == 2022
    assert ctx.answers["marital"] == "30" and ctx.answers["renovation_needs"] == ["2", "5"]
    assert "school" not in ctx.answers  # the 2022 edition has no such item
    # The 2021 record is still read with its own edition.
    assert service.open_survey(db, person_id, 2021).form.version == 2018


def test_submit_locks_completed_surveys(db, person_id, full_answers) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    finish(db, ctx, {**ctx.answers, **full_answers()})
    assert service.submit(db, 2026) == 1
    assert service.open_survey(db, person_id, 2026).status == SUBMITTED
    with pytest.raises(ValidationError, match="已提交"):
        service.save_draft(db, service.open_survey(db, person_id, 2026), {"survey_status": "6"}, today=TODAY)
    with pytest.raises(ValidationError):
        service.reopen(db, person_id, 2026)


def test_reopen_turns_a_completed_survey_back_into_a_draft(db, person_id, full_answers) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    finish(db, ctx, {**ctx.answers, **full_answers()})
    service.reopen(db, person_id, 2026)
    assert service.open_survey(db, person_id, 2026).status == DRAFT


def test_meta_validation(db, person_id) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    with pytest.raises(ValidationError, match="调查方式"):
        service.save_draft(db, ctx, {}, method="9", today=TODAY)
    with pytest.raises(ValidationError, match="晚于今天"):
        service.save_draft(db, ctx, {}, survey_date=dt.date(2026, 12, 1), today=TODAY)


def test_overview_counts_and_demo_surveys(demo_db) -> None:  # type: ignore[no-untyped-def]
    last = queries.overview(demo_db, 2025)
    assert last["done"] >= 0.8 * last["total"] and last["by_status"]["已完成"] == last["done"]
    this = queries.overview(demo_db, 2026)
    assert this["by_status"]["草稿"] >= 5 and this["done"] == 0
    assert sum(this["by_status"].values()) == this["total"]
    drafts = queries.survey_rows(demo_db, 2026, status=DRAFT)
    assert len(drafts) == this["by_status"]["草稿"]
    assert all(r.status == DRAFT for r in drafts)
    # This year's drafts carry last year's answers, marked until confirmed.
    ctx = service.open_survey(demo_db, drafts[0].person_id, 2026)
    assert ctx.status == DRAFT
