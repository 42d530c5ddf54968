"""The paper survey form, laid out from the same form definition the screen renders.

Every item of the edition is printed (paper is also the fallback when the laptop is not at
hand): choice items as tick boxes with their codes, other items on a line. A filled form
ticks the answers and marks the items skipped by the form's own logic as 不适用.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldworker.formdef import engine
from fieldworker.formdef.model import FormDefinition, Question
from fieldworker.printing.pages import Box, Flow, Line, Page, Text, signature_line, text_width, wrap
from fieldworker.survey.models import METHOD_LABELS

BODY = 9.5
SMALL = 7.5
LINE = 5.0  # mm between text lines
BOX = 3.0
QUESTION_GAP = 1.6


@dataclass(frozen=True)
class PrintHeader:
    """Who and where, printed above the items (blank on a paper-fallback form)."""

    county: str = ""
    township: str = ""
    village: str = ""
    person_line: str = ""
    year: int | None = None
    method: str = ""
    surveyor: str = ""
    survey_date: str = ""
    footer_name: str = ""


def survey_pages(form: FormDefinition, header: PrintHeader, answers: dict[str, Any] | None = None,
                 facts: dict[str, Any] | None = None, *, apply_skips: bool = True) -> list[Page]:
    """Pages for one form; ``answers is None`` gives a blank form.

    ``apply_skips=False`` prints every item with whatever answers are known (a form to take
    to an unfinished interview); otherwise skipped items are marked 不适用.
    """
    evaluation = engine.evaluate(form, answers or {}, facts) if facts is not None else None
    if evaluation is not None and not apply_skips:
        evaluation.relevant = dict.fromkeys(evaluation.relevant, True)
        cleaned, _ = engine.clean_answers(form, answers or {})
        evaluation.values.update({q.id: cleaned.get(q.id) for q in form.questions()})
    flow = Flow(margin=14, top=14, bottom=16)
    _title(flow, form, header)
    for section in form.sections:
        flow.need(LINE * 3)
        flow.add(Box(flow.left, flow.y, flow.width, LINE + 0.6, fill=0.88, stroke=False))
        flow.add(Text(flow.left + 1.5, flow.y + LINE - 1.2, section.title, BODY + 1))
        flow.y += LINE + 2
        for question in section.questions:
            shown = evaluation.relevant[question.id] if evaluation else True
            value = evaluation.values.get(question.id) if (evaluation and shown) else None
            _question(flow, question, value, skipped=evaluation is not None and not shown)
    _signatures(flow, header)
    _page_footers(flow.pages, form, header)
    return flow.pages


def _title(flow: Flow, form: FormDefinition, header: PrintHeader) -> None:
    center = flow.left + flow.width / 2
    meta = f"表号：{form.table_number}　{form.authority}　版本：{form.version}"
    flow.add(Text(flow.right, flow.y + 3, meta, SMALL, align="right", grey=True))
    flow.y += 6
    for line in wrap(form.title, flow.width, 14):
        flow.add(Text(center, flow.y + 5, line, 14, align="center"))
        flow.y += 7
    year = f"{header.year}年度" if header.year else "______年度"
    flow.add(Text(center, flow.y + 4, year, BODY, align="center"))
    flow.y += 7
    place = [(header.county, "县（区、市）"), (header.township, "乡（镇、街道）"), (header.village, "村（社区）")]
    x = flow.left
    for name, unit in place:
        x = _filled_blank(flow, x, flow.y + 4, name, 26) + 0.5
        flow.add(Text(x, flow.y + 4, unit, BODY))
        x += text_width(unit, BODY) + 3
    flow.y += 7
    if header.person_line:
        flow.add(Text(flow.left, flow.y + 4, "调查对象：" + header.person_line, BODY))
        flow.y += 7
    flow.add(Line(flow.left, flow.y, flow.right, flow.y, 0.4))
    flow.y += 2.5


def _filled_blank(flow: Flow, x: float, baseline: float, value: str, width: float) -> float:
    """An underlined blank, with ``value`` written on it when known. Returns the x after it."""
    width = max(width, text_width(value, BODY) + 4)
    flow.add(Line(x, baseline + 0.9, x + width, baseline + 0.9, 0.25))
    if value:
        flow.add(Text(x + width / 2, baseline, value, BODY, align="center"))
    return x + width


def _question(flow: Flow, q: Question, value: Any, *, skipped: bool) -> None:
    label = f"{q.display_number}　{q.label}" if q.display_number != q.label else q.label
    if q.unconfirmed:
        label += "＊"
    label_lines = wrap(label, flow.width - 22, BODY)
    flow.need(LINE * (len(label_lines) + (1 if q.is_choice else 0)) + QUESTION_GAP)
    for i, line in enumerate(label_lines):
        flow.add(Text(flow.left, flow.y + LINE - 1.3, line, BODY, grey=skipped))
        if i < len(label_lines) - 1:
            flow.y += LINE
    if skipped:
        flow.add(Text(flow.right, flow.y + LINE - 1.3, "（不适用）", SMALL, align="right", grey=True))
    if q.is_choice:
        flow.y += LINE
        chosen = set(value if isinstance(value, list) else ([value] if value is not None else []))
        _choices(flow, q, chosen, grey=skipped)
    else:
        text = engine.format_answer(q, value)
        start = flow.left + min(text_width(label_lines[-1], BODY) + 3, flow.width - 60)
        end = flow.right - (18 if skipped else 0)
        if start > end - 30:  # the label filled the line: answer on the next one
            flow.y += LINE
            start = flow.left + 8
        flow.add(Line(start, flow.y + LINE - 0.6, end, flow.y + LINE - 0.6, 0.2))
        if text:
            flow.add(Text(start + 1.5, flow.y + LINE - 1.3, text, BODY))
        flow.y += LINE
    flow.y += QUESTION_GAP


def _choices(flow: Flow, q: Question, chosen: set[str], *, grey: bool) -> None:
    x = flow.left + 4
    for choice in q.choices:
        label = f"{choice.code}.{choice.label}" + ("＊" if choice.unconfirmed and not q.unconfirmed else "")
        width = BOX + 1.2 + text_width(label, BODY) + 3.5
        if x + width > flow.right and x > flow.left + 4:
            flow.y += LINE
            flow.need(LINE)
            x = flow.left + 4
        flow.add(Box(x, flow.y + LINE - 1.3 - BOX + 0.3, BOX, BOX, checked=choice.code in chosen))
        flow.add(Text(x + BOX + 1.2, flow.y + LINE - 1.3, label, BODY, grey=grey))
        x += width
    flow.y += LINE


def _signatures(flow: Flow, header: PrintHeader) -> None:
    flow.need(LINE * 7)
    flow.y += 2
    flow.add(Line(flow.left, flow.y, flow.right, flow.y, 0.4))
    flow.y += 2
    x = flow.left
    flow.add(Text(x, flow.y + LINE - 1.3, "调查方式：", BODY))
    x += text_width("调查方式：", BODY) + 1
    for code, label in METHOD_LABELS.items():
        flow.add(Box(x, flow.y + LINE - 1.3 - BOX + 0.3, BOX, BOX, checked=header.method == code))
        flow.add(Text(x + BOX + 1.2, flow.y + LINE - 1.3, label, BODY))
        x += BOX + text_width(label, BODY) + 6
    flow.y += LINE + 2
    signature_line(flow, ["被调查人（或监护人）签字：", "调查员签字："])
    date_label = "调查日期："
    flow.add(Text(flow.left, flow.y + LINE, date_label, BODY))
    date_x = flow.left + text_width(date_label, BODY) + 1
    if header.survey_date:
        _filled_blank(flow, date_x, flow.y + LINE, header.survey_date, 40)
    else:
        flow.add(Text(date_x, flow.y + LINE, "______年____月____日", BODY))
    if header.surveyor:
        flow.add(Text(flow.right, flow.y + LINE, f"调查员（录入）：{header.surveyor}", SMALL, align="right", grey=True))
    flow.y += LINE + 3
    flow.add(Text(flow.left, flow.y + LINE, "注：带＊的选项文字为本系统根据公开资料整理，以当年正式表式为准。", SMALL, grey=True))
    flow.y += LINE


def _page_footers(pages: list[Page], form: FormDefinition, header: PrintHeader) -> None:
    for number, page in enumerate(pages, start=1):
        left = f"{form.table_number} {form.version}版　{header.footer_name}".strip()
        page.items.append(Text(14, page.height - 8, left, SMALL, grey=True))
        page.items.append(Text(page.width - 14, page.height - 8, f"第 {number} / {len(pages)} 页", SMALL,
                               align="right", grey=True))
