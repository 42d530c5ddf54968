"""Printing a form to a real printer: CUPS with the cups-pdf virtual printer, through QPrinter.

CI installs ``cups printer-driver-cups-pdf`` (.ci/run); the test starts cupsd when it is not
running (and stops only the one it started), adds the FW_PDF queue, prints from the tab, and
checks the PDF that cups-pdf writes to ~/PDF. It skips only where CUPS is not installed.
"""

from __future__ import annotations

import subprocess
import time


def test_print_receipts_to_the_cups_pdf_printer(qtbot, main_window, cups_pdf_printer, cups_pdf_out_dir, tmp_path):
    from fieldworker.ui.requests.printer import available_printers, printer_named

    assert cups_pdf_printer in available_printers()
    out_dir = cups_pdf_out_dir
    started = time.time() - 1
    # cups-pdf names the file after the job title, so a new job may overwrite an old file: look at times.
    new_pdfs = lambda: [p for p in out_dir.glob("*.pdf") if p.stat().st_mtime >= started] if out_dir.exists() else []  # noqa: E731
    tab = main_window.tab("devices")
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData("issued"))
    tab.view.selectAll()
    tab.print_to_printer("receipt", printer=printer_named(cups_pdf_printer))
    qtbot.waitUntil(lambda: "3" in tab.status.text() and "打印机" in tab.status.text(), timeout=60000)
    qtbot.waitUntil(lambda: bool(new_pdfs()), timeout=60000)
    printed = max(new_pdfs(), key=lambda p: p.stat().st_mtime)
    qtbot.waitUntil(lambda: subprocess.run(["pdfinfo", str(printed)], capture_output=True).returncode == 0, timeout=20000)
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info  # one 发放签收单 per selected request
    # Qt sends the page as an image: check the rendering has ink (text and lines), not a blank page.
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", str(printed),
                    str(tmp_path / "page")], check=True)
    pixels = (tmp_path / "page.pgm").read_bytes().split(b"\n", 3)[3]
    dark = sum(1 for value in pixels if value < 128)
    assert 0.002 < dark / len(pixels) < 0.3
    printed.unlink()
