"""Cell parsing: what real district sheets put in ID, date, code and yes/no cells."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.excel import cells

ID = "33052119650301123X"


@pytest.mark.parametrize("raw", [ID, ID.lower(), f" {ID[:6]} {ID[6:14]} {ID[14:]} ", "'" + ID,
                                 "".join(chr(ord(c) + 0xFEE0) for c in ID)])
def test_id_text_normalised(raw):
    assert cells.id_text(raw) == ID


def test_id_as_exact_integer_kept():
    assert cells.id_text(330521196503011234) == "330521196503011234"


@pytest.mark.parametrize("raw", [3.30521196503011e17, "3.30521E+17", "3.30521e17"])
def test_id_that_lost_digits_refused(raw):
    with pytest.raises(ValidationError) as info:
        cells.id_text(raw)
    assert info.value.code == "id_precision_lost"


@pytest.mark.parametrize("raw, expected", [
    (dt.datetime(2020, 5, 1, 0, 0), dt.date(2020, 5, 1)), (dt.date(2020, 5, 1), dt.date(2020, 5, 1)),
    (43952, dt.date(2020, 5, 1)), (43952.0, dt.date(2020, 5, 1)), ("2020-05-01", dt.date(2020, 5, 1)),
    ("2020/5/1", dt.date(2020, 5, 1)), ("2020.05.01", dt.date(2020, 5, 1)), ("2020年5月1日", dt.date(2020, 5, 1)),
    ("20200501", dt.date(2020, 5, 1)), ("２０２０－０５－０１", dt.date(2020, 5, 1)),
])
def test_dates(raw, expected):
    assert cells.date_value(raw) == expected


@pytest.mark.parametrize("raw", ["2020-13-01", "去年", -5])
def test_bad_dates(raw):
    with pytest.raises(ValidationError):
        cells.date_value(raw)


@pytest.mark.parametrize("raw, table, expected", [
    ("肢体", codes.DISABILITY_CATEGORY, "4"), ("肢体残疾", codes.DISABILITY_CATEGORY, "4"),
    (4, codes.DISABILITY_CATEGORY, "4"), ("二级", codes.DISABILITY_GRADE, "2"), ("2级", codes.DISABILITY_GRADE, "2"),
    ("二", codes.DISABILITY_GRADE, "2"), (1, codes.ETHNICITY, "01"), ("回族", codes.ETHNICITY, "03"),
    ("回", codes.ETHNICITY, "03"), ("个体就业(含自主创业)", codes.EMPLOYMENT_STATUS, "3"),
    ("个体", codes.EMPLOYMENT_STATUS, "3"),
])
def test_codes_from_code_label_or_short_form(raw, table, expected):
    assert cells.code_value(raw, table, "字段") == expected


def test_unknown_code_names_the_choices():
    with pytest.raises(ValidationError) as info:
        cells.code_value("脑瘫", codes.DISABILITY_CATEGORY, "残疾类别")
    assert "视力残疾" in info.value.message


def test_several_codes_in_one_cell():
    assert cells.codes_value("视力、肢体", codes.SINGLE_CATEGORIES, "多重残疾类别") == "1,4"


@pytest.mark.parametrize("raw, expected", [("是", True), ("否", False), ("√", True), (1, True), (0, False),
                                           ("有", True), ("无", False), (True, True)])
def test_yes_no(raw, expected):
    assert cells.bool_value(raw) is expected


def test_yes_no_refuses_other_text():
    with pytest.raises(ValidationError):
        cells.bool_value("也许")
