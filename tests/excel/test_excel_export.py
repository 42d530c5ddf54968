"""Exports: formatting read back with openpyxl, content read by LibreOffice as an independent reader."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from fieldworker.dashboard.coverage import coverage
from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.excel import exports
from fieldworker.excel.roster_import import NEW, UNCHANGED, import_roster
from fieldworker.jobs import Progress
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def libreoffice_csv(xlsx: Path, out_dir: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``xlsx`` as LibreOffice reads it (one CSV per sheet), keyed by sheet name."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui")
    profile = out_dir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", CSV_FILTER,
                    "--outdir", str(out_dir), str(xlsx)], check=True, capture_output=True, timeout=120)
    sheets = {}
    for path in out_dir.glob(f"{xlsx.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem[len(xlsx.stem) + 1:]] = list(csv.reader(handle))
    return sheets


def test_roster_export_formatting(demo_db, tmp_path):
    out = tmp_path / "名册.xlsx"
    reports = []
    rows = exports.export(demo_db, "roster", out, progress=Progress(lambda d, t, s: reports.append((d, t))))
    assert rows == 120 and reports[-1] == (120, 120)
    wb = openpyxl.load_workbook(out)
    ws = wb["残疾人名册"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["姓名", "性别", "民族", "出生日期", "身份证号", "残疾人证号"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    id_col = header.index("身份证号") + 1
    cell = ws.cell(row=2, column=id_col)
    assert cell.data_type == "s" and cell.number_format == "@" and len(cell.value) == 18
    assert ws.column_dimensions["E"].width == 22
    assert isinstance(ws.cell(row=2, column=4).value, dt.datetime)
    assert ws.cell(row=2, column=4).number_format == "yyyy-mm-dd"


def test_roster_export_read_by_libreoffice_matches_database(demo_db, tmp_path):
    out = tmp_path / "roster.xlsx"
    exports.export(demo_db, "roster", out)
    sheets = libreoffice_csv(out, tmp_path)
    table = sheets["残疾人名册"]
    header, body = table[0], table[1:]
    assert len(body) == 120
    col = {name: header.index(name) for name in ("姓名", "身份证号", "残疾人证号", "残疾类别", "出生日期", "人员状态")}
    with demo_db.session() as s:
        people = {p.id_number: p for p in s.scalars(select(Person).where(Person.deleted.is_(False)))}
    seen = set()
    for row in body:
        person = people[row[col["身份证号"]]]  # all 18 characters survived, as text
        seen.add(person.id_number)
        assert row[col["姓名"]] == person.name
        assert row[col["残疾人证号"]] == person.card_number
        assert row[col["残疾类别"]] == codes.label(codes.DISABILITY_CATEGORY, person.category)
        assert row[col["出生日期"]] == person.birth_date.isoformat()
        assert row[col["人员状态"]] == codes.label(codes.PERSON_STATUS, person.status)
    assert seen == set(people)


def test_dashboard_export_read_by_libreoffice(demo_db, tmp_path):
    out = tmp_path / "dash.xlsx"
    as_of = dt.date(2026, 7, 1)
    exports.export(demo_db, "dashboard", out, as_of=as_of)
    sheets = libreoffice_csv(out, tmp_path)
    cov = coverage(demo_db, as_of=as_of)
    figures = sheets["覆盖率"]
    assert figures[0][0].startswith("覆盖率与目标") and figures[1][:3] == ["范围", "指标", "目标"]
    by_title = {row[1]: row for row in figures[2:] if row[0] == "合计"}
    for fig in cov.total:
        row = by_title[fig.title]
        assert (int(row[3]), int(row[4])) == (fig.eligible, fig.covered)
        assert row[8] == ("未达标" if fig.short else ("—" if fig.target is None or fig.rate is None else "达标"))
    two = cov.figure("two_subsidies")
    gap_sheet = sheets["名单-两项补贴覆盖率"]
    assert [r[2] for r in gap_sheet[2:]] == [g.id_number for g in two.gaps]


def test_export_then_import_into_a_new_database_reproduces_the_roster(demo_db, tmp_path):
    out = tmp_path / "roster.xlsx"
    exports.export(demo_db, "roster", out)
    fresh = Database.open(tmp_path / "fresh.db")
    info = installation.require(demo_db)
    installation.initialise(fresh, region_code=info.region_code, name=info.region_name)
    result = import_roster(fresh, out, today=dt.date(2026, 7, 1))
    assert result.counts[NEW] == 120 and result.plan.problems == []
    fields = ("name", "gender", "ethnicity", "birth_date", "card_number", "category", "sub_categories", "grade",
              "relation_to_head", "phone", "guardian_name", "status", "status_date", "living_subsidy",
              "care_subsidy", "dibao", "pension_insurance", "medical_insurance", "family_doctor",
              "education_status", "employment_status")

    def snapshot(db):  # type: ignore[no-untyped-def]
        with db.session() as s:
            people = {p.id_number: tuple(getattr(p, f) for f in fields) for p in s.scalars(select(Person))}
            homes = sorted((h.head_name, h.address, h.dibao, h.tekun, h.housing_status, h.members_count)
                           for h in s.scalars(select(Household)))
        return people, homes

    assert snapshot(fresh) == snapshot(demo_db)
    assert import_roster(fresh, out).counts[UNCHANGED] == 120
    fresh.close()


def test_households_export(demo_db, tmp_path):
    rows = exports.export(demo_db, "households", tmp_path / "h.xlsx")
    with demo_db.session() as s:
        assert rows == len(s.scalars(select(Household)).all())


def test_unknown_and_unavailable_exports_refused(demo_db, tmp_path):
    with pytest.raises(ValidationError) as info:
        exports.export(demo_db, "nothing", tmp_path / "x.xlsx")
    assert "roster" in info.value.message
    with pytest.raises(ValidationError):
        exports.export(demo_db, "roster", tmp_path / "x.xls")
    for name, item in exports.registry().items():
        if not item.available(demo_db):
            with pytest.raises(ValidationError) as info:
                exports.export(demo_db, name, tmp_path / f"{name}.xlsx")
            assert info.value.message == item.unavailable_reason
            assert not (tmp_path / f"{name}.xlsx").exists()


def test_cancelled_export_leaves_no_file(demo_db, tmp_path):
    from fieldworker.jobs import Cancelled

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        exports.export(demo_db, "roster", tmp_path / "r.xlsx", progress=progress)
    assert list(tmp_path.glob("*.xlsx")) == []


def test_survey_results_export_of_a_year(demo_db, tmp_path):
    from sqlalchemy import text

    year = 2025
    with demo_db.engine.connect() as conn:
        expected = conn.execute(text("SELECT count(*) FROM survey_records WHERE deleted = 0 AND year = :y"),
                                {"y": year}).scalar()
    assert expected > 0  # the demo village has last year's survey
    rows = exports.export(demo_db, "survey", tmp_path / "s.xlsx", year=year)
    assert rows == expected
    sheets = libreoffice_csv(tmp_path / "s.xlsx", tmp_path)
    table = sheets[f"{year}年动态更新调查"]
    assert table[0][:4] == ["姓名", "身份证号", "住址", "调查状态"] and len(table) == expected + 1
    assert all(len(r[1]) == 18 for r in table[1:])


def test_requests_export(demo_db, tmp_path):
    from sqlalchemy import text

    with demo_db.engine.connect() as conn:
        expected = conn.execute(text("SELECT count(*) FROM requests WHERE deleted = 0 AND kind = 'renovation'")).scalar()
    assert exports.export(demo_db, "renovation", tmp_path / "r.xlsx") == expected
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert [c.value for c in ws[1]][:3] == ["编号", "类型", "阶段"]
