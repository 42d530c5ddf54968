"""Sign-in, lock, recovery key, accounts, audit trail view, backup and restore actions."""
