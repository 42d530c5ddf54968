import os
import shutil
import subprocess
import time
from pathlib import Path

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


# A real print path for tests: CUPS with the cups-pdf virtual queue (installed by .ci/run).
QUEUE = "FW_PDF"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd"


@pytest.fixture(scope="session")
def cups_pdf_printer():  # type: ignore[no-untyped-def]
    if not (shutil.which("lpadmin") and Path("/usr/sbin/cupsd").exists()
            and Path("/usr/lib/cups/backend/cups-pdf").exists()):
        pytest.skip("CUPS and printer-driver-cups-pdf are not installed (.ci/run installs them)")
    started = None
    if subprocess.run(["pgrep", "-x", "cupsd"], capture_output=True).returncode != 0:
        started = subprocess.Popen(["/usr/sbin/cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.strip() != "scheduler is running":
            if time.monotonic() > deadline:
                started.terminate()
                pytest.fail("cupsd did not start")
            time.sleep(0.2)
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-m", PPD, "-E"], check=True, capture_output=True)
    yield QUEUE
    if started is not None:
        started.terminate()
        started.wait(10)


@pytest.fixture(scope="session")
def cups_pdf_out_dir() -> Path:
    """Where cups-pdf writes: "Out" of /etc/cups/cups-pdf.conf, ${HOME}/PDF by default."""
    home = Path(os.path.expanduser("~"))
    for line in Path("/etc/cups/cups-pdf.conf").read_text().splitlines():
        if line.startswith("Out "):
            return Path(line.split(None, 1)[1].replace("${HOME}", str(home)))
    return home / "PDF"
