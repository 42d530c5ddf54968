"""Exports of other areas' records (requests; the yearly survey), offered only where they exist.

They read the tables through SQL, so the Excel export works whether or not those areas'
modules are importable, and says "not available" when their tables are absent.
"""

from __future__ import annotations

import importlib

from sqlalchemy import inspect, text

from fieldworker.excel.exports import Export
from fieldworker.excel.writer import DATE, ID, NUMBER, Column, SheetWriter
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.store.engine import Database

REQUEST_COLUMNS = [
    Column("编号", width=14), Column("类型", width=14), Column("阶段", width=12), Column("姓名/户主", width=10),
    Column("身份证号", ID), Column("住址", width=24), Column("申请日期", DATE), Column("本阶段起始", DATE),
    Column("办结日期", DATE), Column("需求", width=40), Column("预算（元）", NUMBER), Column("批准金额（元）", NUMBER),
    Column("来源", width=10), Column("备注", width=20),
]
KIND_TITLES = {"renovation": "家庭无障碍改造", "device": "辅助器具"}


def _has(db: Database, table: str) -> bool:
    return inspect(db.engine).has_table(table)


def _stage_label(kind: str, stage: str, cache: dict) -> str:
    if (kind, stage) not in cache:
        try:
            definition = importlib.import_module("fieldworker.requests.definition")
            cache[(kind, stage)] = definition.load(kind).stage_label(stage)
        except Exception:  # the requests area or its form file may be absent
            cache[(kind, stage)] = stage
    return cache[(kind, stage)]


def _date(value):  # type: ignore[no-untyped-def]
    import datetime as dt

    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def _yuan(fen: object) -> float | None:
    return None if fen is None else round(int(fen) / 100, 2)  # type: ignore[call-overload]


def _requests_writer(kind: str):  # type: ignore[no-untyped-def]
    def write(db: Database, wb, *, progress: Progress = NO_PROGRESS, **_options) -> int:  # type: ignore[no-untyped-def]
        sql = text(
            "SELECT r.number, r.kind, r.stage, COALESCE(p.name, h.head_name), COALESCE(p.id_number, h.head_id_number),"
            " COALESCE(h.address, ph.address), r.opened_on, r.stage_since, r.closed_on, r.need, r.estimated_fen,"
            " r.approved_fen, r.source, r.note FROM requests r"
            " LEFT JOIN persons p ON p.id = r.person_id"
            " LEFT JOIN households h ON h.id = r.household_id"
            " LEFT JOIN households ph ON ph.id = p.household_id"
            " WHERE r.deleted = 0 AND r.kind = :kind ORDER BY r.opened_on, r.number")
        writer = SheetWriter(wb, KIND_TITLES[kind], REQUEST_COLUMNS)
        cache: dict = {}
        with db.engine.connect() as conn:
            for row in conn.execute(sql, {"kind": kind}):
                writer.append([row[0], KIND_TITLES[kind], _stage_label(kind, row[2], cache), row[3], row[4], row[5],
                               _date(row[6]), _date(row[7]), _date(row[8]), row[9], _yuan(row[10]), _yuan(row[11]),
                               row[12], row[13]])
        progress.report(writer.rows, writer.rows, KIND_TITLES[kind])
        return writer.rows
    return write


def _answer_text(question, value) -> object:  # type: ignore[no-untyped-def]
    if value is None or value == "" or value == []:
        return None
    if question is not None and question.is_choice:
        codes_ = value if isinstance(value, list) else [value]
        return "、".join((question.choice(str(c)).label if question.choice(str(c)) else str(c)) for c in codes_)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return value


def write_survey(db: Database, wb, *, progress: Progress = NO_PROGRESS, year: int | None = None,  # type: ignore[no-untyped-def]
                 **_options) -> int:
    """One row per survey record of the year: who, status, how, then every question's answer as a label."""
    import datetime as dt
    import json

    from fieldworker.survey import forms
    from fieldworker.survey.models import METHOD_LABELS, STATUS_LABELS

    year = year or dt.date.today().year
    form = forms.form_for_year(year)
    questions = list(form.questions())
    columns = [Column("姓名", width=10), Column("身份证号", ID), Column("住址", width=20), Column("调查状态", width=10),
               Column("调查方式", width=10), Column("调查员", width=10), Column("调查日期", DATE),
               *[Column(q.title[:60], width=16) for q in questions]]
    writer = SheetWriter(wb, f"{year}年动态更新调查", columns)
    sql = text("SELECT p.name, p.id_number, h.address, r.status, r.method, r.surveyor, r.survey_date, r.answers,"
               " r.form_id, r.form_version FROM survey_records r JOIN persons p ON p.id = r.person_id"
               " LEFT JOIN households h ON h.id = p.household_id"
               " WHERE r.deleted = 0 AND r.year = :year ORDER BY h.address, p.name")
    with db.engine.connect() as conn:
        records = conn.execute(sql, {"year": year}).all()
    for done, r in enumerate(records, start=1):
        answers = json.loads(r.answers or "{}")
        edition = form
        if (r.form_id, r.form_version) != (form.id, form.version):
            try:
                edition = forms.edition(r.form_id, r.form_version)
            except Exception:  # an edition no longer shipped: labels fall back to codes
                edition = form
        values = [_answer_text(edition.question(q.id) if edition.has_question(q.id) else None, answers.get(q.id))
                  for q in questions]
        writer.append([r.name, r.id_number, r.address, STATUS_LABELS.get(r.status, r.status),
                       METHOD_LABELS.get(r.method, r.method), r.surveyor, _date(r.survey_date), *values])
        if done % 500 == 0:
            progress.report(done, len(records), "导出调查结果")
    return writer.rows


def _survey_installed(db: Database) -> bool:
    try:
        importlib.import_module("fieldworker.survey.forms")
    except ImportError:
        return False
    return _has(db, "survey_records")


def excel_exports() -> dict[str, Export]:
    reason = "此数据库中还没有申请记录表（申请功能未安装或未升级）"
    exports = {
        "renovation": Export("renovation", "家庭无障碍改造申请", _requests_writer("renovation"),
                             lambda db: _has(db, "requests"), reason),
        "devices": Export("devices", "辅助器具申请", _requests_writer("device"),
                          lambda db: _has(db, "requests"), reason),
    }
    exports["survey"] = Export("survey", "动态更新调查结果（按年度）", write_survey, _survey_installed,
                               "此数据库中还没有调查记录表（调查功能未安装或未升级），无法导出调查结果")
    return exports
