"""Figures from other feature areas (requests by stage, survey progress), when they are installed.

The dashboard must work without them: each function returns None when the area's tables or
modules are absent, and the dashboard then shows "not available" instead of a figure.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

from sqlalchemy import inspect, text

from fieldworker.store.engine import Database

REQUEST_KINDS = {"renovation": "家庭无障碍改造", "device": "辅助器具"}


@dataclass(frozen=True)
class StageCount:
    kind: str
    kind_label: str
    stage: str
    stage_label: str
    count: int


def _has_table(db: Database, name: str) -> bool:
    return inspect(db.engine).has_table(name)


def _stage_info(kind: str, stage: str) -> tuple[int, str]:
    """(position in the workflow, label) of a stage, from the requests area's own definition."""
    try:
        workflow = importlib.import_module("fieldworker.requests.definition").load(kind)
        codes_ = [s.code for s in workflow.stages]
        return (codes_.index(stage) if stage in codes_ else len(codes_)), str(workflow.stage_label(stage))
    except Exception:  # the requests area may be absent or its form file may not know this stage
        return 999, stage


def requests_by_stage(db: Database) -> list[StageCount] | None:
    """Open and closed requests counted by kind and stage; None when requests are not installed."""
    if not _has_table(db, "requests"):
        return None
    sql = text("SELECT kind, stage, count(*) FROM requests WHERE deleted = 0 GROUP BY kind, stage "
               "ORDER BY kind, stage")
    with db.engine.connect() as conn:
        rows = conn.execute(sql).all()
    counted = [(kind, _stage_info(kind, stage), stage, n) for kind, stage, n in rows]
    counted.sort(key=lambda c: (c[0], c[1][0]))  # stages in workflow order, not alphabetical
    return [StageCount(kind, REQUEST_KINDS.get(kind, kind), stage, info[1], n) for kind, info, stage, n in counted]


@dataclass(frozen=True)
class SurveyProgress:
    year: int
    done: int
    total: int


def survey_progress(db: Database, year: int | None = None) -> SurveyProgress | None:
    """This year's survey: persons done (completed or submitted) of persons to survey.

    None when the survey area is not installed or its table is not in this database; the
    survey area's own ``overview`` decides what counts as done.
    """
    year = year or dt.date.today().year
    if not _has_table(db, "survey_records"):
        return None
    try:
        queries = importlib.import_module("fieldworker.survey.queries")
    except ImportError:
        return None
    data = queries.overview(db, year)
    return SurveyProgress(year, int(data["done"]), int(data["total"]))
