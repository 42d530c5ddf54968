import json
import subprocess
import sys

import pytest

from fieldworker.cli import main

GOOD_ID = "11010519491231002X"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_stats_on_an_empty_village(capsys, tmp_path):
    db = str(tmp_path / "v.db")
    code, out, _ = run(capsys, "--db", db, "init", "--region", "330521100201", "--name", "城西村")
    assert code == 0 and "城西村" in out
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    assert code == 0 and json.loads(out)["persons"] == 0


def test_init_refuses_a_bad_region_code_with_a_chinese_reason(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "v.db"), "init", "--region", "3305", "--name", "x")
    assert code == 1 and "区划代码" in err


def test_demo_is_deterministic_for_a_seed(capsys, tmp_path):
    outputs = []
    for name in ("a.db", "b.db"):
        db = str(tmp_path / name)
        assert run(capsys, "--db", db, "demo", "--persons", "40", "--seed", "5")[0] == 0
        outputs.append(json.loads(run(capsys, "--db", db, "stats", "--json")[1]))
    assert outputs[0] == outputs[1]
    other = str(tmp_path / "c.db")
    run(capsys, "--db", other, "demo", "--persons", "40", "--seed", "6")
    assert json.loads(run(capsys, "--db", other, "stats", "--json")[1]) != outputs[0]


def test_stats_json_counts_match_the_demo(capsys, tmp_path):
    db = str(tmp_path / "v.db")
    run(capsys, "--db", db, "demo", "--persons", "60")
    data = json.loads(run(capsys, "--db", db, "stats", "--json")[1])
    assert data["persons"] == sum(data["by_category"].values()) == sum(data["by_grade"].values())
    assert data["by_status"]["在册"] == data["persons"]
    assert sum(data["by_status"].values()) == 60


def test_check_id_prints_decoded_fields_and_exits_by_validity(capsys):
    code, out, _ = run(capsys, "check-id", GOOD_ID, GOOD_ID + "41")
    assert code == 0
    assert "出生日期 1949-12-31" in out and "性别 女" in out and "肢体残疾" in out and "一级" in out
    code, out, _ = run(capsys, "check-id", GOOD_ID, "110105194912310021", "123")
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 3 and "校验位" in lines[1] and "18位" in lines[2]


def test_stats_on_a_missing_database_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "stats")
    assert code == 1 and "数据库不存在" in err
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("argv", [["bogus"], ["demo", "--persons", "0"], ["check-id"]])
def test_usage_errors_exit_2(argv):
    result = subprocess.run([sys.executable, "-m", "fieldworker", *argv], capture_output=True, text=True)
    assert result.returncode == 2
