"""The 统计 tab driven as a user would: figures, red shortfalls, gap lists, open a person, export, print, import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from fieldworker.dashboard.coverage import coverage
from fieldworker.domain.eligibility import HOUSEHOLD_RULES, PERSON_RULES
from fieldworker.ui.dashboard.models import PERSON_ID_ROLE, SHORT_COLOUR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "excel"))
from excel_sheets import GOOD_A, GOOD_B, GOOD_X, district_roster  # noqa: E402


@pytest.fixture
def dashboard(qtbot, main_window):
    tab = main_window.tab("dashboard")
    with qtbot.waitSignal(tab.refreshed, timeout=20_000):
        main_window.tabs.setCurrentWidget(tab)
    return tab


def test_fifth_tab_is_statistics(main_window):
    assert main_window.tabs.count() >= 5
    index = main_window.tabs.indexOf(main_window.tab("dashboard"))
    assert main_window.tabs.tabText(index) == "统计"


def test_figures_shown_with_shortfalls_in_red(dashboard, main_window):
    cov = coverage(main_window.db)
    model = dashboard.figure_model
    assert model.rowCount() == len(PERSON_RULES) + len(HOUSEHOLD_RULES)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "指标"
    for row, fig in enumerate(cov.total):
        assert model.data(model.index(row, 0)) == fig.title
        assert model.data(model.index(row, 2)) == fig.eligible
        colour = model.data(model.index(row, 4), Qt.ItemDataRole.ForegroundRole)
        assert (colour == SHORT_COLOUR) if fig.short else colour is None
    assert any(f.short for f in cov.total)  # the demo village has gaps on purpose
    assert [f.key for f in dashboard.chart.figures] == [f.key for f in cov.total if f.rate is not None]
    assert "调查" in dashboard.extras_label.text()


def test_gap_list_opens_the_person_in_the_roster(qtbot, dashboard, main_window):
    cov = coverage(main_window.db)
    dashboard.select_gap_list("two_subsidies")
    gaps = cov.figure("two_subsidies").gaps
    assert dashboard.gap_model.rowCount() == len(gaps) > 0
    dashboard.gap_view.setFocus()
    dashboard.gap_view.setCurrentIndex(dashboard.gap_proxy.index(0, 1))
    expected = dashboard.gap_proxy.data(dashboard.gap_proxy.index(0, 0), PERSON_ID_ROLE)
    seen = {}

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, close_dialog)
            return
        seen["person_id"] = getattr(dialog, "person_id", None)
        dialog.reject()

    QTimer.singleShot(50, close_dialog)
    qtbot.keyClick(dashboard.gap_view, Qt.Key.Key_Return)
    assert seen["person_id"] == expected
    assert main_window.tabs.currentWidget() is main_window.tab("roster")


def test_selecting_a_figure_shows_its_gap_list(dashboard):
    row = [f.key for f in dashboard.figure_model.figures].index("care_subsidy")
    dashboard.figure_view.setCurrentIndex(dashboard.figure_model.index(row, 0))
    assert dashboard.gap_combo.currentData() == "care_subsidy"


def test_export_and_print_from_the_tab(qtbot, dashboard, tmp_path):
    with qtbot.waitSignal(dashboard.job_done, timeout=20_000):
        dashboard.export_to("roster", tmp_path / "名册.xlsx")
    assert openpyxl.load_workbook(tmp_path / "名册.xlsx").active.max_row == 121
    with qtbot.waitSignal(dashboard.job_done, timeout=20_000):
        dashboard.print_to(tmp_path / "统计.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "统计.pdf"), "-"], capture_output=True, text=True).stdout
    assert "残疾人工作统计" in text


def test_import_dialog_check_then_import(qtbot, dashboard, main_window, tmp_path):
    from fieldworker.ui.excel.import_dialog import ImportDialog

    path = district_roster(tmp_path / "roster.xlsx")
    dialog = ImportDialog(main_window.db)  # no parent: qtbot owns and closes it
    qtbot.addWidget(dialog)
    dialog.imported.connect(dashboard._after_import)
    with qtbot.waitSignal(dialog.sheet_loaded, timeout=20_000):
        dialog.load_file(path)
    assert dialog.current_mapping()["姓名"] == "name"
    assert "花名册" in dialog.sheet_label.text() and "第3行" in dialog.sheet_label.text()
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "检查：新增 3 人" in dialog.summary_label.text()
    assert dialog.problem_model.rowCount() == 7
    assert dialog.report_button.isEnabled()
    report = dialog.save_report(tmp_path / "errors.xlsx")
    assert openpyxl.load_workbook(report).active.cell(row=1, column=14).value == "错误说明"
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        with qtbot.waitSignal(dialog.imported, timeout=20_000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result.counts["new"] == 3
    from fieldworker.services import roster

    ids = set()
    for pid in roster.person_ids(main_window.db, roster.PersonFilter()):
        ids.add(roster.get_person(main_window.db, pid).id_number)
    assert {GOOD_A, GOOD_B, GOOD_X} <= ids


def test_township_sees_each_village(qtbot, dashboard, main_window):
    from fieldworker.store.models import Person, Region

    db = main_window.db
    with db.session() as s:
        s.add(Region(code="330521100202", name="城东村", level="village"))
        s.add(Person(region_code="330521100202", name="外村一", gender="1", birth_date=dt.date(1980, 1, 1),
                     id_number="330521198001010019", category="4", grade="1"))
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        qtbot.keyClick(dashboard, Qt.Key.Key_F5)
    combo = dashboard.region_combo
    assert combo.isEnabled() and combo.count() == 3
    combo.setCurrentIndex(combo.findData("330521100202"))
    figures = {f.key: f for f in dashboard.figure_model.figures}
    assert figures["medical"].eligible == 1 and figures["care_subsidy"].eligible == 1
    assert dashboard.gap_combo.count() == len(figures)
