"""Turning what real sheets contain into field values; raises ValidationError without a location.

Sheets store 身份证号 as numbers (Excel keeps 15 significant digits, so the last three are
lost and the number shows as 3.30521E+17), with spaces, full-width digits or a leading
apostrophe; dates as Excel serial numbers, date cells or text in several spellings; codes
as the code, the label or a short form of it ("肢体", "二级", "2级").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Mapping

from openpyxl.utils.datetime import from_excel

from fieldworker.domain import ids
from fieldworker.domain.errors import ValidationError

_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$")
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7"}
TRUE_WORDS = frozenset("是 有 享受 已享受 已签约 签约 √ ✓ Y YES TRUE 1".split())
FALSE_WORDS = frozenset("否 无 没有 未享受 未签约 不享受 × ✗ N NO FALSE 0".split())


def text(value: object) -> str:
    """Cell as trimmed text with full-width forms folded (a number keeps its digits, no '.0')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def id_text(value: object, *, digits: int = 18) -> str:
    """An ID number as text; refuses numbers whose last digits Excel has already lost."""
    if isinstance(value, bool):
        raise ValidationError("id_type", "应为号码，不是是/否")
    if isinstance(value, float):
        if value >= 1e15:
            raise ValidationError(
                "id_precision_lost",
                f"号码以数字格式保存，Excel只保留15位有效数字，后几位已丢失（{value:.6E}）：请把该列设为文本格式后重新填写")
        value = int(value)
    if isinstance(value, int):
        return str(value)
    raw = ids.normalize(str(value)).lstrip("'‘’`")
    if _SCIENTIFIC.match(raw):
        raise ValidationError(
            "id_precision_lost", f"号码是科学计数法“{raw}”，后几位已丢失：请把该列设为文本格式后重新填写")
    return raw


def date_value(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial range (1900-01-01 … 9999-12-31)
            result = from_excel(value)
            return result.date() if isinstance(result, dt.datetime) else result
        raise ValidationError("date_serial", f"日期数字“{value}”超出范围")
    raw = text(value).replace(" ", "")
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d", "%Y-%m-%d%H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValidationError("date_format", f"“{raw}”不是可识别的日期（如 2024-05-01 或 2024年5月1日）")


def bool_value(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raw = text(value).upper()
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise ValidationError("bool_value", f"“{text(value)}”应为“是”或“否”")


def int_value(value: object) -> int:
    if isinstance(value, bool):
        raise ValidationError("int_value", "应为整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = text(value).replace(",", "").removesuffix("元").removesuffix("人")
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        number = float(raw)
    except ValueError:
        raise ValidationError("int_value", f"“{text(value)}”应为整数") from None
    if not number.is_integer():
        raise ValidationError("int_value", f"“{text(value)}”应为整数")
    return int(number)


def _short_forms(label: str) -> list[str]:
    """"个体就业（含自主创业）" is also "个体就业" and "个体"; "肢体残疾" is also "肢体"."""
    forms = [label]
    head = re.split(r"[（(]", label)[0]
    for form in dict.fromkeys([label, head]):
        forms.append(form)
        for suffix in ("残疾", "族", "就业"):
            if form.endswith(suffix) and len(form) > len(suffix):
                forms.append(form[: -len(suffix)])
    return forms


_LOOKUPS: dict[int, dict[str, str]] = {}


def _lookup(table: Mapping[str, str]) -> dict[str, str]:
    cached = _LOOKUPS.get(id(table))
    if cached is None:
        cached = {}
        for code, label in table.items():
            cached[code] = code
            for form in _short_forms(label):
                # Cells are NFKC-folded (full-width brackets become ASCII), so the labels are too.
                cached.setdefault(unicodedata.normalize("NFKC", form).replace(" ", ""), code)
        _LOOKUPS[id(table)] = cached
    return cached


def code_value(value: object, table: Mapping[str, str], what: str) -> str:
    """A code from the code itself, its label or a short form ("肢体", "二级", "2级", 2, "02")."""
    raw = text(value)
    lookup = _lookup(table)
    candidates = [raw.replace(" ", "")]
    stripped = raw.removesuffix("级")
    candidates.append(_CN_DIGITS.get(stripped, stripped))
    if raw.isdigit():
        candidates += [raw.lstrip("0") or "0", raw.zfill(2)]
    for candidate in candidates:
        if candidate in lookup:
            return lookup[candidate]
    raise ValidationError("code_unknown", f"“{raw}”不是有效的{what}（可填：{'、'.join(list(table.values())[:8])}…）"
                          if len(table) > 8 else f"“{raw}”不是有效的{what}（可填：{'、'.join(table.values())}）")


def codes_value(value: object, table: Mapping[str, str], what: str) -> str:
    """Several codes in one cell ("视力、肢体" or "1,4")."""
    parts = [p for p in re.split(r"[,，、;；/ ]+", text(value)) if p]
    return ",".join(sorted({code_value(p, table, what) for p in parts}))
