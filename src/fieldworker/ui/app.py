"""Application start: fonts, translation, first-run choice, main window, self-test."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldworker.paths import font_path, resources_dir
from fieldworker.services import demo, installation
from fieldworker.store.engine import Database

FONT_FAMILY_FALLBACK = "WenQuanYi Micro Hei"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("fieldworker")
    app.setApplicationDisplayName("基层残疾人工作台")
    install_font(app)
    install_translator(app)
    return app  # type: ignore[return-value]


def install_font(app: QApplication) -> str:
    """Load the bundled CJK font so the window looks the same on every machine."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else FONT_FAMILY_FALLBACK
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 11))
    app.setFont(font)
    return family


def install_translator(app: QApplication, locale: str = "zh_CN") -> QTranslator | None:
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"fieldworker_{locale}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(locale))
        return translator
    return None


def run(*, db_path: Path, selftest: bool = False) -> int:
    app = create_application()
    if selftest:
        return _selftest(app)
    from fieldworker.ui.first_run import FirstRunDialog
    from fieldworker.ui.main_window import MainWindow

    if not db_path.exists() or installation.info(Database.open(db_path)) is None:
        dialog = FirstRunDialog(db_path)
        if not dialog.exec():
            return 0
    db = Database.open(db_path)
    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.close()
    return code


def _selftest(app: QApplication) -> int:
    """Open the main window on a temporary demo database and close it again (installer check)."""
    from fieldworker.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "selftest.db")
        demo.generate(db, persons=30, seed=7)
        window = MainWindow(db)
        window.show()
        QTimer.singleShot(200, window.close)
        app.exec()
        ok = window.tabs.count() >= 4
        db.close()
    print("selftest ok" if ok else "selftest FAILED")
    return 0 if ok else 1
