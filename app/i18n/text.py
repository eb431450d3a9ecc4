"""Normalisation of Ukrainian text: what may be stored, search keys, the Ukrainian alphabet.

Text is stored as typed but in NFC, without control or bidirectional-override characters
(`clean_text`); apostrophes stay as typed and are unified only in search keys. A word that
mixes Latin look-alikes into Cyrillic («Мaрія» with a Latin a) is flagged
(`mixed_script_words`) and found by search all the same.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

# Every apostrophe-like mark people type in Ukrainian names: ' ʼ ’ ‘ ` ´ ′.
APOSTROPHES = "'\u02bc\u2019\u2018`\u00b4\u2032"
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_SEARCH_FOLD = str.maketrans({"ґ": "г", "ё": "е", "ъ": "", "\u0301": ""})
_FOLDED = re.compile("[ґёъ\u0301]")  # what _SEARCH_FOLD changes

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Letters mapped past every other character, in the Ukrainian alphabet's order; apostrophes
# dropped. str.translate keeps the key fast enough to sort 100,000 names on every click.
_ORDER = str.maketrans(
    {letter: chr(0x3000 + index) for index, letter in enumerate(UKRAINIAN_ALPHABET)}
    | dict.fromkeys(APOSTROPHES)
)


def _sort_codec() -> tuple[Any, str, str]:
    """The same key through codecs, each one step in C per character where str.translate
    looks every character up in a dictionary: text in a 256-character alphabet
    (Windows-1251's, which holds every Cyrillic letter of Ukrainian, with the three
    apostrophes it lacks in place of an unused byte, the dagger and the per mille sign) is
    encoded to bytes once, and decoded to its key characters, in lower case and as typed;
    apostrophes decode to "'", then dropped. Every character of the alphabet has a
    one-character lower case in it. Text outside the alphabet takes str.translate
    (tests/core/test_text_fast_paths.py proves both equal)."""
    chars = list(bytes(range(256)).decode("cp1251", errors="replace"))
    missing = [c for c in APOSTROPHES if c not in chars]
    for place, mark in zip((0x98, 0x86, 0x89), missing, strict=True):
        chars[place] = mark
    alphabet = "".join(chars)
    assert len(set(alphabet)) == 256
    assert all(len(c.lower()) == 1 and c.lower() in alphabet for c in alphabet)

    def key(char: str) -> str:
        return "'" if char in APOSTROPHES else str(_ORDER.get(ord(char), char))

    lower = "".join(key(c.lower()) for c in alphabet)
    return codecs.charmap_build(alphabet), lower, "".join(map(key, alphabet))


_SORT_BYTES, _SORT_LOWER, _SORT_CASED = _sort_codec()


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


# One search finds the first character `clean_text` refuses: the control characters (Cc: C0,
# DEL and C1) but tab, line feed and carriage return, lone surrogates (Cs), and the above.
_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
    + "".join(sorted(BIDI_CONTROLS | INVISIBLE))
    + "]"
)


def clean_text(text: str) -> str:
    """`text` as it is stored: NFC, Windows line ends made `\\n`; a control, bidirectional,
    invisible or unpaired-surrogate character raises `RefusedCharacter`."""
    refused = _REFUSED.search(text)
    if refused is not None:
        raise RefusedCharacter(refused.group(0))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


# A letter outside the Cyrillic blocks: text without one has no Latin letter, so no word of
# it mixes scripts (the common case, found with one search instead of a name per letter).
_NOT_CYRILLIC = re.compile(r"[^\W\d_\u0400-\u052f]")


def _single_script(text: str) -> bool:
    """Whether no word of `text` can mix Latin and Cyrillic: it is all ASCII (no Cyrillic
    letter) or has no letter outside the Cyrillic blocks (no Latin one)."""
    return text.isascii() or _NOT_CYRILLIC.search(text) is None


def mixed_words(text: str | None) -> list[str]:
    """The words of `text` that mix Latin and Cyrillic letters («Мaрія»), in order."""
    if not text or _single_script(text):
        return []
    return [
        word for word in _WORD.findall(text) if {"cyrillic", "latin"} <= {_script(c) for c in word}
    ]


def latin_letters(word: str) -> str:
    """The Latin letters of a word, each once, in order («Мaрiя» → «ai»)."""
    return "".join(dict.fromkeys(c for c in word if _script(c) == "latin"))


def mixed_script_words(text: str | None) -> int:
    """How many words of `text` mix Latin and Cyrillic letters («Мaрія»)."""
    return len(mixed_words(text))


def _unmix(text: str) -> str:
    """Latin look-alikes inside Cyrillic words read as the Cyrillic letters they imitate."""
    if _single_script(text):
        return text

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
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    folded = text.lower()
    for mark in APOSTROPHES:  # a check and a replace beat str.translate's per-letter lookups
        if mark in folded:
            folded = folded.replace(mark, "")
    folded = _unmix(folded)
    if _FOLDED.search(folded) is not None:
        folded = folded.translate(_SEARCH_FOLD)
    return " ".join(folded.split())


def sort_key(text: str | None) -> tuple[str, str]:
    """A key that orders strings by the Ukrainian alphabet (Ґ after Г, Є after Е, І Ї after
    И), apostrophes ignored, letter case only breaking ties."""
    if not text:
        return ("", "")
    try:
        data = codecs.charmap_encode(text, "strict", _SORT_BYTES)[0]
    except UnicodeEncodeError:  # a character outside the alphabet
        return (text.lower().translate(_ORDER), text.translate(_ORDER))
    lower = codecs.charmap_decode(data, "strict", _SORT_LOWER)[0]
    cased = codecs.charmap_decode(data, "strict", _SORT_CASED)[0]
    if "'" in cased:
        return (lower.replace("'", ""), cased.replace("'", ""))
    return (lower, cased)


def full_name(surname: str | None, given: str | None, patronymic: str | None = None) -> str:
    """«Прізвище Ім'я По батькові», leaving out the parts that are empty."""
    return " ".join(part for part in (surname, given, patronymic) if part)
