"""Ukrainian-first text handling: core messages, search and sort keys, dates and plurals."""

from app.i18n.formats import format_date, format_number, plural, pluralize
from app.i18n.messages import current_language, set_language, tr
from app.i18n.text import search_key, sort_key

__all__ = [
    "current_language",
    "format_date",
    "format_number",
    "plural",
    "pluralize",
    "search_key",
    "set_language",
    "sort_key",
    "tr",
]
