"""Realistic, deterministic demo data for one village: households, persons, benefits.

Every 身份证号 and 残疾人证号 is valid; the same seed gives the same village. Later
feature modules add their own demo records listed in ``DEMO_STEP_MODULES``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
import uuid
from fieldworker.domain import codes, ids
from fieldworker.services import installation
from fieldworker.store import changelog
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person

DEMO_REGION = {"region_code": "330521100201", "name": "城西村", "township_name": "武康街道", "county_name": "德清县"}

SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 "
            "肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏").split()
GIVEN = ("伟 芳 娜 秀 英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 兰 霞 平 刚 桂 华 建 国 文 红 玉 "
         "辉 鑫 海 波 宁 凤 梅 林 云 春 福 荣 生 根 金 宝 德 志 成 祥 小 永 燕 萍 莲 翠 珍 斌 浩 俊").split()
VILLAGE_GROUPS = ("一组 二组 三组 四组 五组 六组 七组 八组").split()
# Rough shares of the certified population by category (视力…多重), from public statistics' order of magnitude.
CATEGORY_WEIGHTS = {"1": 12, "2": 14, "3": 1, "4": 45, "5": 8, "6": 11, "7": 9}
GRADE_WEIGHTS = {"1": 12, "2": 25, "3": 30, "4": 33}

# Feature modules that add demo records; each exposes ``demo_step(db, rng, person_ids)``.
DEMO_STEP_MODULES: list[str] = ["fieldworker.requests.demo", "fieldworker.survey.demo"]


def make_id_number(rng: random.Random, region6: str, birth: dt.date, gender: str) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.randrange(0, 10)
    last = seq % 10
    if (last % 2 == 1) != (gender == "1"):
        seq = seq - last + ((last + 1) % 10)
    body = f"{region6}{birth:%Y%m%d}{seq:03d}"
    return body + ids.check_character(body)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _birth(rng: random.Random, reference: dt.date) -> dt.date:
    # Disability prevalence rises steeply with age: most certified persons are over 45.
    age = min(98, max(1, int(rng.triangular(2, 95, 62))))
    return reference - dt.timedelta(days=age * 365 + rng.randrange(0, 365))


def person_records(rng: random.Random, *, region_code: str, count: int, reference: dt.date,
                   used_ids: set[str]) -> tuple[list[dict], list[dict]]:
    """Households and persons as plain dicts (for bulk insert), deterministic for the rng."""
    region6 = region_code[:6]
    households: list[dict] = []
    persons: list[dict] = []
    while len(persons) < count:
        hukou = "1" if rng.random() < 0.75 else "2"
        dibao = rng.random() < 0.18
        household = {
            "id": _uuid(rng), "region_code": region_code,
            "head_name": _name(rng),
            "address": f"{rng.choice(VILLAGE_GROUPS)}{rng.randrange(1, 120)}号",
            "hukou_type": hukou, "members_count": rng.randrange(1, 7),
            "phone": f"13{rng.randrange(0, 10)}{rng.randrange(0, 10**8):08d}",
            "income_per_capita": int(rng.lognormvariate(9.4, 0.5)) if not dibao else rng.randrange(3000, 9000),
            "dibao": dibao, "tekun": (not dibao) and rng.random() < 0.03,
            "housing_status": "2" if rng.random() < 0.04 else "1", "notes": "",
        }
        households.append(household)
        for member in range(2 if rng.random() < 0.08 else 1):
            if len(persons) >= count:
                break
            persons.append(_person(rng, household, region6, reference, used_ids, head=(member == 0)))
    return households, persons


def _person(rng: random.Random, household: dict, region6: str, reference: dt.date, used_ids: set[str],
            *, head: bool) -> dict:
    gender = rng.choice("12")
    while True:
        birth = _birth(rng, reference)
        id_number = make_id_number(rng, region6, birth, gender)
        if id_number not in used_ids:
            used_ids.add(id_number)
            break
    category, grade = _pick(rng, CATEGORY_WEIGHTS), _pick(rng, GRADE_WEIGHTS)
    sub = ",".join(sorted(rng.sample(list(codes.SINGLE_CATEGORIES), 2))) if category == "7" else ""
    age = (reference - birth).days // 365
    severe = grade in codes.SEVERE_GRADES
    name = household["head_name"] if head and rng.random() < 0.6 else _name(rng)
    dibao = household["dibao"]
    status = "1"
    if rng.random() < 0.02:
        status = rng.choice("234")
    return {
        "id": _uuid(rng), "region_code": household["region_code"], "household_id": household["id"], "name": name,
        "gender": gender, "ethnicity": "01" if rng.random() < 0.95 else rng.choice(list(codes.ETHNICITY)[1:20]),
        "birth_date": birth, "id_number": id_number, "card_number": id_number + category + grade,
        "category": category, "sub_categories": sub, "grade": grade,
        "relation_to_head": "02" if name == household["head_name"] else rng.choice(("10", "20", "30", "50")),
        "phone": household["phone"], "guardian_name": _name(rng) if age < 18 or category in "56" else "",
        "guardian_phone": household["phone"] if age < 18 else "",
        "status": status, "status_date": reference - dt.timedelta(days=rng.randrange(10, 700)) if status != "1" else None,
        # Realistic gaps: a few eligible persons are not (yet) recorded as receiving their subsidy.
        "living_subsidy": dibao and rng.random() < 0.93,
        "care_subsidy": severe and rng.random() < 0.9,
        "dibao": dibao,
        "pension_insurance": "9" if age < 16 else ("2" if age >= 60 and rng.random() < 0.9
                                                  else ("1" if rng.random() < 0.95 else "3")),
        "medical_insurance": "1" if rng.random() < 0.96 else "2",
        "family_doctor": rng.random() < 0.7,
        "education_status": (rng.choice("1112234") if 6 <= age <= 15 else ("1" if 3 <= age <= 5 and rng.random() < .6
                                                                           else "6")),
        "employment_status": (rng.choice("12345677888888") if 16 <= age <= 59 else "9"),
        "notes": "",
    }


def generate(db: Database, *, persons: int = 300, seed: int = 1, reference: dt.date | None = None) -> dict:
    """Fill a new or empty database with one demo village. Returns counts."""
    if installation.info(db) is None:
        installation.initialise(db, role="village", **DEMO_REGION)
    info = installation.require(db)
    rng = random.Random(seed)
    reference = reference or dt.date(2026, 7, 1)
    with db.session() as s:
        used = set(s.scalars(Person.__table__.select().with_only_columns(Person.id_number)))
    households, people = person_records(rng, region_code=info.region_code, count=persons, reference=reference,
                                        used_ids=used)
    with db.session() as s:
        changelog.bulk_insert(s, Household, households)
        changelog.bulk_insert(s, Person, people)
    person_ids = [p["id"] for p in people]
    for module in DEMO_STEP_MODULES:
        importlib.import_module(module).demo_step(db, rng, person_ids)
    db.set_setting("demo", True)
    return {"households": len(households), "persons": len(people)}
