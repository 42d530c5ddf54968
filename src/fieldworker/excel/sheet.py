"""Reading a roster workbook: refuse formats we cannot read, pick the sheet, find the header row.

Only .xlsx/.xlsm are read. An old .xls or a .csv is refused with a message telling the
worker to save it as .xlsx from Excel or WPS: .xls needs another reader, and a .csv has
already lost the 身份证号 digits and the encoding question is a guess.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
import openpyxl

from fieldworker.domain.errors import ValidationError
from fieldworker.excel.cells import is_blank
from fieldworker.excel.fields import IDENTITY_FIELDS, field_for_header, normalize_header
from fieldworker.jobs import NO_PROGRESS, Progress

HEADER_SCAN_ROWS = 30
READABLE_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class SheetData:
    path: Path
    sheet_name: str
    header_row: int  # 1-based row number of the header in the sheet
    headers: list[str]  # the cells of the header row as text ("" for empty columns)
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (sheet row number, cell values)
    other_sheets: list[str] = field(default_factory=list)

    @property
    def layout_key(self) -> str:
        """Identifies a sheet layout (the header names in order) for remembering its mapping."""
        joined = "|".join(normalize_header(h) for h in self.headers)
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]

    def column_letter(self, index: int) -> str:
        from openpyxl.utils import get_column_letter

        return get_column_letter(index + 1)

    def column_name(self, index: int) -> str:
        header = " ".join(self.headers[index].split()) if index < len(self.headers) else ""
        return f"{header}（{self.column_letter(index)}列）" if header else f"{self.column_letter(index)}列"


def check_readable(path: Path) -> None:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ValidationError("file_missing", f"文件不存在：{path}")
    if suffix == ".xls":
        raise ValidationError("xls_refused", "不支持旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入")
    if suffix == ".csv":
        raise ValidationError("csv_refused", "不支持 .csv 文件（身份证号在 CSV 中常已丢失位数）：请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    if suffix not in READABLE_SUFFIXES:
        raise ValidationError("suffix_refused", f"不支持“{suffix or '无扩展名'}”文件：请选择 .xlsx 格式的 Excel 表格")
    if not zipfile.is_zipfile(path):
        raise ValidationError("not_xlsx", "文件不是有效的 .xlsx 表格（可能是改了扩展名的旧版 .xls 或已损坏）：请在 Excel 或 WPS 中另存为 .xlsx")


def _header_score(values: tuple, hints: frozenset[str]) -> tuple[int, bool]:
    """How many cells name a known field (or a header a saved mapping uses), and whether 姓名/身份证号 is one."""
    keys = {field_for_header(v) for v in values if not is_blank(v)} - {None}
    hinted = sum(1 for v in values if not is_blank(v) and normalize_header(v) in hints)
    return max(len(keys), hinted), any(k in keys for k in IDENTITY_FIELDS) or hinted >= 2


def _find_header(ws, hints: frozenset[str]) -> tuple[int, tuple, int]:  # type: ignore[no-untyped-def]
    best = (0, 0, ())
    for number, values in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1):
        score, has_identity = _header_score(values, hints)
        if has_identity and score > best[0]:
            best = (score, number, values)
    return best[1], best[2], best[0]


def read_sheet(path: Path | str, *, sheet_name: str | None = None, known_headers: Iterable[str] = (),
               progress: Progress = NO_PROGRESS) -> SheetData:
    """The roster sheet's header and data rows (blank rows dropped). Picks the best-matching sheet.

    ``known_headers`` are header names of saved mappings, so a layout whose headers we could
    not guess is still found once the worker has mapped it.
    """
    path = Path(path)
    hints = frozenset(normalize_header(h) for h in known_headers)
    check_readable(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("xlsx_unreadable", f"无法读取该表格：{exc}") from None
    try:
        names = wb.sheetnames
        candidates = [sheet_name] if sheet_name else names
        best: tuple[int, str, int, tuple] = (0, "", 0, ())
        for name in candidates:
            if name not in names:
                raise ValidationError("sheet_missing", f"表格中没有名为“{name}”的工作表")
            row, values, score = _find_header(wb[name], hints)
            if score > best[0]:
                best = (score, name, row, values)
        score, name, header_row, header_values = best
        if score < 2:
            raise ValidationError(
                "header_missing",
                f"在前{HEADER_SCAN_ROWS}行中找不到表头：表头应含“姓名”或“身份证号”等列名，并至少能识别两列")
        headers = ["" if is_blank(v) else str(v).strip() for v in header_values]  # kept as written
        while headers and not headers[-1]:
            headers.pop()
        ws = wb[name]
        total = ws.max_row or 0
        rows = []
        for number, values in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1):
            if number % 2000 == 0:
                progress.report(number, total, f"读取第{number}行")
            if all(is_blank(v) for v in values):
                continue
            rows.append((number, tuple(values[: max(len(headers), 1)])))
        return SheetData(path, name, header_row, headers, rows, [n for n in names if n != name])
    finally:
        wb.close()
