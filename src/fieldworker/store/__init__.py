"""Storage: the one engine factory, ORM models, migrations and the change log."""
