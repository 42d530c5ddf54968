"""The error report: each rejected row as it was in the sheet, with a 错误说明 column beside it.

The header row repeats the original headers, so the worker can correct the report itself
and import it again (the extra 原行号 and 错误说明 columns map to no field).
"""

from __future__ import annotations

from pathlib import Path

from fieldworker.excel.fields import FIELDS_BY_KEY, field_for_header
from fieldworker.excel.roster_import import ImportPlan
from fieldworker.excel.writer import DATE, ID, NUMBER, TEXT, Column, SheetWriter, new_workbook, save

ERROR_COLUMN = "错误说明"
ROW_COLUMN = "原行号"


def _kind(header: str) -> str:
    key = field_for_header(header)
    if key is None:
        return TEXT
    kind = FIELDS_BY_KEY[key].kind
    if kind in ("id", "card") or key in ("phone", "guardian_phone"):
        return ID
    if kind in ("date", "check_date"):
        return DATE
    return TEXT


def write_error_report(plan: ImportPlan, path: Path) -> Path:
    sheet = plan.sheet
    columns = ([Column(ROW_COLUMN, NUMBER, 8)] + [Column(h or f"（{sheet.column_letter(i)}列）", _kind(h))
                                                  for i, h in enumerate(sheet.headers)]
               + [Column(ERROR_COLUMN, TEXT, 60)])
    wb = new_workbook()
    writer = SheetWriter(wb, "错误行", columns)
    originals = dict(sheet.rows)
    width = len(sheet.headers)
    for row in plan.error_rows:
        values = list(originals[row.row][:width]) + [None] * max(0, width - len(originals[row.row]))
        message = "；".join(str(p) for p in row.problems)
        writer.append([row.row, *values, message], highlight=[len(columns) - 1])
    return save(wb, path)
