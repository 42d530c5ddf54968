"""Skip logic, constraints, exclusive options and logical checks on the real 2018 edition."""

from __future__ import annotations

import pytest

from fieldworker.formdef import engine
from fieldworker.formdef.loader import load_form
from fieldworker.paths import forms_dir


@pytest.fixture(scope="module")
def form():  # type: ignore[no-untyped-def]
    return load_form(forms_dir() / "survey-2018.yaml")


def facts(**over):  # type: ignore[no-untyped-def]
    base = {"age": 40, "gender": "1", "category": "4", "grade": "3", "sub_categories": [], "certified": True,
            "hukou": "1", "dibao": False, "tekun": False, "living_subsidy": False, "care_subsidy": False,
            "medical_insured": True, "pension_status": "1", "family_doctor": True, "education_status": "6",
            "employment_status": "8", "phone": "13800000000", "guardian_name": None, "guardian_phone": None,
            "housing_status": "1", "year": 2019, "name": "张三", "card_number": "3305211980010100174" + "3",
            "head_name": "张三", "head_id_number": None, "household_size": 3}
    base.update(over)
    return base


def test_status_other_than_normal_skips_the_whole_questionnaire(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, {"survey_status": "1"}, facts())
    shown = [q for q, on in result.relevant.items() if on]
    assert shown == ["survey_status", "lost_note"]
    assert result.can_complete


def test_age_gates_education_and_employment(form) -> None:  # type: ignore[no-untyped-def]
    child = engine.evaluate(form, {"survey_status": "6", "school": "0"}, facts(age=9))
    assert child.relevant["school"] and child.relevant["not_enrolled_reason"]
    assert not child.relevant["employed"] and not child.relevant["marital"] and child.relevant["contact_name"]
    adult = engine.evaluate(form, {"survey_status": "6", "in_institution": "2"}, facts(age=40))
    assert adult.relevant["employed"] and not adult.relevant["not_enrolled_reason"]
    old = engine.evaluate(form, {"survey_status": "6", "in_institution": "2"}, facts(age=70))
    assert not old.relevant["employed"] and not old.relevant["pension_subsidy"]


def test_skip_chain_follows_answers(form) -> None:  # type: ignore[no-untyped-def]
    base = {"survey_status": "6", "in_institution": "2", "employed": "2"}
    result = engine.evaluate(form, {**base, "not_employed_reason": "1"}, facts(age=20))
    assert not result.relevant["employment_help"] and not result.relevant["worker_insurance"]
    result = engine.evaluate(form, {**base, "not_employed_reason": "4"}, facts(age=20))
    assert result.relevant["employment_help"] and result.relevant["worker_insurance"]
    in_institution = engine.evaluate(form, {"survey_status": "6", "in_institution": "1"}, facts())
    assert not in_institution.relevant["rural_housing"] and not in_institution.relevant["renovation_needs"]
    assert in_institution.relevant["medical_insurance"]


def test_hidden_answers_do_not_count(form) -> None:  # type: ignore[no-untyped-def]
    # An answer left behind by a changed skip is ignored by rules and not stored on completion.
    answers = {"survey_status": "6", "in_institution": "2", "employed": "1", "employment_form": "2",
               "worker_insurance": ["4"]}
    assert any(c.check.id == "quota_without_insurance" for c in engine.evaluate(form, answers, facts()).failed_checks)
    answers["employed"] = "2"
    result = engine.evaluate(form, answers, facts())
    assert not any(c.check.id == "quota_without_insurance" for c in result.failed_checks)
    assert "employment_form" not in engine.relevant_answers(form, result)


def test_required_constraint_and_range_messages(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, {"survey_status": "6", "contact_phone": "12", "income_members": 0}, facts())
    assert result.errors["contact_phone"] == "电话号码应为7–20位"
    assert result.errors["income_members"] == "不能小于1"
    assert result.errors["hukou_type"] == "此项必填"  # pre-fill happens when a survey opens, not here
    assert result.errors["in_institution"] == "此项必填"
    assert not result.can_complete


def test_type_errors_and_exclusive_options(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, {"survey_status": "6", "income_total": "很多", "social_assistance": ["1", "6"],
                                    "hukou_type": "9"}, facts())
    assert result.errors["income_total"] == "应填写数字"
    assert result.errors["social_assistance"] == "“无”不能与其他选项同时选择"
    assert result.errors["hukou_type"] == "没有代码为“9”的选项"


def test_constraint_reading_other_answers(form) -> None:  # type: ignore[no-untyped-def]
    answers = {"survey_status": "6", "in_institution": "2", "hukou_type": "1", "rural_housing": "3",
               "social_assistance": ["5"]}
    assert "social_assistance" in engine.evaluate(form, answers, facts()).errors
    answers["rural_housing"] = "1"
    assert "social_assistance" not in engine.evaluate(form, answers, facts()).errors


def complete_answers(**over):  # type: ignore[no-untyped-def]
    answers = {
        "survey_status": "6", "person_name": "张三", "card_no": "33052119800101001743", "hukou_type": "1",
        "marital": "20", "contact_phone": "13800000000", "in_institution": "2", "poverty_registration": "4",
        "rural_housing": "1", "literate": "1", "education_level": "3", "school": "0", "employed": "2",
        "livelihood": "4", "not_employed_reason": "5", "worker_insurance": ["4"], "resident_pension": "1",
        "pension_subsidy": "1", "medical_insurance": "1", "medical_subsidy": "2", "social_assistance": ["6"],
        "welfare_subsidy": ["4"], "family_doctor_signed": "1", "sick_two_weeks": "2", "rehab_received": ["6"],
        "rehab_not_received_reason": ["1"], "rehab_needs": ["6"], "renovated": "2", "renovation_needs": ["9"],
        "culture_sports": "1", "income_members": 3, "income_total": 36000, "household_head": "张三",
        "household_head_id": "330521198001010017",
    }
    answers.update(over)
    return answers


def test_a_complete_form_passes(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, complete_answers(), facts())
    assert result.errors == {} and result.failed_checks == []
    assert result.answered == result.required_total


def test_seventy_year_old_in_school_is_blocked(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, complete_answers(school="2"), facts(age=70))
    assert [c.check.id for c in result.blocking_checks] == ["elderly_in_school"]
    assert not result.can_complete


def test_severe_grade_without_care_subsidy_and_not_applied_is_a_gap_not_a_block(form) -> None:  # type: ignore[no-untyped-def]
    # 一级肢体 aged 40 is also asked about 托养 (R29–R30).
    answers = complete_answers(welfare_subsidy=["4"], care_subsidy_applied="2", care_service="2", care_needs="1")
    result = engine.evaluate(form, answers, facts(grade="1"))
    assert [c.check.id for c in result.warnings] == ["care_subsidy_gap"]
    assert result.can_complete
    applied = engine.evaluate(form, {**answers, "care_subsidy_applied": "1"}, facts(grade="1"))
    assert applied.failed_checks == []
    # The follow-up question does not exist for grade 3, so neither does the gap.
    assert not engine.evaluate(form, answers, facts(grade="3")).relevant["care_subsidy_applied"]


def test_income_parts_cannot_exceed_total(form) -> None:  # type: ignore[no-untyped-def]
    result = engine.evaluate(form, complete_answers(income_wage=30000, income_transfer=9000), facts())
    assert [c.check.id for c in result.blocking_checks] == ["income_parts"]


def test_prefill_and_carry_over(form) -> None:  # type: ignore[no-untyped-def]
    pre = engine.prefill(form, facts(dibao=True, care_subsidy=True, medical_insured=False, housing_status="2"))
    assert pre["social_assistance"] == ["1"] and pre["welfare_subsidy"] == ["2"]
    assert pre["medical_insurance"] == "2" and pre["rural_housing"] == "3" and pre["hukou_type"] == "1"
    carried = engine.carry_over(form, {"marital": "20", "sick_two_weeks": "1", "hukou_type": "7", "gone": "1"})
    assert carried == {"marital": "20"}  # per-year items and codes the form lost are not carried
