"""Builders of test workbooks shaped like the rosters districts hand out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from fieldworker.domain.ids import check_character


def id_number(region6: str, birth: dt.date, seq: int) -> str:
    body = f"{region6}{birth:%Y%m%d}{seq:03d}"
    return body + check_character(body)


def with_bad_check(number: str) -> str:
    wrong = "0" if number[-1] != "0" else "1"
    return number[:-1] + wrong


GOOD_A = id_number("330521", dt.date(1965, 3, 1), 123)   # odd sequence: male
GOOD_B = id_number("330521", dt.date(1980, 11, 20), 246)  # even: female
GOOD_C = id_number("330521", dt.date(1958, 6, 9), 111)
GOOD_D = id_number("330521", dt.date(2014, 2, 2), 222)
GOOD_E = id_number("330521", dt.date(1990, 1, 5), 135)
GOOD_X = next(n for n in (id_number("330521", dt.date(1972, 4, 4), s) for s in range(300, 400)) if n.endswith("X"))

HEADERS = ["序号", "姓名", "性别", "身份证号码\n（18位）", "残疾证号", "残疾类别", "残疾等级", "出生日期",
           "家庭住址", "联系电话", "是否享受生活补贴", "低保户"]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def district_roster(path: Path, *, rows: list[list] | None = None) -> Path:
    """A sheet with an instructions sheet first, a merged title, a note row, then the header on row 3."""
    wb = Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["1. 身份证号请使用文本格式"])
    notes.append(["2. 残疾类别填写：视力、听力、言语、肢体、智力、精神、多重"])
    ws = wb.create_sheet("花名册")
    ws.append(["德清县武康街道城西村持证残疾人花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(["填报单位：城西村", None, None, None, None, None, None, "填报日期：2026年5月"])
    ws.append(HEADERS)
    for row in rows if rows is not None else default_rows():
        ws.append(row)
    wb.create_sheet("代码表").append(["类别代码", "名称"])
    wb.save(path)
    return path


def default_rows() -> list[list]:
    return [
        # 1 good: ID as text, category/grade as short labels, a date cell.
        [1, "王建国", "男", GOOD_A, "", "肢体", "二级", dt.date(1965, 3, 1), "一组12号", "13800000001", "是", "是"],
        # 2 good: ID with spaces and full-width digits, card given, no category (taken from the card).
        [2, "李秀英", "女", " " + fullwidth(GOOD_B[:6]) + " " + GOOD_B[6:], GOOD_B + "52", None, None,
         "1980/11/20", "二组3号", "", "否", "否"],
        # 3 ID lost its last digits (stored as a float by Excel).
        [3, "张三", "男", float(GOOD_C), "", "视力", "一级", None, "三组1号", "", "否", "否"],
        # 4 ID as scientific-notation text.
        [4, "赵四", "男", "3.30521E+17", "", "听力", "三级", None, "三组2号", "", "否", "否"],
        # 5 bad check character.
        [5, "钱五", "男", with_bad_check(GOOD_E), "", "肢体", "四级", None, "四组5号", "", "否", "否"],
        # 6 certificate says 精神 but the sheet says 肢体.
        [6, "孙六", "女", GOOD_D, GOOD_D + "62", "肢体", "二级", None, "五组6号", "", "否", "否"],
        # 7 duplicate of row 1's ID.
        [7, "王建国", "男", GOOD_A, "", "肢体", "二级", None, "一组12号", "", "是", "是"],
        # 8 unknown category.
        [8, "周八", "男", GOOD_E, "", "脑瘫", "二级", None, "六组8号", "", "否", "否"],
        [None] * len(HEADERS),  # blank spacer row
        # 10 good: ID with a lower-case x; birth date as an Excel serial number.
        [10, "吴九", "女", GOOD_X.lower(), "", "智力", "3级", 26393, "七组9号", "", "否", "否"],
        # 11 birth date disagrees with the ID.
        [11, "郑十", "男", GOOD_C, "", "视力", "一级", "1958年6月10日", "八组1号", "", "否", "否"],
        ["填表人：李明　审核人：张华"],  # a note under the table
    ]
