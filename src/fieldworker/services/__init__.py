"""Services: the verbs a user knows. The GUI and the CLI call the same functions."""
