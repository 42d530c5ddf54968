"""The recovery sheet: the recovery key, printed once at set-up, to keep in the office safe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fieldworker.printing.fonts import register_cjk_font

QR_PREFIX = "FIELDWORKER-RECOVERY:"


def write_recovery_sheet(path: Path, *, recovery_key: str, db_path: Path, region: str = "",
                         when: dt.date | None = None) -> Path:
    font = register_cjk_font()
    when = when or dt.date.today()
    width, height = A4
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("数据恢复单")
    y = height - 30 * mm
    canvas.setFont(font, 20)
    canvas.drawCentredString(width / 2, y, "基层残疾人工作台 · 数据恢复单")
    canvas.setFont(font, 11)
    y -= 14 * mm
    for line in (f"单位：{region or '（未填）'}", f"生成日期：{when:%Y年%m月%d日}", f"数据库文件：{db_path.name}"):
        canvas.drawString(25 * mm, y, line)
        y -= 7 * mm
    y -= 6 * mm
    canvas.setFont(font, 13)
    canvas.drawString(25 * mm, y, "恢复密钥：")
    y -= 11 * mm
    canvas.setFont("Courier-Bold", 17)
    canvas.drawCentredString(width / 2, y, recovery_key)
    y -= 8 * mm

    size = 60 * mm
    widget = QrCodeWidget(QR_PREFIX + recovery_key, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, (width - size) / 2, y - size)
    y -= size + 10 * mm

    canvas.setFont(font, 11)
    notes = (
        "1. 忘记密码时，在登录界面点“忘记密码”，输入此恢复密钥（或扫描二维码），再设置新密码。",
        "2. 持有此单即可打开本机全部数据：请放入办公室保险柜，不要拍照，不要和电脑放在一起。",
        "3. 重新生成恢复密钥后，此单作废，请销毁（碎纸）。",
        "4. 本单只打印这一次；系统不保存恢复密钥的明文。",
    )
    for line in notes:
        canvas.drawString(20 * mm, y, line)
        y -= 7 * mm
    y -= 10 * mm
    canvas.drawString(20 * mm, y, "保管人签字：____________　　　见证人签字：____________　　　日期：____________")
    canvas.showPage()
    canvas.save()
    return path
