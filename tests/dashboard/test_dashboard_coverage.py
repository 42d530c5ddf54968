"""Coverage figures and gap lists checked against a small village counted by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldworker.dashboard import coverage as dash
from fieldworker.dashboard.coverage import coverage, summary
from fieldworker.domain.eligibility import Policy
from fieldworker.domain.ids import check_character
from fieldworker.services import roster
from fieldworker.services.validation import HouseholdInput, PersonInput
from fieldworker.store.models import Person, Region

AS_OF = dt.date(2026, 7, 1)
_seq = iter(range(101, 999, 2))


def _id(birth: dt.date) -> str:
    body = f"330521{birth:%Y%m%d}{next(_seq):03d}"
    return body + check_character(body)


def _born(age: int) -> dt.date:
    return dt.date(AS_OF.year - age, 3, 1)


def _person(db, name, age, category, grade, household_id=None, **fields):  # type: ignore[no-untyped-def]
    data = PersonInput(name=name, id_number=_id(_born(age)), category=category, grade=grade,
                       household_id=household_id, **fields)
    return roster.add_person(db, data, today=AS_OF).record_id


@pytest.fixture
def village(db):
    """Six persons on the roster (plus one deleted and one deceased), three households."""
    h1 = roster.add_household(db, HouseholdInput(head_name="甲", address="一组1号", dibao=True,
                                                 housing_status="2")).record_id
    h2 = roster.add_household(db, HouseholdInput(head_name="乙", address="二组2号")).record_id
    h3 = roster.add_household(db, HouseholdInput(head_name="丙", address="三组3号", dibao=True, tekun=True)).record_id
    ids = {
        "P1": _person(db, "甲一", 70, "4", "1", h1, dibao=True, living_subsidy=True, care_subsidy=True,
                      pension_insurance="2", medical_insurance="1", family_doctor=True),
        "P2": _person(db, "甲二", 10, "5", "3", h1, dibao=True, education_status="1", pension_insurance="9",
                      medical_insurance="1"),
        "P3": _person(db, "乙一", 40, "6", "3", h2, employment_status="8", pension_insurance="3",
                      medical_insurance="2"),
        "P4": _person(db, "乙二", 30, "1", "2", h2, employment_status="3", pension_insurance="1",
                      medical_insurance="1", family_doctor=True),
        "P5": _person(db, "丙一", 50, "2", "4", h3, employment_status="8", pension_insurance="1",
                      medical_insurance="1"),
        "P6": _person(db, "丁一", 8, "4", "4", education_status="4", pension_insurance="9", medical_insurance="1"),
    }
    gone = _person(db, "戊一", 45, "4", "1")
    roster.delete_person(db, gone)
    _person(db, "己一", 80, "4", "1", status="2", status_date=dt.date(2026, 1, 5))
    return ids


def _figures(cov):  # type: ignore[no-untyped-def]
    return {f.key: (f.eligible, f.covered) for f in cov.total}


def test_figures_match_hand_count(db, village):
    cov = coverage(db, as_of=AS_OF, policy=Policy())
    assert _figures(cov) == {
        "two_subsidies": (3, 1),    # P1 ok; P2 no 生活补贴; P4 no 护理补贴
        "living_subsidy": (2, 1),   # 低保 household H1: P1, P2 (P5 is 特困: excluded)
        "care_subsidy": (2, 1),     # 一级/二级: P1, P4
        "pension": (4, 3),          # 16+ not in school: P1, P3, P4, P5; P3 not insured
        "medical": (6, 5),          # everyone on the roster; P3 not insured
        "education": (2, 1),        # 6–15: P2 in school, P6 not
        "family_doctor": (6, 2),
        "employment": (3, 1),       # 16–59 not in school: P3, P4, P5; P4 employed
        "zero_employment": (2, 1),  # H2 has P4 employed; H3 has nobody employed; H1 has nobody of working age
        "housing": (3, 2),          # H1 is 危房
    }
    two = cov.figure("two_subsidies")
    assert two.short and two.target == 0.98 and round(two.rate, 4) == 0.3333
    assert not cov.figure("family_doctor").short  # no target: never red


def test_gap_lists_name_the_right_people(db, village):
    cov = coverage(db, as_of=AS_OF, policy=Policy())
    gaps = {f.key: [(g.person_id, g.detail) for g in f.gaps] for f in cov.total}
    assert gaps["living_subsidy"] == [(village["P2"], "低保家庭残疾人未享受生活补贴")]
    assert gaps["care_subsidy"] == [(village["P4"], "视力残疾二级，未享受护理补贴")]
    assert {pid for pid, _ in gaps["two_subsidies"]} == {village["P2"], village["P4"]}
    assert dict(gaps["two_subsidies"])[village["P2"]] == "未享受生活补贴"
    assert gaps["education"] == [(village["P6"], "8周岁，未入学")]
    assert gaps["pension"] == [(village["P3"], "40周岁，未参保")]
    assert [pid for pid, _ in gaps["zero_employment"]] == [village["P5"]]
    assert "丙一" in gaps["zero_employment"][0][1]
    assert gaps["housing"][0][0] in (village["P1"], village["P2"])


def test_care_extension_setting_adds_grade_three_intellectual_and_mental(db, village):
    dash.save_policy(db, Policy(care_extended_grades=frozenset({"3"})))
    cov = coverage(db, as_of=AS_OF)
    assert cov.figure("care_subsidy").eligible == 4  # + P2 (智力三级), P3 (精神三级)
    assert {g.person_id for g in cov.figure("care_subsidy").gaps} == {village["P2"], village["P3"], village["P4"]}
    assert cov.figure("two_subsidies").eligible == 4


def test_income_line_setting_extends_living_subsidy(db, village):
    household = roster.add_household(db, HouseholdInput(head_name="庚", income_per_capita=5000)).record_id
    _person(db, "庚一", 35, "4", "3", household, employment_status="8")
    assert coverage(db, as_of=AS_OF, policy=Policy()).figure("living_subsidy").eligible == 2
    extended = coverage(db, as_of=AS_OF, policy=Policy(living_income_line=6000))
    assert extended.figure("living_subsidy").eligible == 3


def test_per_region_figures_for_a_township(db, village):
    with db.session() as s:
        s.add(Region(code="330521100202", name="城东村", level="village"))
        s.add(Person(region_code="330521100202", name="外村一", gender="1", birth_date=_born(20),
                     id_number=_id(_born(20)), category="4", grade="2", medical_insurance="1"))
    cov = coverage(db, as_of=AS_OF, policy=Policy())
    assert set(cov.by_region) == {"", "330521100201", "330521100202"}
    assert cov.figure("medical", "330521100202").eligible == 1
    assert cov.figure("medical").eligible == cov.figure("medical", "330521100201").eligible + 1
    assert cov.region_names["330521100202"] == "城东村"
    assert "coverage_by_region" in summary(cov)


def test_summary_for_stats_json(db, village):
    data = summary(coverage(db, as_of=AS_OF, policy=Policy()))
    assert data["gap_counts"]["two_subsidies"] == 2
    assert data["coverage"]["medical"] == {"title": "基本医疗保险", "target": 0.95, "eligible": 6, "covered": 5,
                                           "rate": 0.8333, "short": True, "gaps": 1, "unit": "人"}


def test_empty_village_has_no_rates_and_nothing_short(db):
    cov = coverage(db, as_of=AS_OF)
    assert all(f.rate is None and not f.short for f in cov.total)
