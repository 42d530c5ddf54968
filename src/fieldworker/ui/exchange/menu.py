"""Adds the 数据交换 menu to the main window; every action calls the exchange core."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldworker.exchange import conflicts, export, merge
from fieldworker.ui.workers import run_in_background

if TYPE_CHECKING:
    from fieldworker.ui.main_window import MainWindow


class ExchangeMenu(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.db = window.db
        self.menu = window.menuBar().addMenu(self.tr("Data e&xchange"))
        self.menu.setObjectName("exchangeMenu")
        self.actions: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
                ("export", self.tr("&Export to USB…"), "Ctrl+Shift+E", self.export_to_folder),
                ("import", self.tr("&Import packages…"), "Ctrl+Shift+I", self.open_import),
                ("keys", self.tr("&Keys and partners…"), "", self.open_keys),
                ("history", self.tr("&History…"), "", self.open_history),
                ("conflicts", self.tr("&Conflicts and flags…"), "", self.open_conflicts)):
            action = QAction(text, window)
            action.setObjectName(f"exchange_{name}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.menu.addAction(action)
            self.actions[name] = action
        self.update_conflict_count()

    def update_conflict_count(self) -> None:
        count = conflicts.open_count(self.db)
        text = self.tr("&Conflicts and flags…")
        self.actions["conflicts"].setText(text if not count else f"{text} ({count})")

    def export_to_folder(self, _checked: bool = False, folder: str | None = None) -> None:
        folder = folder or QFileDialog.getExistingDirectory(self.window, self.tr("Export to which folder (USB stick)?"))
        if not folder:
            return
        self.op = run_in_background(self.window, lambda progress: export.export_all(self.db, Path(folder), progress=progress),
                                    title=self.tr("Writing packages…"), on_success=self._exported)

    def _exported(self, results: list[export.ExportResult]) -> None:
        self.last_export = results
        lines = [f"{r.path.name}：{r.records} / {r.writes}" for r in results]
        # Not modal: the worker may go on while the stick is still plugged in.
        self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("Packages written"),
                                   self.tr("Records / changes per package:") + "\n" + "\n".join(lines),
                                   QMessageBox.StandardButton.Ok, self.window)
        self.message.setModal(False)
        self.message.show()
        self.window.statusBar().showMessage(self.tr("%1 package(s) written").replace("%1", str(len(results))), 10000)

    def open_import(self) -> "ImportDialog":
        from fieldworker.ui.exchange.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.db, self.window, on_imported=self._imported)
        self.import_dialog.show()
        return self.import_dialog

    def _imported(self, _report: merge.ImportReport) -> None:
        self.update_conflict_count()
        roster = self.window.tab("roster")
        if roster is not None and hasattr(roster, "refresh"):
            roster.refresh()

    def open_keys(self) -> "KeysDialog":
        from fieldworker.ui.exchange.keys_dialog import KeysDialog

        self.keys_dialog = KeysDialog(self.db, self.window)
        self.keys_dialog.show()
        return self.keys_dialog

    def open_history(self) -> "HistoryDialog":
        from fieldworker.ui.exchange.history_dialog import HistoryDialog

        self.history_dialog = HistoryDialog(self.db, self.window)
        self.history_dialog.show()
        return self.history_dialog

    def open_conflicts(self) -> "ConflictsDialog":
        from fieldworker.ui.exchange.conflicts_dialog import ConflictsDialog

        self.conflicts_dialog = ConflictsDialog(self.db, self.window)
        self.conflicts_dialog.finished.connect(lambda _r: self.update_conflict_count())
        self.conflicts_dialog.show()
        return self.conflicts_dialog


def install_exchange_menu(window: "MainWindow") -> ExchangeMenu:
    window.exchange_menu = ExchangeMenu(window)  # type: ignore[attr-defined]
    return window.exchange_menu  # type: ignore[attr-defined]
