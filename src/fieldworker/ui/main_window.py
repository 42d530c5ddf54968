"""The main window: one tab per job of the worker, a menu, and font scaling."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from fieldworker import __version__
from fieldworker.services import installation
from fieldworker.store.engine import Database

FONT_SIZE_SETTING = "ui.font_point_size"
MIN_FONT, MAX_FONT = 9, 28


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class PlaceholderTab(QWidget):
    """A tab whose feature has not been built yet: says so plainly."""

    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        layout.addWidget(QLabel(note))
        layout.addStretch(1)


def _roster_tab(db: Database, window: "MainWindow") -> QWidget:
    from fieldworker.ui.roster.tab import RosterTab

    return RosterTab(db, window)


def _requests_tab(kind: str) -> Callable[[Database, "MainWindow"], QWidget]:
    def factory(db: Database, window: "MainWindow") -> QWidget:
        from fieldworker.ui.requests.tab import RequestsTab

        return RequestsTab(db, kind, window)
    return factory


def _survey_tab(db: Database, window: "MainWindow") -> QWidget:
    from fieldworker.ui.survey.tab import SurveyTab

    return SurveyTab(db, window)


def _dashboard_tab(db: Database, window: "MainWindow") -> QWidget:
    from fieldworker.ui.dashboard.tab import DashboardTab

    return DashboardTab(db, window)


def _placeholder(title: str, note: str) -> Callable[[Database, "MainWindow"], QWidget]:
    return lambda _db, window: PlaceholderTab(_tr(title), _tr(note), window)


# (object name, tab title, factory). Feature areas replace their placeholder here.
# Titles are marked with QT_TRANSLATE_NOOP so lupdate finds them; they are translated when shown.
TABS: list[tuple[str, str, Callable[[Database, "MainWindow"], QWidget]]] = [
    ("roster", QT_TRANSLATE_NOOP("MainWindow", "Household records"), _roster_tab),
    ("survey", QT_TRANSLATE_NOOP("MainWindow", "Yearly update survey"), _survey_tab),
    ("renovation", QT_TRANSLATE_NOOP("MainWindow", "Home accessibility renovation"), _requests_tab("renovation")),
    ("devices", QT_TRANSLATE_NOOP("MainWindow", "Assistive devices"), _requests_tab("device")),
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Statistics"), _dashboard_tab),
]


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.info = installation.require(db)
        self.setWindowTitle(self.tr("Disability Worker's Workbench — %1 %2")
                            .replace("%1", self.info.role_label).replace("%2", self.info.region_name))
        self.resize(1200, 760)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Main work areas"))
        self.setCentralWidget(self.tabs)
        # Tabs are built when first opened (or asked for), so start-up costs only the first one.
        self._pending: dict[str, Callable[[Database, "MainWindow"], QWidget]] = {}
        for name, title, factory in TABS:
            holder = QWidget()
            holder.setObjectName(f"{name}Pending")
            self.tabs.addTab(holder, _tr(title))
            self._pending[name] = factory
        self.tabs.currentChanged.connect(self._build_current)
        self._build_current(self.tabs.currentIndex())
        self._build_menu()
        self._apply_font_size(int(db.get_setting(FONT_SIZE_SETTING, QApplication.font().pointSize())))
        self.statusBar().showMessage(
            self.tr("%1 %2 (%3)").replace("%1", self.info.role_label).replace("%2", self.info.region_name)
            .replace("%3", self.info.region_code))

    def tab(self, name: str) -> QWidget:
        """The tab's widget, built now if it has not been opened yet."""
        if name in self._pending:
            self._build(name)
        return self.findChild(QWidget, f"{name}Tab")  # type: ignore[return-value]

    def _build_current(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if holder is not None and holder.objectName().endswith("Pending"):
            self._build(holder.objectName().removesuffix("Pending"))

    def _build(self, name: str) -> None:
        factory = self._pending.pop(name)
        holder = self.findChild(QWidget, f"{name}Pending")
        index = self.tabs.indexOf(holder)
        widget = factory(self.db, self)
        widget.setObjectName(f"{name}Tab")
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, _tr(next(t for n, t, _f in TABS if n == name)))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        holder.deleteLater()
        if self.property("fontPointSize"):
            for child in [widget, *widget.findChildren(QWidget)]:
                child.setFont(self.font())

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for text, keys, step in ((self.tr("&Larger text"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], 1),
                                 (self.tr("&Smaller text"), [QKeySequence.StandardKey.ZoomOut], -1)):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) if isinstance(k, str) else QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _=False, s=step: self._apply_font_size(self.font().pointSize() + s))
            view_menu.addAction(action)
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)

        from fieldworker.ui.exchange.menu import install_exchange_menu  # 数据交换
        install_exchange_menu(self)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, self.tr("About"), self.tr("Disability Worker's Workbench") + f" {__version__}"))
        help_menu.addAction(about)

    def _apply_font_size(self, size: int) -> None:
        size = max(MIN_FONT, min(MAX_FONT, size))
        font = QApplication.font()
        font.setPointSize(size)
        QApplication.setFont(font)
        self.setFont(font)
        for widget in self.findChildren(QWidget):
            widget.setFont(font)
        if size != self.db.get_setting(FONT_SIZE_SETTING):
            self.db.set_setting(FONT_SIZE_SETTING, size)
        self.setProperty("fontPointSize", size)
