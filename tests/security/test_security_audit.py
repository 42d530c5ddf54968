"""The audit trail: entries written, filtered by person, account and date, exported."""

import csv
import datetime as dt

from fieldworker.security import audit, vault


def test_view_print_export_entries_are_recorded_and_filtered(secure_db, person, db_path, tmp_path):
    audit.record(secure_db, audit.VIEW, person.id, "打开人员详情")
    audit.record(secure_db, audit.PRINT, person.id, "残疾人基本情况表")
    audit.record(secure_db, audit.EXPORT, "花名册.xlsx", "15 人")
    vault.add_account(secure_db, name="李", password="Li-password-26", role="worker")
    secure_db.close()
    other = vault.sign_in(db_path, password="Li-password-26")
    audit.record(other, audit.VIEW, person.id)

    by_name = audit.query(other, audit.AuditFilter(person=person.name))
    assert [(r.action, r.account) for r in by_name] == [("view", "李"), ("print", "王主任"), ("view", "王主任")]
    assert all(r.person_name == person.name for r in by_name)
    assert [r.action for r in audit.query(other, audit.AuditFilter(person=person.id_number[-6:]))][:1] == ["view"]
    assert {r.action for r in audit.query(other, audit.AuditFilter(account="王主任"))} >= {"view", "print", "export"}
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert audit.query(other, audit.AuditFilter(since=tomorrow)) == []
    assert len(audit.query(other, audit.AuditFilter(until=dt.date.today(), action=audit.VIEW))) == 2

    out = tmp_path / "audit.csv"
    assert audit.export_csv(other, out, audit.AuditFilter(person=person.name)) == 3
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["时间", "账户", "操作"] and rows[1][2] == "查看" and rows[1][4] == person.name
    assert audit.query(other, limit=1)[0].action == audit.EXPORT  # the export itself is recorded
    other.close()


def test_sign_in_is_recorded(secure_db, db_path):
    secure_db.close()
    db = vault.sign_in(db_path, password="Cunwei-Secret-2026")
    assert audit.query(db, limit=1)[0].action == audit.SIGN_IN
    db.close()
