import datetime as dt

import pytest

from fieldworker.domain import ids
from fieldworker.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 23)
GOOD = "11010519491231002X"  # GB 11643's own example
GOOD_MALE = "330521195203150016"


def with_check(body17: str) -> str:
    return body17 + ids.check_character(body17)


def test_check_character_matches_the_standard_example():
    assert ids.check_character(GOOD[:17]) == "X"


def test_parses_a_valid_number_and_derives_birth_date_and_gender():
    idn = ids.parse_id_number(GOOD, today=TODAY)
    assert idn.birth_date == dt.date(1949, 12, 31)
    assert idn.gender == "2"  # sequence 002: even = female
    assert idn.region_code == "110105"
    assert idn.province_name() == "北京市"
    assert idn.age_on(TODAY) == 76


@pytest.mark.parametrize("typed", [" 110105 19491231 002x ", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002x"])
def test_normalises_spaces_full_width_and_lower_case_x(typed):
    assert ids.parse_id_number(typed, today=TODAY).number == GOOD


@pytest.mark.parametrize(
    "number, code",
    [
        ("11010519491231002", "id_length"),
        ("1101051949123100211", "id_length"),
        ("11010519491231002A", "id_chars"),
        ("1101051949123A0021", "id_chars"),
        ("110105194912310021", "id_checksum"),
        (with_check("99010519491231002"), "id_region"),
        (with_check("11010519490231002"), "id_birth_invalid"),
        (with_check("11010520301231002"), "id_birth_future"),
        (with_check("11010518501231002"), "id_birth_too_old"),
    ],
)
def test_rejects_bad_numbers_with_a_chinese_reason(number, code):
    with pytest.raises(ValidationError) as err:
        ids.parse_id_number(number, today=TODAY)
    assert err.value.code == code
    assert err.value.field == "id_number"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)


def test_checksum_message_names_the_expected_character():
    with pytest.raises(ValidationError) as err:
        ids.parse_id_number("110105194912310021", today=TODAY)
    assert "X" in err.value.message


def test_a_retired_county_code_is_a_warning_not_an_error():
    # 110101..110108 exist; a made-up county code under a real province is accepted with a warning.
    number = with_check("11019919800101001")
    idn = ids.parse_id_number(number, today=TODAY)
    assert idn.warnings and "区划" in idn.warnings[0]
    assert ids.parse_id_number(GOOD, today=TODAY).warnings == ()


def test_card_number_is_id_plus_category_and_grade():
    card = ids.parse_card_number(GOOD_MALE + "42", today=TODAY)
    assert (card.category, card.grade) == ("4", "2")
    assert card.id_number.gender == "1"
    assert ids.check_card_consistency(card, id_number=GOOD_MALE, category="4", grade="2") == []


@pytest.mark.parametrize("card, code", [
    (GOOD_MALE + "4", "card_length"),
    (GOOD_MALE + "82", "card_category"),
    (GOOD_MALE + "45", "card_grade"),
    ("330521195203150013" + "42", "card_id_checksum"),
])
def test_bad_card_numbers(card, code):
    with pytest.raises(ValidationError) as err:
        ids.parse_card_number(card, today=TODAY)
    assert err.value.code == code


def test_card_inconsistent_with_person_is_reported_per_part():
    card = ids.parse_card_number(GOOD_MALE + "42", today=TODAY)
    problems = ids.check_card_consistency(card, id_number=GOOD, category="1", grade="2")
    assert {p.code for p in problems} == {"card_id_mismatch", "card_category_mismatch"}
    assert "肢体残疾" in problems[1].message and "视力残疾" in problems[1].message


def test_describe_decodes_a_card():
    info = ids.describe(GOOD + "71", today=TODAY)
    assert info["kind"] == "残疾人证号"
    assert info["category"] == "多重残疾" and info["grade"] == "一级"
    assert info["gender"] == "女" and info["birth_date"] == "1949-12-31"


@pytest.mark.parametrize("code, ok", [("330521100201", True), ("33052110020", False), ("99052110020a", False),
                                      ("990521100201", False)])
def test_region_codes(code, ok):
    if ok:
        assert ids.validate_region_code(code) == code
    else:
        with pytest.raises(ValidationError):
            ids.validate_region_code(code)
