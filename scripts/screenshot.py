#!/usr/bin/env python3
"""Save a PNG of the main window on a demo database, for checking the UI by eye.

  xvfb-run -a python scripts/screenshot.py docs/screenshots/roster.png [--tab NAME] [--search TEXT]

Works offscreen too (QT_QPA_PLATFORM=offscreen) since it uses QWidget.grab().
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from fieldworker.services import demo
from fieldworker.store.engine import Database
from fieldworker.ui.app import create_application
from fieldworker.ui.main_window import MainWindow


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--tab", default="roster")
    parser.add_argument("--search", default="")
    parser.add_argument("--persons", type=int, default=300)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "shot.db")
        demo.generate(db, persons=args.persons, seed=1)
        window = MainWindow(db)
        window.resize(1280, 780)
        window.show()
        window.tabs.setCurrentWidget(window.tab(args.tab))
        if args.search and args.tab == "roster":
            window.tab("roster").search.setText(args.search)
            window.tab("roster").apply_filter()
        QTimer.singleShot(400, app.quit)
        app.exec()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(args.out)
        window.close()
        db.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
