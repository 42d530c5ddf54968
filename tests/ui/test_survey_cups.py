"""Survey forms to a real printer: CUPS with the cups-pdf virtual queue, through QPrinter.

Starts cupsd only when it is not running (and stops only that one); skips where CUPS or
printer-driver-cups-pdf is not installed (.ci/run installs both).
"""

from __future__ import annotations

import subprocess

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from fieldworker.ui.survey.tab import SurveyTab


def test_selected_survey_forms_reach_the_cups_printer(qtbot, demo_db, cups_pdf_printer, cups_pdf_out_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    assert cups_pdf_printer in QPrinterInfo.availablePrinterNames()
    tab = SurveyTab(demo_db, today=dt.date(2026, 11, 23))
    qtbot.addWidget(tab)
    tab.year.setValue(2025)
    tab.view.selectRow(0)
    out_dir = cups_pdf_out_dir
    before = set(out_dir.glob("*.pdf")) if out_dir.exists() else set()
    printer = QPrinter(QPrinterInfo.printerInfo(cups_pdf_printer), QPrinter.PrinterMode.HighResolution)
    tab.print_selected(printer)
    assert "3" in tab.notice.text()  # 1 form, 3 pages sent
    qtbot.waitUntil(lambda: out_dir.exists() and bool(set(out_dir.glob("*.pdf")) - before), timeout=60000)
    printed = max(set(out_dir.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime)
    qtbot.waitUntil(lambda: subprocess.run(["pdfinfo", str(printed)], capture_output=True).returncode == 0,
                    timeout=20000)
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", str(printed),
                    str(tmp_path / "page")], check=True)
    pixels = (tmp_path / "page.pgm").read_bytes().split(b"\n", 3)[3]
    dark = sum(1 for value in pixels if value < 128)
    assert 0.002 < dark / len(pixels) < 0.3  # ink on the page, not a blank sheet
    printed.unlink()
