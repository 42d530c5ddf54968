"""Figures from other areas appear only where their tables exist."""

from __future__ import annotations

from sqlalchemy import text

from fieldworker.dashboard import extras
from fieldworker.store.engine import Database


def test_requests_by_stage_counts_live_requests(tmp_path):
    db = Database.open(tmp_path / "r.db", migrate=False)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE requests (id TEXT, kind TEXT, stage TEXT, deleted BOOLEAN)"))
        conn.execute(text("INSERT INTO requests VALUES ('a','renovation','applied',0), ('b','renovation','applied',0),"
                          " ('c','renovation','applied',1), ('d','device','issued',0)"))
    counts = {(c.kind, c.stage): c.count for c in extras.requests_by_stage(db)}
    assert counts == {("renovation", "applied"): 2, ("device", "issued"): 1}
    assert {c.kind_label for c in extras.requests_by_stage(db)} == {"家庭无障碍改造", "辅助器具"}
    db.close()


def test_requests_by_stage_not_available_without_the_table(tmp_path):
    db = Database.open(tmp_path / "none.db", migrate=False)
    assert extras.requests_by_stage(db) is None
    db.close()


def test_survey_progress_agrees_with_the_survey_overview(demo_db):
    from fieldworker.survey import queries

    progress = extras.survey_progress(demo_db, 2025)
    overview = queries.overview(demo_db, 2025)
    assert (progress.done, progress.total) == (overview["done"], overview["total"])
    assert progress.done > 0


def test_survey_progress_not_available_without_the_table(tmp_path):
    db = Database.open(tmp_path / "none.db", migrate=False)
    assert extras.survey_progress(db, 2025) is None
    db.close()


def test_requests_by_stage_in_workflow_order(demo_db):
    from fieldworker.requests import definition

    counts = extras.requests_by_stage(demo_db)
    for kind in ("renovation", "device"):
        order = [s.code for s in definition.load(kind).stages]
        shown = [c.stage for c in counts if c.kind == kind]
        assert shown and shown == sorted(shown, key=order.index)
