"""Send a printed form to a real printer: the same PDF the "save as PDF" path writes, page by page.

The reportlab PDF stays the one layout; here each page is rasterised with PDFium (pypdfium2,
which ships Windows wheels) at the printer's resolution, capped to keep memory modest, and
painted onto a ``QPrinter``. Qt allows painting on a QPrinter outside the GUI thread, so this
runs in a background job with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from fieldworker.jobs import Progress

MAX_DPI = 300  # forms are text and lines: 300 dpi is sharp; more only costs memory


def available_printers() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def printer_named(name: str) -> QPrinter:
    info = next((p for p in QPrinterInfo.availablePrinters() if p.printerName() == name), None)
    if info is None:
        raise RuntimeError(f"找不到打印机：{name}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def print_pdf(pdf_path: Path, printer: QPrinter, progress: Progress, *, title: str = "") -> int:
    """Print every page of ``pdf_path``; returns the number of pages sent."""
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        total = len(document)
        printer.setDocName(title or Path(pdf_path).stem)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("无法连接打印机，请检查打印机是否开启")
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for number in range(total):
                progress.report(number, total, f"正在打印第 {number + 1}/{total} 页")
                if number:
                    printer.newPage()
                page = document[number]
                image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                page.close()
                data = image.tobytes()
                qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888).copy()
                target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
                target.moveTo(0, 0)
                scale = min(target.width() / qimage.width(), target.height() / qimage.height())
                painter.drawImage(QRectF(0, 0, qimage.width() * scale, qimage.height() * scale), qimage)
            progress.report(total, total, "已发送到打印机")
        finally:
            painter.end()
        return total
    finally:
        document.close()
