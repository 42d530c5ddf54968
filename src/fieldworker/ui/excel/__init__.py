"""Excel import dialog."""
