"""Printing from a request tab: forms of the selected requests to a PDF file or to a printer.

Both run as background jobs (progress, cancel); printing writes the same PDF to a temporary
file and sends its pages to the chosen printer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog

from fieldworker.requests import print_forms
from fieldworker.ui.workers import run_in_background

if TYPE_CHECKING:
    from fieldworker.ui.requests.tab import RequestsTab


def save_pdf(tab: "RequestsTab", form: str, path: str | None = None) -> None:
    ids = tab.selected_ids()
    if not ids:
        return
    if path is None:
        default = f"{tab.workflow.forms[form].title}.pdf"
        path, _ = QFileDialog.getSaveFileName(tab, QCoreApplication.translate("RequestsTab", "Save forms as PDF"),
                                              default, QCoreApplication.translate("RequestsTab", "PDF (*.pdf)"))
        if not path:
            return
    target = Path(path)
    run_in_background(tab, lambda progress: print_forms.write_forms(tab.db, ids, form, target, progress=progress),
                      title=QCoreApplication.translate("RequestsTab", "Writing forms…"),
                      on_success=lambda out: tab.status.setText(
                          QCoreApplication.translate("RequestsTab", "Saved %1").replace("%1", str(out))))


def print_to_printer(tab: "RequestsTab", form: str, printer: QPrinter | None = None) -> None:
    ids = tab.selected_ids()
    if not ids:
        return
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, tab)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
    tab._printer = printer  # kept alive until the job is done
    title = tab.workflow.forms[form].title

    def job(progress: Any) -> int:
        from fieldworker.ui.requests.printer import print_pdf

        with tempfile.TemporaryDirectory() as tmp:
            pdf = print_forms.write_forms(tab.db, ids, form, Path(tmp) / "forms.pdf", progress=progress)
            return print_pdf(pdf, printer, progress, title=title)

    run_in_background(tab, job, title=QCoreApplication.translate("RequestsTab", "Printing…"),
                      on_success=lambda pages: tab.status.setText(
                          QCoreApplication.translate("RequestsTab", "%1 pages sent to the printer")
                          .replace("%1", str(pages))))
