"""Paper: every printable thing is laid out by reportlab with the bundled CJK font (no Qt)."""
