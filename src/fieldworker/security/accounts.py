"""Accounts on one installation (a township office shares a laptop) and their roles."""

from __future__ import annotations

from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.security.models import Account
from fieldworker.store.engine import Database

# admin: manages accounts, keys, restore; worker: day-to-day work; viewer: reads and prints only.
ROLES = {"admin": "管理员", "worker": "专职委员", "viewer": "只读查看"}


def validate_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 32 or any(ch in name for ch in "/\\\n\t"):
        raise ValidationError("account_name", "账户名应为 1–32 个字符，不含斜杠和换行", "account")
    return name


def add(db: Database, name: str, role: str) -> Account:
    if role not in ROLES:
        raise ValidationError("role", f"角色应为 {'/'.join(ROLES)} 之一", "role")
    with db.session() as s:
        if s.get(Account, name) is not None:
            raise ValidationError("account_exists", f"账户“{name}”已存在", "account")
        account = Account(name=name, role=role)
        s.add(account)
    return account


def role_of(db: Database, name: str) -> str | None:
    with db.session() as s:
        account = s.get(Account, name)
        return None if account is None or account.disabled else account.role


def all_accounts(db: Database) -> list[Account]:
    with db.session() as s:
        return list(s.scalars(select(Account).order_by(Account.created_at)))


def require_admin(db: Database) -> None:
    if role_of(db, db.account) != "admin":
        raise ValidationError("not_admin", "此操作需要管理员账户", "account")
