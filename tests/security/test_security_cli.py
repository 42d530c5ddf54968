"""The CLI reaches the encrypted database with the password from the environment or the terminal."""

import json
import os
import subprocess
import sys

from fieldworker.cli import main
from fieldworker.security import passwords, vault
from fieldworker.store.engine import Database, is_encrypted_database

PASSWORD = os.environ["FIELDWORKER_PASSWORD"]  # set for the whole suite in tests/conftest.py


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli(*argv, env_update=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_update or {})
    return subprocess.run([sys.executable, "-m", "fieldworker", *argv], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


def test_init_creates_an_encrypted_database_and_prints_a_recovery_key_once(capsys, tmp_path):
    db = tmp_path / "v.db"
    code, out, err = run(capsys, "--db", str(db), "init", "--region", "330521100201", "--name", "城西村")
    assert code == 0 and "城西村" in out and "恢复密钥" in err
    assert is_encrypted_database(db) and b"\xe5\x9f\x8e\xe8\xa5\xbf" not in db.read_bytes()  # 城西
    code, out, err = run(capsys, "--db", str(db), "stats", "--json")
    assert code == 0 and json.loads(out)["persons"] == 0 and "恢复密钥" not in err


def test_wrong_or_missing_password_is_refused(tmp_path):
    db = tmp_path / "v.db"
    assert cli("--db", str(db), "demo", "--persons", "5").returncode == 0
    wrong = cli("--db", str(db), "stats", env_update={"FIELDWORKER_PASSWORD": "Not-The-Password-1"})
    assert wrong.returncode == 1 and "密码错误" in wrong.stderr
    missing = cli("--db", str(db), "stats", drop=("FIELDWORKER_PASSWORD",))
    assert missing.returncode == 1 and "FIELDWORKER_PASSWORD" in missing.stderr


def test_demo_without_a_password_uses_the_documented_demo_password(tmp_path):
    db = tmp_path / "demo.db"
    result = cli("--db", str(db), "demo", "--persons", "5", drop=("FIELDWORKER_PASSWORD",))
    assert result.returncode == 0, result.stderr
    assert vault.is_demo(db)
    vault.sign_in(db, password=passwords.DEMO_PASSWORD).close()


def test_plain_databases_from_colleagues_still_open_without_a_password(capsys, db):
    code, out, _ = run(capsys, "--db", str(db.path), "stats", "--json")
    assert code == 0 and json.loads(out)["persons"] == 0


def test_encrypt_backup_check_audit_and_restore_through_the_cli(capsys, tmp_path):
    path = tmp_path / "v.db"
    plain = Database.open(path)
    from fieldworker.services import demo
    demo.generate(plain, persons=12, seed=2)
    plain.close()
    assert run(capsys, "--db", str(path), "security", "encrypt")[0] == 0
    assert is_encrypted_database(path)
    code, out, _ = run(capsys, "--db", str(path), "security", "backup", "--to", str(tmp_path / "usb"))
    assert code == 0 and "已备份并校验" in out
    backup = next((tmp_path / "usb").glob("*.db"))
    code, out, _ = run(capsys, "--db", str(path), "security", "check")
    assert code == 0 and "完好（12 人）" in out
    code, out, _ = run(capsys, "--db", str(path), "security", "restore", str(backup))
    assert code == 0 and "原数据库另存为" in out
    code, out, _ = run(capsys, "--db", str(path), "security", "audit")
    assert code == 0 and "恢复" in out and "备份" in out and "加密数据库" in out
    code, out, _ = run(capsys, "--db", str(path), "security", "status")
    assert code == 0 and "已加密" in out and "管理员" in out


def test_forgotten_password_recovered_with_the_recovery_key(capsys, tmp_path):
    path = tmp_path / "v.db"
    code, _, err = run(capsys, "--db", str(path), "demo", "--persons", "5")
    recovery_key = err.split("：")[-1].strip()
    env = {"FIELDWORKER_RECOVERY_KEY": recovery_key, "FIELDWORKER_NEW_PASSWORD": "Recovered-Pass-7"}
    result = cli("--db", str(path), "security", "recover", "--account", "管理员", env_update=env)
    assert result.returncode == 0, result.stderr
    ok = cli("--db", str(path), "stats", env_update={"FIELDWORKER_PASSWORD": "Recovered-Pass-7"})
    assert ok.returncode == 0, ok.stderr


def test_cli_exports_are_recorded_in_the_audit_trail(capsys, tmp_path):
    from fieldworker.excel import exports
    from fieldworker.security import audit

    path = tmp_path / "v.db"
    assert run(capsys, "--db", str(path), "demo", "--persons", "6")[0] == 0
    what = next(iter(exports.registry()))
    code, _, err = run(capsys, "--db", str(path), "excel", "export", what, "--out", str(tmp_path / "out.xlsx"))
    assert code == 0, err
    db = vault.sign_in(path, password=PASSWORD)
    entries = audit.query(db, audit.AuditFilter(action=audit.EXPORT))
    db.close()
    assert len(entries) == 1 and entries[0].subject == "excel export" and "out.xlsx" in entries[0].detail
