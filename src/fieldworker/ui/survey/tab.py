"""动态更新调查 tab: the year's persons with their survey status, progress, filters, printing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
    QMessageBox, QProgressBar, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from fieldworker.domain import codes
from fieldworker.store.engine import Database
from fieldworker.survey import forms, printing, queries, service
from fieldworker.survey.models import COMPLETED, STATUS_LABELS
from fieldworker.ui.survey.dialog import SurveyDialog
from fieldworker.ui.survey.list_model import PERSON_ID_ROLE, SORT_ROLE, SurveyListModel
from fieldworker.ui.survey.printer import print_pages_dialog
from fieldworker.ui.workers import run_in_background, show_error

SEARCH_DELAY_MS = 150


class SurveyTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.last_op = None
        self._shown_once = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_progress())
        self.model = SurveyListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("surveyTable")
        self.view.setAccessibleName(self.tr("Persons to survey"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_actions())
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.view, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.reload()

    # -- building -----------------------------------------------------------
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.year = QSpinBox()
        editions = forms.editions()
        self.year.setRange(editions[0].version if editions else 2018, 2100)
        self.year.setValue(self.today.year)
        self.year.setAccessibleName(self.tr("Survey year"))
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code, label in STATUS_LABELS.items():
            self.status.addItem(label, code)
        self.status.setAccessibleName(self.tr("Survey status filter"))
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for code, label in codes.DISABILITY_CATEGORY.items():
            self.category.addItem(label, code)
        self.category.setAccessibleName(self.tr("Disability category filter"))
        self.category.currentIndexChanged.connect(lambda _i: self.reload())
        self.problems_only = QCheckBox(self.tr("Only &failed checks"))
        self.problems_only.setAccessibleName(self.tr("Only persons with failed checks"))
        self.problems_only.toggled.connect(lambda _on: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or ID number"))
        self.search.setAccessibleName(self.tr("Search persons"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for text, widget in ((self.tr("&Year:"), self.year), (self.tr("S&tatus:"), self.status),
                             (self.tr("Cate&gory:"), self.category), (self.tr("Searc&h:"), self.search)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.problems_only)
        return row

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Survey progress"))
        self.progress.setFormat(self.tr("%v of %m done (%p%)"))
        self.summary = QLabel()
        self.summary.setObjectName("surveySummary")
        row.addWidget(self.progress, 2)
        row.addWidget(self.summary, 3)
        return row

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open survey"))
        self.open_button.clicked.connect(self.open_selected)
        self.pdf_button = QPushButton(self.tr("Print to P&DF"))
        pdf_menu = QMenu(self.pdf_button)
        pdf_menu.addAction(self.tr("Selected persons…"), lambda: self.export_pdf("selected"))
        pdf_menu.addAction(self.tr("Whole village…"), lambda: self.export_pdf("all"))
        pdf_menu.addAction(self.tr("Not yet surveyed only…"), lambda: self.export_pdf("pending"))
        pdf_menu.addAction(self.tr("Blank form…"), lambda: self.export_pdf("blank"))
        self.pdf_button.setMenu(pdf_menu)
        self.print_button = QPushButton(self.tr("&Print selected…"))
        self.print_button.clicked.connect(self.print_selected)
        self.submit_button = QPushButton(self.tr("Mark completed as s&ubmitted…"))
        self.submit_button.clicked.connect(self.submit_completed)
        for button in (self.open_button, self.pdf_button, self.print_button, self.submit_button):
            row.addWidget(button)
        self.notice = QLabel()
        self.notice.setObjectName("surveyNotice")
        self.notice.setWordWrap(True)
        row.addWidget(self.notice, 1)
        return row

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        # Other tabs change persons (new, moved away, deleted): the list is re-read when shown.
        super().showEvent(event)
        if self._shown_once:
            self.reload()
        self._shown_once = True

    # -- data ---------------------------------------------------------------
    def reload(self) -> None:
        year = self.year.value()
        try:
            rows = queries.survey_rows(self.db, year, status=self.status.currentData(),
                                       category=self.category.currentData(),
                                       problems_only=self.problems_only.isChecked(), text=self.search.text())
            overview = queries.overview(self.db, year)
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.progress.setMaximum(max(overview["total"], 1))
        self.progress.setValue(overview["done"])
        counts = "　".join(f"{label} {n}" for label, n in overview["by_status"].items())
        self.summary.setText(counts + "　" + self.tr("Failed checks: %1").replace(
            "%1", str(overview["with_failed_checks"])))

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(PERSON_ID_ROLE) for r in rows]

    # -- actions ------------------------------------------------------------
    def open_selected(self) -> SurveyDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        try:
            dialog = SurveyDialog(self.db, ids[0], self.year.value(), self, today=self.today)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        dialog.saved.connect(lambda _pid: self.reload())
        dialog.setModal(True)
        dialog.open()
        self.current_dialog = dialog
        return dialog

    def export_pdf(self, which: str, path: str | None = None) -> None:
        year = self.year.value()
        if which == "selected" and not self.selected_ids():
            self.notice.setText(self.tr("Select one or more persons first."))
            return
        if path is None:
            suggested = str(Path.home() / f"动态更新调查表-{year}.pdf")
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save survey forms as PDF"), suggested,
                                                        self.tr("PDF files (*.pdf)"))
            if not path:
                return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        ids = self.selected_ids() if which == "selected" else None
        self.last_op = run_in_background(
            self, lambda progress: printing.print_surveys(
                self.db, year, target, only_pending=which == "pending", blank=which == "blank", person_ids=ids,
                progress=progress),
            title=self.tr("Printing survey forms…"),
            on_success=lambda result: self._pdf_done(target, result))

    def _pdf_done(self, target: Path, result: dict) -> None:
        self.last_pdf = target
        self.notice.setText(self.tr("Saved %1 forms, %2 pages: %3").replace("%1", str(result["forms"]))
                            .replace("%2", str(result["pages"])).replace("%3", str(target)))

    def print_selected(self, printer: QPrinter | None = None) -> None:
        ids = self.selected_ids()
        if not ids:
            self.notice.setText(self.tr("Select one or more persons first."))
            return
        pages = [page for pid in ids for page in printing.person_pages(self.db, pid, self.year.value())]
        if print_pages_dialog(self, pages, printer):
            self.notice.setText(self.tr("Sent %1 forms, %2 pages to the printer.").replace("%1", str(len(ids)))
                                .replace("%2", str(len(pages))))

    def submit_completed(self) -> None:
        year = self.year.value()
        done = sum(1 for row in queries.survey_rows(self.db, year, status=COMPLETED))
        if not done:
            self.notice.setText(self.tr("There are no completed surveys to submit."))
            return
        answer = QMessageBox.question(self, self.tr("Submit"), self.tr(
            "Mark %1 completed surveys as submitted? They can no longer be changed.").replace("%1", str(done)))
        if answer == QMessageBox.StandardButton.Yes:
            service.submit(self.db, year)
            self.reload()

