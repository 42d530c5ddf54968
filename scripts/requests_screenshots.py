#!/usr/bin/env python3
"""Screenshots of the 无障碍改造 and 辅助器具 tabs and PNGs of every printed request form.

  QT_QPA_PLATFORM=offscreen python scripts/requests_screenshots.py [OUT_DIR]   # default docs/screenshots

Uses a fresh demo village in a temporary directory; look at the PNGs after a UI or layout change.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    from fieldworker.requests import print_forms, queries
    from fieldworker.services import demo
    from fieldworker.store.engine import Database
    from fieldworker.ui.app import create_application
    from fieldworker.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = create_application(["screenshots"])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "demo.db")
        demo.generate(db, persons=120, seed=3)
        window = MainWindow(db)
        window.resize(1400, 820)
        window.show()
        for name, stage in (("renovation", "accepted"), ("devices", "issued")):
            tab = window.tab(name)
            window.tabs.setCurrentWidget(tab)
            row = next(r for r in tab.model._rows if r.stage == stage)
            tab.select(row.id)
            app.processEvents()
            window.grab().save(str(out / f"requests-{name}-tab.png"))
        device_tab = window.tab("devices")
        device_tab.pages.setCurrentIndex(1)
        app.processEvents()
        window.grab().save(str(out / "requests-lending-point.png"))
        renovation = next(r for r in queries.list_requests(db, "renovation") if r.stage == "done")
        device = next(r for r in queries.list_requests(db, "device") if r.stage == "followed_up")
        for kind, row in (("renovation", renovation), ("device", device)):
            for form in print_forms.form_names(kind):
                pdf = Path(tmp) / f"{kind}-{form}.pdf"
                print_forms.write_forms(db, [row.id], form, pdf)
                prefix = out / f"requests-form-{kind}-{form}"
                subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(pdf), str(prefix)], check=True)
        window.close()
        db.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
