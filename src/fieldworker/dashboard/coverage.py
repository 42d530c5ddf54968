"""Coverage of each policy target, per region and in total, and the persons short of it.

Works only from the person and household fields of the roster (which the yearly survey
updates), so it needs no other feature's tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import select

from fieldworker.domain import codes
from fieldworker.domain.eligibility import (
    HOUSEHOLD_RULES, PERSON_RULES, HouseholdFacts, HouseholdRule, PersonFacts, Policy, Rule, age_on,
)
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person, Region

CARE_EXTENSION_SETTING = "eligibility.care_extended_grades"
INCOME_LINE_SETTING = "eligibility.living_income_line"
TOTAL = ""  # region key of the all-regions figures


def policy_from_settings(db: Database) -> Policy:
    grades = db.get_setting(CARE_EXTENSION_SETTING, []) or []
    line = db.get_setting(INCOME_LINE_SETTING)
    return Policy(care_extended_grades=frozenset(str(g) for g in grades if str(g) in ("3", "4")),
                  living_income_line=int(line) if line not in (None, "") else None)


def save_policy(db: Database, policy: Policy) -> None:
    db.set_setting(CARE_EXTENSION_SETTING, sorted(policy.care_extended_grades))
    db.set_setting(INCOME_LINE_SETTING, policy.living_income_line)


@dataclass(frozen=True)
class GapEntry:
    """One person (or, for a household rule, the household's first listed member) short of a target."""

    person_id: str
    name: str
    id_number: str
    region_code: str
    address: str
    detail: str


@dataclass
class Figure:
    key: str
    title: str
    target: float | None
    source: str
    unit: str  # 人 or 户
    eligible: int = 0
    covered: int = 0
    gaps: list[GapEntry] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.covered / self.eligible if self.eligible else None

    @property
    def short(self) -> bool:
        """Below target (red on the dashboard). No eligible persons means nothing is short."""
        return self.target is not None and self.rate is not None and self.rate + 1e-12 < self.target

    def as_dict(self) -> dict:
        return {"title": self.title, "target": self.target, "eligible": self.eligible, "covered": self.covered,
                "rate": None if self.rate is None else round(self.rate, 4), "short": self.short,
                "gaps": len(self.gaps), "unit": self.unit}


@dataclass
class Coverage:
    as_of: dt.date
    policy: Policy
    region_names: dict[str, str]
    by_region: dict[str, list[Figure]]  # TOTAL first, then each region code

    @property
    def total(self) -> list[Figure]:
        return self.by_region[TOTAL]

    def figure(self, key: str, region: str = TOTAL) -> Figure:
        for fig in self.by_region[region]:
            if fig.key == key:
                return fig
        raise KeyError(key)


@dataclass
class _Row:
    person_id: str
    name: str
    id_number: str
    region_code: str
    household_id: str | None
    address: str
    housing_status: str
    facts: PersonFacts


def _rows(db: Database, as_of: dt.date) -> list[_Row]:
    query = (select(Person.id, Person.name, Person.id_number, Person.region_code, Person.household_id,
                    Person.birth_date, Person.category, Person.sub_categories, Person.grade, Person.dibao,
                    Person.living_subsidy, Person.care_subsidy, Person.pension_insurance, Person.medical_insurance,
                    Person.family_doctor, Person.education_status, Person.employment_status,
                    Household.address, Household.dibao.label("h_dibao"), Household.tekun,
                    Household.income_per_capita, Household.housing_status)
             .outerjoin(Household, Household.id == Person.household_id)
             .where(Person.deleted.is_(False), Person.status == codes.ACTIVE_STATUS)
             .order_by(Person.region_code, Household.address, Person.name))
    out = []
    with db.engine.connect() as conn:
        for r in conn.execute(query):
            facts = PersonFacts(
                age=age_on(r.birth_date, as_of), category=r.category, grade=r.grade,
                sub_categories=r.sub_categories or "", dibao=bool(r.dibao), household_dibao=bool(r.h_dibao),
                tekun=bool(r.tekun), income_per_capita=r.income_per_capita, living_subsidy=bool(r.living_subsidy),
                care_subsidy=bool(r.care_subsidy), pension_insurance=r.pension_insurance,
                medical_insurance=r.medical_insurance, family_doctor=bool(r.family_doctor),
                education_status=r.education_status, employment_status=r.employment_status)
            out.append(_Row(r.id, r.name, r.id_number, r.region_code, r.household_id, r.address or "",
                            r.housing_status or "1", facts))
    return out


def _person_figure(rule: Rule, rows: Iterable[_Row], policy: Policy) -> Figure:
    fig = Figure(rule.key, rule.title, rule.target, rule.source, "人")
    for row in rows:
        if not rule.applies(row.facts, policy):
            continue
        fig.eligible += 1
        if rule.covered(row.facts, policy):
            fig.covered += 1
        else:
            fig.gaps.append(GapEntry(row.person_id, row.name, row.id_number, row.region_code, row.address,
                                     _detail(rule.key, row.facts, policy) or rule.gap_text))
    return fig


def _detail(key: str, p: PersonFacts, policy: Policy) -> str:
    """Why a person is listed, in words a worker can act on."""
    from fieldworker.domain import eligibility as el

    if key == "two_subsidies":
        missing = []
        if el.living_subsidy_eligible(p, policy) and not p.living_subsidy:
            missing.append("生活补贴")
        if el.care_subsidy_eligible(p, policy) and not p.care_subsidy:
            missing.append("护理补贴")
        return "未享受" + "、".join(missing)
    if key == "care_subsidy":
        return f"{codes.label(codes.DISABILITY_CATEGORY, p.category)}{codes.label(codes.DISABILITY_GRADE, p.grade)}，未享受护理补贴"
    if key == "education":
        return f"{p.age}周岁，{codes.label(codes.EDUCATION_STATUS, p.education_status)}"
    if key == "pension":
        return f"{p.age}周岁，{codes.label(codes.PENSION_INSURANCE, p.pension_insurance)}"
    if key == "employment":
        return f"{p.age}周岁，{codes.label(codes.EMPLOYMENT_STATUS, p.employment_status)}"
    return ""


def _household_figure(rule: HouseholdRule, rows: list[_Row]) -> Figure:
    fig = Figure(rule.key, rule.title, rule.target, rule.source, "户")
    members: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.household_id:
            members[row.household_id].append(row)
    for group in members.values():
        facts = HouseholdFacts(group[0].housing_status, tuple(r.facts for r in group))
        if not rule.applies(facts):
            continue
        fig.eligible += 1
        if rule.covered(facts):
            fig.covered += 1
        else:
            first = group[0]
            names = "、".join(r.name for r in group)
            fig.gaps.append(GapEntry(first.person_id, first.name, first.id_number, first.region_code,
                                     first.address, f"{rule.gap_text}（残疾人成员：{names}）"))
    return fig


def _figures(rows: list[_Row], policy: Policy) -> list[Figure]:
    return ([_person_figure(rule, rows, policy) for rule in PERSON_RULES]
            + [_household_figure(rule, rows) for rule in HOUSEHOLD_RULES])


def coverage(db: Database, *, as_of: dt.date | None = None, policy: Policy | None = None) -> Coverage:
    """Every figure for all regions together and for each region (village) on record."""
    as_of = as_of or dt.date.today()
    policy = policy or policy_from_settings(db)
    rows = _rows(db, as_of)
    by_code: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        by_code[row.region_code].append(row)
    with db.engine.connect() as conn:
        names = {code: name for code, name in conn.execute(select(Region.code, Region.name))}
    by_region = {TOTAL: _figures(rows, policy)}
    if len(by_code) > 1:
        for code in sorted(by_code):
            by_region[code] = _figures(by_code[code], policy)
    return Coverage(as_of, policy, names, by_region)


def summary(cov: Coverage) -> dict:
    """JSON-ready figures (``stats --json``): coverage and gap counts, in total and per region."""
    out = {
        "as_of": cov.as_of.isoformat(),
        "coverage": {f.key: f.as_dict() for f in cov.total},
        "gap_counts": {f.key: len(f.gaps) for f in cov.total},
    }
    regions = {code: {f.key: f.as_dict() for f in figs} for code, figs in cov.by_region.items() if code != TOTAL}
    if regions:
        out["coverage_by_region"] = regions
    return out


def format_rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"
