"""``security …``: encryption, accounts, recovery, township sealing, backups, checks, audit trail.

Passwords and recovery keys never appear as arguments: they come from environment
variables (FIELDWORKER_PASSWORD, FIELDWORKER_NEW_PASSWORD, FIELDWORKER_RECOVERY_KEY) or
are asked on the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path

from fieldworker.cli.context import CliContext, CliError

NEW_PASSWORD_ENV, RECOVERY_ENV = "FIELDWORKER_NEW_PASSWORD", "FIELDWORKER_RECOVERY_KEY"
STATE_LABELS = {"new": "不存在", "plain": "未加密", "encrypted": "已加密"}


def register(commands: argparse._SubParsersAction) -> None:
    security = commands.add_parser("security", help="数据安全：加密、账户、恢复、备份、操作记录")
    sub = security.add_subparsers(dest="security_command", metavar="ACTION", required=True)

    sub.add_parser("status", help="加密状态、账户与备份").set_defaults(handler=run_status)
    encrypt = sub.add_parser("encrypt", help="把未加密的数据库加密（原文件覆写删除）")
    encrypt.add_argument("--account", default="管理员", help="首个账户名")
    encrypt.set_defaults(handler=run_encrypt)

    add = sub.add_parser("add-account", help="新增账户（密码取自 FIELDWORKER_NEW_PASSWORD 或终端）")
    add.add_argument("name")
    add.add_argument("--role", choices=("admin", "worker", "viewer"), default="worker")
    add.set_defaults(handler=run_add_account)
    sub.add_parser("passwd", help="修改当前账户的密码").set_defaults(handler=run_passwd)

    sheet = sub.add_parser("recovery-sheet", help="生成新的恢复密钥并打印恢复单（旧恢复密钥作废）")
    sheet.add_argument("--out", required=True, type=Path, metavar="PDF")
    sheet.set_defaults(handler=run_recovery_sheet)
    recover = sub.add_parser("recover", help="忘记密码：用恢复密钥或乡镇恢复文件设置新密码")
    recover.add_argument("--account", required=True)
    recover.add_argument("--township-file", type=Path, metavar="FILE", help="乡镇出具的恢复文件")
    recover.set_defaults(handler=run_recover)

    seal = sub.add_parser("township-seal", help="把数据密钥密封给乡镇（默认：已信任的乡镇设备公钥）")
    seal.add_argument("public_key", nargs="?", help="32字节 X25519 公钥（十六进制或文件）；省略则用已信任的乡镇")
    seal.set_defaults(handler=run_township_seal)
    unseal = sub.add_parser("township-recovery", help="乡镇端：用乡镇私钥为某村密钥文件出具恢复文件")
    unseal.add_argument("--keys", required=True, type=Path, metavar="FILE", help="村里的 .keys 密钥文件")
    unseal.add_argument("--private-key", type=Path, metavar="FILE", help="乡镇私钥文件（32字节）；省略则用本机设备密钥")
    unseal.add_argument("--out", required=True, type=Path, metavar="FILE")
    unseal.set_defaults(handler=run_township_recovery)

    backup = sub.add_parser("backup", help="立即备份（默认到数据目录，或 --to 指定的文件夹如U盘）")
    backup.add_argument("--to", type=Path, metavar="DIR")
    backup.set_defaults(handler=run_backup)
    restore = sub.add_parser("restore", help="从备份恢复（先校验备份，当前数据库另存）")
    restore.add_argument("backup", type=Path)
    restore.set_defaults(handler=run_restore)
    check = sub.add_parser("check", help="检查数据库完整性")
    check.add_argument("--quick", action="store_true")
    check.set_defaults(handler=run_check)

    audit_cmd = sub.add_parser("audit", help="操作记录（查看、打印、导出、导入）")
    audit_cmd.add_argument("--person", default="", help="姓名、身份证号或人员编号")
    audit_cmd.add_argument("--account", default="")
    audit_cmd.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    audit_cmd.add_argument("--until", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    audit_cmd.add_argument("--csv", type=Path, metavar="FILE", help="导出为 CSV")
    audit_cmd.set_defaults(handler=run_audit)


def _secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"需要输入：请在终端运行，或设置环境变量 {env}")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入：") != value:
        raise CliError("两次输入不一致")
    return value


def run_status(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import accounts, backups, vault

    state = vault.state(context.db_path)
    print(f"数据库：{context.db_path}（{STATE_LABELS[state]}）")
    if state == vault.NEW:
        return 0
    db = context.open_db()
    for account in accounts.all_accounts(db):
        print(f"账户：{account.name}（{accounts.ROLES.get(account.role, account.role)}）")
    if db.key is not None:
        keys = vault.load_keyfile(db.path)
        kinds = {"password": "密码", "recovery": "恢复密钥", "township": "乡镇密封"}
        print("密钥槽：" + "，".join(kinds.get(s["kind"], s["kind"]) + (f"[{s['account']}]" if "account" in s else "")
                                  for s in keys.slots))
    found = backups.list_backups(db.path)
    print(f"备份：{len(found)} 个" + (f"，最新 {found[0].name}" if found else ""))
    return 0


def run_encrypt(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import migrate, vault

    if vault.state(context.db_path) != vault.PLAIN:
        raise CliError("数据库不存在或已加密")
    password = context.password("为数据库设置密码：")
    setup = migrate.encrypt_database(context.db_path, account=args.account, password=password)
    setup.db.close()
    print(f"已加密：{context.db_path}")
    print(f"恢复密钥（只显示这一次）：{setup.recovery_key}", file=sys.stderr)
    return 0


def run_add_account(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import vault

    db = context.open_db()
    password = _secret(NEW_PASSWORD_ENV, f"账户 {args.name} 的密码：", confirm=True)
    vault.add_account(db, name=args.name, password=password, role=args.role)
    print(f"已新增账户：{args.name}")
    return 0


def run_passwd(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import vault

    db = context.open_db()
    vault.change_password(db, new_password=_secret(NEW_PASSWORD_ENV, "新密码：", confirm=True))
    print(f"已修改账户 {db.account} 的密码")
    return 0


def run_recovery_sheet(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.printing.recovery_sheet import write_recovery_sheet
    from fieldworker.security import audit, vault
    from fieldworker.services import installation

    db = context.open_db()
    key = vault.replace_recovery_key(db)
    info = installation.info(db)
    write_recovery_sheet(args.out, recovery_key=key, db_path=db.path, region=info.region_name if info else "")
    audit.record(db, audit.PRINT, "", f"恢复单 {args.out.name}")
    print(f"已生成恢复单：{args.out}（旧恢复密钥已作废）")
    return 0


def run_recover(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import vault

    new_password = _secret(NEW_PASSWORD_ENV, "新密码：", confirm=True)
    if args.township_file:
        db = vault.recover_with_township_file(context.db_path, args.township_file, account=args.account,
                                              new_password=new_password)
    else:
        db = vault.recover_with_recovery_key(context.db_path, recovery_key=_secret(RECOVERY_ENV, "恢复密钥："),
                                             account=args.account, new_password=new_password)
    db.close()
    print(f"已为账户 {args.account} 设置新密码")
    return 0


def _key_bytes(text: str) -> bytes:
    path = Path(text)
    raw = path.read_bytes() if path.is_file() else text.encode()
    if len(raw) == 32:
        return raw
    try:
        value = bytes.fromhex(raw.decode().strip())
    except (UnicodeDecodeError, ValueError) as exc:
        raise CliError("密钥应为 32 字节（或 64 位十六进制）") from exc
    if len(value) != 32:
        raise CliError("密钥应为 32 字节（或 64 位十六进制）")
    return value


def run_township_seal(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import vault

    from fieldworker.security import township

    db = context.open_db()
    if args.public_key:
        fp = vault.seal_to_township(db, _key_bytes(args.public_key))
    else:
        fp = township.ensure_sealed(db)
        if fp is None:
            raise CliError("尚未信任乡镇的公钥卡：请先运行 fieldworker keys trust，或直接给出公钥")
    print(f"数据密钥已密封给乡镇，公钥指纹：{fp}")
    return 0


def run_township_recovery(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import vault

    from fieldworker.security import township

    if args.private_key:
        vault.write_township_recovery(args.keys, _key_bytes(str(args.private_key)), args.out)
    else:
        township.write_recovery_for_village(context.open_db(), args.keys, args.out)
    print(f"已出具恢复文件：{args.out}（含数据密钥，请亲手交付，用后删除）")
    return 0


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import audit, backups

    db = context.open_db()
    if args.to:
        path = backups.backup_to_folder(db, args.to)
    else:
        path = backups.backup(db, backups.auto_dir(db) / f"{db.path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}.db")
        audit.record(db, audit.BACKUP, path.name, "手动备份")
    print(f"已备份并校验：{path}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import accounts, audit, backups

    db = context.open_db()
    if db.key is not None:
        accounts.require_admin(db)
    key, account = db.key, db.account
    context.close()
    aside = backups.restore(context.db_path, args.backup, key)
    restored = context.open_db()
    restored.account = account
    audit.record(restored, audit.RESTORE, args.backup.name, f"原数据库另存为 {aside}")
    print(f"已从备份恢复；原数据库另存为 {aside}")
    return 0


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import backups

    db = context.open_db()
    result = backups.check_database(db, force_full=not args.quick)
    if result.ok:
        print(f"数据库完好（{result.persons} 人）")
        return 0
    print("数据库损坏：" + "；".join(result.problems[:5]), file=sys.stderr)
    good = backups.latest_good_backup(db.path, db.key)
    print(f"可用的最新备份：{good}" if good else "没有可用的备份", file=sys.stderr)
    return 1


def run_audit(args: argparse.Namespace, context: CliContext) -> int:
    from fieldworker.security import audit

    db = context.open_db()
    flt = audit.AuditFilter(person=args.person, account=args.account, since=args.since, until=args.until)
    if args.csv:
        count = audit.export_csv(db, args.csv, flt)
        print(f"已导出 {count} 条操作记录：{args.csv}")
        return 0
    for row in audit.query(db, flt):
        print("\t".join([audit.local_time(row.at).strftime("%Y-%m-%d %H:%M:%S"), row.account, row.action_label,
                         row.person_name or row.subject, row.detail]))
    return 0
