"""Import a roster sheet: choose the file, check the column mapping, preview the problems, import.

Reading, checking and importing run in the background (``run_in_background``) with progress
and cancel; the dialog only shows what the core (``fieldworker.excel``) found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QLineEdit, QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget,
)

from fieldworker.excel import mapping as mappings
from fieldworker.excel.cells import text as cell_text
from fieldworker.excel.error_report import write_error_report
from fieldworker.excel.fields import FIELDS
from fieldworker.excel.roster_import import ERROR, NEW, UNCHANGED, UPDATE, ImportPlan, ImportResult, import_roster, plan_import
from fieldworker.excel.rows import RowProblem
from fieldworker.excel.sheet import SheetData, read_sheet
from fieldworker.store.engine import Database
from fieldworker.ui.workers import run_in_background

PROBLEM_COLUMNS = [QT_TRANSLATE_NOOP("ProblemTableModel", "Row"), QT_TRANSLATE_NOOP("ProblemTableModel", "Column"),
                   QT_TRANSLATE_NOOP("ProblemTableModel", "Problem")]


class ProblemTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.problems: list[RowProblem] = []

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ProblemTableModel", PROBLEM_COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (problem.row, problem.column, problem.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(problem)  # long messages are cut in the cell
        return None


class ImportDialog(QDialog):
    imported = Signal()  # data changed: other tabs reload
    sheet_loaded = Signal()
    checked = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.sheet: SheetData | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Import roster from Excel"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_file_row())
        self.sheet_label = QLabel(self.tr("Choose an .xlsx file (save .xls or .csv files as .xlsx in Excel or WPS first)."))
        self.sheet_label.setWordWrap(True)
        layout.addWidget(self.sheet_label)
        layout.addWidget(self._build_mapping(), 2)
        layout.addWidget(self._build_preview(), 2)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.clicked.connect(self.check)
        self.report_button = QPushButton(self.tr("Save &error report…"))
        self.report_button.clicked.connect(self.choose_report)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.check_button, self.report_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- building
    def _build_file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&File:"))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setAccessibleName(self.tr("Excel file to import"))
        label.setBuddy(self.file_edit)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.choose_file)
        row.addWidget(label)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        return row

    def _build_mapping(self) -> QWidget:
        box = QGroupBox(self.tr("Which column holds what"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("Saved &mapping:"))
        self.named_combo = QComboBox()
        self.named_combo.setAccessibleName(self.tr("Saved column mapping"))
        self.named_combo.activated.connect(lambda _i: self._apply_named())
        label.setBuddy(self.named_combo)
        save = QPushButton(self.tr("&Save mapping as…"))
        save.clicked.connect(self.save_mapping)
        row.addWidget(label)
        row.addWidget(self.named_combo, 1)
        row.addWidget(save)
        layout.addLayout(row)
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setWidget(QWidget())
        layout.addWidget(self.mapping_area, 1)
        return box

    def _build_preview(self) -> QWidget:
        box = QGroupBox(self.tr("Check result"))
        layout = QVBoxLayout(box)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.problem_model = ProblemTableModel(self)
        self.problem_view = QTableView()
        self.problem_view.setAccessibleName(self.tr("Problems found, by row"))
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_view.verticalHeader().setVisible(False)
        self.problem_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problem_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.problem_view, 1)
        return box

    def _update_buttons(self) -> None:
        loaded = self.sheet is not None
        self.check_button.setEnabled(loaded)
        self.import_button.setEnabled(loaded)
        self.report_button.setEnabled(self.plan is not None and bool(self.plan.error_rows))

    # -- the file and its columns
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a roster sheet"), "",
                                                    self.tr("Excel workbook (*.xlsx *.xlsm);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        hints = mappings.known_headers(self.db)
        run_in_background(self, lambda progress: read_sheet(path, known_headers=hints, progress=progress),
                          title=self.tr("Reading the sheet…"), on_success=self._sheet_read)

    def _sheet_read(self, sheet: SheetData) -> None:
        self.sheet, self.plan = sheet, None
        others = "、".join(sheet.other_sheets)
        text = self.tr("Sheet “%1”, header on row %2, %3 data rows.").replace("%1", sheet.sheet_name) \
            .replace("%2", str(sheet.header_row)).replace("%3", str(len(sheet.rows)))
        if others:
            text += " " + self.tr("Other sheets not read: %1").replace("%1", others)
        self.sheet_label.setText(text)
        self.named_combo.clear()
        self.named_combo.addItem(self.tr("(remembered for this layout, or guessed)"), None)
        for name in sorted(mappings.named(self.db)):
            self.named_combo.addItem(name, name)
        self._build_combos(mappings.for_sheet(self.db, sheet))
        self.problem_model.set_problems([])
        self.summary_label.setText("")
        self._update_buttons()
        self.sheet_loaded.emit()

    def _build_combos(self, chosen: dict[str, str]) -> None:
        assert self.sheet is not None
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.combos = {}
        first_row = self.sheet.rows[0][1] if self.sheet.rows else ()
        for index, header in enumerate(self.sheet.headers):
            if not header:
                continue
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for field in FIELDS:
                combo.addItem(field.label, field.key)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(header, ""))))
            sample = cell_text(first_row[index]) if index < len(first_row) else ""
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", self.sheet.column_name(index)))
            label = QLabel(f"{self.sheet.column_name(index)}　{sample[:24]}")
            label.setBuddy(combo)
            form.addRow(label, combo)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[header] = combo
        self.mapping_area.setWidget(form_widget)

    def current_mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.combos.items() if combo.currentData()}

    def set_field(self, header: str, key: str) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(combo.findData(key))

    def _mapping_changed(self) -> None:
        self.plan = None
        self._update_buttons()

    def _apply_named(self) -> None:
        name = self.named_combo.currentData()
        if self.sheet is not None:
            self._build_combos(mappings.for_sheet(self.db, self.sheet, name=name))
            self._mapping_changed()

    def save_mapping(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name of this column mapping:"))
        if ok and name.strip():
            mappings.save_named(self.db, name.strip(), self.current_mapping())
            self.named_combo.addItem(name.strip(), name.strip())

    # -- checking and importing
    def check(self) -> None:
        if self.sheet is None:
            return
        sheet, chosen = self.sheet, self.current_mapping()
        run_in_background(self, lambda progress: plan_import(self.db, sheet, chosen, progress=progress),
                          title=self.tr("Checking every row…"), on_success=self._checked)

    def _counts_text(self, counts: dict[str, int], skipped: int, *, applied: bool) -> str:
        text = self.tr("Imported: %1 new, %2 updated, %3 unchanged; %4 rows with errors were not imported.") if applied \
            else self.tr("Check: %1 new, %2 to update, %3 unchanged; %4 rows with errors will not be imported.")
        text = text.replace("%1", str(counts[NEW])).replace("%2", str(counts[UPDATE])) \
            .replace("%3", str(counts[UNCHANGED])).replace("%4", str(counts[ERROR]))
        if skipped:
            text += " " + self.tr("%1 rows without data were skipped.").replace("%1", str(skipped))
        return text

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.summary_label.setText(self._counts_text(plan.counts, plan.skipped, applied=False))
        self.problem_model.set_problems(plan.problems)
        self._update_buttons()
        self.checked.emit()

    def run_import(self) -> None:
        if self.sheet is None:
            return
        path, chosen = self.sheet.path, self.current_mapping()
        run_in_background(self, lambda progress: import_roster(self.db, path, mapping=chosen, progress=progress),
                          title=self.tr("Importing…"), on_success=self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.plan = result.plan
        self.summary_label.setText(self._counts_text(result.counts, result.plan.skipped, applied=True))
        self.problem_model.set_problems(result.plan.problems)
        self._update_buttons()
        self.imported.emit()

    def choose_report(self) -> None:
        if self.plan is None or self.sheet is None:
            return
        default = self.sheet.path.with_name(self.sheet.path.stem + "-错误报告.xlsx")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save error report"), str(default),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> Path:
        assert self.plan is not None
        return write_error_report(self.plan, path)
