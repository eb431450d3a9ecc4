"""Opora desktop GUI (PySide6). Reaches the core only through app.services."""
