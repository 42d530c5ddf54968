"""The printer dialog path shared by the tab and the survey dialog."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from fieldworker.printing.pages import Page
from fieldworker.ui.survey.qt_print import paint_pages, prepare
from fieldworker.ui.workers import show_error


def print_pages_dialog(parent: QWidget, pages: Sequence[Page], printer: QPrinter | None = None) -> bool:
    """Ask for a printer (QPrintDialog) and print the pages; False when cancelled or failed.

    With ``printer`` given (a printer chosen earlier, or a test's queue) no dialog is shown.
    """
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QApplication.translate("SurveyPrinting", "Print survey forms"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    else:
        prepare(printer)
    try:
        paint_pages(printer, pages, QApplication.font().family() or QFont().family())
    except RuntimeError as exc:
        show_error(parent, exc)
        return False
    return True
