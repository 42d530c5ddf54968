"""What every command shares: the database chosen with --db, opened once, closed at exit."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from fieldworker.paths import default_db_path
from fieldworker.store.engine import Database


PASSWORD_ENV, ACCOUNT_ENV = "FIELDWORKER_PASSWORD", "FIELDWORKER_ACCOUNT"


class CliError(Exception):
    """A refusal with a Chinese reason (exit code 1)."""


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None

    @property
    def db_path(self) -> Path:
        return Path(self.args.db) if self.args.db else default_db_path()

    def open_db(self, *, must_exist: bool = True) -> Database:
        if self._db is None:
            if must_exist and not self.db_path.exists():
                raise CliError(f"数据库不存在：{self.db_path}（请先运行 fieldworker init 或 fieldworker demo）")
            self._db = self._open_with_password()
            self._audit_command(self._db)
        return self._db

    def _audit_command(self, db: Database) -> None:
        """Commands that print, export or import personal data leave a line in the audit trail."""
        from fieldworker.security import audit

        path = [str(self.args.command)] + [str(v) for k, v in sorted(vars(self.args).items())
                                           if k.endswith("_command") and v]
        action = {"print": audit.PRINT, "export": audit.EXPORT, "import": audit.IMPORT}.get(path[-1])
        if action:
            options = "，".join(f"{k}={v}" for k, v in sorted(vars(self.args).items())
                               if v not in (None, False, [], "") and k not in {"handler", "db", "selftest", "command"}
                               and not k.endswith("_command"))
            audit.record(db, action, " ".join(path), f"命令行 {' '.join(path)}：{options}"[:500])

    def _open_with_password(self) -> Database:
        """Encrypted databases open with the password; a new one is created encrypted.

        A plain database from an earlier version opens as it is (``fieldworker security
        encrypt`` converts it, as the GUI does at sign-in).
        """
        from fieldworker.security import passwords, vault

        state = vault.state(self.db_path)
        if state == vault.PLAIN:
            if sys.stderr.isatty():
                print("注意：此数据库未加密，请运行 fieldworker security encrypt", file=sys.stderr)
            return Database.open(self.db_path)
        if state == vault.ENCRYPTED:
            return vault.sign_in(self.db_path, password=self.password("请输入密码："),
                                 account=os.environ.get(ACCOUNT_ENV) or None)
        demo = getattr(self.args, "command", None) == "demo"
        password = os.environ.get(PASSWORD_ENV) or (passwords.DEMO_PASSWORD if demo else None)
        if password is None:
            password = self.password("为新数据库设置密码：")
            if self.password("再次输入密码：") != password:
                raise CliError("两次输入的密码不一致")
        setup = vault.create(self.db_path, account=os.environ.get(ACCOUNT_ENV) or "管理员", password=password,
                             demo=demo and password == passwords.DEMO_PASSWORD)
        print(f"数据库已加密。恢复密钥（只显示这一次，请抄写或打印后放在安全处）：{setup.recovery_key}",
              file=sys.stderr)
        return setup.db

    @staticmethod
    def password(prompt: str) -> str:
        """From FIELDWORKER_PASSWORD, else asked on the terminal; never a command-line argument."""
        value = os.environ.get(PASSWORD_ENV)
        if value:
            return value
        if not sys.stdin.isatty():
            raise CliError(f"需要密码：请在终端运行，或设置环境变量 {PASSWORD_ENV}")
        return getpass.getpass(prompt)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @staticmethod
    def print_json(data: Any) -> None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
