"""``gui``: start the desktop application (the default command)."""

from __future__ import annotations

import argparse

from fieldworker.cli.context import CliContext


def register(commands: argparse._SubParsersAction) -> None:
    gui = commands.add_parser("gui", help="启动图形界面（默认）")
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace, context: CliContext) -> int:
    # Imported here so that the CLI's other commands never load Qt.
    from fieldworker.ui.app import run

    return run(db_path=context.db_path, selftest=args.selftest)
