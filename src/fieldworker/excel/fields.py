"""The roster fields an Excel sheet can fill, the header names districts use for them, and their kinds.

Header names are compared after ``normalize_header`` (full-width folded, spaces, line breaks,
asterisks and bracketed notes removed), so "身份证号码\n（18位）*" matches "身份证号码".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

from fieldworker.domain import codes


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    kind: str  # text | id | card | region | code | codes | bool | date | int | check_date | check_gender
    synonyms: tuple[str, ...] = ()
    table: Mapping[str, str] | None = None
    household: bool = False  # a field of the household, not the person


def _f(key: str, kind: str, synonyms: str = "", table: Mapping[str, str] | None = None, *,
       label: str | None = None, household: bool = False) -> ImportField:
    label = label or codes.FIELD_LABELS[key]
    return ImportField(key, label, kind, tuple(dict.fromkeys([label, *synonyms.split()])), table, household)


FIELDS: tuple[ImportField, ...] = (
    _f("name", "text", "姓名 残疾人姓名 名字 持证人姓名"),
    _f("id_number", "id", "身份证号 身份证号码 公民身份号码 公民身份证号 身份证 证件号码 身份号码"),
    _f("card_number", "card", "残疾人证号 残疾证号 残疾人证号码 残疾证号码 第二代残疾人证号 残疾人证编号"),
    _f("category", "code", "残疾类别 残疾类型 类别 残疾种类", codes.DISABILITY_CATEGORY),
    _f("grade", "code", "残疾等级 等级 残疾级别 级别", codes.DISABILITY_GRADE),
    _f("sub_categories", "codes", "多重残疾类别 多重残疾 多重类别", codes.SINGLE_CATEGORIES),
    _f("ethnicity", "code", "民族", codes.ETHNICITY),
    _f("relation_to_head", "code", "与户主关系 家庭关系 关系", codes.RELATION_TO_HEAD),
    _f("phone", "text", "联系电话 电话 手机 手机号 手机号码 联系方式"),
    _f("guardian_name", "text", "监护人 监护人姓名 联系人"),
    _f("guardian_phone", "text", "监护人电话 监护人联系电话 联系人电话"),
    _f("status", "code", "人员状态 状态", codes.PERSON_STATUS),
    _f("status_date", "date", "变动日期 状态变动日期"),
    _f("dibao", "bool", "低保 是否低保 低保对象 是否低保对象 享受低保"),
    _f("living_subsidy", "bool", "困难残疾人生活补贴 生活补贴 是否享受生活补贴 享受生活补贴"),
    _f("care_subsidy", "bool", "重度残疾人护理补贴 护理补贴 是否享受护理补贴 享受护理补贴"),
    _f("pension_insurance", "code", "城乡居民养老保险 养老保险 养老保险状态", codes.PENSION_INSURANCE),
    _f("medical_insurance", "code", "基本医疗保险 医疗保险 医疗保险状态", codes.MEDICAL_INSURANCE),
    _f("family_doctor", "bool", "家庭医生签约 家庭医生 是否签约家庭医生"),
    _f("education_status", "code", "受教育状态 就学状况 在校情况", codes.EDUCATION_STATUS),
    _f("employment_status", "code", "就业状态 就业情况 就业形式", codes.EMPLOYMENT_STATUS),
    _f("notes", "text", "备注 说明"),
    # The village a person belongs to (12-digit 统计用区划代码); this installation's region when absent.
    _f("region_code", "region", "区划代码 统计用区划代码 村区划代码 行政区划代码"),
    # Read only to check them against the 身份证号, which is where they are taken from.
    _f("birth_date", "check_date", "出生日期 出生年月日 生日"),
    _f("gender", "check_gender", "性别"),
    # Household columns.
    _f("head_name", "text", "户主姓名 户主", household=True),
    _f("head_id_number", "id", "户主身份证号 户主身份证号码", household=True),
    _f("address", "text", "住址 家庭住址 现住址 地址 居住地址 家庭地址", household=True),
    _f("hukou_type", "code", "户籍类型 户口性质 户口类型 户籍性质", codes.HUKOU_TYPE, household=True),
    _f("members_count", "int", "家庭人口数 家庭人口 家庭人数 户人口数", household=True),
    _f("income_per_capita", "int", "人均年收入 家庭人均收入 家庭人均年收入", household=True),
    _f("household_dibao", "bool", "低保户 是否低保户 家庭低保", label="低保户", household=True),
    _f("tekun", "bool", "特困供养 特困 特困人员 是否特困", household=True),
    _f("housing_status", "code", "住房状况 住房情况 住房类型", codes.HOUSING_STATUS, household=True),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
IDENTITY_FIELDS = ("name", "id_number")

_BRACKETS = re.compile(r"[(\[【][^)\]】]*[)\]】]")


def normalize_header(value: object) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _BRACKETS.sub("", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "*:：#").strip()


_SYNONYMS: dict[str, str] = {}
for _field in FIELDS:
    for _name in _field.synonyms:
        _SYNONYMS.setdefault(normalize_header(_name), _field.key)


def field_for_header(header: object) -> str | None:
    return _SYNONYMS.get(normalize_header(header))
