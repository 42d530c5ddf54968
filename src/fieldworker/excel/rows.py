"""One sheet row → person and household input, with every problem named by its column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from fieldworker.domain import codes, ids
from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.excel import cells
from fieldworker.excel.fields import FIELDS_BY_KEY, ImportField
from fieldworker.excel.sheet import SheetData
from fieldworker.services.validation import HouseholdInput, PersonInput

HOUSEHOLD_INPUT_KEYS = {f.name for f in fields(HouseholdInput)}
PERSON_INPUT_KEYS = {f.name for f in fields(PersonInput)}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.column}：{self.message}" if self.column else f"第{self.row}行：{self.message}"


@dataclass
class ParsedRow:
    """The cells of one row that were filled, parsed; problems found while parsing."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # fields whose cell could not be read

    @property
    def id_number(self) -> str:
        return self.values.get("id_number", "")


def _parse_cell(spec: ImportField, value: object) -> Any:
    if spec.kind == "text":
        return cells.text(value)
    if spec.kind in ("id", "card"):
        return cells.id_text(value)
    if spec.kind == "region":
        return ids.validate_region_code(cells.id_text(value))
    if spec.kind == "code":
        return cells.code_value(value, spec.table or {}, spec.label)
    if spec.kind == "codes":
        return cells.codes_value(value, spec.table or {}, spec.label)
    if spec.kind == "bool":
        return cells.bool_value(value)
    if spec.kind in ("date", "check_date"):
        return cells.date_value(value)
    if spec.kind == "int":
        return cells.int_value(value)
    if spec.kind == "check_gender":
        return cells.code_value(value, codes.GENDER, "性别")
    raise AssertionError(spec.kind)


def parse_row(sheet: SheetData, columns: dict[str, int], row: int, values: tuple, *,
              today: dt.date) -> ParsedRow | None:
    """None for a row whose mapped cells are all empty (a note under the table, a spacer row)."""
    if all(cells.is_blank(values[i]) for i in columns.values() if i < len(values)):
        return None
    parsed = ParsedRow(row)
    for key, index in columns.items():
        value = values[index] if index < len(values) else None
        if cells.is_blank(value):
            continue
        spec = FIELDS_BY_KEY[key]
        try:
            parsed.values[key] = _parse_cell(spec, value)
        except ValidationError as exc:
            parsed.problems.append(RowProblem(row, sheet.column_name(index), exc.message))
            parsed.failed.add(key)
    card = parsed.values.get("card_number", "")
    if "id_number" not in parsed.values and len(card) == 20:
        parsed.values["id_number"] = card[:18]
    if not parsed.values.get("id_number") and not parsed.failed & {"id_number", "card_number"}:
        where = sheet.column_name(columns["id_number"]) if "id_number" in columns else "身份证号"
        parsed.problems.append(RowProblem(row, where, "缺少身份证号"))
    for key in ("status_date", "birth_date"):
        day = parsed.values.get(key)
        if isinstance(day, dt.date) and day > today:
            parsed.problems.append(RowProblem(row, sheet.column_name(columns[key]),
                                              f"日期{day:%Y年%m月%d日}晚于今天"))
            parsed.values.pop(key)
    return parsed


def _fill_from_card(parsed: ParsedRow, base: PersonInput) -> None:
    """Rosters often give only the 残疾人证号: its last two digits are the category and grade."""
    card = parsed.values.get("card_number", "")
    if len(card) != 20:
        return
    if "category" not in parsed.values and not base.category and card[18] in codes.DISABILITY_CATEGORY:
        parsed.values["category"] = card[18]
    if "grade" not in parsed.values and not base.grade and card[19] in codes.DISABILITY_GRADE:
        parsed.values["grade"] = card[19]


def person_input(parsed: ParsedRow, base: PersonInput) -> PersonInput:
    _fill_from_card(parsed, base)
    updates = {k: v for k, v in parsed.values.items() if k in PERSON_INPUT_KEYS}
    return PersonInput(**{**base.__dict__, **updates})


def household_input(parsed: ParsedRow, base: HouseholdInput | None, person_name: str) -> HouseholdInput:
    updates = {k: v for k, v in parsed.values.items() if k in HOUSEHOLD_INPUT_KEYS and k != "dibao"}
    if "household_dibao" in parsed.values:
        updates["dibao"] = parsed.values["household_dibao"]
    start = base.__dict__ if base is not None else {**HouseholdInput().__dict__, "head_name": person_name}
    return HouseholdInput(**{**start, **updates})


def has_household_columns(columns: dict[str, int]) -> bool:
    return any(FIELDS_BY_KEY[k].household for k in columns)


def check_against_id(parsed: ParsedRow, columns: dict[str, int], sheet: SheetData, clean: dict) -> None:
    """出生日期 and 性别 columns are not stored (the 身份证号 decides them) but must agree with it."""
    birth = parsed.values.get("birth_date")
    if birth is not None and birth != clean["birth_date"]:
        parsed.problems.append(RowProblem(parsed.row, sheet.column_name(columns["birth_date"]),
                                          f"出生日期{birth:%Y-%m-%d}与身份证号中的{clean['birth_date']:%Y-%m-%d}不一致"))
    gender = parsed.values.get("gender")
    if gender is not None and gender != clean["gender"]:
        parsed.problems.append(RowProblem(parsed.row, sheet.column_name(columns["gender"]),
                                          f"性别“{codes.label(codes.GENDER, gender)}”与身份证号（"
                                          f"{codes.label(codes.GENDER, clean['gender'])}）不一致"))


def field_problems(exc: FieldErrors, parsed: ParsedRow, columns: dict[str, int], sheet: SheetData,
                   *, household: bool = False) -> list[RowProblem]:
    out = []
    for error in exc.errors:
        key = error.field or ""
        if household and key == "dibao":
            key = "household_dibao"
        if key in parsed.failed or (key == "id_number" and not parsed.id_number):
            continue  # already reported from the cell itself
        if key in columns:
            column = sheet.column_name(columns[key])
        else:
            column = codes.FIELD_LABELS.get(key, "")
        out.append(RowProblem(parsed.row, column, error.message))
    return out


def normalize_id(text: str) -> str:
    return ids.normalize(text)
