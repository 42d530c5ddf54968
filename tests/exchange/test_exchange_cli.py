"""The exchange commands as a township and a village would type them; exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fieldworker.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_village_to_township_by_command_line(capsys, tmp_path):
    v, t, usb = tmp_path / "v.db", tmp_path / "t.db", tmp_path / "usb"
    usb.mkdir()
    assert run(capsys, "--db", v, "init", "--region", "330521100201", "--name", "城西村")[0] == 0
    assert run(capsys, "--db", v, "demo", "--persons", "20", "--seed", "2")[0] == 0
    code, out, _ = run(capsys, "--db", t, "init", "--role", "township", "--region", "330521100000", "--name", "武康街道")
    assert code == 0 and "设备密钥指纹" in out
    code, out, _ = run(capsys, "--db", t, "keys", "show", "--json")
    township_fp = json.loads(out)["fingerprint"]
    assert run(capsys, "--db", t, "keys", "export", "--out", tmp_path / "township.fwkey")[0] == 0
    code, _, err = run(capsys, "--db", v, "keys", "trust", tmp_path / "township.fwkey", "--fingerprint", "1234")
    assert code == 1 and "指纹不一致" in err
    assert run(capsys, "--db", v, "keys", "trust", tmp_path / "township.fwkey", "--fingerprint", township_fp)[0] == 0
    code, out, _ = run(capsys, "--db", v, "export", "--to", usb)
    assert code == 0 and "增量数据包" in out
    (package,) = usb.glob("*.fwpkg")

    code, _, err = run(capsys, "--db", t, "import", package)
    assert code == 1 and "未知发送方" in err  # the township has not compared the village's fingerprint yet
    village_fp = json.loads(run(capsys, "--db", v, "keys", "show", "--json")[1])["fingerprint"]
    assert run(capsys, "--db", t, "keys", "trust", package, "--fingerprint", village_fp)[0] == 0
    code, out, _ = run(capsys, "--db", t, "import", "--dry-run", usb)
    assert code == 0 and "预览" in out
    code, out, _ = run(capsys, "--db", t, "import", "--json", usb)
    report = json.loads(out)
    assert code == 0 and report["packages"][0]["by_region"]["330521100201"]["new"] >= 20
    code, _, err = run(capsys, "--db", t, "import", package)
    assert code == 1 and "导入过" in err
    code, out, _ = run(capsys, "--db", t, "conflicts", "list", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "--db", t, "export", "--to", usb, "--for", "330521100201")
    assert code == 0
    code, out, _ = run(capsys, "--db", v, "import", usb)  # the stick also holds its own package: skipped
    assert code == 0 and "跳过" in out
    code, out, _ = run(capsys, "--db", t, "exchange-status", "--json")
    assert json.loads(out)[0]["unacknowledged"] == 1


def test_usage_errors_exit_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "fieldworker", "--db", str(tmp_path / "x.db"), "export"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--to" in done.stderr


@pytest.mark.parametrize("argv", [["keys"], ["conflicts", "list", "--bogus"]])
def test_more_usage_errors_exit_2(tmp_path, argv):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(tmp_path / "x.db"), *argv])
    assert exit_.value.code == 2
