"""Who should receive what: the rules behind coverage figures and 应补尽补 gap lists.

Each rule names the group it applies to, what counts as covered, the policy target and its
source (the project's domain notes, ``shared/domain.md`` §3 and the seed targets in
``shared/README.md``). Rules are pure functions of a person's recorded facts, so the
dashboard, the gap lists, the exports and the tests all use the same definitions.

Sources and their certainty:
- 困难残疾人生活补贴 (国发〔2015〕52号): persons in 低保 households; localities may extend it
  to low-income families (a setting: an income line). 特困供养 persons get it through their
  own scheme and are left out [inferred detail].
- 重度残疾人护理补贴 (国发〔2015〕52号): 一级、二级; many provinces extend it to 三级 (and
  sometimes 四级) 智力/精神 — a setting, off by default.
- 两项补贴 target-group coverage ≥ 98%; 城乡居民养老保险 ≥ 98% (aged 16+ and not in
  school); 基本医疗保险 ≥ 95%; 义务教育 (6–15 周岁) ≥ 95%; "零就业" disabled households:
  at least one member employed; 危房改造 "不落一户". 家庭医生签约 and employment of
  working-age persons (16–59 周岁, not in school) have no national figure in our sources:
  shown without a target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from fieldworker.domain import codes

WORKING_AGE = (16, 59)
COMPULSORY_SCHOOL_AGE = (6, 15)
CARE_EXTENSION_CATEGORIES = frozenset({"5", "6"})  # 智力, 精神


@dataclass(frozen=True)
class Policy:
    """Local choices a province makes; stored as settings (``eligibility.*``)."""

    # Grades beyond 一级/二级 that get 护理补贴 when the category is 智力 or 精神: {}, {"3"} or {"3", "4"}.
    care_extended_grades: frozenset[str] = frozenset()
    # Households under this yearly income per head (元) also get 生活补贴; None: 低保 only.
    living_income_line: int | None = None


@dataclass(frozen=True)
class PersonFacts:
    """What the roster records about a person (and their household) that the rules read."""

    age: int
    category: str
    grade: str
    sub_categories: str = ""
    active: bool = True
    dibao: bool = False
    household_dibao: bool = False
    tekun: bool = False
    income_per_capita: int | None = None
    living_subsidy: bool = False
    care_subsidy: bool = False
    pension_insurance: str = "3"
    medical_insurance: str = "2"
    family_doctor: bool = False
    education_status: str = "6"
    employment_status: str = "9"

    @property
    def in_school(self) -> bool:
        return self.education_status in codes.IN_SCHOOL

    @property
    def categories(self) -> frozenset[str]:
        return frozenset({self.category, *filter(None, self.sub_categories.split(","))})


def age_on(birth: dt.date, day: dt.date) -> int:
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


# ---------------------------------------------------------------- the group tests

def living_subsidy_eligible(p: PersonFacts, policy: Policy) -> bool:
    if not p.active or p.tekun:
        return False
    if p.dibao or p.household_dibao:
        return True
    line = policy.living_income_line
    return line is not None and p.income_per_capita is not None and p.income_per_capita < line


def care_subsidy_eligible(p: PersonFacts, policy: Policy) -> bool:
    if not p.active:
        return False
    if p.grade in codes.SEVERE_GRADES:
        return True
    return p.grade in policy.care_extended_grades and bool(p.categories & CARE_EXTENSION_CATEGORIES)


def working_age(p: PersonFacts) -> bool:
    return p.active and WORKING_AGE[0] <= p.age <= WORKING_AGE[1] and not p.in_school


def employed(p: PersonFacts) -> bool:
    return p.employment_status in codes.EMPLOYED


# ---------------------------------------------------------------- person rules

@dataclass(frozen=True)
class Rule:
    key: str
    title: str
    target: float | None
    source: str
    applies: Callable[[PersonFacts, Policy], bool]
    covered: Callable[[PersonFacts, Policy], bool]
    gap_text: str = ""
    notes: tuple[str, ...] = field(default=())


def _two_subsidies_covered(p: PersonFacts, policy: Policy) -> bool:
    return ((not living_subsidy_eligible(p, policy) or p.living_subsidy)
            and (not care_subsidy_eligible(p, policy) or p.care_subsidy))


PERSON_RULES: tuple[Rule, ...] = (
    Rule("two_subsidies", "两项补贴覆盖率", 0.98, "国发〔2015〕52号；目标见种子文件：两项补贴目标人群覆盖率≥98%",
         lambda p, pol: living_subsidy_eligible(p, pol) or care_subsidy_eligible(p, pol),
         _two_subsidies_covered, "符合两项补贴条件但未全部享受"),
    Rule("living_subsidy", "困难残疾人生活补贴", 0.98, "国发〔2015〕52号：低保家庭中的残疾人（特困供养人员除外）",
         living_subsidy_eligible, lambda p, _pol: p.living_subsidy, "低保家庭残疾人未享受生活补贴"),
    Rule("care_subsidy", "重度残疾人护理补贴", 0.98, "国发〔2015〕52号：一级、二级（可按省规定扩至三、四级智力、精神）",
         care_subsidy_eligible, lambda p, _pol: p.care_subsidy, "重度残疾人未享受护理补贴"),
    Rule("pension", "城乡居民养老保险", 0.98, "目标：基本养老保险参保率≥98%（16周岁以上非在校）",
         lambda p, _pol: p.active and p.age >= 16 and not p.in_school,
         lambda p, _pol: p.pension_insurance in ("1", "2"), "16周岁以上非在校未参加养老保险"),
    Rule("medical", "基本医疗保险", 0.95, "目标：基本医疗保险参保率≥95%",
         lambda p, _pol: p.active, lambda p, _pol: p.medical_insurance == "1", "未参加基本医疗保险"),
    Rule("education", "义务教育入学", 0.95, "目标：残疾儿童义务教育入学率≥95%（6–15周岁，含送教上门）",
         lambda p, _pol: p.active and COMPULSORY_SCHOOL_AGE[0] <= p.age <= COMPULSORY_SCHOOL_AGE[1],
         lambda p, _pol: p.in_school, "义务教育阶段残疾儿童未入学"),
    Rule("family_doctor", "家庭医生签约", None, "无全国目标值，仅显示签约率",
         lambda p, _pol: p.active, lambda p, _pol: p.family_doctor, "未签约家庭医生"),
    Rule("employment", "劳动年龄残疾人就业", None, "无全国目标值；劳动年龄为16–59周岁（不含在校）",
         lambda p, _pol: working_age(p), lambda p, _pol: employed(p), "劳动年龄未就业"),
)

# ---------------------------------------------------------------- household rules


@dataclass(frozen=True)
class HouseholdFacts:
    housing_status: str
    members: tuple[PersonFacts, ...]


@dataclass(frozen=True)
class HouseholdRule:
    key: str
    title: str
    target: float | None
    source: str
    applies: Callable[[HouseholdFacts], bool]
    covered: Callable[[HouseholdFacts], bool]
    gap_text: str = ""


HOUSEHOLD_RULES: tuple[HouseholdRule, ...] = (
    HouseholdRule("zero_employment", "消除“零就业”残疾人家庭", 1.0,
                  "目标：有劳动年龄残疾人的家庭至少一人就业",
                  lambda h: any(working_age(m) for m in h.members),
                  lambda h: any(working_age(m) and employed(m) for m in h.members), "“零就业”残疾人家庭"),
    HouseholdRule("housing", "住房安全（危房改造）", 1.0, "目标：危房改造“不落一户”",
                  lambda h: any(m.active for m in h.members),
                  lambda h: h.housing_status != "2", "居住危房"),
)

RULE_KEYS = tuple(r.key for r in PERSON_RULES) + tuple(r.key for r in HOUSEHOLD_RULES)


def rule(key: str) -> Rule | HouseholdRule:
    for candidate in (*PERSON_RULES, *HOUSEHOLD_RULES):
        if candidate.key == key:
            return candidate
    raise KeyError(key)
