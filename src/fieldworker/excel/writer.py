"""Formatted .xlsx files in openpyxl's write-only mode: Chinese headers, frozen header row,
column widths, ID columns as text (so Excel shows all 18 digits), dates as dates.

Files are written to a temporary name in the same folder and moved into place, so a
cancelled or failed export never leaves a half-written file under the chosen name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

TEXT, DATE, NUMBER, PERCENT = "text", "date", "number", "percent"
ID = "id"  # text that must stay text: 身份证号, 残疾人证号, 区划代码, phone numbers

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_BORDER = Border(bottom=Side(style="thin"))
_WRAP = Alignment(wrap_text=True, vertical="center")
_SHORT_FONT = Font(color="C00000", bold=True)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: float | None = None

    def auto_width(self) -> float:
        if self.width:
            return self.width
        if self.kind == ID:
            return 22
        if self.kind == DATE:
            return 12
        # CJK characters are about two Latin widths wide.
        return max(8.0, min(40.0, sum(2 if ord(ch) > 0x2E80 else 1 for ch in self.header) + 3))


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path next to ``path``; moved over it only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix="." + path.stem + "-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


class SheetWriter:
    """Appends rows to one write-only sheet with per-column formatting."""

    def __init__(self, workbook: Workbook, title: str, columns: list[Column], *, heading: str | None = None) -> None:
        self.ws = workbook.create_sheet(title=title[:31])
        self.columns = columns
        for index, column in enumerate(columns, start=1):
            from openpyxl.utils import get_column_letter

            self.ws.column_dimensions[get_column_letter(index)].width = column.auto_width()
        header_row = 1
        if heading:
            title_cell = WriteOnlyCell(self.ws, value=heading)
            title_cell.font = Font(bold=True, size=14)
            self.ws.append([title_cell])
            header_row = 2
        self.ws.freeze_panes = f"A{header_row + 1}"
        cells = []
        for column in columns:
            cell = WriteOnlyCell(self.ws, value=column.header)
            cell.font, cell.fill, cell.border, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER, _WRAP
            cells.append(cell)
        self.ws.append(cells)
        # Only cells needing a format become WriteOnlyCell objects: the rest stay plain values (fast).
        # Dates need none: openpyxl gives a date value the "yyyy-mm-dd" format by itself.
        self._formatted = [i for i, c in enumerate(columns) if c.kind in (ID, PERCENT)]
        self.rows = 0

    def _cell(self, kind: str, value: Any, *, highlight: bool = False) -> Any:
        if value is None or value == "":
            return None
        cell = WriteOnlyCell(self.ws, value=str(value) if kind == ID else value)
        if kind == ID:
            cell.number_format = "@"
        elif kind == DATE and isinstance(value, (dt.date, dt.datetime)):
            cell.number_format = "yyyy-mm-dd"
        elif kind == PERCENT:
            cell.number_format = "0.0%"
        if highlight:
            cell.font = _SHORT_FONT
        return cell

    def append(self, values: list[Any], *, highlight: Iterable[int] = ()) -> None:
        row = list(values)
        marked = set(highlight)
        for index in self._formatted:
            if index < len(row):
                row[index] = self._cell(self.columns[index].kind, row[index], highlight=index in marked)
        for index in marked - set(self._formatted):
            if index < len(row) and row[index] not in (None, ""):
                cell = WriteOnlyCell(self.ws, value=row[index])
                cell.font = _SHORT_FONT
                row[index] = cell
        self.ws.append(row)
        self.rows += 1


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save(workbook: Workbook, path: Path) -> Path:
    with atomic_path(path) as tmp:
        workbook.save(tmp)
    return Path(path)


def discard(workbook: Workbook) -> None:
    """Close a write-only workbook that will not be saved (cancelled export) and drop its temp files.

    openpyxl streams each sheet to a temporary file and only cleans up on save, so an
    unsaved workbook would otherwise leave an open generator and a file in the temp folder.
    """
    for ws in workbook.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if isinstance(out, str) and os.path.exists(out):
            os.remove(out)
