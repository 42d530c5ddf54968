"""Printable pages as plain data: text, lines and boxes placed in millimetres from the top left.

A layout (survey form, request form…) builds ``Page`` objects once; ``printing.pdf`` draws
them with reportlab into a PDF, and the GUI draws the very same objects on a QPrinter, so
paper from the PDF and paper from the printer dialog cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import functools
from typing import Callable, Union

from reportlab.pdfbase import pdfmetrics

from fieldworker.printing.fonts import register_cjk_font

A4_WIDTH, A4_HEIGHT = 210.0, 297.0
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = 10.0  # points
    align: str = "left"  # left | center | right
    grey: bool = False


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.3  # mm


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    checked: bool = False  # draw a tick inside
    fill: float | None = None  # grey level 0–1 for a shaded band
    stroke: bool = True


Item = Union[Text, Line, Box]


@dataclass
class Page:
    width: float = A4_WIDTH
    height: float = A4_HEIGHT
    items: list[Item] = field(default_factory=list)


@functools.lru_cache(maxsize=16384)
def text_width(text: str, size: float) -> float:
    """Width in millimetres of ``text`` in the bundled CJK font at ``size`` points.

    Cached: a batch prints the same labels on every form.
    """
    return pdfmetrics.stringWidth(text, register_cjk_font(), size) / PT_PER_MM


@functools.lru_cache(maxsize=4096)
def _wrap_cached(text: str, width: float, size: float) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, current_width = "", 0.0
        for char in paragraph:
            char_width = text_width(char, size)
            if current and current_width + char_width > width:
                lines.append(current)
                current, current_width = char.lstrip(), (char_width if char.strip() else 0.0)
            else:
                current += char
                current_width += char_width
        lines.append(current)
    return tuple(lines)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break text into lines no wider than ``width`` mm; CJK text may break between any characters."""
    return list(_wrap_cached(text, round(width, 3), size))


class Flow:
    """Fills pages top to bottom; ``need(h)`` starts a new page when less than ``h`` mm is left."""

    def __init__(self, *, margin: float = 15.0, top: float = 15.0, bottom: float = 18.0,
                 on_new_page: Callable[["Flow"], None] | None = None) -> None:
        self.margin, self.top, self.bottom = margin, top, bottom
        self.pages: list[Page] = []
        self.on_new_page = on_new_page
        self.y = 0.0
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.page.width - self.margin

    @property
    def width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.top
        if self.on_new_page:
            self.on_new_page(self)

    def need(self, height: float) -> None:
        if self.y + height > self.page.height - self.bottom:
            self.new_page()

    def add(self, item: Item) -> None:
        self.page.items.append(item)


def signature_line(flow: Flow, labels: list[str], *, size: float = 10.5, line_height: float = 10.0) -> None:
    """One row of "标签：________" signature fields spread across the width."""
    flow.need(line_height + 2)
    slot = flow.width / len(labels)
    baseline = flow.y + line_height - 2
    for i, label in enumerate(labels):
        x = flow.left + i * slot
        flow.add(Text(x, baseline, label, size))
        start = x + text_width(label, size) + 1
        flow.add(Line(start, baseline + 0.8, x + slot - 4, baseline + 0.8, 0.25))
    flow.y += line_height + 2
