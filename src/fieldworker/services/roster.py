"""The household roster: add, edit, soft-delete and restore persons and households; query them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from fieldworker.domain import codes
from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.domain.pinyin import is_latin_query
from fieldworker.services import installation
from fieldworker.services.validation import (
    HouseholdInput, PersonInput, clean_household, clean_person,
)
from fieldworker.store import changelog
from fieldworker.store.engine import Database
from fieldworker.store.models import ChangeLog, Household, Person


@dataclass(frozen=True)
class Saved:
    """What a write changed, so views reload only what they show."""

    record_id: str
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- persons

def add_person(db: Database, data: PersonInput, *, today: dt.date | None = None) -> Saved:
    region = installation.require(db).region_code
    clean = clean_person(data, today=today)
    with db.session() as s:
        _refuse_duplicate(s, clean.values["id_number"], exclude_id=None)
        _check_household(s, clean.values["household_id"])
        person = Person(region_code=region, **clean.values)
        s.add(person)
        s.flush()
        return Saved(person.id, tuple(clean.warnings))


def update_person(db: Database, person_id: str, data: PersonInput, *, today: dt.date | None = None) -> Saved:
    clean = clean_person(data, today=today)
    with db.session() as s:
        person = _get_person(s, person_id)
        _refuse_duplicate(s, clean.values["id_number"], exclude_id=person_id)
        _check_household(s, clean.values["household_id"])
        for key, value in clean.values.items():
            setattr(person, key, value)
        return Saved(person.id, tuple(clean.warnings))


def delete_person(db: Database, person_id: str) -> Saved:
    with db.session() as s:
        _get_person(s, person_id).deleted = True
    return Saved(person_id)


def restore_person(db: Database, person_id: str) -> Saved:
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise ValidationError("not_found", "找不到该人员记录")
        if not person.deleted:
            return Saved(person_id)
        _refuse_duplicate(s, person.id_number, exclude_id=person_id)
        person.deleted = False
    return Saved(person_id)


def get_person(db: Database, person_id: str) -> Person:
    with db.session() as s:
        return _get_person(s, person_id, allow_deleted=True)


def _get_person(s: Session, person_id: str, *, allow_deleted: bool = False) -> Person:
    person = s.get(Person, person_id)
    if person is None or (person.deleted and not allow_deleted):
        raise ValidationError("not_found", "找不到该人员记录（可能已被删除）")
    return person


def _refuse_duplicate(s: Session, id_number: str, *, exclude_id: str | None) -> None:
    query = select(Person).where(Person.id_number == id_number)
    if exclude_id:
        query = query.where(Person.id != exclude_id)
    for other in s.scalars(query):
        if other.deleted:
            raise FieldErrors([ValidationError(
                "id_duplicate_deleted", f"身份证号与已删除的人员“{other.name}”相同：请在“已删除”中恢复该记录，不要重复登记",
                "id_number")])
        raise FieldErrors([ValidationError(
            "id_duplicate", f"身份证号与已登记的“{other.name}”重复，同一人不能登记两次", "id_number")])


def _check_household(s: Session, household_id: str | None) -> None:
    if household_id is None:
        return
    household = s.get(Household, household_id)
    if household is None or household.deleted:
        raise FieldErrors([ValidationError("household_missing", "所选家庭户不存在或已删除", "household_id")])


# ---------------------------------------------------------------- households

def add_household(db: Database, data: HouseholdInput) -> Saved:
    region = installation.require(db).region_code
    values = clean_household(data)
    with db.session() as s:
        household = Household(region_code=region, **values)
        s.add(household)
        s.flush()
        return Saved(household.id)


def update_household(db: Database, household_id: str, data: HouseholdInput) -> Saved:
    values = clean_household(data)
    with db.session() as s:
        household = _get_household(s, household_id)
        for key, value in values.items():
            setattr(household, key, value)
    return Saved(household_id)


def delete_household(db: Database, household_id: str) -> Saved:
    with db.session() as s:
        household = _get_household(s, household_id)
        members = s.scalar(select(func.count()).select_from(Person).where(
            Person.household_id == household_id, Person.deleted.is_(False)))
        if members:
            raise ValidationError("household_has_members", f"该户还有{members}名残疾人成员，请先将其移出或删除")
        household.deleted = True
    return Saved(household_id)


def restore_household(db: Database, household_id: str) -> Saved:
    with db.session() as s:
        household = s.get(Household, household_id)
        if household is None:
            raise ValidationError("not_found", "找不到该家庭户")
        household.deleted = False
    return Saved(household_id)


def get_household(db: Database, household_id: str) -> Household:
    with db.session() as s:
        return _get_household(s, household_id)


def _get_household(s: Session, household_id: str) -> Household:
    household = s.get(Household, household_id)
    if household is None or household.deleted:
        raise ValidationError("not_found", "找不到该家庭户（可能已被删除）")
    return household


def households(db: Database, *, text: str = "") -> list[dict[str, Any]]:
    """Live households (as read-only rows) with their number of disabled members."""
    members = (select(Person.household_id, func.count().label("n")).where(Person.deleted.is_(False))
               .group_by(Person.household_id).subquery())
    columns = [c for c in Household.__table__.columns]
    query = (select(*columns, func.coalesce(members.c.n, 0).label("disabled_members"))
             .outerjoin(members, members.c.household_id == Household.id)
             .where(Household.deleted.is_(False)).order_by(Household.address, Household.head_name))
    if text:
        like = f"%{text.strip()}%"
        query = query.where(or_(Household.head_name.like(like), Household.address.like(like),
                                Household.head_id_number.like(like)))
    with db.engine.connect() as conn:
        return [{"household": row, "disabled_members": row.disabled_members} for row in conn.execute(query)]


# ---------------------------------------------------------------- queries

@dataclass
class PersonFilter:
    text: str = ""
    category: str | None = None
    grade: str | None = None
    status: str | None = None
    dibao: bool | None = None
    living_subsidy: bool | None = None
    care_subsidy: bool | None = None
    household_id: str | None = None
    deleted: bool = False  # True lists the recycle bin instead of the roster


ROW_COLUMNS = (
    Person.id, Person.name, Person.gender, Person.birth_date, Person.id_number, Person.card_number,
    Person.category, Person.grade, Person.status, Person.dibao, Person.living_subsidy, Person.care_subsidy,
    Person.phone, Household.head_name, Household.address,
)
SORT_KEYS = {
    "name": Person.search_text, "gender": Person.gender, "birth_date": Person.birth_date, "id_number": Person.id_number,
    "card_number": Person.card_number, "category": Person.category, "grade": Person.grade, "status": Person.status,
    "dibao": Person.dibao, "living_subsidy": Person.living_subsidy, "care_subsidy": Person.care_subsidy,
    "phone": Person.phone, "head_name": Household.head_name, "address": Household.address,
}


def person_query(flt: PersonFilter, *, sort: str = "name", descending: bool = False) -> Select:
    query = select(Person.id).outerjoin(Household, Household.id == Person.household_id)
    conditions = [Person.deleted.is_(flt.deleted)]
    text = "".join(flt.text.split()).lower()
    if is_latin_query(text):
        # 拼音: the prefix of an initials or full-pinyin token ("zs", "zhangs").
        conditions.append(Person.search_text.contains(" " + text, autoescape=True))
    elif text:
        # Name part or any part of an id; ids are stored upper-case (a typed x means X).
        conditions.append(Person.search_text.contains(text.upper() if text[-1:] == "x" else text, autoescape=True))
    for column, value in ((Person.category, flt.category), (Person.grade, flt.grade), (Person.status, flt.status),
                          (Person.dibao, flt.dibao), (Person.living_subsidy, flt.living_subsidy),
                          (Person.care_subsidy, flt.care_subsidy), (Person.household_id, flt.household_id)):
        if value is not None:
            conditions.append(column == value)
    key = SORT_KEYS.get(sort, Person.name)
    order = key.desc() if descending else key.asc()
    return query.where(and_(*conditions)).order_by(order, Person.id)


def person_ids(db: Database, flt: PersonFilter, *, sort: str = "name", descending: bool = False) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(person_query(flt, sort=sort, descending=descending)).scalars())


def person_rows(db: Database, person_ids_: Sequence[str]) -> dict[str, Any]:
    """Display rows for the given ids (a page of a table), keyed by id."""
    if not person_ids_:
        return {}
    query = (select(*ROW_COLUMNS).outerjoin(Household, Household.id == Person.household_id)
             .where(Person.id.in_(list(person_ids_))))
    with db.engine.connect() as conn:
        return {row.id: row for row in conn.execute(query)}


def stats(db: Database) -> dict[str, Any]:
    """Counts for the roster: persons 在册 and breakdowns (status counts include everyone not deleted)."""
    live = Person.deleted.is_(False)
    on_roster = and_(live, Person.status == codes.ACTIVE_STATUS)
    with db.engine.connect() as conn:
        def counts(column, where) -> dict[str, int]:  # type: ignore[no-untyped-def]
            rows = conn.execute(select(column, func.count()).where(where).group_by(column))
            return {code: n for code, n in rows}

        by_category = counts(Person.category, on_roster)
        by_grade = counts(Person.grade, on_roster)
        by_status = counts(Person.status, live)
        households_n = conn.execute(select(func.count()).select_from(Household)
                                    .where(Household.deleted.is_(False))).scalar()
    return {
        "persons": sum(by_category.values()),
        "households": households_n,
        "by_category": {codes.label(codes.DISABILITY_CATEGORY, k): v for k, v in sorted(by_category.items())},
        "by_grade": {codes.label(codes.DISABILITY_GRADE, k): v for k, v in sorted(by_grade.items())},
        "by_status": {codes.label(codes.PERSON_STATUS, k): v for k, v in sorted(by_status.items())},
    }


# ---------------------------------------------------------------- change log

def recent_changes(db: Database, *, limit: int = 200, record_id: str | None = None) -> list[ChangeLog]:
    query = select(ChangeLog).order_by(ChangeLog.seq.desc()).limit(limit)
    if record_id:
        query = query.where(ChangeLog.record_id == record_id)
    with db.session() as s:
        return list(s.scalars(query))


def undo_delete(db: Database, change_seq: int) -> Saved:
    """Undo a deletion recorded in the change log by restoring the record."""
    with db.session() as s:
        entry = s.get(ChangeLog, change_seq)
    if entry is None or entry.op != "delete":
        raise ValidationError("not_a_delete", "只能撤销“删除”操作")
    if entry.table_name == "persons":
        return restore_person(db, entry.record_id)
    if entry.table_name == "households":
        return restore_household(db, entry.record_id)
    raise ValidationError("not_undoable", "该记录类型不支持撤销删除")


history = changelog.history
