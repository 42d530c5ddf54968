"""Forms as data: definition loader, expression language, and answer evaluation (no Qt, no database)."""
