"""Alembic migrations, applied at start after a timestamped backup of an existing database.

Feature modules add their tables as migrations depending on the foundation's revision;
``upgrade`` goes to every head so independent branches apply side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from fieldworker.store.engine import Database

HERE = Path(__file__).resolve().parent


def alembic_config(db: "Database | None" = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if db is not None:
        cfg.attributes["engine"] = db.engine
    return cfg


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(db: "Database") -> set[str]:
    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def pending(db: "Database") -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revisions(db)
    for rev in script.walk_revisions():
        if rev.revision not in current and not _is_ancestor_of_any(script, rev.revision, current):
            return True
    return False


def _is_ancestor_of_any(script: ScriptDirectory, revision: str, current: set[str]) -> bool:
    for head in current:
        if revision in {r.revision for r in script.iterate_revisions(head, "base")}:
            return True
    return False


def upgrade(db: "Database", target: str = "heads") -> Path | None:
    """Bring the schema up to date. Returns the backup made first, if the file had data."""
    backup = None
    if pending(db):
        if db.path.exists() and db.has_tables():
            backup = db.timestamped_backup("before-migration")
        command.upgrade(alembic_config(db), target)
    return backup
