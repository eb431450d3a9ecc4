"""Normalisation of Ukrainian text for search and sorting by the Ukrainian alphabet."""

from __future__ import annotations

import unicodedata

# Every apostrophe-like mark people type in Ukrainian names: ' ʼ ’ ‘ ` ´ ′.
APOSTROPHES = "'\u02bc\u2019\u2018`\u00b4\u2032"
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_SEARCH_FOLD = str.maketrans({"ґ": "г", "ё": "е", "ъ": "", "\u0301": ""})

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Letters mapped past every other character, in the Ukrainian alphabet's order; apostrophes
# dropped. str.translate keeps the key fast enough to sort 100,000 names on every click.
_ORDER = str.maketrans(
    {letter: chr(0x3000 + index) for index, letter in enumerate(UKRAINIAN_ALPHABET)}
    | dict.fromkeys(APOSTROPHES)
)


def search_key(text: str | None) -> str:
    """A key under which people find a name however they type it.

    Case-insensitive, apostrophes dropped («марян» finds «Мар'яна» and «Марʼяненко»),
    ґ folded into г, white space collapsed.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text).lower().translate(_DROP_APOSTROPHES)
    folded = folded.translate(_SEARCH_FOLD)
    return " ".join(folded.split())


def sort_key(text: str | None) -> tuple[str, str]:
    """A key that orders strings by the Ukrainian alphabet (Ґ after Г, Є after Е, І Ї after
    И), apostrophes ignored, letter case only breaking ties."""
    if not text:
        return ("", "")
    return (text.lower().translate(_ORDER), text.translate(_ORDER))


def full_name(surname: str | None, given: str | None, patronymic: str | None = None) -> str:
    """«Прізвище Ім'я По батькові», leaving out the parts that are empty."""
    return " ".join(part for part in (surname, given, patronymic) if part)
