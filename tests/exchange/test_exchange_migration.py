"""The 0006_exchange migration creates exactly the tables the exchange models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData

from fieldworker.exchange import models
from fieldworker.store import migrations
from fieldworker.store.engine import Database
from fieldworker.store.models import Base

TABLES = {m.__tablename__ for m in (models.DeviceKey, models.Peer, models.PackageRecord, models.WriteMeta,
                                    models.Conflict, models.ExchangeFlag)}


def test_exchange_tables_match_the_models_after_migration(db_path):
    db = Database.open(db_path)
    assert "0006_exchange" in migrations.current_revisions(db)
    only_exchange = MetaData()
    for table in Base.metadata.sorted_tables:
        if table.name in TABLES:
            table.to_metadata(only_exchange)
    def ours(obj, name, type_, _reflected, _compare_to) -> bool:
        return (name if type_ == "table" else obj.table.name) in TABLES

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": ours})
        diff = compare_metadata(context, only_exchange)
    db.close()
    assert diff == []
