"""``fieldworker requests …`` end to end on a real database file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from fieldworker.cli import main
from fieldworker.requests import queries

from .conftest import jpeg


@pytest.fixture
def cli_db(demo_db, db_path):
    demo_db.close()
    return db_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_by_kind_and_stage(cli_db, capsys):
    code, out, _ = run(capsys, "--db", str(cli_db), "requests", "list", "--kind", "renovation", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 16 and {r["kind"] for r in rows} == {"renovation"}
    assert {"found", "applied", "assessed", "approved", "building", "accepted", "done", "cancelled"} == {r["stage"] for r in rows}
    code, out, _ = run(capsys, "--db", str(cli_db), "requests", "list", "--kind", "device", "--json")
    assert {r["stage"] for r in json.loads(out)} == {"registered", "assessed", "applied", "approved", "issued",
                                                     "followed_up", "cancelled"}  # the demo covers every stage
    code, out, _ = run(capsys, "--db", str(cli_db), "requests", "list", "--kind", "device", "--stage", "issued", "--json")
    issued = json.loads(out)
    assert code == 0 and issued and {r["stage"] for r in issued} == {"issued"}
    assert any(r["overdue"] for r in issued)


def test_unknown_stage_is_exit_1_and_bad_kind_exit_2(cli_db, capsys):
    code, _, err = run(capsys, "--db", str(cli_db), "requests", "list", "--kind", "device", "--stage", "built")
    assert code == 1 and "没有“built”这一阶段" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(cli_db), "requests", "list", "--kind", "house"])
    assert usage.value.code == 2


def test_full_device_request_from_the_command_line_and_print(cli_db, capsys, tmp_path):
    from fieldworker.store.engine import Database
    from fieldworker.store.models import Person
    from sqlalchemy import select

    with Database.open(cli_db) as db, db.session() as s:
        person = s.scalars(select(Person).where(Person.category == "2")).first()
    base = ["--db", str(cli_db), "requests"]
    code, out, _ = run(capsys, *base, "new", "--kind", "device", "--person", person.id, "--need", "听不清")
    request_id = out.strip()
    assert code == 0
    today = dt.date.today().isoformat()
    assert run(capsys, *base, "items", "--id", request_id, "--item", "D0401:1:2000")[0] == 0
    code, _, err = run(capsys, *base, "move", "--id", request_id, "--action", "apply",
                       "--set", f"applied_on={today}", "--set", "applicant=本人")
    assert code == 1 and "不能执行“提交申请”" in err
    assert run(capsys, *base, "move", "--id", request_id, "--action", "assess",
               "--set", f"assessed_on={today}", "--set", "assessor=县辅具中心")[0] == 0
    code, out, _ = run(capsys, *base, "move", "--id", request_id, "--action", "apply",
                       "--set", f"applied_on={today}", "--set", "applicant=本人")
    assert code == 0 and "已申请" in out
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg())
    assert run(capsys, *base, "photo", "--id", request_id, "--phase", "other", "--file", str(photo))[0] == 0
    out_pdf = tmp_path / "application.pdf"
    code, out, _ = run(capsys, *base, "print", "--id", request_id, "--form", "application", "--out", str(out_pdf))
    assert code == 0
    text = subprocess.run(["pdftotext", str(out_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "助听器" in text and person.name in text
    code, out, _ = run(capsys, *base, "show", "--id", request_id, "--json")
    shown = json.loads(out)
    assert [e["action"] for e in shown["events"]] == ["register", "assess", "apply"] and len(shown["photos"]) == 1


def test_cap_setting_from_the_command_line(cli_db, capsys):
    code, out, _ = run(capsys, "--db", str(cli_db), "requests", "cap", "--kind", "renovation", "--set", "6500")
    assert code == 0 and "6,500.00" in out
    with __import__("fieldworker.store.engine", fromlist=["Database"]).Database.open(cli_db) as db:
        assert db.get_setting("requests.renovation.cap_per_household") == 6500
        assert queries.list_requests(db, "renovation")
