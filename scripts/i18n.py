#!/usr/bin/env python3
"""Maintain the Simplified Chinese translation of the UI (Qt .ts/.qm in resources/i18n).

  python scripts/i18n.py build     # update + set + release: what a developer runs after changing UI text
  python scripts/i18n.py update    # lupdate: collect tr() strings from src/fieldworker/ui into the .ts
  python scripts/i18n.py set       # fill the .ts from resources/i18n/zh_CN/*.tsv ("English<TAB>中文")
  python scripts/i18n.py release   # lrelease: compile the .qm the app loads
  python scripts/i18n.py missing   # list source strings without a translation (exit 1 if any)

Source strings are English. Translations are kept per feature area in small TSV files
(easy to review and to edit in parallel); a translator may also edit the .ts in Qt Linguist
and copy the result back to a TSV.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "fieldworker_zh_CN.ts"
QM = TS.with_suffix(".qm")
SOURCES = ROOT / "src" / "fieldworker" / "ui"
TSV_DIR = TS.parent / "zh_CN"


def tool(name: str) -> str:
    """The Qt tool installed beside this Python (a venv's bin/), else from PATH."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def ui_sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def update(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(ts)], check=True, capture_output=True)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def missing(ts: Path = TS) -> list[tuple[str, str]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                out.append((name, message.findtext("source") or ""))
    return out


def translation_table(tsv_dir: Path = TSV_DIR) -> dict[str, str]:
    table = {}
    for tsv in sorted(tsv_dir.glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                source, target = line.split("\t", 1)
                table[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    return table


def set_translations(ts: Path = TS) -> int:
    table = translation_table()
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in table and translation is not None:
            translation.text = table[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command = argv[0]
    if command == "update":
        update()
        print(f"{len(missing())} untranslated")
    elif command == "release":
        release()
    elif command == "set":
        print(f"filled {set_translations()}")
    elif command == "build":
        update()
        set_translations()
        release()
        rows = missing()
        for context, source in rows:
            print(f"untranslated\t{context}\t{source}")
        return 1 if rows else 0
    elif command == "missing":
        rows = missing()
        for context, source in rows:
            print(f"{context}\t{source}")
        return 1 if rows else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
