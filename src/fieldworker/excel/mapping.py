"""Which column fills which field: guessed from header names, remembered per sheet layout, or named.

Mappings are kept as settings (this installation's preferences, not synced data):
``excel.import.layouts`` maps a layout key (see ``SheetData.layout_key``) to the mapping last
used for that layout, ``excel.import.named`` maps a name chosen by the worker to a mapping.
A mapping is ``{header text: field key}``, so it survives columns being moved.
"""

from __future__ import annotations

from fieldworker.domain.errors import ValidationError
from fieldworker.excel.fields import FIELDS_BY_KEY, field_for_header, normalize_header
from fieldworker.excel.sheet import SheetData
from fieldworker.store.engine import Database

LAYOUTS_SETTING = "excel.import.layouts"
NAMED_SETTING = "excel.import.named"
Mapping = dict[str, str]  # header text → field key


def guess(sheet: SheetData) -> Mapping:
    """Map every recognised header; the first column wins when two headers mean the same field."""
    mapping: Mapping = {}
    taken: set[str] = set()
    for header in sheet.headers:
        key = field_for_header(header)
        if key and key not in taken and header not in mapping:
            mapping[header] = key
            taken.add(key)
    return mapping


def remembered(db: Database, sheet: SheetData) -> Mapping | None:
    layouts = db.get_setting(LAYOUTS_SETTING, {}) or {}
    entry = layouts.get(sheet.layout_key)
    return dict(entry) if entry else None


def remember(db: Database, sheet: SheetData, mapping: Mapping) -> None:
    layouts = dict(db.get_setting(LAYOUTS_SETTING, {}) or {})
    layouts[sheet.layout_key] = dict(mapping)
    db.set_setting(LAYOUTS_SETTING, layouts)


def named(db: Database) -> dict[str, Mapping]:
    return dict(db.get_setting(NAMED_SETTING, {}) or {})


def load_named(db: Database, name: str) -> Mapping:
    mappings = named(db)
    if name not in mappings:
        known = "、".join(sorted(mappings)) or "（无）"
        raise ValidationError("mapping_unknown", f"没有名为“{name}”的列对应方案；已保存的方案：{known}")
    return dict(mappings[name])


def save_named(db: Database, name: str, mapping: Mapping) -> None:
    if not name.strip():
        raise ValidationError("mapping_name", "请填写方案名称")
    mappings = named(db)
    mappings[name.strip()] = dict(mapping)
    db.set_setting(NAMED_SETTING, mappings)


def known_headers(db: Database) -> set[str]:
    """Every header name some saved mapping uses (helps find the header row of such a layout)."""
    layouts = db.get_setting(LAYOUTS_SETTING, {}) or {}
    return {h for m in [*layouts.values(), *named(db).values()] for h in m}


def for_sheet(db: Database, sheet: SheetData, *, name: str | None = None) -> Mapping:
    """The mapping to propose: a named one if asked, else the one remembered for this layout, else a guess."""
    if name:
        return load_named(db, name)
    return remembered(db, sheet) or guess(sheet)


def check(sheet: SheetData, mapping: Mapping) -> Mapping:
    """Keep the entries whose header is in this sheet; refuse unknown fields, doubles and a missing 身份证号."""
    present = {normalize_header(h): h for h in sheet.headers if h}
    clean: Mapping = {}
    seen: dict[str, str] = {}
    for header, key in mapping.items():
        if not key:
            continue
        if key not in FIELDS_BY_KEY:
            raise ValidationError("mapping_field", f"列“{header}”对应的字段“{key}”不存在")
        actual = present.get(normalize_header(header))
        if actual is None:
            continue
        if key in seen:
            raise ValidationError("mapping_double", f"列“{seen[key]}”和“{actual}”都对应“{FIELDS_BY_KEY[key].label}”，请只保留一列")
        seen[key] = actual
        clean[actual] = key
    if "id_number" not in seen and "card_number" not in seen:
        raise ValidationError("mapping_no_id", "没有对应“身份证号”或“残疾人证号”的列：按身份证号识别人员，不能缺少")
    if "name" not in seen:
        raise ValidationError("mapping_no_name", "没有对应“姓名”的列")
    return clean


def column_indexes(sheet: SheetData, mapping: Mapping) -> dict[str, int]:
    """Field key → column index in the sheet."""
    index = {h: i for i, h in enumerate(sheet.headers) if h}
    return {key: index[header] for header, key in mapping.items() if header in index}
