"""``fieldworker excel …`` and ``stats --json`` on real database and .xlsx files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl

from fieldworker.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "excel"))
from excel_sheets import GOOD_A, GOOD_B, district_roster  # noqa: E402


def test_excel_import_dry_run_then_real(db, db_path, tmp_path, capsys):
    sheet = district_roster(tmp_path / "roster.xlsx")
    db.close()
    code = main(["--db", str(db_path), "excel", "import", str(sheet), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 1  # rows were rejected
    assert "预检（未写入）：新增3人" in out and "第9行 残疾证号（E列）" in out
    assert (tmp_path / "roster-错误报告.xlsx").exists()
    code = main(["--db", str(db_path), "excel", "import", str(sheet), "--save-mapping", "区里的表"])
    out = capsys.readouterr().out
    assert "已导入：新增3人" in out and "已保存列对应方案“区里的表”" in out
    code = main(["--db", str(db_path), "excel", "import", str(sheet), "--mapping", "区里的表"])
    assert "新增0人，更新0人，无变化3人" in capsys.readouterr().out


def test_excel_import_with_column_override(db, db_path, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.append(["名字", "公民号", "残疾类别", "残疾等级"])
    wb.active.append(["陈一", GOOD_A, "肢体", "二级"])
    wb.active.append(["陈二", GOOD_B, "肢体", "三级"])
    wb.save(tmp_path / "odd.xlsx")
    db.close()
    code = main(["--db", str(db_path), "excel", "import", str(tmp_path / "odd.xlsx"), "--map", "公民号=id_number"])
    assert code == 0, capsys.readouterr()
    assert "新增2人" in capsys.readouterr().out


def test_excel_export_and_refusals(demo_db, db_path, tmp_path, capsys):
    demo_db.close()
    assert main(["--db", str(db_path), "excel", "export", "roster", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert "已导出120行" in capsys.readouterr().out
    assert main(["--db", str(db_path), "excel", "export", "nothing", "--out", str(tmp_path / "r.xlsx")]) == 1
    assert "没有名为“nothing”的导出" in capsys.readouterr().err
    (tmp_path / "old.xls").write_bytes(b"x")
    assert main(["--db", str(db_path), "excel", "import", str(tmp_path / "old.xls")]) == 1
    assert "另存为" in capsys.readouterr().err


def test_stats_json_has_coverage_and_gap_counts(demo_db, db_path, capsys):
    demo_db.close()
    assert main(["--db", str(db_path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"persons", "by_category", "by_grade", "by_status"} <= set(data)
    assert data["persons"] == sum(data["by_category"].values())
    assert set(data["coverage"]) >= {"two_subsidies", "pension", "medical", "education", "zero_employment"}
    assert data["gap_counts"]["two_subsidies"] == data["coverage"]["two_subsidies"]["gaps"]
    two = data["coverage"]["two_subsidies"]
    assert two["eligible"] - two["covered"] == two["gaps"]
