#!/usr/bin/env python3
"""Save PNGs of the Excel import dialog (after checking a district-style sheet) for checking by eye.

  QT_QPA_PLATFORM=offscreen python scripts/excel_screenshots.py docs/screenshots/excel-import.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from fieldworker.services import demo
from fieldworker.store.engine import Database
from fieldworker.ui.app import create_application
from fieldworker.ui.excel.import_dialog import ImportDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "excel"))
from excel_sheets import district_roster  # noqa: E402


def wait_for(signal) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/excel-import.png")
    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "shot.db")
        demo.generate(db, persons=60, seed=1)
        dialog = ImportDialog(db)
        dialog.resize(1000, 760)
        dialog.show()
        dialog.load_file(district_roster(Path(tmp) / "花名册.xlsx"))
        wait_for(dialog.sheet_loaded)
        dialog.check()
        wait_for(dialog.checked)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(out))
        dialog.close()
        db.close()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
