"""Roster import from real .xlsx files written by openpyxl in the test."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from sqlalchemy import func, select

from fieldworker.domain.errors import ValidationError
from fieldworker.excel import mapping as mappings
from fieldworker.excel.error_report import ERROR_COLUMN
from fieldworker.excel.roster_import import ERROR, NEW, UNCHANGED, UPDATE, import_roster
from fieldworker.excel.sheet import read_sheet
from fieldworker.jobs import Cancelled, Progress
from fieldworker.store.models import ChangeLog, Household, Person

from excel_sheets import GOOD_A, GOOD_B, GOOD_C, GOOD_X, HEADERS, district_roster, id_number

TODAY = dt.date(2026, 7, 1)


def _persons(db) -> dict[str, Person]:
    with db.session() as s:
        return {p.id_number: p for p in s.scalars(select(Person))}


def _log_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_district_sheet_header_found_past_title_rows_and_notes_sheet(tmp_path):
    sheet = read_sheet(district_roster(tmp_path / "roster.xlsx"))
    assert sheet.sheet_name == "花名册"
    assert sheet.header_row == 3
    assert sheet.other_sheets == ["填表说明", "代码表"]
    guessed = mappings.guess(sheet)
    assert guessed["身份证号码\n（18位）"] == "id_number"
    assert guessed["残疾证号"] == "card_number"
    assert guessed["是否享受生活补贴"] == "living_subsidy"
    assert guessed["低保户"] == "household_dibao"
    assert "序号" not in guessed


def test_district_sheet_good_rows_imported_bad_rows_reported(db, tmp_path):
    path = district_roster(tmp_path / "roster.xlsx")
    result = import_roster(db, path, today=TODAY, error_report=tmp_path / "errors.xlsx")
    assert result.counts == {NEW: 3, UPDATE: 0, UNCHANGED: 0, ERROR: 7}
    assert result.plan.skipped == 1  # the 填表人 note under the table
    messages: dict[int, str] = {}
    for p in result.plan.problems:
        messages[p.row] = messages.get(p.row, "") + p.message + "；"
    assert "15位有效数字" in messages[6]  # sheet row 6 = data row 3: float ID
    assert "科学计数法" in messages[7]
    assert "校验位错误" in messages[8]
    assert "精神残疾" in messages[9] and "不一致" in messages[9]
    assert "与第4行的身份证号重复" in messages[10]
    assert "“脑瘫”不是有效的残疾类别" in messages[11]
    assert "与身份证号中的1958-06-09不一致" in messages[14]
    column_of = {p.row: p.column for p in result.plan.problems}
    assert column_of[11] == "残疾类别（F列）"
    assert column_of[6] == "身份证号码 （18位）（D列）"

    people = _persons(db)
    assert set(people) == {GOOD_A, GOOD_B, GOOD_X}
    a, b, x = people[GOOD_A], people[GOOD_B], people[GOOD_X]
    assert (a.name, a.category, a.grade, a.living_subsidy, a.card_number) == ("王建国", "4", "2", True, GOOD_A + "42")
    assert (b.category, b.grade, b.gender) == ("5", "2", "2")  # from the 残疾人证号
    assert (x.category, x.grade, x.birth_date) == ("5", "3", dt.date(1972, 4, 4))
    with db.session() as s:
        household = s.get(Household, a.household_id)
        assert (household.head_name, household.address, household.dibao) == ("王建国", "一组12号", True)


def test_error_report_round_trip(db, tmp_path):
    path = district_roster(tmp_path / "roster.xlsx")
    report = tmp_path / "errors.xlsx"
    import_roster(db, path, today=TODAY, error_report=report)
    wb = openpyxl.load_workbook(report)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[0] == "原行号" and header[-1] == ERROR_COLUMN and header[1:-1] == HEADERS
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [6, 7, 8, 9, 10, 11, 14]
    by_row = {r[0]: r for r in rows}
    assert "第11行 残疾类别（F列）" in by_row[11][-1]
    assert by_row[9][4] == id_number("330521", dt.date(2014, 2, 2), 222)  # the ID came back as text
    # The worker corrects two rows in the report itself and imports it again.
    fixed = {6: ("身份证号码\n（18位）", GOOD_C), 11: ("残疾类别", "肢体")}
    for r in ws.iter_rows(min_row=2):
        if r[0].value in fixed:
            column, value = fixed[r[0].value]
            r[header.index(column)].value = value
    wb.save(report)
    again = import_roster(db, report, today=TODAY)
    assert again.counts[NEW] == 2
    people = _persons(db)
    assert GOOD_C in people and people[GOOD_C].category == "1"


def test_reimport_is_idempotent_and_updates_go_through_change_log(db, tmp_path):
    path = district_roster(tmp_path / "roster.xlsx")
    import_roster(db, path, today=TODAY)
    log_after_first = _log_count(db)
    second = import_roster(db, path, today=TODAY)
    assert second.counts[NEW] == 0 and second.counts[UPDATE] == 0 and second.counts[UNCHANGED] == 3
    assert _log_count(db) == log_after_first
    assert len(_persons(db)) == 3

    wb = openpyxl.load_workbook(path)
    ws = wb["花名册"]
    ws.cell(row=5, column=11).value = "是"  # 李秀英 now receives 生活补贴
    wb.save(path)
    third = import_roster(db, path, today=TODAY)
    assert third.counts[UPDATE] == 1
    person = _persons(db)[GOOD_B]
    assert person.living_subsidy is True and person.revision == 2
    with db.session() as s:
        last = s.scalars(select(ChangeLog).where(ChangeLog.record_id == person.id).order_by(ChangeLog.seq)).all()[-1]
    assert last.op == "update" and json.loads(last.changes) == {"living_subsidy": [False, True]}


def test_dry_run_writes_nothing(db, tmp_path):
    result = import_roster(db, district_roster(tmp_path / "roster.xlsx"), today=TODAY, dry_run=True)
    assert result.counts[NEW] == 3 and not result.applied
    assert _persons(db) == {}


def test_cancel_rolls_back_the_whole_import(db, tmp_path):
    path = district_roster(tmp_path / "roster.xlsx")
    progress = Progress()
    calls = []

    def cancel_on_write(done, total, text):  # type: ignore[no-untyped-def]
        calls.append(text)
        if text.startswith("写入"):
            progress.cancel()

    progress._callback = cancel_on_write
    with pytest.raises(Cancelled):
        import_roster(db, path, today=TODAY, progress=progress)
    assert _persons(db) == {}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0


@pytest.mark.parametrize("name, message", [("old.xls", "另存为"), ("list.csv", "另存为 .xlsx"),
                                           ("notes.txt", "不支持")])
def test_other_formats_refused_with_a_clear_message(db, tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(ValidationError) as info:
        import_roster(db, path)
    assert message in info.value.message


def test_renamed_xls_refused(db, tmp_path):
    path = tmp_path / "disguised.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old binary format")
    with pytest.raises(ValidationError) as info:
        import_roster(db, path)
    assert info.value.code == "not_xlsx"


def test_sheet_without_header_refused(db, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["甲", "乙"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ValidationError) as info:
        import_roster(db, tmp_path / "x.xlsx")
    assert "找不到表头" in info.value.message


def _odd_sheet(path):  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名字", "公民号", "类", "级"])
    ws.append(["陈一", GOOD_A, "4", "2"])
    wb.save(path)
    return path


def test_mapping_remembered_per_layout_and_named(db, tmp_path):
    path = _odd_sheet(tmp_path / "odd.xlsx")
    with pytest.raises(ValidationError):
        read_sheet(path)  # only 名字 is a known header: no header row without a mapping
    chosen = {"名字": "name", "公民号": "id_number", "类": "category", "级": "grade"}
    result = import_roster(db, path, mapping=chosen, today=TODAY)
    assert result.counts[NEW] == 1
    assert mappings.for_sheet(db, read_sheet(path, known_headers=mappings.known_headers(db))) == chosen
    mappings.save_named(db, "乡里的表", chosen)
    assert mappings.load_named(db, "乡里的表") == chosen
    other = _odd_sheet(tmp_path / "moved.xlsx")
    assert import_roster(db, other, mapping_name="乡里的表", today=TODAY).counts[UNCHANGED] == 1
    with pytest.raises(ValidationError) as info:
        mappings.load_named(db, "没有")
    assert "乡里的表" in info.value.message


def test_same_head_and_address_share_one_household(db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "残疾类别", "残疾等级", "户主姓名", "家庭住址", "家庭人口数"])
    ws.append(["王建国", GOOD_A, "肢体", "二级", "王建国", "一组12号", 4])
    ws.append(["李秀英", GOOD_B, "智力", "二级", "王建国", "一组12号", 4])
    wb.save(tmp_path / "h.xlsx")
    assert import_roster(db, tmp_path / "h.xlsx", today=TODAY).counts[NEW] == 2
    people = _persons(db)
    assert people[GOOD_A].household_id == people[GOOD_B].household_id is not None
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 1
        assert s.get(Household, people[GOOD_A].household_id).members_count == 4


def test_deleted_person_is_not_silently_recreated(db, tmp_path):
    from fieldworker.services import roster

    path = district_roster(tmp_path / "roster.xlsx")
    import_roster(db, path, today=TODAY)
    roster.delete_person(db, _persons(db)[GOOD_A].id)
    result = import_roster(db, path, today=TODAY)
    assert any("已删除" in p.message for p in result.plan.problems if p.row == 4)


def test_ten_thousand_rows(db, tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名册")
    ws.append(["残疾人花名册"])
    ws.append(["姓名", "身份证号", "残疾人证号", "住址"])
    birth = dt.date(1950, 1, 1)
    for i in range(10_500):
        number = id_number("330521", birth + dt.timedelta(days=i // 900), i % 900 + 1)
        ws.append([f"人{i}", number, number + "41", f"{i % 8 + 1}组{i}号"])
    wb.save(tmp_path / "big.xlsx")
    result = import_roster(db, tmp_path / "big.xlsx", today=TODAY)
    assert result.counts[NEW] == 10_500 and result.counts[ERROR] == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 10_500


def _two_village_sheet(path):  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "残疾类别", "残疾等级", "区划代码", "家庭住址"])
    ws.append(["王建国", GOOD_A, "肢体", "二级", "330521100201", "一组1号"])
    ws.append(["李秀英", GOOD_B, "智力", "二级", "330521100202", "一组1号"])
    wb.save(path)
    return path


def test_village_installation_refuses_rows_of_another_village(db, tmp_path):
    result = import_roster(db, _two_village_sheet(tmp_path / "two.xlsx"), today=TODAY)
    assert result.counts[NEW] == 1 and result.counts[ERROR] == 1
    assert "不属于本机管辖范围" in result.plan.problems[0].message and result.plan.problems[0].row == 3


def test_township_installation_keeps_each_persons_village(tmp_path):
    from fieldworker.services import installation
    from fieldworker.store.engine import Database

    township = Database.open(tmp_path / "township.db")
    installation.initialise(township, role="township", region_code="330521100000", name="武康街道")
    result = import_roster(township, _two_village_sheet(tmp_path / "two.xlsx"), today=TODAY)
    assert result.counts[NEW] == 2
    people = _persons(township)
    assert (people[GOOD_A].region_code, people[GOOD_B].region_code) == ("330521100201", "330521100202")
    with township.session() as s:
        homes = {h.id: h.region_code for h in s.scalars(select(Household))}
    assert homes[people[GOOD_A].household_id] == "330521100201"
    assert people[GOOD_A].household_id != people[GOOD_B].household_id  # same address, different villages
    assert import_roster(township, tmp_path / "two.xlsx", today=TODAY).counts[UNCHANGED] == 2
    township.close()
