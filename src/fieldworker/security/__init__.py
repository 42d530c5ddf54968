"""Data safety: encryption keys, accounts and sign-in, audit trail, backups and integrity checks."""
