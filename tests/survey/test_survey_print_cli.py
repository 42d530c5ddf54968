"""PDFs rendered for real (pdftotext, pdffonts, pdftoppm) and the survey CLI end to end."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from fieldworker.cli import main
from fieldworker.jobs import Cancelled, Progress
from fieldworker.store.models import Base
from fieldworker.survey import printing, service

TODAY = dt.date(2026, 11, 23)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_filled_form_pdf_has_the_name_ticks_and_an_embedded_font(db, person_id, full_answers, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = service.open_survey(db, person_id, 2026)
    service.complete(db, ctx, {**ctx.answers, **full_answers()}, method="2", surveyor="李红梅",
                     survey_date=dt.date(2026, 8, 3), today=TODAY)
    out = tmp_path / "one.pdf"
    result = printing.print_surveys(db, 2026, out, person_ids=[person_id])
    assert result == {"forms": 1, "pages": page_count(out)} and result["pages"] >= 2
    text = pdftotext(out)
    assert "王建国" in text and "被调查人（或监护人）签字" in text and "调查员签字" in text
    assert "德清县" in text and "城西村" in text and "2026-08-03" in text
    assert "（不适用）" in text  # e.g. 托养 for this person is not asked
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    wqy = [line for line in fonts.splitlines() if "WQY" in line or "WenQuanYi" in line]
    assert wqy and all(" yes " in line for line in wqy)  # embedded (subset) TrueType
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 5000


def test_blank_form_and_batch_for_pending_only(db, person_id, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blank = tmp_path / "blank.pdf"
    printing.print_surveys(db, 2019, blank, blank=True)
    text = pdftotext(blank)
    assert "R41" in text and "王建国" not in text and "______年____月____日" in text
    pending = tmp_path / "pending.pdf"
    assert printing.print_surveys(db, 2026, pending, only_pending=True)["forms"] == 1
    assert "王建国" in pdftotext(pending)
    service.save_draft(db, service.open_survey(db, person_id, 2026), {"survey_status": "6"}, today=TODAY)
    empty = tmp_path / "none.pdf"
    assert printing.print_surveys(db, 2026, empty, only_pending=True)["forms"] == 0


def test_cancelled_batch_leaves_no_file(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    progress = Progress(lambda done, total, _text: progress.cancel() if done == 3 else None)
    out = tmp_path / "cancel.pdf"
    with pytest.raises(Cancelled):
        printing.print_surveys(demo_db, 2026, out, progress=progress)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_migration_creates_the_survey_table_as_modelled(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "survey_records" in str(d)] == []
    with db.engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(survey_records)")}
    assert {"person_id", "year", "form_id", "form_version", "answers", "carried_over", "status"} <= columns


def run(capsys, *argv):  # type: ignore[no-untyped-def]
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_status_and_print(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "v.db"
    assert run(capsys, "--db", db, "demo", "--persons", "30", "--seed", "2")[0] == 0
    code, out, _ = run(capsys, "--db", db, "survey", "status", "--year", "2025", "--json")
    data = json.loads(out)
    assert code == 0 and data["total"] >= 29 and data["done"] + data["by_status"]["未调查"] + data["by_status"]["草稿"] == data["total"]
    assert all({"name", "checks"} <= set(p) for p in data["failed_checks"])
    pdf = tmp_path / "pending.pdf"
    code, out, _ = run(capsys, "--db", db, "survey", "print", "--year", "2026", "--only-pending", "--out", pdf)
    pending = json.loads(run(capsys, "--db", db, "survey", "status", "--year", "2026", "--json")[1])["by_status"]["未调查"]
    assert code == 0 and f"{pending} 份调查表" in out and page_count(pdf) >= pending
    code, _, err = run(capsys, "--db", db, "survey", "print", "--year", "2026", "--out", tmp_path / "x.txt")
    assert code == 1 and ".pdf" in err
    code, _, err = run(capsys, "--db", db, "survey", "status", "--year", "1999")
    assert code == 1 and "没有适用于1999年的调查表" in err


def test_cli_forms_check_reports_lines(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("form: x\nversion: 2024\ntitle: t\nsections:\n  - id: s\n    title: s\n    questions:\n"
                   "      - id: a\n        label: a\n        type: yesno\n        relevant: b == 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "forms", "check", bad)
    assert code == 1 and f"{bad}:11:19: 题目“a”的 relevant引用了不存在的题目或事实“b”" in out
    shipped = sorted((Path(__file__).resolve().parents[2] / "forms").glob("survey-*.yaml"))
    code, out, _ = run(capsys, "forms", "check", *shipped)
    assert code == 0 and out.count("通过") == len(shipped)
    with pytest.raises(SystemExit) as usage:
        main(["forms", "check"])
    assert usage.value.code == 2
