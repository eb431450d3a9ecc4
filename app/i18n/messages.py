"""Messages of the core (command line, validation) in Ukrainian, with English as the second.

Message ids are English sentences; `catalog_uk` holds the Ukrainian text. The language is
Ukrainian unless OPORA_LANG (or `set_language`) says `en`.
"""

from __future__ import annotations

import os

from app.i18n.catalog_uk import UK

_language: str | None = None


def current_language() -> str:
    """`uk` or `en`: the explicitly set language, else OPORA_LANG, else Ukrainian."""
    if _language is not None:
        return _language
    env = os.environ.get("OPORA_LANG", "uk").lower()
    return "en" if env.startswith("en") else "uk"


def set_language(language: str | None) -> None:
    """Switch the core's messages to `uk` or `en` (None: back to OPORA_LANG)."""
    global _language
    _language = None if language is None else ("en" if language.startswith("en") else "uk")


def tr(message: str, /, **values: object) -> str:
    """The message in the current language, with `{name}` placeholders filled in."""
    text = UK.get(message, message) if current_language() == "uk" else message
    return text.format(**values) if values else text
