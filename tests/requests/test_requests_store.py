"""The 0003_requests migration creates exactly the tables the models describe; records sync like others."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import fieldworker.store.all_models  # noqa: F401
from fieldworker.requests import models
from fieldworker.store import migrations
from fieldworker.store.engine import Database, make_engine
from fieldworker.store.models import SYNCED_MODELS, Base

TABLES = {"requests", "request_items", "request_events", "request_photos", "shared_devices", "device_loans",
          "device_repairs"}


def _mine(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table in TABLES


def test_migration_tables_match_the_models(db_path):
    engine = make_engine(db_path)
    db = Database(db_path, engine)
    command.upgrade(migrations.alembic_config(db), "0003_requests")  # this branch alone, on the foundation
    with engine.connect() as conn:
        assert TABLES <= set(inspect(conn).get_table_names())
        context = MigrationContext.configure(conn, opts={"include_object": _mine})
        assert compare_metadata(context, Base.metadata) == []
    command.downgrade(migrations.alembic_config(db), "0001_foundation")
    with engine.connect() as conn:
        assert not TABLES & set(inspect(conn).get_table_names())
    engine.dispose()


def test_revision_chain():
    import importlib

    module = importlib.import_module("fieldworker.store.migrations.versions.0003_requests")
    assert (module.revision, module.down_revision) == ("0003_requests", "0001_foundation")


def test_every_requests_table_is_synced():
    for model in (models.Request, models.RequestItem, models.RequestEvent, models.RequestPhoto,
                  models.SharedDevice, models.DeviceLoan, models.DeviceRepair):
        assert SYNCED_MODELS[model.__tablename__] is model
