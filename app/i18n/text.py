"""Normalisation of Ukrainian text: what may be stored, search keys, the Ukrainian alphabet.

Text is stored as typed but in NFC, without control or bidirectional-override characters
(`clean_text`); apostrophes stay as typed and are unified only in search keys. A word that
mixes Latin look-alikes into Cyrillic («Мaрія» with a Latin a) is flagged
(`mixed_script_words`) and found by search all the same.
"""

from __future__ import annotations

import re
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


# Characters never stored: bidirectional overrides and isolates (they make a name display as
# something else), zero-width marks, and every control character but tab and line feed.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
INVISIBLE = frozenset("\u200b\u2060\ufeff")
ALLOWED_CONTROLS = frozenset("\t\n")

# Latin letters that look like Cyrillic ones, as they slip into names typed on a keyboard
# switched to the wrong layout.
LOOK_ALIKES = str.maketrans(
    "aceiopxyABCEHIKMOPTX\u0131kmhbt",  # the last five: capitals' look-alikes, lowered
    "асеіорхуАВСЕНІКМОРТХікмнвт",
)
_WORD = re.compile(r"[^\W\d_]+")


class RefusedCharacter(ValueError):
    """Text holds a character that is never stored; `code` names it (U+202E)."""

    def __init__(self, char: str) -> None:
        self.code = f"U+{ord(char):04X}"
        super().__init__(self.code)


def clean_text(text: str) -> str:
    """`text` as it is stored: NFC, Windows line ends made `\\n`; a control, bidirectional,
    invisible or unpaired-surrogate character raises `RefusedCharacter`."""
    for char in text:
        if char in ALLOWED_CONTROLS or char == "\r":
            continue
        if unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS or char in INVISIBLE:
            raise RefusedCharacter(char)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def mixed_script_words(text: str | None) -> int:
    """How many words of `text` mix Latin and Cyrillic letters («Мaрія»)."""
    if not text:
        return 0
    count = 0
    for word in _WORD.findall(text):
        scripts = {_script(c) for c in word}
        if "cyrillic" in scripts and "latin" in scripts:
            count += 1
    return count


def _unmix(text: str) -> str:
    """Latin look-alikes inside Cyrillic words read as the Cyrillic letters they imitate."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        scripts = {_script(c) for c in word}
        return word.translate(LOOK_ALIKES) if {"cyrillic", "latin"} <= scripts else word

    return _WORD.sub(fix, text)


def search_key(text: str | None) -> str:
    """A key under which people find a name however they type it.

    Case-insensitive, apostrophes dropped («марян» finds «Мар'яна» and «Марʼяненко»),
    ґ folded into г, Latin look-alikes inside a Cyrillic word read as Cyrillic («Мaрія»
    is found as «марія»), white space collapsed.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text).lower().translate(_DROP_APOSTROPHES)
    folded = _unmix(folded).translate(_SEARCH_FOLD)
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
