"""What can be exported to Excel, by name: ``excel export WHAT --out FILE.xlsx``.

Built in: ``roster``, ``households``, ``dashboard`` (coverage against targets and every gap
list). Other areas add theirs through ``PROVIDER_MODULES``: a module exposing
``excel_exports() -> dict[name, Export]``; an area that is absent (not installed, or its
tables not in this database) contributes nothing, and asking for its export says so.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.excel.writer import DATE, ID, NUMBER, PERCENT, Column, SheetWriter, discard, new_workbook, save
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person

# Module paths of other areas' exports; each offers ``excel_exports()``.
PROVIDER_MODULES: list[str] = ["fieldworker.excel.area_exports"]


@dataclass(frozen=True)
class Export:
    name: str
    title: str  # Chinese, shown in lists
    write: Callable[..., int]  # (db, workbook, progress=..., **options) → rows written
    available: Callable[[Database], bool] = lambda _db: True
    unavailable_reason: str = ""


def _yes(value: object) -> str:
    return "是" if value else "否"


# ---------------------------------------------------------------- roster

ROSTER_COLUMNS = [
    Column("姓名", width=10), Column("性别", width=6), Column("民族", width=8), Column("出生日期", DATE),
    Column("身份证号", ID), Column("残疾人证号", ID, 24), Column("残疾类别"), Column("多重残疾类别"),
    Column("残疾等级", width=10), Column("与户主关系"), Column("户主姓名", width=10), Column("住址", width=24),
    Column("户籍类型"), Column("联系电话", width=14), Column("监护人", width=10), Column("监护人电话", width=14),
    Column("人员状态", width=10), Column("变动日期", DATE), Column("低保", width=6), Column("低保户", width=8),
    Column("特困供养"), Column("困难残疾人生活补贴"), Column("重度残疾人护理补贴"), Column("城乡居民养老保险"),
    Column("基本医疗保险"), Column("家庭医生签约"), Column("受教育状态"), Column("就业状态"),
    Column("住房状况"), Column("家庭人口数", NUMBER), Column("人均年收入（元）", NUMBER), Column("区划代码", width=15),
    Column("备注", width=20),
]


_PERSON_FIELDS = ("name", "gender", "ethnicity", "birth_date", "id_number", "card_number", "category",
                  "sub_categories", "grade", "relation_to_head", "phone", "guardian_name", "guardian_phone", "status",
                  "status_date", "dibao", "living_subsidy", "care_subsidy", "pension_insurance", "medical_insurance",
                  "family_doctor", "education_status", "employment_status", "region_code", "notes")
_HOUSEHOLD_FIELDS = ("id", "head_name", "address", "hukou_type", "dibao", "tekun", "housing_status", "members_count",
                     "income_per_capita")


def _roster_row(r) -> list:  # type: ignore[no-untyped-def]
    """One exported row from a joined person/household row (household columns prefixed ``h_``)."""
    has_home = r.h_id is not None
    subs = ",".join(codes.label(codes.SINGLE_CATEGORIES, c) for c in (r.sub_categories or "").split(",") if c)
    return [
        r.name, codes.label(codes.GENDER, r.gender), codes.label(codes.ETHNICITY, r.ethnicity), r.birth_date,
        r.id_number, r.card_number, codes.label(codes.DISABILITY_CATEGORY, r.category), subs,
        codes.label(codes.DISABILITY_GRADE, r.grade), codes.label(codes.RELATION_TO_HEAD, r.relation_to_head),
        r.h_head_name or "", r.h_address or "", codes.label(codes.HUKOU_TYPE, r.h_hukou_type) if has_home else "",
        r.phone, r.guardian_name, r.guardian_phone, codes.label(codes.PERSON_STATUS, r.status), r.status_date,
        _yes(r.dibao), _yes(r.h_dibao) if has_home else "", _yes(r.h_tekun) if has_home else "",
        _yes(r.living_subsidy), _yes(r.care_subsidy), codes.label(codes.PENSION_INSURANCE, r.pension_insurance),
        codes.label(codes.MEDICAL_INSURANCE, r.medical_insurance), _yes(r.family_doctor),
        codes.label(codes.EDUCATION_STATUS, r.education_status),
        codes.label(codes.EMPLOYMENT_STATUS, r.employment_status),
        codes.label(codes.HOUSING_STATUS, r.h_housing_status) if has_home else "",
        r.h_members_count, r.h_income_per_capita, r.region_code, r.notes,
    ]


def write_roster(db: Database, wb, *, progress: Progress = NO_PROGRESS, **_options) -> int:  # type: ignore[no-untyped-def]
    """Every person not deleted (all statuses), by region, address and name; rows streamed, not held."""
    writer = SheetWriter(wb, "残疾人名册", ROSTER_COLUMNS)
    live = Person.deleted.is_(False)
    columns = [getattr(Person, f) for f in _PERSON_FIELDS] + \
        [getattr(Household, f).label("h_" + f) for f in _HOUSEHOLD_FIELDS]
    query = (select(*columns).outerjoin(Household, Household.id == Person.household_id)
             .where(live).order_by(Person.region_code, Household.address, Person.name, Person.id))
    with db.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(Person).where(live)).scalar() or 0
        progress.report(0, total, "导出名册")
        for done, row in enumerate(conn.execution_options(yield_per=2000).execute(query), start=1):
            writer.append(_roster_row(row))
            if done % 2000 == 0:
                progress.report(done, total, f"导出名册 {done}/{total}")
        progress.report(total, total, "导出名册")
    return writer.rows


HOUSEHOLD_COLUMNS = [
    Column("户主姓名", width=10), Column("户主身份证号", ID), Column("住址", width=24), Column("户籍类型"),
    Column("家庭人口数", NUMBER), Column("联系电话", width=14), Column("人均年收入（元）", NUMBER), Column("低保户", width=8),
    Column("特困供养"), Column("住房状况"), Column("残疾人成员数", NUMBER), Column("区划代码", width=15),
    Column("备注", width=20),
]


def write_households(db: Database, wb, *, progress: Progress = NO_PROGRESS, **_options) -> int:  # type: ignore[no-untyped-def]
    from fieldworker.services import roster

    writer = SheetWriter(wb, "家庭户", HOUSEHOLD_COLUMNS)
    entries = roster.households(db)
    for done, entry in enumerate(entries, start=1):
        h = entry["household"]
        writer.append([h.head_name, h.head_id_number, h.address, codes.label(codes.HUKOU_TYPE, h.hukou_type),
                       h.members_count, h.phone, h.income_per_capita, _yes(h.dibao), _yes(h.tekun),
                       codes.label(codes.HOUSING_STATUS, h.housing_status), entry["disabled_members"],
                       h.region_code, h.notes])
        if done % 1000 == 0:
            progress.report(done, len(entries), "导出家庭户")
    return writer.rows


# ---------------------------------------------------------------- dashboard

def write_dashboard(db: Database, wb, *, progress: Progress = NO_PROGRESS, as_of: dt.date | None = None,  # type: ignore[no-untyped-def]
                    **_options) -> int:
    from fieldworker.dashboard.tables import write_dashboard_sheets

    return write_dashboard_sheets(db, wb, progress=progress, as_of=as_of)


BUILTIN: dict[str, Export] = {
    "roster": Export("roster", "残疾人名册", write_roster),
    "households": Export("households", "家庭户", write_households),
    "dashboard": Export("dashboard", "统计：覆盖率与应补尽补名单", write_dashboard),
}


def registry() -> dict[str, Export]:
    exports = dict(BUILTIN)
    for module_name in PROVIDER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        exports.update(module.excel_exports())
    return exports


def available(db: Database) -> dict[str, Export]:
    return {name: e for name, e in registry().items() if e.available(db)}


def export(db: Database, what: str, out: Path | str, *, progress: Progress = NO_PROGRESS, **options) -> int:  # type: ignore[no-untyped-def]
    """Write export ``what`` to ``out`` (.xlsx). Returns the number of data rows written."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("export_suffix", "导出文件名应以 .xlsx 结尾")
    exports = registry()
    if what not in exports:
        raise ValidationError("export_unknown", f"没有名为“{what}”的导出；可选：{'、'.join(exports)}")
    item = exports[what]
    if not item.available(db):
        raise ValidationError("export_unavailable", item.unavailable_reason or f"“{item.title}”在此数据库中不可用")
    wb = new_workbook()
    try:
        rows = item.write(db, wb, progress=progress, **options)
    except BaseException:
        discard(wb)
        raise
    save(wb, out)
    return rows
