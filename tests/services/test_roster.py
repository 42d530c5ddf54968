import datetime as dt

import pytest

from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.services import roster
from fieldworker.services.validation import HouseholdInput, PersonInput

TODAY = dt.date(2026, 11, 23)
ZHANG = "330521195203150016"


def person(**overrides) -> PersonInput:
    values = dict(name="张三", id_number=ZHANG, category="4", grade="2")
    values.update(overrides)
    return PersonInput(**values)


def field_errors(exc: FieldErrors) -> dict[str, str]:
    return exc.by_field()


def test_add_person_derives_gender_birth_and_card_number(db):
    saved = roster.add_person(db, person(), today=TODAY)
    p = roster.get_person(db, saved.record_id)
    assert (p.gender, p.birth_date, p.card_number) == ("1", dt.date(1952, 3, 15), ZHANG + "42")
    assert p.region_code == "330521100201"


def test_every_bad_field_is_reported_at_once(db):
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(name=" ", id_number="330521195203150013", category="", phone="abc"), today=TODAY)
    errors = field_errors(err.value)
    assert set(errors) >= {"name", "id_number", "category", "phone"}
    assert "校验位" in errors["id_number"]


def test_card_number_must_agree_with_id_category_and_grade(db):
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(card_number=ZHANG + "12"), today=TODAY)
    assert "视力残疾" in field_errors(err.value)["card_number"]


def test_multiple_disability_needs_two_sub_categories(db):
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(category="7", sub_categories="4"), today=TODAY)
    assert "sub_categories" in field_errors(err.value)
    saved = roster.add_person(db, person(category="7", sub_categories="4,1"), today=TODAY)
    assert roster.get_person(db, saved.record_id).sub_categories == "1,4"


def test_status_other_than_on_roster_needs_a_date_not_in_the_future(db):
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(status="2"), today=TODAY)
    assert "status_date" in field_errors(err.value)
    with pytest.raises(FieldErrors):
        roster.add_person(db, person(status="2", status_date=dt.date(2027, 1, 1)), today=TODAY)
    roster.add_person(db, person(status="2", status_date=dt.date(2026, 5, 1)), today=TODAY)


def test_duplicate_id_number_is_refused_and_a_deleted_one_points_to_restore(db):
    first = roster.add_person(db, person(), today=TODAY)
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(name="张叁"), today=TODAY)
    assert "重复" in field_errors(err.value)["id_number"]
    roster.delete_person(db, first.record_id)
    with pytest.raises(FieldErrors) as err:
        roster.add_person(db, person(name="张叁"), today=TODAY)
    assert "恢复" in field_errors(err.value)["id_number"]


def test_delete_is_soft_and_undone_from_the_change_log(db):
    saved = roster.add_person(db, person(), today=TODAY)
    roster.delete_person(db, saved.record_id)
    assert roster.person_ids(db, roster.PersonFilter()) == []
    assert roster.person_ids(db, roster.PersonFilter(deleted=True)) == [saved.record_id]
    delete_entry = next(e for e in roster.recent_changes(db) if e.op == "delete")
    roster.undo_delete(db, delete_entry.seq)
    assert roster.person_ids(db, roster.PersonFilter()) == [saved.record_id]
    assert [e.op for e in roster.recent_changes(db, record_id=saved.record_id)] == ["restore", "delete", "insert"]


def test_undo_refuses_entries_that_are_not_deletions(db):
    roster.add_person(db, person(), today=TODAY)
    with pytest.raises(ValidationError):
        roster.undo_delete(db, roster.recent_changes(db)[0].seq)


def test_household_with_members_cannot_be_deleted(db):
    household = roster.add_household(db, HouseholdInput(head_name="张三", address="一组1号"))
    roster.add_person(db, person(household_id=household.record_id), today=TODAY)
    with pytest.raises(ValidationError):
        roster.delete_household(db, household.record_id)
    (entry,) = roster.households(db)
    assert entry["disabled_members"] == 1


def test_household_validation(db):
    with pytest.raises(FieldErrors) as err:
        roster.add_household(db, HouseholdInput(head_name="", members_count=0, income_per_capita=-5,
                                                head_id_number="123"))
    assert set(field_errors(err.value)) == {"head_name", "members_count", "income_per_capita", "head_id_number"}


@pytest.mark.parametrize("query", ["zs", "ZS", "zhangs", "张", "三", "19520315", "0016", ZHANG + "42"])
def test_search_by_pinyin_name_and_id_parts(db, query):
    zhang = roster.add_person(db, person(), today=TODAY).record_id
    roster.add_person(db, person(name="李四", id_number="11010519491231002X", category="1"), today=TODAY)
    assert roster.person_ids(db, roster.PersonFilter(text=query)) == [zhang]


def test_search_with_lower_case_x_finds_the_id(db):
    li = roster.add_person(db, person(name="李四", id_number="11010519491231002X"), today=TODAY).record_id
    assert roster.person_ids(db, roster.PersonFilter(text="231002x")) == [li]


def test_filters_and_sorting(demo_db):
    every = roster.person_ids(demo_db, roster.PersonFilter())
    severe_limb = roster.person_ids(demo_db, roster.PersonFilter(category="4", grade="1"))
    rows = roster.person_rows(demo_db, severe_limb)
    assert severe_limb and all(r.category == "4" and r.grade == "1" for r in rows.values())
    no_care = roster.person_ids(demo_db, roster.PersonFilter(care_subsidy=False, dibao=True))
    assert all(not r.care_subsidy and r.dibao for r in roster.person_rows(demo_db, no_care).values())
    by_age = roster.person_ids(demo_db, roster.PersonFilter(), sort="birth_date")
    births = [roster.person_rows(demo_db, by_age)[i].birth_date for i in by_age]
    assert births == sorted(births) and len(by_age) == len(every)


def test_stats_count_by_hand(db):
    roster.add_person(db, person(), today=TODAY)
    roster.add_person(db, person(name="李四", id_number="11010519491231002X", category="1", grade="1"), today=TODAY)
    gone = roster.add_person(db, person(name="王五", id_number="330521198001010027", category="1", grade="3",
                                        status="3", status_date=dt.date(2026, 1, 1)), today=TODAY)
    deleted = roster.add_person(db, person(name="赵六", id_number="330521199001010013"), today=TODAY)
    roster.delete_person(db, deleted.record_id)
    stats = roster.stats(db)
    assert stats["persons"] == 2
    assert stats["by_category"] == {"视力残疾": 1, "肢体残疾": 1}
    assert stats["by_grade"] == {"一级": 1, "二级": 1}
    assert stats["by_status"] == {"在册": 2, "迁出": 1}
    assert gone.record_id
