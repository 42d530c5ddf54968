"""``excel import FILE`` and ``excel export WHAT --out FILE.xlsx``."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldworker.cli.context import CliContext, CliError
from fieldworker.excel import exports, mapping
from fieldworker.excel.fields import FIELDS_BY_KEY
from fieldworker.excel.roster_import import ERROR, import_roster
from fieldworker.excel.sheet import read_sheet


def register(commands: argparse._SubParsersAction) -> None:
    excel = commands.add_parser("excel", help="Excel 导入导出")
    sub = excel.add_subparsers(dest="excel_command", metavar="ACTION", required=True)

    imp = sub.add_parser("import", help="从 .xlsx 名册导入残疾人（按身份证号新增或更新）")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--mapping", metavar="NAME", help="使用已保存的列对应方案")
    imp.add_argument("--map", action="append", default=[], metavar="表头=字段",
                     help="指定某列对应的字段（可多次），如 --map 证件号码=id_number")
    imp.add_argument("--save-mapping", metavar="NAME", help="把本次的列对应方案保存为 NAME")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    imp.add_argument("--errors", type=Path, metavar="FILE.xlsx", help="错误报告文件（默认：原文件名-错误报告.xlsx）")
    imp.set_defaults(handler=run_import)

    exp = sub.add_parser("export", help="导出为格式化的 .xlsx")
    exp.add_argument("what", metavar="WHAT", help="导出内容：" + "、".join(exports.registry()))
    exp.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    exp.add_argument("--year", type=int, metavar="YYYY", help="调查结果的年度（默认今年）")
    exp.set_defaults(handler=run_export)


def _mapping_for(args: argparse.Namespace, context: CliContext) -> dict[str, str] | None:
    if not args.map:
        return None
    db = context.open_db()
    sheet = read_sheet(args.file)
    chosen = mapping.for_sheet(db, sheet, name=args.mapping)
    for item in args.map:
        header, sep, key = item.partition("=")
        if not sep or key not in FIELDS_BY_KEY and key != "":
            raise CliError(f"--map 应为“表头=字段”，字段可选：{'、'.join(FIELDS_BY_KEY)}")
        chosen = {h: k for h, k in chosen.items() if k != key}
        chosen[header.strip()] = key
    return chosen


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    report = args.errors or args.file.with_name(args.file.stem + "-错误报告.xlsx")
    result = import_roster(db, args.file, mapping=_mapping_for(args, context), mapping_name=args.mapping,
                           dry_run=args.dry_run, error_report=report)
    plan = result.plan
    print(f"工作表：{plan.sheet.sheet_name}（表头在第{plan.sheet.header_row}行）")
    print("列对应：" + "，".join(f"{h}→{FIELDS_BY_KEY[k].label}" for h, k in plan.mapping.items()))
    for problem in plan.problems:
        print(str(problem))
    for row in plan.rows:
        for warning in row.warnings:
            print(f"第{row.row}行 提示：{warning}")
    print(result.summary())
    if result.error_report:
        print(f"错误报告：{result.error_report}")
    if args.save_mapping:
        mapping.save_named(db, args.save_mapping, plan.mapping)
        print(f"已保存列对应方案“{args.save_mapping}”")
    return 1 if plan.counts[ERROR] else 0


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    options = {"year": args.year} if args.year else {}
    rows = exports.export(context.open_db(), args.what, args.out, **options)
    print(f"已导出{rows}行到 {args.out}")
    return 0
