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
    Column("户籍类型"), Column("联系电话", ID, 14), Column("监护人", width=10), Column("监护人电话", ID, 14),
    Column("人员状态", width=10), Column("变动日期", DATE), Column("低保", width=6), Column("低保户", width=8),
    Column("特困供养"), Column("困难残疾人生活补贴"), Column("重度残疾人护理补贴"), Column("城乡居民养老保险"),
    Column("基本医疗保险"), Column("家庭医生签约"), Column("受教育状态"), Column("就业状态"),
    Column("住房状况"), Column("家庭人口数", NUMBER), Column("人均年收入（元）", NUMBER), Column("区划代码", ID, 15),
    Column("备注", width=20),
]


def _roster_row(p: Person, h: Household | None) -> list:
    subs = ",".join(codes.label(codes.SINGLE_CATEGORIES, c) for c in p.sub_categories.split(",") if c)
    return [
        p.name, codes.label(codes.GENDER, p.gender), codes.label(codes.ETHNICITY, p.ethnicity), p.birth_date,
        p.id_number, p.card_number, codes.label(codes.DISABILITY_CATEGORY, p.category), subs,
        codes.label(codes.DISABILITY_GRADE, p.grade), codes.label(codes.RELATION_TO_HEAD, p.relation_to_head),
        h.head_name if h else "", h.address if h else "", codes.label(codes.HUKOU_TYPE, h.hukou_type) if h else "",
        p.phone, p.guardian_name, p.guardian_phone, codes.label(codes.PERSON_STATUS, p.status), p.status_date,
        _yes(p.dibao), _yes(h.dibao) if h else "", _yes(h.tekun) if h else "", _yes(p.living_subsidy),
        _yes(p.care_subsidy), codes.label(codes.PENSION_INSURANCE, p.pension_insurance),
        codes.label(codes.MEDICAL_INSURANCE, p.medical_insurance), _yes(p.family_doctor),
        codes.label(codes.EDUCATION_STATUS, p.education_status),
        codes.label(codes.EMPLOYMENT_STATUS, p.employment_status),
        codes.label(codes.HOUSING_STATUS, h.housing_status) if h else "", h.members_count if h else None,
        h.income_per_capita if h else None, p.region_code, p.notes,
    ]


def write_roster(db: Database, wb, *, progress: Progress = NO_PROGRESS, **_options) -> int:  # type: ignore[no-untyped-def]
    """Every person not deleted (all statuses), by region, address and name."""
    writer = SheetWriter(wb, "残疾人名册", ROSTER_COLUMNS)
    live = Person.deleted.is_(False)
    query = (select(Person, Household).outerjoin(Household, Household.id == Person.household_id)
             .where(live).order_by(Person.region_code, Household.address, Person.name, Person.id))
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(Person).where(live)) or 0
        progress.report(0, total, "导出名册")
        for done, (person, household) in enumerate(s.execute(query.execution_options(yield_per=2000)), start=1):
            writer.append(_roster_row(person, household))
            if done % 2000 == 0:
                progress.report(done, total, f"导出名册 {done}/{total}")
                s.expunge_all()  # keep memory flat on a county's 100k persons
        progress.report(total, total, "导出名册")
    return writer.rows


HOUSEHOLD_COLUMNS = [
    Column("户主姓名", width=10), Column("户主身份证号", ID), Column("住址", width=24), Column("户籍类型"),
    Column("家庭人口数", NUMBER), Column("联系电话", ID, 14), Column("人均年收入（元）", NUMBER), Column("低保户", width=8),
    Column("特困供养"), Column("住房状况"), Column("残疾人成员数", NUMBER), Column("区划代码", ID, 15),
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
