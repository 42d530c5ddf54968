"""``fieldworker [--db PATH] COMMAND``: the same core the GUI uses, for scripts and the township.

Exit codes: 0 success, 1 input rejected (a Chinese reason on stderr), 2 usage error.
Feature areas add their commands as modules listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from fieldworker import __version__
from fieldworker.cli.context import CliContext, CliError
from fieldworker.domain.errors import FieldErrors, ValidationError

COMMAND_MODULES = (
    "fieldworker.cli.app_commands",
    "fieldworker.cli.roster_commands",
    "fieldworker.cli.excel_commands",
    "fieldworker.cli.exchange_commands",
    "fieldworker.cli.requests_commands",
    "fieldworker.cli.security_commands",
    "fieldworker.cli.survey_commands",
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldworker", description="基层残疾人工作台")
    parser.add_argument("--version", action="version", version=f"fieldworker {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--selftest", action="store_true",
                        help="在临时数据库上打开主窗口后立即关闭（安装检查）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.selftest or args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    context = CliContext(args)
    try:
        return int(args.handler(args, context) or EXIT_OK)
    except FieldErrors as exc:
        for error in exc.errors:
            print(f"错误：{error.message}", file=sys.stderr)
        return EXIT_REJECTED
    except (ValidationError, CliError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_REJECTED
    finally:
        context.close()
