"""Normalisation of Ukrainian text for search and sorting by the Ukrainian alphabet."""

from __future__ import annotations

import unicodedata

# Every apostrophe-like mark people type in Ukrainian names: ' ʼ ’ ‘ ` ´ ′.
APOSTROPHES = "'\u02bc\u2019\u2018`\u00b4\u2032"
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_SEARCH_FOLD = str.maketrans({"ґ": "г", "ё": "е", "ъ": "", "\u0301": ""})

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {letter: index for index, letter in enumerate(UKRAINIAN_ALPHABET)}


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


def sort_key(text: str | None) -> tuple[tuple[int, int], ...]:
    """A key that orders strings by the Ukrainian alphabet (Ґ after Г, Є after Е, І Ї after И).

    Apostrophes are ignored; case only breaks ties; other characters sort after Cyrillic by
    code point, digits and spaces before letters.
    """
    if not text:
        return ()
    key: list[tuple[int, int]] = []
    for char in unicodedata.normalize("NFC", text).translate(_DROP_APOSTROPHES):
        lower = char.lower()
        rank = _RANK.get(lower)
        if rank is not None:
            key.append((1, rank * 2 + (lower != char)))
        elif char.isspace() or not char.isalnum():
            key.append((0, ord(char)))
        elif char.isdigit():
            key.append((0, 0x10000 + ord(char)))
        else:
            key.append((2, ord(lower) * 2 + (lower != char)))
    return tuple(key)
