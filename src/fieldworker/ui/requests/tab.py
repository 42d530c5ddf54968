"""无障碍改造 and 辅助器具 tabs: one widget for both kinds, driven by the workflow definition.

The table lists requests with stage, age and overdue flag; the pane on the right shows the
selected request and its whole history; the action bar offers exactly the transitions the
definition allows from the current stage for this installation's role.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMenu,
    QMessageBox, QPushButton, QSplitter, QTableView, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)
from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.requests import checks, queries, service
from fieldworker.requests.definition import load
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person
from fieldworker.ui.requests import print_actions
from fieldworker.ui.requests.detail import RequestDetailView
from fieldworker.ui.requests.dialogs import ItemsDialog, NewRequestDialog, TransitionDialog
from fieldworker.ui.requests.request_model import SORT_ROLE, RequestTableModel
from fieldworker.ui.workers import show_error

SEARCH_DELAY_MS = 150


class RequestsTab(QWidget):
    """The tab of one request kind ("renovation" or "device")."""

    changed = Signal(str)  # request id: emitted after any write, once the view has reloaded

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.kind = db, kind
        self.workflow = load(kind)
        self.role = installation.require(db).role
        self._sized = False
        self._subject: dict[str, str] = {}  # household_id or person_id when showing one subject's requests
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        if kind == "device":
            from fieldworker.ui.requests.loans_panel import LoansPanel

            self.pages = QTabWidget()
            self.pages.setAccessibleName(self.tr("Device views"))
            self.pages.addTab(self._build_requests_page(), self.tr("De&vice requests"))
            self.loans = LoansPanel(db, self)
            self.pages.addTab(self.loans, self.tr("&Lending point"))
            layout.addWidget(self.pages, 1)
        else:
            layout.addWidget(self._build_requests_page(), 1)
        self.status = QLabel()
        self.status.setObjectName("requestsStatus")
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.reload()

    # -- building
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Sea&rch:"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("number, name, address or item"))
        self.search.setAccessibleName(self.tr("Search requests"))
        label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.setAccessibleName(self.tr("Filter by stage"))
        self.stage_filter.addItem(self.tr("all stages"), None)
        for stage in self.workflow.stages:
            self.stage_filter.addItem(stage.label, stage.code)
        self.stage_filter.currentIndexChanged.connect(self.reload)
        self.overdue_filter = QCheckBox(self.tr("&Overdue only"))
        self.overdue_filter.setObjectName("overdueFilter")
        self.overdue_filter.setAccessibleName(self.tr("Show only overdue requests"))
        self.open_filter = QCheckBox(self.tr("O&pen only"))
        self.open_filter.setObjectName("openFilter")
        self.open_filter.setAccessibleName(self.tr("Hide finished and cancelled requests"))
        for box in (self.overdue_filter, self.open_filter):
            box.toggled.connect(self.reload)
        for widget in (label, self.search):
            row.addWidget(widget)
        row.addWidget(self.stage_filter)
        row.addWidget(self.overdue_filter)
        row.addWidget(self.open_filter)
        self.subject_label = QLabel()
        self.subject_label.setObjectName("subjectFilter")
        self.subject_clear = QPushButton(self.tr("Show &all"))
        self.subject_clear.setAccessibleName(self.tr("Show the requests of everyone"))
        self.subject_clear.clicked.connect(lambda: self.show_subject())
        for widget in (self.subject_label, self.subject_clear):
            widget.hide()
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def show_subject(self, *, household_id: str | None = None, person_id: str | None = None, name: str = "") -> None:
        """Show only the requests of one household or person (the roster links here); no argument shows all."""
        self._subject = {"household_id": household_id} if household_id else ({"person_id": person_id} if person_id else {})
        self.subject_label.setText(self.tr("Only: %1").replace("%1", name) if self._subject else "")
        self.subject_label.setVisible(bool(self._subject))
        self.subject_clear.setVisible(bool(self._subject))
        self.reload()

    def _build_requests_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = RequestTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("requestsView")
        self.view.setAccessibleName(self.workflow.title)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several for batch printing
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        splitter.addWidget(self.view)
        self.detail = RequestDetailView(self.db, self)
        self.detail.remove_photo_button.clicked.connect(self.remove_photo)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.actions_bar = QHBoxLayout()
        self.actions_label = QLabel(self.tr("Next step:"))
        self.actions_bar.addWidget(self.actions_label)
        self.transition_buttons: dict[str, QPushButton] = {}
        for step in self.workflow.transitions:
            if self.role not in step.roles:
                continue  # never offered on this installation
            button = QPushButton(step.label)
            button.setObjectName(f"action_{step.action}")
            button.setAccessibleName(step.label)
            button.clicked.connect(lambda _=False, a=step.action: self.start_transition(a))
            self.transition_buttons[step.action] = button
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        layout.addLayout(self.actions_bar)
        tools = QHBoxLayout()
        self.new_button = self._button(self.tr("&New request…"), self.new_request, "Ctrl+N", "newButton")
        self.items_button = self._button(self.tr("&Items and costs…"), self.edit_items, "Ctrl+I", "itemsButton")
        self.photo_button = QToolButton()
        self.photo_button.setObjectName("photoButton")
        self.photo_button.setText(self.tr("Add p&hoto"))
        self.photo_button.setAccessibleName(self.tr("Add photo"))
        self.photo_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        photo_menu = QMenu(self.photo_button)
        phases = ("before", "after", "other") if self.kind == "renovation" else ("other",)
        names = {"before": self.tr("Photo before renovation…"), "after": self.tr("Photo after renovation…"),
                 "other": self.tr("Other photo…")}
        for phase in phases:
            photo_menu.addAction(names[phase], lambda p=phase: self.add_photo(phase=p))
        self.photo_button.setMenu(photo_menu)
        self.print_button = QToolButton()
        self.print_button.setObjectName("printButton")
        self.print_button.setText(self.tr("&Print forms"))
        self.print_button.setAccessibleName(self.tr("Print forms of the selected requests"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        print_menu = QMenu(self.print_button)
        for name, form in self.workflow.forms.items():
            print_menu.addAction(self.tr("%1 — to printer…").replace("%1", form.title),
                                 lambda n=name: self.print_to_printer(n))
            print_menu.addAction(self.tr("%1 — save as PDF…").replace("%1", form.title),
                                 lambda n=name: self.save_pdf(n))
        self.print_button.setMenu(print_menu)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_button.showMenu)
        self.cap_button = QPushButton(self.tr("Subsidy &cap…"))
        self.cap_button.setObjectName("capButton")
        self.cap_button.setAccessibleName(self.tr("Subsidy cap"))
        self.cap_button.clicked.connect(lambda: self.set_cap())
        for widget in (self.new_button, self.items_button, self.photo_button, self.print_button, self.cap_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        layout.addLayout(tools)
        return page

    def _button(self, text: str, slot: Any, shortcut: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        QShortcut(QKeySequence(shortcut), self, activated=slot)
        return button

    # -- reading
    def reload(self, keep: str | None = None) -> None:
        self._search_timer.stop()
        keep = keep or self.current_id()
        rows = queries.list_requests(self.db, self.kind, stage=self.stage_filter.currentData(),
                                     overdue_only=self.overdue_filter.isChecked(), open_only=self.open_filter.isChecked(),
                                     text=self.search.text().strip(), **self._subject)
        self.model.set_rows(rows)
        if not self._sized and rows:
            self._sized = True
            metrics = self.view.fontMetrics()
            for column, sample in ((0, "GZ2026-0000"), (1, "欧阳某某户（十二组100号）"), (2, "肢体残疾"), (3, "入户坡道、卫生间扶手")):
                self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        overdue = sum(r.overdue for r in rows)
        self.status.setText(self.tr("%1 requests shown, %2 overdue").replace("%1", str(len(rows)))
                            .replace("%2", str(overdue)))
        if rows:
            self.select(keep if keep and self.model.row_of(keep) >= 0 else None)
        else:
            self._show_current()

    def select(self, request_id: str | None) -> None:
        source_row = self.model.row_of(request_id) if request_id else 0
        index = self.proxy.mapFromSource(self.model.index(max(0, source_row), 0))
        if not request_id:
            index = self.proxy.index(0, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    def current_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex() if hasattr(self, "view") else None
        if index is None or not index.isValid():
            return None
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        return row.id if row else None

    def selected_ids(self) -> list[str]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        ids = [r.id for r in (self.model.row_at(n) for n in rows) if r]
        current = self.current_id()
        return ids or ([current] if current else [])

    def _show_current(self) -> None:
        request_id = self.current_id()
        detail = queries.request_detail(self.db, request_id) if request_id else None
        self.detail.show_detail(detail)
        legal = set()
        if detail is not None:
            legal = {t.action for t in service.legal_transitions(self.workflow, detail.row.stage, self.role)}
            others = [r for r in self._related(detail) if r.id != request_id]
            if others:
                self.detail.text.append("<h4>" + self.tr("Other requests of this household or person") + "</h4>" +
                                        "<br/>".join(f"{r.number}　{r.stage_label}　{r.items}" for r in others))
        shown = 0
        for action, button in self.transition_buttons.items():
            button.setVisible(action in legal)
            if action in legal:  # Ctrl+1, Ctrl+2… in the order shown: every step reachable from the keyboard
                shown += 1
                button.setShortcut(QKeySequence(f"Ctrl+{shown}"))
                button.setToolTip(button.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            else:
                button.setShortcut(QKeySequence())
        self.actions_label.setText(self.tr("Next step:") if legal else self.tr("No further steps."))
        editable = detail is not None and self.workflow.items_editable(detail.row.stage)
        self.items_button.setEnabled(editable)
        self.photo_button.setEnabled(detail is not None)
        self.print_button.setEnabled(detail is not None)

    def _related(self, detail: queries.RequestDetail) -> list[queries.RequestRow]:
        if detail.household.get("id"):
            return queries.requests_for(self.db, household_id=detail.household["id"])
        if detail.person.get("id"):
            return queries.requests_for(self.db, person_id=detail.person["id"])
        return []

    def _after_write(self, changed: service.Changed) -> None:
        self.reload(keep=changed.request_id)
        if changed.warnings:  # suggestions, not refusals: shown without blocking the work
            self.warning_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Please note"),
                                           "\n".join(changed.warnings), QMessageBox.StandardButton.Ok, self)
            self.warning_box.open()
        self.changed.emit(changed.request_id)

    # -- writing (each opens a window-modal dialog and returns it, so it can be driven in tests)
    def new_request(self) -> NewRequestDialog:
        dialog = NewRequestDialog(self.db, self.workflow, self._subjects(), self)
        dialog.accepted.connect(lambda: self._after_write(dialog.result_value))
        dialog.open()
        return dialog

    def _subjects(self) -> list[tuple[str, str]]:
        with self.db.session() as s:
            if self.workflow.subject == "household":
                return [(f"{h.head_name}户　{h.address}", h.id) for h in s.scalars(
                    select(Household).where(Household.deleted.is_(False)).order_by(Household.address))]
            return [(f"{p.name}　{p.id_number}", p.id) for p in s.scalars(
                select(Person).where(Person.deleted.is_(False), Person.status == "1").order_by(Person.search_text))]

    def edit_items(self) -> ItemsDialog | None:
        request_id = self.current_id()
        if request_id is None or not self.items_button.isEnabled():
            return None
        detail = queries.request_detail(self.db, request_id)
        cap = self.tr("Subsidy cap: %1 yuan").replace("%1", checks.yuan(checks.cap_fen(self.db, self.workflow)))
        dialog = ItemsDialog(self.db, request_id, self.workflow, detail.items, cap, self)
        dialog.accepted.connect(lambda: self._after_write(dialog.result_value))
        dialog.open()
        return dialog

    def start_transition(self, action: str) -> TransitionDialog | None:
        request_id = self.current_id()
        if request_id is None:
            return None
        row = self.model.row_at(self.model.row_of(request_id))
        dialog = TransitionDialog(self.db, request_id, self.workflow, self.workflow.transition(action),
                                  subject=row.subject if row else "", parent=self)
        dialog.accepted.connect(lambda: self._after_write(dialog.result_value))
        dialog.open()
        return dialog

    def add_photo(self, *, phase: str, path: str | None = None) -> bool:
        request_id = self.current_id()
        if request_id is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                                  self.tr("Photos (*.jpg *.jpeg *.png);;All files (*)"))
            if not path:
                return False
        try:
            changed = service.add_photo(self.db, request_id, Path(path).read_bytes(), phase=phase,
                                        caption=Path(path).stem)
        except (ValidationError, OSError) as exc:
            show_error(self, exc if isinstance(exc, ValidationError) else ValidationError("photo_read", f"无法读取照片：{exc}"))
            return False
        self._after_write(changed)
        return True

    def remove_photo(self) -> None:
        photo_id = self.detail.current_photo_id()
        if photo_id is None:
            return
        try:
            changed = service.remove_photo(self.db, photo_id)
        except ValidationError as exc:
            show_error(self, exc)
            return
        self._after_write(changed)

    def set_cap(self, value: float | None = None) -> None:
        """The subsidy cap (a setting of this installation), asked for when not given."""
        if value is None:
            current = checks.cap_fen(self.db, self.workflow) / 100
            label = (self.tr("Subsidy cap per household (yuan):") if self.workflow.subject == "household"
                     else self.tr("Subsidy cap per person (yuan):"))
            value, ok = QInputDialog.getDouble(self, self.tr("Subsidy cap"), label, current, 1, 1_000_000, 2)
            if not ok:
                return
        try:
            checks.set_cap(self.db, self.workflow, value)
        except ValidationError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("Subsidy cap: %1 yuan").replace("%1", checks.yuan(checks.cap_fen(self.db, self.workflow))))

    # -- printing (the jobs live in print_actions.py)
    def save_pdf(self, form: str, path: str | None = None) -> None:
        print_actions.save_pdf(self, form, path)

    def print_to_printer(self, form: str, printer: QPrinter | None = None) -> None:
        """Print the selected requests' forms; without ``printer`` the user picks one in the print dialog."""
        print_actions.print_to_printer(self, form, printer)


def renovation_tab(db: Database, window: QWidget) -> QWidget:
    return RequestsTab(db, "renovation", window)


def devices_tab(db: Database, window: QWidget) -> QWidget:
    return RequestsTab(db, "device", window)
