"""身份证号 (GB 11643) and 第二代残疾人证号 rules.

A 身份证号 is 6 digits of 行政区划代码, 8 of birth date, 3 of sequence (odd = male) and a
check character (ISO 7064 MOD 11-2). A 残疾人证号 appends the 残疾类别 and 残疾等级 digits.

python-stdnum's region table is used only for a *warning*: numbers issued under a region
code that was later renamed or re-coded are real and common, so an unknown county must not
block a record. Birth dates in the future are refused (stdnum would accept them).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# Province-level prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门, 83 for Taiwan residents' permits).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
EARLIEST_BIRTH = dt.date(1890, 1, 1)


def normalize(text: str) -> str:
    """Strip spaces and full-width forms; a lower-case x becomes X (sheets and IMEs produce all of these)."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(folded.split()).upper()


def check_character(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class IdNumber:
    number: str
    region_code: str
    birth_date: dt.date
    sequence: str
    warnings: tuple[str, ...] = field(default=())

    @property
    def gender(self) -> str:
        """National code GB/T 2261.1: 1 男, 2 女 (odd sequence = male)."""
        return "1" if int(self.sequence[-1]) % 2 else "2"

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def province_name(self) -> str | None:
        return _place(self.number).get("province")

    def county_name(self) -> str | None:
        return _place(self.number).get("county")


@dataclass(frozen=True)
class DisabilityCard:
    number: str
    id_number: IdNumber
    category: str
    grade: str


def parse_id_number(text: str, *, today: dt.date | None = None) -> IdNumber:
    number = normalize(text)
    today = today or dt.date.today()
    if len(number) != 18:
        raise ValidationError("id_length", f"身份证号应为18位，现为{len(number)}位", "id_number")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError("id_chars", "身份证号前17位应为数字，最后一位为数字或X", "id_number")
    if number[:2] not in PROVINCE_CODES:
        raise ValidationError("id_region", f"身份证号前两位“{number[:2]}”不是有效的省级行政区划代码", "id_number")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("id_birth_invalid", f"身份证号中的出生日期“{number[6:14]}”不是有效日期", "id_number") from None
    if birth > today:
        raise ValidationError("id_birth_future", f"身份证号中的出生日期{birth:%Y年%m月%d日}晚于今天", "id_number")
    if birth < EARLIEST_BIRTH:
        raise ValidationError("id_birth_too_old", f"身份证号中的出生日期{birth:%Y年%m月%d日}过早", "id_number")
    expected = check_character(number[:17])
    if number[17] != expected:
        raise ValidationError(
            "id_checksum", f"身份证号校验位错误：最后一位应为“{expected}”，现为“{number[17]}”", "id_number"
        )
    warnings = []
    if not _place(number).get("county"):
        warnings.append(f"行政区划代码{number[:6]}不在国家区划表中（可能是旧代码或已撤并地区），请核对")
    return IdNumber(number, number[:6], birth, number[14:17], tuple(warnings))


def parse_card_number(text: str, *, today: dt.date | None = None) -> DisabilityCard:
    number = normalize(text)
    if len(number) != 20:
        raise ValidationError("card_length", f"残疾人证号应为20位（身份证号+类别+等级），现为{len(number)}位", "card_number")
    try:
        id_number = parse_id_number(number[:18], today=today)
    except ValidationError as exc:
        raise ValidationError("card_" + exc.code, "残疾人证号的前18位有误：" + exc.message, "card_number") from None
    category, grade = number[18], number[19]
    if category not in codes.DISABILITY_CATEGORY:
        raise ValidationError("card_category", f"残疾人证号第19位（残疾类别）应为1–7，现为“{category}”", "card_number")
    if grade not in codes.DISABILITY_GRADE:
        raise ValidationError("card_grade", f"残疾人证号第20位（残疾等级）应为1–4，现为“{grade}”", "card_number")
    return DisabilityCard(number, id_number, category, grade)


def card_number_for(id_number: str, category: str, grade: str) -> str:
    return normalize(id_number) + category + grade


def check_card_consistency(card: DisabilityCard, *, id_number: str, category: str, grade: str) -> list[ValidationError]:
    """The certificate repeats the ID number and encodes category and grade; all three must agree."""
    problems = []
    if card.id_number.number != normalize(id_number):
        problems.append(ValidationError("card_id_mismatch", "残疾人证号的前18位与身份证号不一致", "card_number"))
    if card.category != category:
        problems.append(ValidationError(
            "card_category_mismatch",
            f"残疾人证号显示残疾类别为“{codes.label(codes.DISABILITY_CATEGORY, card.category)}”，"
            f"与所填“{codes.label(codes.DISABILITY_CATEGORY, category)}”不一致",
            "card_number",
        ))
    if card.grade != grade:
        problems.append(ValidationError(
            "card_grade_mismatch",
            f"残疾人证号显示残疾等级为“{codes.label(codes.DISABILITY_GRADE, card.grade)}”，"
            f"与所填“{codes.label(codes.DISABILITY_GRADE, grade)}”不一致",
            "card_number",
        ))
    return problems


def describe(text: str, *, today: dt.date | None = None) -> dict[str, str]:
    """Decode a 身份证号 or 残疾人证号 into labelled fields (raises ValidationError when invalid)."""
    number = normalize(text)
    if len(number) == 20:
        card = parse_card_number(number, today=today)
        info = _describe_id(card.id_number)
        info.update({
            "kind": "残疾人证号",
            "category": codes.label(codes.DISABILITY_CATEGORY, card.category),
            "grade": codes.label(codes.DISABILITY_GRADE, card.grade),
        })
        return info
    info = _describe_id(parse_id_number(number, today=today))
    info["kind"] = "身份证号"
    return info


def _describe_id(idn: IdNumber) -> dict[str, str]:
    place = " ".join(p for p in (idn.province_name(), idn.county_name()) if p)
    info = {
        "number": idn.number,
        "birth_date": idn.birth_date.isoformat(),
        "gender": codes.label(codes.GENDER, idn.gender),
        "region_code": idn.region_code,
        "place": place or "未知",
    }
    if idn.warnings:
        info["warning"] = "；".join(idn.warnings)
    return info


def _place(number: str) -> dict[str, str]:
    from stdnum import numdb

    results = numdb.get("cn/loc").info(number[:6])
    info = {k: v for _part, props in results for k, v in props.items()}
    county = info.get("county", "")
    if county.startswith("["):
        # Historical entries look like "[1983-1990]某县,[1991-]某区"; the newest name is last.
        info["county"] = county.split(",")[-1].split("]")[-1]
    return info


def validate_region_code(code: str) -> str:
    """12-digit 统计用区划代码: county (6) + township (3) + village (3)."""
    value = normalize(code)
    if len(value) != 12 or not value.isdigit():
        raise ValidationError("region_code", "区划代码应为12位数字（县6位+乡镇3位+村3位）", "region_code")
    if value[:2] not in PROVINCE_CODES:
        raise ValidationError("region_code", f"区划代码前两位“{value[:2]}”不是有效的省级代码", "region_code")
    return value
