"""The audit trail: who viewed, printed, exported or imported which personal data, and when.

Feature areas call ``record(db, action, subject, detail)`` at the point where personal data
is shown or leaves the laptop; ``subject`` is the person's id when one person is concerned.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select

from fieldworker.security.models import AuditEntry
from fieldworker.store.engine import Database
from fieldworker.store.models import Person, utcnow

VIEW, PRINT, EXPORT, IMPORT = "view", "print", "export", "import"
SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, LOCK, UNLOCK = "sign_in", "sign_in_failed", "sign_out", "lock", "unlock"
BACKUP, RESTORE, ACCOUNT, KEYS, ENCRYPT = "backup", "restore", "account", "keys", "encrypt"

ACTION_LABELS = {
    VIEW: "查看", PRINT: "打印", EXPORT: "导出", IMPORT: "导入", SIGN_IN: "登录", SIGN_IN_FAILED: "登录失败",
    SIGN_OUT: "退出", LOCK: "锁定", UNLOCK: "解锁", BACKUP: "备份", RESTORE: "恢复", ACCOUNT: "账户管理",
    KEYS: "密钥管理", ENCRYPT: "加密数据库",
}


def record(db: Database, action: str, subject: str = "", detail: str = "") -> None:
    """Append one entry in its own transaction (an audit line must not depend on the caller's)."""
    with db.session() as s:
        s.add(AuditEntry(at=utcnow(), account=db.account, device_id=db.device_id, action=action,
                         subject=subject[:200], detail=detail))


@dataclass(frozen=True)
class AuditFilter:
    person: str = ""        # part of a name, an id number or a person id
    account: str = ""
    action: str = ""
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    account: str
    action: str
    subject: str
    person_name: str
    detail: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def query(db: Database, flt: AuditFilter = AuditFilter(), *, limit: int | None = None) -> list[AuditRow]:
    """Newest first. The person filter matches the person's name, 身份证号 or id, or the subject text."""
    stmt = (select(AuditEntry, Person.name).outerjoin(Person, Person.id == AuditEntry.subject)
            .order_by(AuditEntry.seq.desc()))
    if flt.person.strip():
        like = f"%{flt.person.strip()}%"
        stmt = stmt.where(or_(Person.name.like(like), Person.id_number.like(like), AuditEntry.subject.like(like)))
    if flt.account.strip():
        stmt = stmt.where(AuditEntry.account == flt.account.strip())
    if flt.action:
        stmt = stmt.where(AuditEntry.action == flt.action)
    if flt.since:
        stmt = stmt.where(AuditEntry.at >= _utc_start(flt.since))
    if flt.until:
        stmt = stmt.where(AuditEntry.at < _utc_start(flt.until + dt.timedelta(days=1)))
    if limit:
        stmt = stmt.limit(limit)
    with db.session() as s:
        return [AuditRow(e.seq, e.at, e.account, e.action, e.subject, name or "", e.detail)
                for e, name in s.execute(stmt)]


def _utc_start(day: dt.date) -> dt.datetime:
    """Local midnight of ``day`` as naive UTC (entries are stored in UTC)."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def local_time(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def export_csv(db: Database, path: Path, flt: AuditFilter = AuditFilter()) -> int:
    """Write the filtered trail as CSV (UTF-8 with BOM, so Excel shows the Chinese). Itself audited."""
    rows = query(db, flt)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["时间", "账户", "操作", "对象", "姓名", "说明"])
        for row in rows:
            writer.writerow([local_time(row.at).strftime("%Y-%m-%d %H:%M:%S"), row.account, row.action_label,
                             row.subject, row.person_name, row.detail])
    record(db, EXPORT, str(path.name), f"导出操作记录 {len(rows)} 条")
    return len(rows)


def disclosure(what: str, count: int, fields: list[str]) -> str:
    """The sentence export and print dialogs show about personal data leaving the laptop."""
    return (f"将有 {count} 人的个人信息离开本机（{what}）：{'、'.join(fields)}。"
            "请妥善保管，用后及时删除；本次操作将记入操作记录。")
