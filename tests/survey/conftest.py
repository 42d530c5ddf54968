"""A household and one severely disabled person (一级肢体, born 1979) to survey."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldworker.domain import ids
from fieldworker.services import roster
from fieldworker.services.validation import HouseholdInput, PersonInput

TODAY = dt.date(2026, 11, 23)
BODY = "33052119790512001"
ID_NUMBER = BODY + ids.check_character(BODY)


@pytest.fixture
def person_id(db) -> str:  # type: ignore[no-untyped-def]
    household = roster.add_household(db, HouseholdInput(head_name="王建国", head_id_number=ID_NUMBER,
                                                        address="一组12号", hukou_type="1", members_count=3))
    saved = roster.add_person(db, PersonInput(
        name="王建国", id_number=ID_NUMBER, category="4", grade="1", household_id=household.record_id,
        phone="13912345678", medical_insurance="1", pension_insurance="1", care_subsidy=False), today=TODAY)
    return saved.record_id


@pytest.fixture
def full_answers():  # type: ignore[no-untyped-def]
    """Builds a complete, consistent 2022-edition interview for the fixture person."""
    return _full_answers


def _full_answers(**over):  # type: ignore[no-untyped-def]
    answers = {
        "survey_status": "6", "marital": "20", "in_institution": "2", "housing": "1", "education_level": "3",
        "employed": "2", "livelihood": "4", "employment_needs": ["6"], "worker_insurance": ["4"],
        "medical_insurance": "1", "medical_subsidy": "2", "social_assistance": ["1"], "welfare_subsidy": ["1", "2"],
        "care_needs": "5", "elderly_dependant": "2", "family_doctor_signed": "1", "rehab_received": ["2"],
        "rehab_needs": ["4"], "device_needs": ["1"], "renovated": "2", "renovation_needs": ["9"],
        "culture_sports": "1", "income_members": 3, "income_total": 42000,
    }
    answers.update(over)
    return answers
