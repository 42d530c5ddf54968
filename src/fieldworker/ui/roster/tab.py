"""户籍档案: search and filter the roster, edit persons and households, undo deletions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.security import audit
from fieldworker.services import roster
from fieldworker.store.engine import Database
from fieldworker.ui.roster.history_dialog import HistoryDialog
from fieldworker.ui.roster.household_dialog import HouseholdDialog
from fieldworker.ui.roster.household_model import SORT_ROLE, HouseholdTableModel
from fieldworker.ui.roster.person_dialog import PersonDialog
from fieldworker.ui.roster.person_model import PersonTableModel
from fieldworker.ui.widgets.coded import CodeCombo

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class YesNoCombo(QComboBox):
    def __init__(self, any_text: str, yes: str, no: str) -> None:
        super().__init__()
        self.addItem(any_text, None)
        self.addItem(yes, True)
        self.addItem(no, False)


class RosterTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.views = QTabWidget()
        self.views.setAccessibleName(self.tr("Roster views"))
        self.views.addTab(self._build_persons(), self.tr("&Persons"))
        self.views.addTab(self._build_households(), self.tr("Hou&seholds"))
        layout.addWidget(self.views)
        self.status = QLabel()
        self.status.setObjectName("rosterStatus")
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self._households_loaded = False
        self.views.currentChanged.connect(lambda _index: self._load_households_once())
        self.apply_filter()

    def _load_households_once(self) -> None:
        # A county database has ~90k households: load them only when the view is opened.
        if not self._households_loaded and self.views.currentIndex() == 1:
            self._households_loaded = True
            self.households_model.reload()

    # -- building
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Sea&rch:"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("name, ID number, card number or pinyin initials (zs → 张三)"))
        self.search.setAccessibleName(self.tr("Search persons"))
        label.setBuddy(self.search)
        row.addWidget(label)
        row.addWidget(self.search, 3)
        any_text = self.tr("all")
        self.category_filter = CodeCombo(codes.DISABILITY_CATEGORY, empty_text=self.tr("all categories"))
        self.category_filter.setAccessibleName(self.tr("Filter by category"))
        self.grade_filter = CodeCombo(codes.DISABILITY_GRADE, empty_text=self.tr("all grades"))
        self.grade_filter.setAccessibleName(self.tr("Filter by grade"))
        self.status_filter = CodeCombo(codes.PERSON_STATUS, empty_text=self.tr("all statuses"))
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.dibao_filter = YesNoCombo(self.tr("dibao: %1").replace("%1", any_text), self.tr("dibao: yes"),
                                       self.tr("dibao: no"))
        self.dibao_filter.setAccessibleName(self.tr("Filter by dibao"))
        self.living_filter = YesNoCombo(self.tr("living subsidy: %1").replace("%1", any_text),
                                        self.tr("living subsidy: yes"), self.tr("living subsidy: no"))
        self.living_filter.setAccessibleName(self.tr("Filter by living subsidy"))
        self.care_filter = YesNoCombo(self.tr("care subsidy: %1").replace("%1", any_text),
                                      self.tr("care subsidy: yes"), self.tr("care subsidy: no"))
        self.care_filter.setAccessibleName(self.tr("Filter by care subsidy"))
        self.deleted_filter = QCheckBox(self.tr("Show &deleted"))
        self.deleted_filter.setAccessibleName(self.tr("Show deleted persons instead of the roster"))
        for combo in (self.category_filter, self.grade_filter, self.status_filter, self.dibao_filter,
                      self.living_filter, self.care_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
            row.addWidget(combo)
        row.addWidget(self.deleted_filter)
        self.deleted_filter.toggled.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        return row

    def _build_persons(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.persons_model = PersonTableModel(self.db, self)
        self.persons_view = _table(self.tr("Persons"))
        self.persons_view.setObjectName("personsView")
        self.persons_view.setModel(self.persons_model)
        self.persons_view.setColumnWidth(3, self.persons_view.fontMetrics().horizontalAdvance("0" * 18) + 16)
        self.persons_view.doubleClicked.connect(lambda _index: self.edit_person())
        layout.addWidget(self.persons_view)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("&Add person"), self.add_person, "Ctrl+N")
        self.edit_button = self._button(self.tr("&Edit"), self.edit_person, "F2")
        self.delete_button = self._button(self.tr("De&lete"), self.delete_person, QKeySequence.StandardKey.Delete)
        self.restore_button = self._button(self.tr("Rest&ore"), self.restore_person)
        self.history_button = self._button(self.tr("C&hange history"), self.show_history, "Ctrl+H")
        self.device_button = self._button(self.tr("Assistive de&vice requests"), self.show_device_requests)
        self.renovation_button = self._button(self.tr("Home renovation re&quests"),
                                              lambda: self.show_renovation_requests(self._person_household()))
        for button in (self.add_button, self.edit_button, self.delete_button, self.restore_button,
                       self.history_button, self.device_button, self.renovation_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_households(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.households_model = HouseholdTableModel(self.db, self)
        self.households_proxy = QSortFilterProxyModel(self)
        self.households_proxy.setSourceModel(self.households_model)
        self.households_proxy.setSortRole(SORT_ROLE)
        self.households_proxy.setFilterKeyColumn(-1)
        self.households_view = _table(self.tr("Households"))
        self.households_view.setObjectName("householdsView")
        self.households_view.setModel(self.households_proxy)
        self.households_view.doubleClicked.connect(lambda _index: self.edit_household())
        splitter.addWidget(self.households_view)
        members = QWidget()
        members_layout = QVBoxLayout(members)
        self.members_label = QLabel(self.tr("Disabled members of the selected household"))
        members_layout.addWidget(self.members_label)
        self.members_model = PersonTableModel(self.db, self)
        self.members_model.filter = roster.PersonFilter(household_id="")
        self.members_view = _table(self.tr("Members of the selected household"))
        self.members_view.setObjectName("membersView")
        self.members_view.setModel(self.members_model)
        self.members_view.doubleClicked.connect(self._edit_member)
        members_layout.addWidget(self.members_view)
        splitter.addWidget(members)
        layout.addWidget(splitter)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add &household"), self.add_household),
                           (self.tr("Edit househol&d"), self.edit_household),
                           (self.tr("Delete house&hold"), self.delete_household),
                           (self.tr("Add &member"), self.add_member),
                           (self.tr("Home renovation re&quests"),
                            lambda: self.show_renovation_requests(self.selected_household()))):
            buttons.addWidget(self._button(text, slot))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.households_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_members())
        return page

    def _button(self, text: str, slot, shortcut=None) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.clicked.connect(slot)
        if shortcut is not None:
            QShortcut(QKeySequence(shortcut), self, activated=slot)
        return button

    # -- filtering
    def current_filter(self) -> roster.PersonFilter:
        return roster.PersonFilter(
            text=self.search.text(), category=self.category_filter.code(), grade=self.grade_filter.code(),
            status=self.status_filter.code(), dibao=self.dibao_filter.currentData(),
            living_subsidy=self.living_filter.currentData(), care_subsidy=self.care_filter.currentData(),
            deleted=self.deleted_filter.isChecked(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.persons_model.set_filter(self.current_filter())
        showing_deleted = self.deleted_filter.isChecked()
        self.restore_button.setEnabled(showing_deleted)
        self.edit_button.setEnabled(not showing_deleted)
        self.delete_button.setEnabled(not showing_deleted)
        count = self.persons_model.rowCount()
        text = self.tr("%1 deleted persons") if showing_deleted else self.tr("%1 persons shown")
        self.status.setText(text.replace("%1", str(count)))
        if count:
            self.persons_view.selectionModel().setCurrentIndex(
                self.persons_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def refresh(self) -> None:
        self.apply_filter()
        if self._households_loaded:
            self.households_model.reload()
            self._show_members()

    # -- persons
    def selected_person(self) -> str | None:
        return self.persons_model.person_id(self.persons_view.currentIndex().row())

    def add_person(self, household_id: str | None = None) -> None:
        dialog = PersonDialog(self.db, household_id=household_id or None, parent=self)
        if dialog.exec():
            self.refresh()
            self._select(dialog.saved_id)
            self._report(dialog.saved_warnings)

    def edit_person(self, person_id: str | None = None) -> None:
        person_id = person_id or self.selected_person()
        if person_id is None or self.deleted_filter.isChecked():
            return
        audit.record(self.db, audit.VIEW, person_id, "打开人员档案")  # who looked at whose record
        dialog = PersonDialog(self.db, person_id, parent=self)
        if dialog.exec():
            self.refresh()
            self._select(person_id)
            self._report(dialog.saved_warnings)

    def delete_person(self) -> None:
        person_id = self.selected_person()
        if person_id is None or self.deleted_filter.isChecked():
            return
        person = roster.get_person(self.db, person_id)
        answer = QMessageBox.question(
            self, self.tr("Delete person"),
            self.tr("Delete %1? The record goes to the deleted list and can be restored.").replace("%1", person.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        roster.delete_person(self.db, person_id)
        self.refresh()
        self.status.setText(self.tr("%1 deleted. Use Change history or Show deleted to restore.")
                            .replace("%1", person.name))

    def restore_person(self) -> None:
        person_id = self.selected_person()
        if person_id is None:
            return
        try:
            roster.restore_person(self.db, person_id)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), str(exc))
            return
        self.refresh()

    def show_history(self) -> None:
        dialog = HistoryDialog(self.db, record_id=None, parent=self)
        dialog.exec()
        if dialog.restored:
            self.refresh()

    # -- links to the request tabs
    def _open_requests(self, tab_name: str, **subject: str) -> None:
        window = self.window()
        tab = window.tab(tab_name) if hasattr(window, "tab") else None
        if tab is None or not hasattr(tab, "show_subject"):
            return
        window.tabs.setCurrentWidget(tab)
        tab.show_subject(**subject)

    def show_device_requests(self) -> None:
        person_id = self.selected_person()
        if person_id:
            self._open_requests("devices", person_id=person_id, name=roster.get_person(self.db, person_id).name)

    def _person_household(self) -> str | None:
        person_id = self.selected_person()
        return roster.get_person(self.db, person_id).household_id if person_id else None

    def show_renovation_requests(self, household_id: str | None) -> None:
        if household_id:
            head = roster.get_household(self.db, household_id).head_name
            self._open_requests("renovation", household_id=household_id, name=head)

    def _select(self, person_id: str | None) -> None:
        row = self.persons_model.row_of(person_id) if person_id else -1
        if row >= 0:
            index = self.persons_model.index(row, 0)
            self.persons_view.setCurrentIndex(index)
            self.persons_view.scrollTo(index)

    def _report(self, warnings: tuple[str, ...]) -> None:
        if warnings:
            self.status.setText("；".join(warnings))

    # -- households
    def selected_household(self) -> str | None:
        index = self.households_proxy.mapToSource(self.households_view.currentIndex())
        return self.households_model.household_id(index.row())

    def _show_members(self) -> None:
        household_id = self.selected_household()
        self.members_model.set_filter(roster.PersonFilter(household_id=household_id or ""))

    def _edit_member(self, index) -> None:  # type: ignore[no-untyped-def]
        self.edit_person(self.members_model.person_id(index.row()))

    def add_household(self) -> None:
        dialog = HouseholdDialog(self.db, parent=self)
        if dialog.exec():
            self.refresh()

    def edit_household(self) -> None:
        household_id = self.selected_household()
        if household_id and HouseholdDialog(self.db, household_id, parent=self).exec():
            self.refresh()

    def delete_household(self) -> None:
        household_id = self.selected_household()
        if not household_id:
            return
        try:
            roster.delete_household(self.db, household_id)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
            return
        self.refresh()

    def add_member(self) -> None:
        household_id = self.selected_household()
        if household_id:
            self.add_person(household_id)
