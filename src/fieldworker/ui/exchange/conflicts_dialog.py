"""The 冲突 list with resolution, and the 有问题/退回 marks from the township."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from fieldworker.domain.codes import FIELD_LABELS
from fieldworker.domain.errors import ValidationError
from fieldworker.exchange import conflicts, flags
from fieldworker.store.engine import Database
from fieldworker.store.models import Person
from fieldworker.ui.exchange.rows_model import RowsModel
from fieldworker.ui.workers import show_error


def _show_value(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict):  # an edit that competes with a deletion: the fields it changed
        return "，".join(f"{FIELD_LABELS.get(k, k)}={v[1]}" for k, v in value.items() if k not in ("deleted_at",))
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


class ConflictsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Conflicts and flags"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Conflicts and flags"))
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._conflicts_page(), self.tr("&Conflicts"))
        self.tabs.addTab(self._flags_page(), self.tr("&Flags from the township"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.reload()

    # ------------------------------------------------------------ conflicts

    def _conflicts_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.conflict_model = RowsModel([self.tr("Kind"), self.tr("Village"), self.tr("Record"), self.tr("Field"),
                                         self.tr("Provisional value"), self.tr("Detected")], self)
        self.conflict_table = QTableView(page)
        self.conflict_table.setModel(self.conflict_model)
        self.conflict_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.conflict_table.setAccessibleName(self.tr("Open conflicts"))
        self.conflict_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.conflict_table, 2)
        layout.addWidget(QLabel(self.tr("Competing values (choose one):")))
        self.candidates = QListWidget(page)
        self.candidates.setAccessibleName(self.tr("Competing values"))
        layout.addWidget(self.candidates, 1)
        self.use_button = QPushButton(self.tr("&Use the selected value"))
        self.use_button.clicked.connect(self.resolve_selected)
        layout.addWidget(self.use_button)
        self.conflict_table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_candidates())
        return page

    def _show_candidates(self) -> None:
        self.candidates.clear()
        item = self.current_conflict()
        if item is None:
            return
        for candidate in item.candidates:
            if item.kind == "duplicate":
                text = f"{candidate['name']}（{candidate['region_code']}）{candidate['value'][:8]}"
            else:
                text = _show_value(candidate["value"])
                if item.kind == "deletion" and candidate["value"] is True:
                    text = self.tr("Keep it deleted")
                elif item.kind == "deletion":
                    text = self.tr("Restore it, keeping the edit: %1").replace("%1", text)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, candidate["value"])
            self.candidates.addItem(entry)
        self.candidates.setCurrentRow(0)

    def current_conflict(self) -> conflicts.ConflictView | None:
        index = self.conflict_table.currentIndex()
        return self.conflict_model.payload(index.row()) if index.isValid() else None

    def resolve_selected(self) -> None:
        item, choice = self.current_conflict(), self.candidates.currentItem()
        if item is None or choice is None:
            return
        value = choice.data(Qt.ItemDataRole.UserRole)
        try:
            if item.kind == "duplicate":
                conflicts.keep_one(self.db, item.id, value)
            elif item.kind == "deletion":
                conflicts.resolve(self.db, item.id, value is True)
            else:
                conflicts.resolve(self.db, item.id, value)
        except ValidationError as exc:
            show_error(self, exc)
        self.reload()

    # ------------------------------------------------------------ flags

    def _flags_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.flag_model = RowsModel([self.tr("Kind"), self.tr("Person"), self.tr("Village"), self.tr("Note")], self)
        self.flag_table = QTableView(page)
        self.flag_table.setModel(self.flag_model)
        self.flag_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.flag_table.setAccessibleName(self.tr("Open flags"))
        self.flag_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.flag_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.flag_table, 1)
        row = QHBoxLayout()
        self.fixed_button = QPushButton(self.tr("&Mark as fixed…"))
        self.fixed_button.clicked.connect(self.mark_fixed)
        self.new_flag_button = QPushButton(self.tr("&Flag a person…"))
        self.new_flag_button.clicked.connect(self.new_flag)
        row.addWidget(self.fixed_button)
        row.addWidget(self.new_flag_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def mark_fixed(self) -> None:
        index = self.flag_table.currentIndex()
        if not index.isValid():
            return
        flag = self.flag_model.payload(index.row())
        reply, ok = QInputDialog.getText(self, self.tr("Mark as fixed"), self.tr("What was done:"))
        if ok:
            flags.mark_fixed(self.db, flag.id, reply)
            self.reload()

    def new_flag(self) -> None:
        """Township: mark a person (found by 身份证号) 有问题 or 退回 with a note for the village."""
        number, ok = QInputDialog.getText(self, self.tr("Flag a person"), self.tr("ID card number:"))
        if not ok or not number.strip():
            return
        with self.db.session() as s:
            person = s.query(Person).filter(Person.id_number == number.strip().upper(), Person.deleted.is_(False)).first()
            person_id = person.id if person else None
        if person_id is None:
            show_error(self, ValidationError("not_found", "找不到此身份证号的人员"))
            return
        kinds = [flags.KINDS["problem"], flags.KINDS["returned"]]
        kind, ok = QInputDialog.getItem(self, self.tr("Flag a person"), self.tr("Kind:"), kinds, 0, False)
        if not ok:
            return
        note, ok = QInputDialog.getText(self, self.tr("Flag a person"), self.tr("Note for the village:"))
        if ok:
            try:
                flags.raise_flag(self.db, person_id, "problem" if kind == kinds[0] else "returned", note)
            except ValidationError as exc:
                show_error(self, exc)
            self.reload()

    def reload(self) -> None:
        items = conflicts.list_conflicts(self.db)
        self.conflict_model.set_rows([(conflicts.KIND_LABELS.get(c.kind, c.kind), c.region_code,
                                       c.record_id if c.kind == "duplicate" else
                                       conflicts.record_label(self.db, c.table_name, c.record_id),
                                       FIELD_LABELS.get(c.field, c.field), _show_value(c.winner),
                                       c.detected_at.replace("T", " ")) for c in items], items)
        self.candidates.clear()
        if items:
            self.conflict_table.selectRow(0)
        marks = flags.list_flags(self.db)
        self.flag_model.set_rows([(f.kind_label, f.target_label, f.region_code, f.note) for f in marks], marks)
