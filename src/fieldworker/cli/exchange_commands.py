"""``keys``, ``export``, ``import``, ``conflicts``, ``flags``, ``exchange-status``: USB exchange.

Exit 0 on success, 1 when a package or key card is refused (the Chinese reason on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fieldworker.cli.context import CliContext, CliError
from fieldworker.exchange import conflicts, export, flags, keys, merge, package, status


def register(commands: argparse._SubParsersAction) -> None:
    key_cmd = commands.add_parser("keys", help="本机设备密钥与已信任的对方设备")
    key_sub = key_cmd.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    show = key_sub.add_parser("show", help="显示本机指纹和已信任设备")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_keys_show)
    exp = key_sub.add_parser("export", help="导出本机公钥卡（给乡镇或村）")
    exp.add_argument("--out", required=True, metavar="FILE", help="文件名或文件夹")
    exp.set_defaults(handler=run_keys_export)
    trust = key_sub.add_parser("trust", help="信任对方的公钥卡（或对方第一个数据包中的公钥）")
    trust.add_argument("file", metavar="FILE", help=".fwkey 公钥卡或 .fwpkg 数据包")
    trust.add_argument("--fingerprint", metavar="FP", help="电话核对过的指纹；不一致则拒绝")
    trust.set_defaults(handler=run_keys_trust)
    rotate = key_sub.add_parser("rotate", help="更换本机密钥（旧密钥仍可打开发给它的数据包）")
    rotate.set_defaults(handler=run_keys_rotate)
    revoke = key_sub.add_parser("revoke", help="吊销对方设备（如笔记本丢失）")
    revoke.add_argument("peer", metavar="PEER", help="设备编号、区划代码或指纹")
    revoke.set_defaults(handler=run_keys_revoke)

    out = commands.add_parser("export", help="导出数据包到U盘（默认增量）")
    out.add_argument("--to", required=True, metavar="DIR", help="目标文件夹（如U盘）")
    out.add_argument("--for", dest="peer", metavar="PEER", help="只给这台设备（默认：每台已信任设备一个）")
    out.add_argument("--full", action="store_true", help="全量导出")
    out.set_defaults(handler=run_export)

    imp = commands.add_parser("import", help="导入数据包（文件或文件夹）")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不改动数据库")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)

    con = commands.add_parser("conflicts", help="冲突列表与处理")
    con_sub = con.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    lst = con_sub.add_parser("list", help="列出冲突")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--all", action="store_true", help="包括已处理的")
    lst.set_defaults(handler=run_conflicts_list)
    res = con_sub.add_parser("resolve", help="选定冲突字段的值")
    res.add_argument("id", type=int)
    res.add_argument("--value", required=True, help="JSON 值，如 '\"13900000000\"'、true、false")
    res.set_defaults(handler=run_conflicts_resolve)
    keep = con_sub.add_parser("keep", help="身份证号重复：保留一条，其余标记删除")
    keep.add_argument("id", type=int)
    keep.add_argument("person_id")
    keep.set_defaults(handler=run_conflicts_keep)

    flag = commands.add_parser("flags", help="有问题/退回 标记")
    flag_sub = flag.add_subparsers(dest="flags_command", metavar="ACTION", required=True)
    fl = flag_sub.add_parser("list")
    fl.add_argument("--json", action="store_true")
    fl.set_defaults(handler=run_flags_list)
    fr = flag_sub.add_parser("raise", help="标记一条记录")
    fr.add_argument("person_id")
    fr.add_argument("--kind", choices=sorted(flags.KINDS), default="problem")
    fr.add_argument("--note", required=True)
    fr.set_defaults(handler=run_flags_raise)
    ff = flag_sub.add_parser("fix", help="标记为已处理")
    ff.add_argument("flag_id")
    ff.add_argument("--reply", default="")
    ff.set_defaults(handler=run_flags_fix)

    st = commands.add_parser("exchange-status", help="各对方设备的数据新旧、未确认的数据包、冲突数")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=run_status)


def run_keys_show(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    card = keys.ensure_keys(db)
    peers = status.peer_status(db)
    if args.json:
        context.print_json({"device_id": card.device_id, "role": card.role, "region_code": card.region_code,
                            "fingerprint": keys.show_fingerprint(card.fingerprint),
                            "peers": [p.as_dict() for p in peers]})
        return 0
    print(f"本机：{card.region_name}（{card.region_code}） 设备 {card.device_id}")
    print(f"本机指纹：{keys.show_fingerprint(card.fingerprint)}")
    for p in peers:
        state = "已吊销" if p.revoked else "已信任"
        print(f"  {state} {p.region_name}（{p.region_code}） 指纹 {p.fingerprint} 设备 {p.device_id}")
    return 0


def run_keys_export(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    path = keys.export_card(db, Path(args.out))
    print(f"已导出公钥卡：{path}\n指纹：{keys.show_fingerprint(keys.public_card(db).fingerprint)}")
    return 0


def run_keys_trust(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"文件不存在：{path}")
    if path.suffix == package.SUFFIX:
        card = package.sender_card_of(db, path)
    else:
        card = keys.KeyCard.from_json(path.read_bytes())
    keys.trust(db, card, expected_fingerprint=args.fingerprint)
    print(f"已信任：{card.region_name}（{card.region_code}）指纹 {keys.show_fingerprint(card.fingerprint)}")
    if args.fingerprint is None:
        print("请务必与对方电话核对以上指纹；不一致请立即运行 fieldworker keys revoke", file=sys.stderr)
    return 0


def run_keys_rotate(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    card = keys.rotate(db)
    print(f"已更换密钥，新指纹：{keys.show_fingerprint(card.fingerprint)}（下次数据包会带上新公钥，对方自动接受）")
    return 0


def run_keys_revoke(args: argparse.Namespace, context: CliContext) -> int:
    peer = keys.revoke(context.open_db(), args.peer)
    print(f"已吊销：{peer.region_name}（{peer.region_code}）")
    return 0


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    folder = Path(args.to)
    if args.peer:
        results = [export.export_for(db, keys.find_peer(db, args.peer).device_id, folder, full=args.full)]
    else:
        results = export.export_all(db, folder, full=args.full)
    for r in results:
        kind = "全量" if r.full else "增量"
        print(f"已导出{kind}数据包：{r.path}（{r.records} 条记录，{r.writes} 项变更，{r.attachments} 个附件，"
              f"{r.size_bytes / 1024:.0f} KB）")
    return 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    report = merge.import_packages(db, [Path(f) for f in args.files], dry_run=args.dry_run)
    if not [o for o in report.outcomes if o.status != "skipped"]:
        raise CliError("没有找到数据包（.fwpkg）")
    if args.json:
        context.print_json({"backup": str(report.backup) if report.backup else None, "packages": [
            {"file": str(o.path), "status": o.status, "reason": o.reason, "code": o.code,
             "package_id": o.package_id, "sender_region": o.sender_region, "new_writes": o.new_writes,
             "digest_ok": o.digest_ok, "duplicates": o.duplicates,
             "by_region": {r: c.as_dict() for r, c in o.by_region.items()}} for o in report.outcomes]})
    for o in report.outcomes:
        if o.status == "rejected":
            print(f"错误：{o.path.name}：{o.reason}", file=sys.stderr)
            continue
        if o.status == "skipped":
            if not args.json:
                print(f"跳过 {o.path.name}：{o.reason}")
            continue
        if args.json:
            continue
        t = o.totals
        verb = "预览" if o.status == "preview" else "已导入"
        print(f"{verb} {o.path.name}（{o.sender_name} {o.sender_region}）：新增 {t.new}，更新 {t.changed}，"
              f"无变化 {t.unchanged}，冲突 {t.conflicts}，拒收 {t.rejected}，身份证号重复 {o.duplicates}")
        if o.digest_ok is False:
            print("  注意：合并后与对方的数据摘要不一致，下次数据包将请对方发送全量数据")
    if report.backup and not args.json:
        print(f"导入前备份：{report.backup}")
    return 1 if report.rejected else 0


def run_conflicts_list(args: argparse.Namespace, context: CliContext) -> int:
    items = conflicts.list_conflicts(context.open_db(), status=None if args.all else "open")
    if args.json:
        context.print_json([c.as_dict() for c in items])
        return 0
    for c in items:
        print(f"[{c.id}] {conflicts.KIND_LABELS.get(c.kind, c.kind)} {c.table_name} {c.record_id} {c.field}："
              + " / ".join(json.dumps(x['value'], ensure_ascii=False, default=str) for x in c.candidates)
              + f"（暂定 {json.dumps(c.winner, ensure_ascii=False)}）")
    if not items:
        print("没有待处理的冲突")
    return 0


def run_conflicts_resolve(args: argparse.Namespace, context: CliContext) -> int:
    try:
        value = json.loads(args.value)
    except json.JSONDecodeError:
        raise CliError("--value 应为 JSON 值，如 '\"张三\"'、true、3") from None
    conflicts.resolve(context.open_db(), args.id, value)
    print(f"冲突 {args.id} 已处理")
    return 0


def run_conflicts_keep(args: argparse.Namespace, context: CliContext) -> int:
    dropped = conflicts.keep_one(context.open_db(), args.id, args.person_id)
    print(f"已保留 {args.person_id}，标记删除 {len(dropped)} 条重复记录（可恢复）")
    return 0


def run_flags_list(args: argparse.Namespace, context: CliContext) -> int:
    items = flags.list_flags(context.open_db())
    if args.json:
        context.print_json([f.__dict__ for f in items])
        return 0
    for f in items:
        print(f"[{f.id}] {f.kind_label} {f.target_label}（{f.region_code}）：{f.note}")
    if not items:
        print("没有待处理的标记")
    return 0


def run_flags_raise(args: argparse.Namespace, context: CliContext) -> int:
    flag_id = flags.raise_flag(context.open_db(), args.person_id, args.kind, args.note)
    print(f"已标记 {flags.KINDS[args.kind]}：{flag_id}（下次发给该村的数据包会带上）")
    return 0


def run_flags_fix(args: argparse.Namespace, context: CliContext) -> int:
    flags.mark_fixed(context.open_db(), args.flag_id, args.reply)
    print("已标记为已处理")
    return 0


def run_status(args: argparse.Namespace, context: CliContext) -> int:
    items = status.peer_status(context.open_db())
    if args.json:
        context.print_json([p.as_dict() for p in items])
        return 0
    for p in items:
        print(f"{p.region_name}（{p.region_code}）最近收到 {p.last_received or '从未'}，最近发出 {p.last_sent or '从未'}，"
              f"未确认 {p.unacknowledged}，冲突 {p.open_conflicts}，在册 {p.persons} 人")
    return 0
