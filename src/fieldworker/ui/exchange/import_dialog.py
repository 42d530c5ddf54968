"""Import packages: pick or drop files/folders, see the preview per village, then merge."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from fieldworker.exchange import merge
from fieldworker.store.engine import Database
from fieldworker.ui.exchange.rows_model import RowsModel
from fieldworker.ui.workers import run_in_background


class ImportDialog(QDialog):
    """Township: drop a whole folder of village packages; every package is checked before anything changes."""

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 on_imported: Callable[[merge.ImportReport], None] | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.paths: list[Path] = []
        self.report: merge.ImportReport | None = None
        self._on_imported = on_imported
        self.setWindowTitle(self.tr("Import packages"))
        self.setAcceptDrops(True)
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Drop package files or a USB folder here, or choose them. "
                                   "Nothing is changed until you press Import."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Choose &files…"))
        self.folder_button = QPushButton(self.tr("Choose f&older…"))
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = RowsModel([self.tr("File"), self.tr("Sender"), self.tr("Village"), self.tr("New"),
                                self.tr("Changed"), self.tr("Conflicts"), self.tr("Rejected"), self.tr("Result")], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Packages and what importing them does"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.box = QDialogButtonBox(self)
        self.import_button = self.box.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.close_button = self.box.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.box)

    # ------------------------------------------------------------ choosing

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose packages"), "",
                                                self.tr("Exchange packages (*.fwpkg)"))
        if files:
            self.set_paths([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB folder"))
        if folder:
            self.set_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.set_paths(paths)

    def set_paths(self, paths: list[Path]) -> None:
        """Check every package and show the preview (runs in the background)."""
        self.paths = paths
        self.import_button.setEnabled(False)
        self.op = run_in_background(self, lambda progress: merge.preview(self.db, paths, progress=progress),
                                    title=self.tr("Checking packages…"), on_success=self._previewed)

    def _previewed(self, report: merge.ImportReport) -> None:
        self._show(report)
        self.import_button.setEnabled(any(o.status == "preview" for o in report.outcomes))

    # ------------------------------------------------------------ importing

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        paths = self.paths
        self.op = run_in_background(self, lambda progress: merge.import_packages(self.db, paths, progress=progress),
                                    title=self.tr("Importing packages…"), on_success=self._imported)

    def _imported(self, report: merge.ImportReport) -> None:
        self.report = report
        self._show(report)
        if report.backup:
            self.summary.setText(self.summary.text() + "\n" + self.tr("Backup made before importing: %1")
                                 .replace("%1", str(report.backup)))
        if self._on_imported:
            self._on_imported(report)

    def _show(self, report: merge.ImportReport) -> None:
        rows, payloads = [], []
        result_text = {"preview": self.tr("Ready to import"), "merged": self.tr("Imported"),
                       "rejected": self.tr("Refused"), "skipped": self.tr("Skipped")}
        for outcome in report.outcomes:
            regions = outcome.by_region or {"": merge.Counts()}
            for region, counts in sorted(regions.items()):
                result = result_text.get(outcome.status, outcome.status)
                if outcome.reason:
                    result += "：" + outcome.reason
                elif outcome.digest_ok is False:
                    result += "：" + self.tr("data differs from the sender; a full package will be requested")
                rows.append((outcome.path.name, outcome.sender_name, region, counts.new, counts.changed,
                             counts.conflicts, counts.rejected, result))
                payloads.append(outcome)
        self.model.set_rows(rows, payloads)
        ok = [o for o in report.outcomes if o.status in ("preview", "merged")]
        refused = [o for o in report.outcomes if o.status == "rejected"]
        self.summary.setText(self.tr("%1 package(s) can be imported, %2 refused.")
                             .replace("%1", str(len(ok))).replace("%2", str(len(refused))))
