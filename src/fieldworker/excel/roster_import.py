"""Import a roster sheet: plan every row (new, update, unchanged, error), then write in one transaction.

Persons are matched by 身份证号, so importing the same sheet twice changes nothing the
second time; updates go through the ORM and so through the change log. Bad rows are
reported with row, column and reason and never written; good rows are imported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import select

from fieldworker.domain.errors import FieldErrors
from fieldworker.excel import mapping as mappings
from fieldworker.excel.rows import (
    ParsedRow, RowProblem, check_against_id, field_problems, has_household_columns, household_input,
    normalize_id, parse_row, person_input,
)
from fieldworker.excel.sheet import SheetData, read_sheet
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.services import installation
from fieldworker.services.validation import HouseholdInput, PersonInput, clean_household, clean_person
from fieldworker.store import changelog
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person, new_id

NEW, UPDATE, UNCHANGED, ERROR = "new", "update", "unchanged", "error"
ACTION_LABELS = {NEW: "新增", UPDATE: "更新", UNCHANGED: "无变化", ERROR: "有错误"}
CHUNK = 500


@dataclass
class PlannedRow:
    row: int
    action: str
    name: str = ""
    id_number: str = ""
    person_id: str | None = None
    person_values: dict[str, Any] = field(default_factory=dict)
    household_ref: str | None = None  # an existing household id, or "new:<key>"
    household_values: dict[str, Any] | None = None
    region_code: str | None = None  # from a 区划代码 column; else this installation's region
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    sheet: SheetData
    mapping: dict[str, str]
    rows: list[PlannedRow]
    skipped: int = 0  # rows with something only in unmapped columns (notes under the table)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(r.action for r in self.rows)
        return {action: counted.get(action, 0) for action in (NEW, UPDATE, UNCHANGED, ERROR)}

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == ERROR]


@dataclass
class ImportResult:
    plan: ImportPlan
    applied: bool
    backup: Path | None = None
    error_report: Path | None = None

    @property
    def counts(self) -> dict[str, int]:
        return self.plan.counts

    def summary(self) -> str:
        c = self.counts
        verb = "已导入" if self.applied else "预检（未写入）"
        return (f"{verb}：新增{c[NEW]}人，更新{c[UPDATE]}人，无变化{c[UNCHANGED]}人，"
                f"有错误{c[ERROR]}行（未导入）" + (f"，跳过无数据行{self.plan.skipped}行" if self.plan.skipped else ""))


# ---------------------------------------------------------------- planning

def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _existing_persons(db: Database, id_numbers: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    with db.session() as s:
        for chunk in _chunks(id_numbers):
            for person in s.scalars(select(Person).where(Person.id_number.in_(chunk))):
                if person.id_number not in found or found[person.id_number].deleted:
                    found[person.id_number] = person
    return found


def _existing_households(db: Database) -> dict[str, Household]:
    with db.session() as s:
        return {h.id: h for h in s.scalars(select(Household).where(Household.deleted.is_(False)))}


def _household_key(values: dict, region: str) -> str:
    if values.get("head_id_number"):
        return "id:" + values["head_id_number"]
    return f"name:{region}|{values['head_name']}|{values.get('address', '')}"


SCOPE_DIGITS = {"village": 12, "township": 9, "county": 6}


def _scope(db: Database) -> tuple[str, str]:
    """The 区划代码 prefix this installation covers (its village, township or county), and its code."""
    info = installation.require(db)
    return info.region_code[: SCOPE_DIGITS.get(info.role, 12)], info.region_code


def plan_import(db: Database, sheet: SheetData, mapping: dict[str, str], *, today: dt.date | None = None,
                progress: Progress = NO_PROGRESS) -> ImportPlan:
    """Check every row against the database without writing anything."""
    today = today or dt.date.today()
    mapping = mappings.check(sheet, mapping)
    columns = mappings.column_indexes(sheet, mapping)
    with_household = has_household_columns(columns)
    parsed_or_none = [parse_row(sheet, columns, number, values, today=today) for number, values in sheet.rows]
    parsed = [p for p in parsed_or_none if p is not None]
    existing = _existing_persons(db, sorted({normalize_id(p.id_number) for p in parsed if p.id_number}))
    households = _existing_households(db) if with_household else {}
    by_key = {_household_key({"head_id_number": h.head_id_number, "head_name": h.head_name,
                              "address": h.address}, h.region_code): h.id for h in households.values()}
    seen_ids: dict[str, int] = {}
    scope = _scope(db)
    planned = []
    total = len(parsed)
    for done, row in enumerate(parsed, start=1):
        if done % 500 == 0:
            progress.report(done, total, f"检查第{done}/{total}行")
        planned.append(_plan_row(row, sheet, columns, existing, households, by_key, seen_ids, today,
                                 with_household, scope))
    return ImportPlan(sheet, mapping, planned, skipped=len(parsed_or_none) - len(parsed))


def _plan_row(parsed: ParsedRow, sheet: SheetData, columns: dict[str, int], existing: dict[str, Person],
              households: dict[str, Household], by_key: dict[str, str], seen_ids: dict[str, int],
              today: dt.date, with_household: bool, scope: tuple[str, str]) -> PlannedRow:
    """``scope``: (区划代码 prefix this installation covers, its own region code)."""
    id_number = normalize_id(parsed.id_number)
    planned = PlannedRow(parsed.row, ERROR, name=str(parsed.values.get("name", "")), id_number=id_number)
    if id_number and id_number in seen_ids:
        column = sheet.column_name(columns["id_number"]) if "id_number" in columns else "身份证号"
        parsed.problems.append(RowProblem(parsed.row, column, f"与第{seen_ids[id_number]}行的身份证号重复"))
    elif id_number:
        seen_ids[id_number] = parsed.row
    record = existing.get(id_number)
    if record is not None and record.deleted:
        parsed.problems.append(RowProblem(parsed.row, "", f"该身份证号属于已删除的人员“{record.name}”：请先在“已删除”中恢复，再导入"))
        record = None
    base = PersonInput.from_record(record) if record is not None else PersonInput()
    clean = None
    try:
        clean = clean_person(person_input(parsed, base), today=today)
    except FieldErrors as exc:
        parsed.problems.extend(field_problems(exc, parsed, columns, sheet))
    if clean is not None:
        check_against_id(parsed, columns, sheet, clean.values)
        planned.warnings = list(clean.warnings)
    household_values = None
    if with_household and clean is not None:
        current = households.get(record.household_id) if record is not None and record.household_id else None
        try:
            if current is None:
                # A person new to a household: join the one with the same head (and address) if there is one.
                household_values = clean_household(household_input(parsed, None, clean.values["name"]))
                match = by_key.get(_household_key(household_values, parsed.values.get("region_code") or scope[1]))
                current = households.get(match) if match else None
            if current is not None:
                household_values = clean_household(
                    household_input(parsed, HouseholdInput.from_record(current), clean.values["name"]))
        except FieldErrors as exc:
            household_values = None
            parsed.problems.extend(field_problems(exc, parsed, columns, sheet, household=True))
        if household_values is not None:
            planned.household_ref = current.id if current is not None else \
                "new:" + _household_key(household_values, parsed.values.get("region_code") or scope[1])
    region = parsed.values.get("region_code")
    if region and not region.startswith(scope[0]):
        parsed.problems.append(RowProblem(parsed.row, sheet.column_name(columns["region_code"]),
                                          f"区划代码{region}不属于本机管辖范围（{scope[0]}…），此行不导入"))
    planned.problems = parsed.problems
    if parsed.problems or clean is None:
        return planned
    if region:
        planned.region_code = region
    planned.name = clean.values["name"]
    planned.person_values = clean.values
    planned.household_values = household_values
    if record is None:
        planned.action = NEW
        return planned
    planned.person_id = record.id
    changed = any(getattr(record, k) != v for k, v in clean.values.items() if k != "household_id")
    changed = changed or (planned.region_code is not None and planned.region_code != record.region_code)
    if planned.household_ref and planned.household_ref != record.household_id:
        changed = True
    elif planned.household_ref and household_values is not None:
        current = households[planned.household_ref]
        changed = changed or any(getattr(current, k) != v for k, v in household_values.items())
    planned.action = UPDATE if changed else UNCHANGED
    return planned


# ---------------------------------------------------------------- writing

def apply_plan(db: Database, plan: ImportPlan, *, progress: Progress = NO_PROGRESS) -> None:
    """Write the good rows of a plan in one transaction (all or nothing; cancel rolls back)."""
    region = installation.require(db).region_code
    rows = [r for r in plan.rows if r.action in (NEW, UPDATE)]
    total = len(rows)
    with db.session() as s:
        household_ids = _write_households(s, rows, region)
        new_people = []
        updates = [r for r in rows if r.action == UPDATE]
        done = 0
        for chunk in _chunks(updates):
            loaded = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_([r.person_id for r in chunk])))}
            for row in chunk:
                person = loaded[row.person_id]
                for key, value in _person_values(row, household_ids).items():
                    if getattr(person, key) != value:
                        setattr(person, key, value)
            s.flush()
            done += len(chunk)
            progress.report(done, total, f"写入第{done}/{total}人")
        for row in rows:
            if row.action == NEW:
                new_people.append({"region_code": region, **_person_values(row, household_ids), "id": new_id()})
        for chunk in _chunks(new_people, 2000):
            changelog.bulk_insert(s, Person, chunk)
            done += len(chunk)
            progress.report(done, total, f"写入第{done}/{total}人")
        progress.check()  # a cancel pressed during the last step still rolls everything back


def _person_values(row: PlannedRow, household_ids: dict[str, str]) -> dict[str, Any]:
    values = dict(row.person_values)
    if row.region_code:
        values["region_code"] = row.region_code
    if row.household_ref:
        values["household_id"] = household_ids.get(row.household_ref, row.household_ref)
    return values


def _write_households(s, rows: list[PlannedRow], region: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Create the new households (one per key) and update existing ones; returns ref → household id."""
    ids: dict[str, str] = {}
    new_records = []
    existing_updates: dict[str, dict] = {}
    for row in rows:
        ref, values = row.household_ref, row.household_values
        if not ref or values is None:
            continue
        if ref.startswith("new:"):
            if ref not in ids:
                ids[ref] = new_id()
                new_records.append({**values, "id": ids[ref], "region_code": row.region_code or region})
        else:
            existing_updates.setdefault(ref, values)
    if new_records:
        changelog.bulk_insert(s, Household, new_records)
    for chunk in _chunks(list(existing_updates)):
        for household in s.scalars(select(Household).where(Household.id.in_(chunk))):
            for key, value in existing_updates[household.id].items():
                if getattr(household, key) != value:
                    setattr(household, key, value)
    return ids


# ---------------------------------------------------------------- the whole import

def import_roster(db: Database, path: Path | str, *, mapping: dict[str, str] | None = None,
                  mapping_name: str | None = None, dry_run: bool = False, error_report: Path | None = None,
                  today: dt.date | None = None, progress: Progress = NO_PROGRESS) -> ImportResult:
    """Read, plan and (unless ``dry_run``) write; the mapping used is remembered for this sheet layout."""
    hints = set(mapping or {}) | mappings.known_headers(db)
    sheet = read_sheet(path, known_headers=hints, progress=progress)
    chosen = mapping if mapping is not None else mappings.for_sheet(db, sheet, name=mapping_name)
    plan = plan_import(db, sheet, chosen, today=today, progress=progress)
    result = ImportResult(plan, applied=False)
    if error_report is not None and plan.error_rows:
        from fieldworker.excel.error_report import write_error_report

        result.error_report = write_error_report(plan, error_report)
    if dry_run:
        return result
    if plan.counts[NEW] or plan.counts[UPDATE]:
        if db.path.exists() and str(db.path) != ":memory:":
            result.backup = db.timestamped_backup("before-excel-import")
        apply_plan(db, plan, progress=progress)
    mappings.remember(db, sheet, plan.mapping)
    result.applied = True
    return result
