import pytest

from fieldworker.ui.app import install_font, install_translator


@pytest.fixture(autouse=True, scope="session")
def _chinese_ui(qapp):
    """Every UI test runs as a user would see it: bundled font and the zh_CN translation."""
    install_font(qapp)
    install_translator(qapp)
    yield


@pytest.fixture
def main_window(qtbot, demo_db):
    from fieldworker.ui.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    return window
