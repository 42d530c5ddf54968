"""What every command shares: the database chosen with --db, opened once, closed at exit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldworker.paths import default_db_path
from fieldworker.store.engine import Database


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
            self._db = Database.open(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @staticmethod
    def print_json(data: Any) -> None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
