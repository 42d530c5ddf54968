"""Application start: fonts, translation, first-run choice, main window, self-test."""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldworker.paths import font_path, resources_dir
from fieldworker.services import demo

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
    # Qt's own strings (standard buttons, file dialogs, context menus) come from qtbase_<locale>.qm.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
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
    from fieldworker.ui.main_window import MainWindow
    from fieldworker.ui.security.actions import install_security
    from fieldworker.ui.security.startup import open_database

    # Sign-in (or first start: password, recovery key, then the first-run choice) before any data shows.
    db = open_database(db_path)
    code = 0
    while db is not None:
        window = MainWindow(db)
        guard = install_security(window, db)
        window.show()
        code = app.exec()
        db = guard.after_close()  # a restore from backup reopens the window on the restored database
    return code


def _selftest(app: QApplication) -> int:
    """Open the main window on a temporary demo database and close it again (installer check)."""
    from fieldworker.ui.main_window import MainWindow

    from fieldworker.security import vault
    from fieldworker.ui.security.actions import install_security

    with tempfile.TemporaryDirectory() as tmp:
        # Encrypted like a real installation (checks that SQLCipher is bundled), with a throwaway password.
        password = secrets.token_urlsafe(16) + "-Aa1"
        db = vault.create(Path(tmp) / "selftest.db", account="selftest", password=password).db
        demo.generate(db, persons=30, seed=7)
        window = MainWindow(db)
        guard = install_security(window, db)
        window.show()
        guard.idle_lock.lock()
        locked = window.centralWidget() is not window.tabs
        unlocked = guard.idle_lock.unlock(password) and window.centralWidget() is window.tabs
        QTimer.singleShot(200, window.close)
        app.exec()
        ok = window.tabs.count() >= 4 and locked and unlocked
        guard.after_close()
    print("selftest ok" if ok else "selftest FAILED")
    return 0 if ok else 1
