"""有问题/退回 marks: the township flags a record with a note; the mark travels down to the
village in the next package and shows there until the village marks it fixed (which travels up).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange.models import ExchangeFlag
from fieldworker.store.engine import Database
from fieldworker.store.models import Person, SYNCED_MODELS

KINDS = {"problem": "有问题", "returned": "退回"}


@dataclass(frozen=True)
class FlagView:
    id: str
    target_table: str
    target_id: str
    target_label: str
    region_code: str
    kind: str
    kind_label: str
    note: str
    status: str
    reply: str


def raise_flag(db: Database, target_id: str, kind: str, note: str, *, target_table: str = "persons") -> str:
    if kind not in KINDS:
        raise ValidationError("flag_kind", f"标记类型应为 {'/'.join(KINDS)} 之一", "kind")
    if not note.strip():
        raise ValidationError("flag_note", "请写明问题或退回原因", "note")
    model = SYNCED_MODELS.get(target_table)
    if model is None:
        raise ValidationError("flag_table", f"未知的记录类型：{target_table}")
    with db.session() as s:
        target = s.get(model, target_id)
        if target is None:
            raise ValidationError("flag_target", "找不到要标记的记录")
        region = getattr(target, "region_code", "") or ""
        flag = ExchangeFlag(target_table=target_table, target_id=target_id, region_code=region, kind=kind,
                            note=note.strip(), status="open", reply="")
        s.add(flag)
        s.flush()
        return flag.id


def mark_fixed(db: Database, flag_id: str, reply: str = "") -> None:
    with db.session() as s:
        flag = s.get(ExchangeFlag, flag_id)
        if flag is None or flag.deleted:
            raise ValidationError("flag_missing", "找不到此标记")
        flag.status, flag.reply = "fixed", reply.strip()


def list_flags(db: Database, *, status: str | None = "open") -> list[FlagView]:
    with db.session() as s:
        query = select(ExchangeFlag).where(ExchangeFlag.deleted.is_(False)).order_by(ExchangeFlag.region_code,
                                                                                     ExchangeFlag.created_at)
        if status:
            query = query.where(ExchangeFlag.status == status)
        out = []
        for flag in s.scalars(query):
            label = flag.target_id[:8]
            if flag.target_table == "persons":
                person = s.get(Person, flag.target_id)
                label = person.name if person else label
            out.append(FlagView(flag.id, flag.target_table, flag.target_id, label, flag.region_code, flag.kind,
                                KINDS.get(flag.kind, flag.kind), flag.note, flag.status, flag.reply))
        return out
