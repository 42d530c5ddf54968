"""Validation of person and household input, collecting every problem with its field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields

from fieldworker.domain import codes, ids
from fieldworker.domain.errors import FieldErrors, ValidationError

_PHONE = re.compile(r"^[0-9][0-9\- ]{5,18}[0-9]$")


@dataclass
class PersonInput:
    name: str = ""
    id_number: str = ""
    card_number: str = ""
    category: str = ""
    grade: str = ""
    sub_categories: str = ""
    ethnicity: str = "01"
    household_id: str | None = None
    relation_to_head: str = "02"
    phone: str = ""
    guardian_name: str = ""
    guardian_phone: str = ""
    status: str = codes.ACTIVE_STATUS
    status_date: dt.date | None = None
    living_subsidy: bool = False
    care_subsidy: bool = False
    dibao: bool = False
    pension_insurance: str = "3"
    medical_insurance: str = "2"
    family_doctor: bool = False
    education_status: str = "6"
    employment_status: str = "9"
    notes: str = ""

    @classmethod
    def from_record(cls, record: object) -> "PersonInput":
        return cls(**{f.name: getattr(record, f.name) for f in fields(cls)})


@dataclass
class HouseholdInput:
    head_name: str = ""
    head_id_number: str = ""
    address: str = ""
    hukou_type: str = "1"
    members_count: int = 1
    phone: str = ""
    income_per_capita: int | None = None
    dibao: bool = False
    tekun: bool = False
    housing_status: str = "1"
    notes: str = ""

    @classmethod
    def from_record(cls, record: object) -> "HouseholdInput":
        return cls(**{f.name: getattr(record, f.name) for f in fields(cls)})


@dataclass
class CleanPerson:
    values: dict
    warnings: list[str] = field(default_factory=list)


def _collect(errors: list[ValidationError], check) -> object:  # type: ignore[no-untyped-def]
    try:
        return check()
    except ValidationError as exc:
        errors.append(exc)
        return None


def clean_person(data: PersonInput, *, today: dt.date | None = None) -> CleanPerson:
    """Normalise and check a person; raises FieldErrors naming every bad field."""
    today = today or dt.date.today()
    errors: list[ValidationError] = []
    name = " ".join((data.name or "").split())
    if not name:
        errors.append(ValidationError("name_missing", "请填写姓名", "name"))
    elif len(name) > 30:
        errors.append(ValidationError("name_long", "姓名过长（最多30个字）", "name"))

    idn = _collect(errors, lambda: ids.parse_id_number(data.id_number, today=today))
    for table, value, fname, what in (
        (codes.DISABILITY_CATEGORY, data.category, "category", "残疾类别"),
        (codes.DISABILITY_GRADE, data.grade, "grade", "残疾等级"),
        (codes.ETHNICITY, data.ethnicity, "ethnicity", "民族"),
        (codes.RELATION_TO_HEAD, data.relation_to_head, "relation_to_head", "与户主关系"),
        (codes.PERSON_STATUS, data.status, "status", "人员状态"),
        (codes.PENSION_INSURANCE, data.pension_insurance, "pension_insurance", "养老保险状态"),
        (codes.MEDICAL_INSURANCE, data.medical_insurance, "medical_insurance", "医疗保险状态"),
        (codes.EDUCATION_STATUS, data.education_status, "education_status", "受教育状态"),
        (codes.EMPLOYMENT_STATUS, data.employment_status, "employment_status", "就业状态"),
    ):
        _collect(errors, lambda t=table, v=value, f=fname, w=what: codes.require(t, v, field=f, what=w))

    sub_categories = _clean_sub_categories(data, errors)

    card_number = ids.normalize(data.card_number)
    if not card_number and idn is not None and data.category and data.grade:
        card_number = ids.card_number_for(idn.number, data.category, data.grade)
    elif card_number:
        card = _collect(errors, lambda: ids.parse_card_number(card_number, today=today))
        if card is not None and idn is not None and data.category in codes.DISABILITY_CATEGORY \
                and data.grade in codes.DISABILITY_GRADE:
            errors.extend(ids.check_card_consistency(card, id_number=idn.number, category=data.category,
                                                     grade=data.grade))

    for value, fname, what in ((data.phone, "phone", "联系电话"), (data.guardian_phone, "guardian_phone", "监护人电话")):
        if value and not _PHONE.match(value.strip()):
            errors.append(ValidationError("phone", f"{what}格式不正确（应为数字，可含“-”）", fname))

    if data.status != codes.ACTIVE_STATUS and data.status in codes.PERSON_STATUS:
        if data.status_date is None:
            errors.append(ValidationError("status_date_missing",
                                          f"人员状态为“{codes.label(codes.PERSON_STATUS, data.status)}”时请填写变动日期",
                                          "status_date"))
    if data.status_date is not None and data.status_date > today:
        errors.append(ValidationError("status_date_future", "变动日期不能晚于今天", "status_date"))
    if idn is not None and data.status_date is not None and data.status_date < idn.birth_date:
        errors.append(ValidationError("status_date_before_birth", "变动日期早于出生日期", "status_date"))
    if errors:
        raise FieldErrors(errors)
    assert idn is not None
    values = {
        "name": name, "id_number": idn.number, "card_number": card_number, "category": data.category,
        "grade": data.grade, "sub_categories": sub_categories, "gender": idn.gender, "birth_date": idn.birth_date,
        "ethnicity": data.ethnicity, "household_id": data.household_id or None,
        "relation_to_head": data.relation_to_head, "phone": data.phone.strip(),
        "guardian_name": data.guardian_name.strip(), "guardian_phone": data.guardian_phone.strip(),
        "status": data.status, "status_date": data.status_date if data.status != codes.ACTIVE_STATUS else None,
        "living_subsidy": bool(data.living_subsidy), "care_subsidy": bool(data.care_subsidy),
        "dibao": bool(data.dibao), "pension_insurance": data.pension_insurance,
        "medical_insurance": data.medical_insurance, "family_doctor": bool(data.family_doctor),
        "education_status": data.education_status, "employment_status": data.employment_status,
        "notes": data.notes.strip(),
    }
    return CleanPerson(values, list(idn.warnings))


def _clean_sub_categories(data: PersonInput, errors: list[ValidationError]) -> str:
    parts = sorted({p.strip() for p in (data.sub_categories or "").replace("，", ",").split(",") if p.strip()})
    if data.category != "7":
        return ""
    if len(parts) < 2 or any(p not in codes.SINGLE_CATEGORIES for p in parts):
        errors.append(ValidationError("sub_categories", "多重残疾请选择至少两种具体残疾类别（视力、听力、言语、肢体、智力、精神）",
                                      "sub_categories"))
    return ",".join(parts)


def clean_household(data: HouseholdInput, *, today: dt.date | None = None) -> dict:
    errors: list[ValidationError] = []
    head = " ".join((data.head_name or "").split())
    if not head:
        errors.append(ValidationError("head_missing", "请填写户主姓名", "head_name"))
    head_id = ""
    if data.head_id_number:
        idn = _collect(errors, lambda: ids.parse_id_number(data.head_id_number, today=today))
        if idn is not None:
            head_id = idn.number
        else:
            errors[-1].field = "head_id_number"
            errors[-1].message = "户主" + errors[-1].message
    for table, value, fname, what in (
        (codes.HUKOU_TYPE, data.hukou_type, "hukou_type", "户籍类型"),
        (codes.HOUSING_STATUS, data.housing_status, "housing_status", "住房状况"),
    ):
        _collect(errors, lambda t=table, v=value, f=fname, w=what: codes.require(t, v, field=f, what=w))
    if not isinstance(data.members_count, int) or not 1 <= data.members_count <= 30:
        errors.append(ValidationError("members_count", "家庭人口数应在1到30之间", "members_count"))
    if data.income_per_capita is not None and not 0 <= data.income_per_capita <= 10_000_000:
        errors.append(ValidationError("income", "人均年收入应为0或正数（元）", "income_per_capita"))
    if data.phone and not _PHONE.match(data.phone.strip()):
        errors.append(ValidationError("phone", "联系电话格式不正确（应为数字，可含“-”）", "phone"))
    if errors:
        raise FieldErrors(errors)
    return {
        "head_name": head, "head_id_number": head_id, "address": data.address.strip(),
        "hukou_type": data.hukou_type, "members_count": data.members_count, "phone": data.phone.strip(),
        "income_per_capita": data.income_per_capita, "dibao": bool(data.dibao), "tekun": bool(data.tekun),
        "housing_status": data.housing_status, "notes": data.notes.strip(),
    }
