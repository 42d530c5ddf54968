"""``requests …``: renovation and device requests from the command line (same services as the tabs).

  fieldworker requests list --kind renovation [--stage approved] [--overdue] [--json]
  fieldworker requests show --id ID [--json]
  fieldworker requests new --kind device --person PERSON_ID [--need TEXT]
  fieldworker requests items --id ID --item R01:1:1500 --item R06:2:300
  fieldworker requests move --id ID --action apply --set applied_on=2026-07-01 --set applicant=王芳
  fieldworker requests photo --id ID --phase before --file door.jpg
  fieldworker requests print --id ID [--id ID2 …] --form acceptance --out forms.pdf
  fieldworker requests cap --kind renovation [--set 6500]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from fieldworker.cli.context import CliContext, CliError
from fieldworker.requests import checks, print_forms, queries, service
from fieldworker.requests.definition import KINDS, load


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("requests", help="无障碍改造与辅助器具申请")
    sub = group.add_subparsers(dest="requests_command", metavar="ACTION", required=True)

    lst = sub.add_parser("list", help="列出申请")
    lst.add_argument("--kind", choices=KINDS, required=True, help="renovation（无障碍改造）或 device（辅助器具）")
    lst.add_argument("--stage", help="只列出某一阶段（阶段代码，如 approved）")
    lst.add_argument("--overdue", action="store_true", help="只列出超期未办的")
    lst.add_argument("--json", action="store_true", help="以 JSON 输出")
    lst.set_defaults(handler=run_list)

    show = sub.add_parser("show", help="显示一项申请及其全部经过")
    show.add_argument("--id", required=True)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    new = sub.add_parser("new", help="登记一项需求")
    new.add_argument("--kind", choices=KINDS, required=True)
    new.add_argument("--household", help="家庭户 ID（无障碍改造）")
    new.add_argument("--person", help="残疾人 ID（辅助器具必填）")
    new.add_argument("--need", default="", help="需求描述")
    new.add_argument("--source", default="村申报", choices=service.SOURCES)
    new.add_argument("--date", type=_date, help="登记日期 YYYY-MM-DD（默认今天）")
    new.set_defaults(handler=run_new)

    items = sub.add_parser("items", help="设置改造项目或辅具（替换原有项目）")
    items.add_argument("--id", required=True)
    items.add_argument("--item", action="append", default=[], metavar="CODE:QTY:UNIT_COST", type=_item,
                       help="项目代码:数量:单价(元)，可重复")
    items.set_defaults(handler=run_items)

    move = sub.add_parser("move", help="办理一步（提交申请、评估、审批、验收、退回、撤销…）")
    move.add_argument("--id", required=True)
    move.add_argument("--action", required=True, help="操作代码，如 apply、assess、return、cancel")
    move.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", type=_assignment)
    move.add_argument("--note", default="", help="说明（退回、撤销须填写原因）")
    move.add_argument("--date", type=_date, help="办理日期（默认取表单上的日期或今天）")
    move.set_defaults(handler=run_move)

    photo = sub.add_parser("photo", help="添加照片（JPEG/PNG）")
    photo.add_argument("--id", required=True)
    photo.add_argument("--phase", choices=list(service.PHOTO_PHASES), required=True)
    photo.add_argument("--file", required=True, type=Path)
    photo.add_argument("--caption", default="")
    photo.set_defaults(handler=run_photo)

    printing = sub.add_parser("print", help="打印表格为 PDF（可多个 --id 批量打印）")
    printing.add_argument("--id", action="append", required=True, dest="ids")
    printing.add_argument("--form", required=True, help="application / assessment / acceptance / receipt")
    printing.add_argument("--out", required=True, type=Path)
    printing.set_defaults(handler=run_print)

    cap = sub.add_parser("cap", help="查看或设置补助上限（元）")
    cap.add_argument("--kind", choices=KINDS, required=True)
    cap.add_argument("--set", type=float, dest="value", metavar="YUAN")
    cap.set_defaults(handler=run_cap)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("日期格式应为 YYYY-MM-DD") from None


def _item(text: str) -> service.ItemInput:
    parts = text.split(":")
    if len(parts) not in (2, 3):
        raise argparse.ArgumentTypeError("格式应为 代码:数量:单价，如 R01:1:1500")
    return service.ItemInput(parts[0], parts[1], parts[2] if len(parts) == 3 else 0)  # type: ignore[arg-type]


def _assignment(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError("格式应为 字段=值")
    name, value = text.split("=", 1)
    return name.strip(), value


def _warn(changed: service.Changed) -> None:
    for warning in changed.warnings:
        print(f"提示：{warning}")


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    rows = queries.list_requests(context.open_db(), args.kind, stage=args.stage, overdue_only=args.overdue)
    if args.json:
        context.print_json([r.as_json() for r in rows])
        return 0
    title = load(args.kind).title
    print(f"{title}：共 {len(rows)} 项")
    for r in rows:
        flag = "【超期】" if r.overdue else ""
        print(f"{r.number}\t{r.stage_label}{flag}\t{r.subject}\t{r.items}\t已{r.age_days}天\t{r.id}")
    return 0


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    detail = queries.request_detail(context.open_db(), args.id)
    if args.json:
        context.print_json({**detail.row.as_json(), "need": detail.need, "source": detail.source, "data": detail.data,
                            "items": detail.items, "photos": detail.photos, "events": detail.events})
        return 0
    r = detail.row
    print(f"{r.number}　{detail.workflow.title}　{r.subject}　当前阶段：{r.stage_label}{'（超期）' if r.overdue else ''}")
    for item in detail.items:
        print(f"  {item['label']} {item['quantity']:g}{item['unit']} × {checks.yuan(item['unit_cost_fen'])} 元")
    print(f"  预算合计 {checks.yuan(r.estimated_fen)} 元" + (f"，核定 {checks.yuan(r.approved_fen)} 元" if r.approved_fen else ""))
    for event in detail.events:
        note = f"：{event['note']}" if event["note"] else ""
        print(f"  {event['on_date']}　{event['label']}（{event['from'] or '—'} → {event['to']}）{note}")
    return 0


def run_new(args: argparse.Namespace, context: CliContext) -> int:
    changed = service.create_request(context.open_db(), kind=args.kind, household_id=args.household,
                                     person_id=args.person, need=args.need, source=args.source, opened_on=args.date)
    _warn(changed)
    print(changed.request_id)
    return 0


def run_items(args: argparse.Namespace, context: CliContext) -> int:
    changed = service.set_items(context.open_db(), args.id, args.item)
    _warn(changed)
    print(f"已保存 {len(args.item)} 个项目")
    return 0


def run_move(args: argparse.Namespace, context: CliContext) -> int:
    changed = service.transition(context.open_db(), args.id, args.action, values=dict(args.set), note=args.note,
                                 on_date=args.date)
    _warn(changed)
    detail = queries.request_detail(context.open_db(), args.id)
    print(f"已办理，当前阶段：{detail.row.stage_label}")
    return 0


def run_photo(args: argparse.Namespace, context: CliContext) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CliError(f"无法读取照片文件：{args.file}（{exc.strerror}）") from None
    service.add_photo(context.open_db(), args.id, data, phase=args.phase, caption=args.caption)
    print("已添加照片")
    return 0


def run_print(args: argparse.Namespace, context: CliContext) -> int:
    path = print_forms.write_forms(context.open_db(), args.ids, args.form, args.out)
    print(f"已生成 {path}（{len(args.ids)} 份）")
    return 0


def run_cap(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    workflow = load(args.kind)
    if args.value is not None:
        checks.set_cap(db, workflow, args.value)
    print(f"{workflow.title}补助上限：{checks.yuan(checks.cap_fen(db, workflow))} 元")
    return 0
