"""Alembic environment: runs on the engine handed over by Database (never its own URL)."""

from alembic import context

import fieldworker.store.all_models  # noqa: F401  (registers every table)
from fieldworker.store.models import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    # render_as_batch: SQLite can only alter tables by copying them; Alembic's batch mode does that.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    context.run_migrations()
