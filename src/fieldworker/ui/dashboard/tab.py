"""统计: coverage against policy targets (chart and table), survey and request figures, gap lists.

Figures come from the core (``dashboard.coverage``), computed off the GUI thread each time
the tab is shown; a gap list entry opens the person in the roster tab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from fieldworker.dashboard import extras
from fieldworker.dashboard.coverage import TOTAL, Coverage, coverage, format_rate
from fieldworker.dashboard.pdf import write_dashboard_pdf
from fieldworker.excel import exports
from fieldworker.store.engine import Database
from fieldworker.ui.dashboard.chart import CoverageChart
from fieldworker.ui.dashboard.models import PERSON_ID_ROLE, SORT_ROLE, FigureTableModel, GapTableModel
from fieldworker.ui.workers import run_in_background


@dataclass
class Snapshot:
    """Everything the tab shows, computed together in the background."""

    coverage: Coverage
    survey: extras.SurveyProgress | None
    requests: list[extras.StageCount] | None


def take_snapshot(db: Database) -> Snapshot:
    today = dt.date.today()
    return Snapshot(coverage(db, as_of=today), extras.survey_progress(db, today.year), extras.requests_by_stage(db))


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class DashboardTab(QWidget):
    refreshed = Signal()
    job_done = Signal(str)  # an export or PDF finished: the message shown

    def __init__(self, db: Database, window: Any = None) -> None:
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.snapshot: Snapshot | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_figures())
        splitter.addWidget(self._build_gaps())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        layout.addWidget(self.status)

    # -- building
    def _button(self, text: str, slot, shortcut: str | None = None) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.clicked.connect(slot)
        if shortcut:
            QShortcut(QKeySequence(shortcut), self, activated=slot)
        return button

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Area:"))
        self.region_combo = QComboBox()
        self.region_combo.setObjectName("regionCombo")
        self.region_combo.setAccessibleName(self.tr("Area shown"))
        self.region_combo.currentIndexChanged.connect(lambda _i: self._show_region())
        label.setBuddy(self.region_combo)
        row.addWidget(label)
        row.addWidget(self.region_combo)
        self.as_of_label = QLabel()
        row.addWidget(self.as_of_label)
        row.addStretch(1)
        self.refresh_button = self._button(self.tr("&Refresh"), self.refresh, "F5")
        self.import_button = self._button(self.tr("&Import roster from Excel…"), self.open_import, "Ctrl+I")
        self.export_button = QPushButton(self.tr("E&xport to Excel"))
        self.export_menu = QMenu(self.export_button)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self.export_button.setMenu(self.export_menu)
        self.print_button = self._button(self.tr("&Print to PDF…"), self.choose_pdf, "Ctrl+P")
        for button in (self.refresh_button, self.import_button, self.export_button, self.print_button):
            row.addWidget(button)
        return row

    def _build_figures(self) -> QWidget:
        box = QGroupBox(self.tr("Coverage against targets"))
        layout = QVBoxLayout(box)
        self.chart = CoverageChart()
        self.chart.setObjectName("coverageChart")
        layout.addWidget(self.chart)
        self.figure_model = FigureTableModel(self)
        self.figure_view = _table(self.tr("Coverage figures"))
        self.figure_view.setObjectName("figureView")
        self.figure_view.setModel(self.figure_model)
        self.figure_view.selectionModel().currentRowChanged.connect(self._figure_selected)
        layout.addWidget(self.figure_view, 1)
        self.extras_label = QLabel()
        self.extras_label.setObjectName("extrasLabel")
        self.extras_label.setWordWrap(True)
        self.extras_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.extras_label)
        return box

    def _build_gaps(self) -> QWidget:
        box = QGroupBox(self.tr("Gap lists: eligible but not receiving"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("&List:"))
        self.gap_combo = QComboBox()
        self.gap_combo.setObjectName("gapCombo")
        self.gap_combo.setAccessibleName(self.tr("Gap list shown"))
        self.gap_combo.currentIndexChanged.connect(lambda _i: self._show_gaps())
        label.setBuddy(self.gap_combo)
        row.addWidget(label)
        row.addWidget(self.gap_combo, 1)
        layout.addLayout(row)
        self.gap_model = GapTableModel(self)
        self.gap_proxy = QSortFilterProxyModel(self)
        self.gap_proxy.setSourceModel(self.gap_model)
        self.gap_proxy.setSortRole(SORT_ROLE)
        self.gap_view = _table(self.tr("Persons in the gap list"))
        self.gap_view.setObjectName("gapView")
        self.gap_view.setModel(self.gap_proxy)
        self.gap_view.setSortingEnabled(True)
        self.gap_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.gap_view.doubleClicked.connect(lambda _index: self.open_selected_person())
        self.gap_view.activated.connect(lambda _index: self.open_selected_person())
        layout.addWidget(self.gap_view, 1)
        buttons = QHBoxLayout()
        self.open_button = self._button(self.tr("&Open person"), self.open_selected_person)
        self.print_list_button = self._button(self.tr("Print &list to PDF…"), self.choose_gap_pdf)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_list_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # -- loading
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.status.setText(self.tr("Computing…"))
        run_in_background(self, lambda _progress: take_snapshot(self.db), title=self.tr("Computing coverage…"),
                          on_success=self._loaded, on_failure=self._failed, cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        from fieldworker.ui.workers import show_error

        self._busy = False
        self.status.setText("")
        show_error(self, exc)

    def _loaded(self, snapshot: Snapshot) -> None:
        self._busy = False
        self.snapshot = snapshot
        current = self.region_combo.currentData()
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        for code in snapshot.coverage.by_region:
            text = self.tr("All areas") if code == TOTAL else \
                f"{snapshot.coverage.region_names.get(code, code)}（{code}）"
            self.region_combo.addItem(text, code)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(current)))
        self.region_combo.blockSignals(False)
        self.region_combo.setEnabled(self.region_combo.count() > 1)
        self.as_of_label.setText(self.tr("as of %1").replace("%1", snapshot.coverage.as_of.isoformat()))
        self._show_region()
        self.extras_label.setText(self._extras_text(snapshot))
        short = sum(1 for f in snapshot.coverage.total if f.short)
        self.status.setText(self.tr("%1 indicators below target").replace("%1", str(short)))
        self.refreshed.emit()

    def _extras_text(self, snapshot: Snapshot) -> str:
        parts = []
        survey = snapshot.survey
        if survey is None:
            parts.append(self.tr("Yearly survey: not available"))
        else:
            rate = format_rate(survey.done / survey.total if survey.total else None)
            parts.append(self.tr("Yearly survey %1: %2 of %3 done (%4)").replace("%1", str(survey.year))
                         .replace("%2", str(survey.done)).replace("%3", str(survey.total)).replace("%4", rate))
        if snapshot.requests is None:
            parts.append(self.tr("Renovation and device requests: not available"))
        elif not snapshot.requests:
            parts.append(self.tr("Renovation and device requests: none yet"))
        else:
            by_kind: dict[str, list[str]] = {}
            for c in snapshot.requests:
                by_kind.setdefault(c.kind_label, []).append(f"{c.stage_label} {c.count}")
            parts += [f"{kind}：" + "，".join(items) for kind, items in by_kind.items()]
        return "\n".join(parts)

    def current_region(self) -> str:
        return self.region_combo.currentData() or TOTAL

    def _show_region(self) -> None:
        if self.snapshot is None:
            return
        figures = self.snapshot.coverage.by_region.get(self.current_region(), self.snapshot.coverage.total)
        self.chart.set_figures(figures)
        self.figure_model.set_figures(figures)
        key = self.gap_combo.currentData()
        self.gap_combo.blockSignals(True)
        self.gap_combo.clear()
        for fig in figures:
            self.gap_combo.addItem(f"{fig.title}（{len(fig.gaps)}{fig.unit}）", fig.key)
        self.gap_combo.setCurrentIndex(max(0, self.gap_combo.findData(key)))
        self.gap_combo.blockSignals(False)
        self._show_gaps()

    def _show_gaps(self) -> None:
        if self.snapshot is None:
            return
        key = self.gap_combo.currentData()
        figures = self.snapshot.coverage.by_region.get(self.current_region(), [])
        fig = next((f for f in figures if f.key == key), None)
        self.gap_model.set_gaps(fig.gaps if fig else [])

    def _figure_selected(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self.gap_combo.setCurrentIndex(current.row())

    def select_gap_list(self, key: str) -> None:
        self.gap_combo.setCurrentIndex(self.gap_combo.findData(key))

    # -- acting
    def selected_person(self) -> str | None:
        index = self.gap_view.currentIndex()
        return self.gap_proxy.data(index, PERSON_ID_ROLE) if index.isValid() else None

    def open_selected_person(self) -> None:
        person_id = self.selected_person()
        roster_tab = self.window_.tab("roster") if self.window_ is not None else None
        if person_id is None or roster_tab is None or not hasattr(roster_tab, "edit_person"):
            return
        self.window_.tabs.setCurrentWidget(roster_tab)
        roster_tab.edit_person(person_id)

    def open_import(self) -> None:
        from fieldworker.ui.excel.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self)
        dialog.imported.connect(self._after_import)
        dialog.open()

    def _after_import(self) -> None:
        roster_tab = self.window_.tab("roster") if self.window_ is not None else None
        if roster_tab is not None and hasattr(roster_tab, "refresh"):
            roster_tab.refresh()
        self.refresh()

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        for name, item in exports.registry().items():
            action = self.export_menu.addAction(item.title, lambda n=name: self.choose_export(n))
            if not item.available(self.db):
                action.setEnabled(False)
                action.setToolTip(item.unavailable_reason)
        self.export_menu.setToolTipsVisible(True)

    def choose_export(self, name: str) -> None:
        options: dict[str, Any] = {}
        if name == "survey":
            year, ok = QInputDialog.getInt(self, self.tr("Survey year"), self.tr("Export the survey results of year:"),
                                           dt.date.today().year, 2000, 2100)
            if not ok:
                return
            options["year"] = year
        title = exports.registry()[name].title
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), f"{title}.xlsx",
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(name, Path(path), **options)

    def export_to(self, name: str, path: Path, **options: Any) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        run_in_background(self, lambda progress: exports.export(self.db, name, path, progress=progress, **options),
                          title=self.tr("Exporting…"),
                          on_success=lambda rows: self._done(self.tr("Exported %1 rows to %2")
                                                             .replace("%1", str(rows)).replace("%2", str(path))))

    def choose_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Print to PDF"), "统计.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.print_to(Path(path))

    def choose_gap_pdf(self) -> None:
        key = self.gap_combo.currentData()
        if key is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Print to PDF"), "应补尽补名单.pdf",
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.print_to(Path(path), gap_keys=[key])

    def print_to(self, path: Path, *, gap_keys: list[str] | None = None) -> None:
        region = self.current_region()
        run_in_background(self, lambda progress: write_dashboard_pdf(self.db, path, region=region, gap_keys=gap_keys,
                                                                     progress=progress),
                          title=self.tr("Writing PDF…"),
                          on_success=lambda out: self._done(self.tr("Saved %1").replace("%1", str(out))))

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.job_done.emit(message)
