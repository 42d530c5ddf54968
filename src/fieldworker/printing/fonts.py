"""The one CJK font every PDF embeds, so printed forms look the same on every machine."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldworker.paths import font_path

CJK_FONT = "WQY"


def register_cjk_font() -> str:
    """Register WenQuanYi Micro Hei (TrueType, embedded as a subset) once; returns its name."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path()), subfontIndex=0))
    return CJK_FONT
