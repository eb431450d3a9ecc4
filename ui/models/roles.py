"""Custom item data roles shared by the table models."""

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (dates, Ukrainian keys)
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself; survives proxies
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the record's id
MARK_ROLE = Qt.ItemDataRole.UserRole + 4  # attendance mark code
