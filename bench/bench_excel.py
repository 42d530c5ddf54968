#!/usr/bin/env python3
"""Excel at county scale: export 100k persons, import a 20k-row sheet — against bare openpyxl.

    python bench/bench_excel.py [--persons 100000] [--rows 20000] [--keep DIR]

Each measured step runs in its own child process, so its peak memory (ru_maxrss) is its own:
- ``export``: ``excel export roster`` (database query with households, code labels, formatted
  write-only sheet: frozen header, widths, IDs as text, dates as dates) of every person;
- ``bare-write``: openpyxl write-only writing the same number of rows and columns of plain
  values fetched with one SQL query (no labels, no formatting);
- ``import``: ``excel import`` of a district-style sheet (title rows, 20k persons) into an empty
  village database: header detection, parsing, full validation, households, one transaction;
- ``reimport``: the same sheet again (every row matched by 身份证号, nothing to write);
- ``bare-read``: openpyxl read-only iterating every cell of that sheet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTY_REGION = {"region_code": "330521000000", "name": "德清县", "county_name": "德清县"}
VILLAGE_REGION = {"region_code": "330521100201", "name": "城西村", "township_name": "武康街道", "county_name": "德清县"}


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: the latter survives exec and so
    would report the parent's peak (the parent holds the 100k-person set-up)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# ---------------------------------------------------------------- set-up (not measured)

def build_county(path: Path, persons: int) -> None:
    from fieldworker.services import demo, installation
    from fieldworker.store import changelog
    from fieldworker.store.engine import Database
    from fieldworker.store.models import Household, Person

    db = Database.open(path)
    installation.initialise(db, role="county", **COUNTY_REGION)
    rng = random.Random(7)
    used: set[str] = set()
    villages = [f"330521{t:03d}{v:03d}" for t in (100, 101, 102, 103, 104) for v in range(201, 221)]
    per_village = persons // len(villages)
    for index, village in enumerate(villages):
        count = per_village if index < len(villages) - 1 else persons - per_village * (len(villages) - 1)
        households, people = demo.person_records(rng, region_code=village, count=count,
                                                 reference=dt.date(2026, 7, 1), used_ids=used)
        with db.session() as s:
            changelog.bulk_insert(s, Household, households)
            changelog.bulk_insert(s, Person, people)
    db.close()


def build_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from fieldworker.domain import codes
    from fieldworker.services import demo

    rng = random.Random(11)
    _households, people = demo.person_records(rng, region_code=VILLAGE_REGION["region_code"], count=rows,
                                              reference=dt.date(2026, 7, 1), used_ids=set())
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["德清县持证残疾人花名册"])
    ws.append(["填报单位：武康街道", None, None, None, "填报日期：2026年5月"])
    ws.append(["序号", "姓名", "性别", "身份证号码", "残疾人证号", "残疾类别", "多重残疾类别", "残疾等级", "出生日期", "家庭住址",
               "户主姓名", "联系电话", "是否享受生活补贴", "护理补贴", "低保"])
    for number, p in enumerate(people, start=1):
        ws.append([number, p["name"], codes.GENDER[p["gender"]], p["id_number"], p["card_number"],
                   codes.DISABILITY_CATEGORY[p["category"]][:2],
                   "、".join(codes.SINGLE_CATEGORIES[c][:2] for c in p["sub_categories"].split(",") if c),
                   codes.DISABILITY_GRADE[p["grade"]], p["birth_date"],
                   f"{number % 30 + 1}组{number}号", p["name"], p["phone"], "是" if p["living_subsidy"] else "否",
                   "是" if p["care_subsidy"] else "否", "是" if p["dibao"] else "否"])
    wb.create_sheet("填表说明").append(["身份证号请用文本格式"])
    wb.save(path)


# ---------------------------------------------------------------- measured steps (each in a child)

def step_export(db_path: Path, out: Path) -> dict:
    from fieldworker.excel import exports
    from fieldworker.store.engine import Database

    db = Database.open(db_path)
    start = time.perf_counter()
    rows = exports.export(db, "roster", out)
    return {"rows": rows, "seconds": time.perf_counter() - start}


def step_bare_write(db_path: Path, out: Path) -> dict:
    import sqlite3

    from openpyxl import Workbook

    from fieldworker.excel.exports import ROSTER_COLUMNS

    start = time.perf_counter()
    conn = sqlite3.connect(db_path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("persons")
    ws.append([c.header for c in ROSTER_COLUMNS])
    width = len(ROSTER_COLUMNS)
    rows = 0
    query = ("SELECT p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.card_number, p.category,"
             " p.sub_categories, p.grade, p.relation_to_head, h.head_name, h.address, h.hukou_type, p.phone,"
             " p.guardian_name, p.guardian_phone, p.status, p.status_date, p.dibao, h.dibao, h.tekun,"
             " p.living_subsidy, p.care_subsidy, p.pension_insurance, p.medical_insurance, p.family_doctor,"
             " p.education_status, p.employment_status, h.housing_status, h.members_count,"
             " h.income_per_capita, p.region_code, p.notes"
             " FROM persons p LEFT JOIN households h ON h.id = p.household_id WHERE p.deleted = 0")
    for row in conn.execute(query):
        ws.append(list(row[:width]))
        rows += 1
    wb.save(out)
    return {"rows": rows, "seconds": time.perf_counter() - start}


def _village_db(path: Path):  # type: ignore[no-untyped-def]
    from fieldworker.services import installation
    from fieldworker.store.engine import Database

    db = Database.open(path)
    if installation.info(db) is None:
        installation.initialise(db, role="village", **VILLAGE_REGION)
    return db


def step_import(db_path: Path, sheet: Path) -> dict:
    from fieldworker.excel.roster_import import import_roster

    db = _village_db(db_path)
    start = time.perf_counter()
    result = import_roster(db, sheet)
    return {"counts": result.counts, "seconds": time.perf_counter() - start}


def step_bare_read(sheet: Path) -> dict:
    from openpyxl import load_workbook

    start = time.perf_counter()
    wb = load_workbook(sheet, read_only=True, data_only=True)
    rows = cells = 0
    for row in wb["花名册"].iter_rows(values_only=True):
        rows += 1
        cells += sum(1 for v in row if v is not None)
    wb.close()
    return {"rows": rows, "cells": cells, "seconds": time.perf_counter() - start}


STEPS = {"export": step_export, "bare-write": step_bare_write, "import": step_import, "reimport": step_import,
         "bare-read": step_bare_read}


def run_child(step: str, *args: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", step, *map(str, args)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, *paths = args.child
        import fieldworker.excel.exports  # noqa: F401  (libraries loaded before the baseline is taken)
        import fieldworker.excel.roster_import  # noqa: F401
        import openpyxl  # noqa: F401

        baseline = _peak_mb()
        result = STEPS[step](*map(Path, paths))
        result.update(peak_mb=round(_peak_mb(), 1), baseline_mb=round(baseline, 1))
        print(json.dumps(result, ensure_ascii=False))
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-excel-"))
    work.mkdir(parents=True, exist_ok=True)
    county, village, sheet = work / "county.db", work / "village.db", work / "roster-20k.xlsx"
    for stale in (county, village):
        for path in (stale, Path(f"{stale}-wal"), Path(f"{stale}-shm")):
            path.unlink(missing_ok=True)
    print(f"set-up: county database with {args.persons} persons, sheet with {args.rows} rows…", flush=True)
    build_county(county, args.persons)
    build_sheet(sheet, args.rows)

    results = {
        "export": run_child("export", county, work / "export.xlsx"),
        "bare-write": run_child("bare-write", county, work / "bare.xlsx"),
        "import": run_child("import", village, sheet),
        "reimport": run_child("reimport", village, sheet),
        "bare-read": run_child("bare-read", sheet),
    }
    print(f"\n{'step':<11}{'rows':>9}{'seconds':>10}{'rows/s':>10}{'peak MB':>10}{'+MB':>8}  note")
    notes = {
        "export": "fieldworker: roster export, formatted (labels, IDs as text, dates, frozen header)",
        "bare-write": "openpyxl write-only, plain values from one SQL query",
        "import": "fieldworker: 20k-row district sheet into an empty village, one transaction",
        "reimport": "the same sheet again: all rows unchanged, nothing written",
        "bare-read": "openpyxl read-only, every cell of the sheet",
    }
    for step, r in results.items():
        rows = r.get("rows") or sum(r.get("counts", {}).values())
        print(f"{step:<11}{rows:>9}{r['seconds']:>10.2f}{rows / r['seconds']:>10.0f}{r['peak_mb']:>10.1f}"
              f"{r['peak_mb'] - r['baseline_mb']:>8.1f}  {notes[step]}")
    print(f"\nimport counts: {results['import']['counts']}; re-import: {results['reimport']['counts']}")
    print(f"export / bare write: {results['export']['seconds'] / results['bare-write']['seconds']:.2f}×; "
          f"import / bare read: {results['import']['seconds'] / results['bare-read']['seconds']:.2f}×")
    import openpyxl

    print(f"peak MB: whole process; +MB: above the process after importing the libraries. "
          f"openpyxl {openpyxl.__version__}, lxml {'yes' if openpyxl.LXML else 'no'}")
    print(f"files in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
