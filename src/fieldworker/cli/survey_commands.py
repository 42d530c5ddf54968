"""``forms check``, ``survey print``, ``survey status``: the yearly survey from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import yaml

from fieldworker.cli.context import CliContext, CliError
from fieldworker.formdef.loader import FormDefinitionError, load_form
from fieldworker.jobs import Progress
from fieldworker.survey import forms, printing, queries


def register(commands: argparse._SubParsersAction) -> None:
    form_cmd = commands.add_parser("forms", help="表单定义文件")
    form_sub = form_cmd.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = form_sub.add_parser("check", help="检查表单定义（引用、代码、循环），报告出错的行号")
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    check.set_defaults(handler=run_forms_check)

    survey = commands.add_parser("survey", help="残疾人动态更新调查")
    survey_sub = survey.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    print_cmd = survey_sub.add_parser("print", help="打印调查表（PDF，含签字栏）")
    print_cmd.add_argument("--year", type=int, default=dt.date.today().year, metavar="Y")
    print_cmd.add_argument("--blank", action="store_true", help="只打印一份空白调查表（纸质备用）")
    print_cmd.add_argument("--only-pending", action="store_true", help="只打印尚未调查的人员")
    print_cmd.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    print_cmd.set_defaults(handler=run_print)

    status = survey_sub.add_parser("status", help="调查进度：各状态人数、未通过校验的人员")
    status.add_argument("--year", type=int, default=dt.date.today().year, metavar="Y")
    status.add_argument("--json", action="store_true", help="以 JSON 输出")
    status.set_defaults(handler=run_status)


def run_forms_check(args: argparse.Namespace, context: CliContext) -> int:
    failed = False
    for path in args.files:
        if not path.exists():
            raise CliError(f"文件不存在：{path}")
        if _other_kind(path):
            print(f"{path}: 跳过（不是调查表单定义：{_other_kind(path)}）")
            continue
        try:
            form = load_form(path)
        except FormDefinitionError as exc:
            failed = True
            for issue in exc.issues:
                print(f"{path}:{issue.line}:{issue.column}: {issue.message}")
            continue
        questions = list(form.questions())
        unconfirmed = sum(q.unconfirmed for q in questions) + sum(c.unconfirmed for q in questions for c in q.choices)
        print(f"{path}: 通过（{form.id} {form.version}版，{len(form.sections)}个部分，{len(questions)}题，"
              f"{len(form.checks)}条逻辑校验，{unconfirmed}处待核实文字）")
    return 1 if failed else 0


def _other_kind(path: Path) -> str:
    """Request workflows (``kind: …``) share forms/ but are checked by their own module."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return ""
    if isinstance(data, dict) and "kind" in data and "form" not in data:
        return str(data["kind"])
    return ""


def run_print(args: argparse.Namespace, context: CliContext) -> int:
    if args.out.suffix.lower() != ".pdf":
        raise CliError("输出文件应以 .pdf 结尾")
    db = context.open_db()
    result = printing.print_surveys(db, args.year, args.out, only_pending=args.only_pending, blank=args.blank,
                                    progress=Progress())
    print(f"已生成 {args.out}：{result['forms']} 份调查表，共 {result['pages']} 页")
    return 0


def run_status(args: argparse.Namespace, context: CliContext) -> int:
    forms.form_for_year(args.year)  # a year without a form edition is a typo, not an empty survey
    data = queries.overview(context.open_db(), args.year)
    if args.json:
        context.print_json(data)
        return 0
    print(f"{data['year']}年动态更新调查：完成 {data['done']}/{data['total']}")
    print("，".join(f"{k} {v}" for k, v in data["by_status"].items()))
    for person in data["failed_checks"]:
        for check in person["checks"]:
            mark = "阻止" if check["severity"] == "block" else "提示"
            print(f"  {person['name']}（{person['status']}）[{mark}] {check['message']}")
    return 0
