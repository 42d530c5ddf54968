"""Person facts for a survey year, from the roster record (what expressions call ``age`` etc.)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldworker.domain import codes
from fieldworker.store.models import Household, Person


def reference_date(year: int) -> dt.date:
    """Ages in the survey are counted on 1 July of the survey year."""
    return dt.date(year, 7, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def person_facts(person: Person, household: Household | None, year: int) -> dict[str, Any]:
    return {
        "age": age_on(person.birth_date, reference_date(year)),
        "gender": person.gender,
        "category": person.category,
        "grade": person.grade,
        "sub_categories": [c for c in person.sub_categories.split(",") if c],
        "certified": len(person.card_number or "") == 20,
        "hukou": household.hukou_type if household else None,
        "dibao": bool(person.dibao or (household.dibao if household else False)),
        "tekun": bool(household.tekun) if household else False,
        "living_subsidy": bool(person.living_subsidy),
        "care_subsidy": bool(person.care_subsidy),
        "medical_insured": person.medical_insurance == "1",
        "pension_status": person.pension_insurance,
        "family_doctor": bool(person.family_doctor),
        "education_status": person.education_status,
        "employment_status": person.employment_status,
        "phone": person.phone or None,
        "guardian_name": person.guardian_name or None,
        "guardian_phone": person.guardian_phone or None,
        "housing_status": household.housing_status if household else None,
        "year": year,
        "name": person.name,
        "card_number": person.card_number or person.id_number,
        "head_name": household.head_name if household else None,
        "head_id_number": (household.head_id_number or None) if household else None,
        "household_size": household.members_count if household else None,
    }


def describe(person: Person, year: int) -> str:
    """One line for headers: 姓名 性别 年龄 类别 等级."""
    facts_age = age_on(person.birth_date, reference_date(year))
    return (f"{person.name}　{codes.label(codes.GENDER, person.gender)}　{facts_age}岁　"
            f"{codes.label(codes.DISABILITY_CATEGORY, person.category)}{codes.label(codes.DISABILITY_GRADE, person.grade)}")
