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


def _stage_label(kind: str, stage: str) -> str:
    try:
        definition = importlib.import_module("fieldworker.requests.definition")
        return str(definition.load(kind).stage_label(stage))
    except Exception:  # the requests area may be absent or its form file may not know this stage
        return stage


def requests_by_stage(db: Database) -> list[StageCount] | None:
    """Open and closed requests counted by kind and stage; None when requests are not installed."""
    if not _has_table(db, "requests"):
        return None
    sql = text("SELECT kind, stage, count(*) FROM requests WHERE deleted = 0 GROUP BY kind, stage "
               "ORDER BY kind, stage")
    with db.engine.connect() as conn:
        rows = conn.execute(sql).all()
    return [StageCount(kind, REQUEST_KINDS.get(kind, kind), stage, _stage_label(kind, stage), n)
            for kind, stage, n in rows]


@dataclass(frozen=True)
class SurveyProgress:
    year: int
    done: int
    total: int


def survey_progress(db: Database, year: int | None = None) -> SurveyProgress | None:
    """This year's survey: persons done out of persons to survey; None when the survey is not installed.

    Asks the survey area's own ``survey_progress(db, year)`` if it offers one, so the meaning of
    "done" stays with that area.
    """
    year = year or dt.date.today().year
    try:
        module = importlib.import_module("fieldworker.survey.progress")
    except ImportError:
        return None
    fn = getattr(module, "survey_progress", None)
    if fn is None:
        return None
    try:
        result = fn(db, year)
    except Exception:  # the survey tables may not be migrated in this database yet
        return None
    if result is None:
        return None
    if isinstance(result, SurveyProgress):
        return result
    done, total = (result["done"], result["total"]) if isinstance(result, dict) else result
    return SurveyProgress(year, int(done), int(total))
