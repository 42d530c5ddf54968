"""The thin Qt layer: windows, tabs, Qt models and dialogs. Holds no domain rule."""
