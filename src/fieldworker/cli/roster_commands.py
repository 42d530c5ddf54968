"""``init``, ``demo``, ``check-id``, ``stats``: setting up and inspecting the roster."""

from __future__ import annotations

import argparse

from fieldworker.cli.context import CliContext, CliError
from fieldworker.domain import ids
from fieldworker.domain.errors import ValidationError
from fieldworker.services import demo, installation, roster


FIELD_LABELS = {"birth_date": "出生日期", "gender": "性别", "region_code": "区划代码", "place": "发证地",
                "category": "残疾类别", "grade": "残疾等级", "warning": "提示"}


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser("init", help="初始化本机数据库：角色与区划")
    init.add_argument("--role", choices=installation.ROLES, default="village", help="村/社区(village)、乡镇(township)、县/区(county)")
    init.add_argument("--region", required=True, metavar="CODE", help="12位统计用区划代码")
    init.add_argument("--name", required=True, help="区划名称，如 城西村")
    init.add_argument("--township", default="", help="所属乡镇（街道）名称")
    init.add_argument("--county", default="", help="所属县（区）名称")
    init.set_defaults(handler=run_init)

    demo_cmd = commands.add_parser("demo", help="生成一个村的演示数据")
    demo_cmd.add_argument("--persons", type=_positive, default=300, metavar="N")
    demo_cmd.add_argument("--seed", type=int, default=1, metavar="S")
    demo_cmd.set_defaults(handler=run_demo)

    check = commands.add_parser("check-id", help="校验身份证号或残疾人证号")
    check.add_argument("numbers", nargs="+", metavar="ID")
    check.set_defaults(handler=run_check_id)

    stats = commands.add_parser("stats", help="统计数字")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出")
    stats.set_defaults(handler=run_stats)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("应为正整数")
    return value


def run_init(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db(must_exist=False)
    info = installation.initialise(db, role=args.role, region_code=args.region, name=args.name,
                                   township_name=args.township, county_name=args.county)
    print(f"已初始化：{info.role_label} {info.region_name}（{info.region_code}），数据库 {db.path}")
    from fieldworker.exchange import keys  # device keys for USB exchange are made at init
    print(f"设备密钥指纹：{keys.show_fingerprint(keys.ensure_keys(db).fingerprint)}")
    return 0


def run_demo(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db(must_exist=False)
    counts = demo.generate(db, persons=args.persons, seed=args.seed)
    print(f"已生成演示数据：{counts['households']} 户，{counts['persons']} 人，数据库 {db.path}")
    return 0


def run_check_id(args: argparse.Namespace, context: CliContext) -> int:
    all_valid = True
    for number in args.numbers:
        try:
            info = ids.describe(number)
        except ValidationError as exc:
            all_valid = False
            print(f"{number}\t无效：{exc.message}")
            continue
        fields = "，".join(f"{FIELD_LABELS.get(k, k)} {v}" for k, v in info.items() if k not in ("number", "kind"))
        print(f"{info['number']}\t有效{info['kind']}：{fields}")
    return 0 if all_valid else 1


def run_stats(args: argparse.Namespace, context: CliContext) -> int:
    db = context.open_db()
    data = roster.stats(db)
    if args.json:
        from fieldworker.dashboard.coverage import coverage, summary  # coverage figures and gap counts

        data.update(summary(coverage(db)))
        context.print_json(data)
        return 0
    print(f"在册残疾人：{data['persons']}　家庭户：{data['households']}")
    for title, key in (("按类别", "by_category"), ("按等级", "by_grade"), ("按状态", "by_status")):
        print(title + "：" + "，".join(f"{k} {v}" for k, v in data[key].items()))
    return 0
