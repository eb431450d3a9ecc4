"""The fast paths of stored text and search keys agree with their per-character definitions.

`clean_text` finds a refused character with one search, and text whose letters are all of one
script skips the per-word look-alike check: both must decide exactly as the definitions do.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from app.i18n import text as T


def refused_by_definition(char: str) -> bool:
    """DESIGN's rule: control and surrogate characters (but tab, line feed and carriage
    return), bidirectional controls and invisible marks are never stored."""
    if char in "\t\n\r":
        return False
    return (
        unicodedata.category(char) in ("Cc", "Cs") or char in T.BIDI_CONTROLS or char in T.INVISIBLE
    )


def test_every_code_point_is_refused_exactly_as_defined() -> None:
    wrong = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if (T._REFUSED.search(chr(cp)) is not None) != refused_by_definition(chr(cp))
    ]
    assert wrong == []


def mixed_by_definition(text: str) -> int:
    count = 0
    for word in re.findall(r"[^\W\d_]+", text):
        scripts = {T._script(c) for c in word}
        count += {"cyrillic", "latin"} <= scripts
    return count


def key_by_definition(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).lower().translate(T._DROP_APOSTROPHES)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        scripts = {T._script(c) for c in word}
        return word.translate(T.LOOK_ALIKES) if {"cyrillic", "latin"} <= scripts else word

    folded = re.sub(r"[^\W\d_]+", fix, folded).translate(T._SEARCH_FOLD)
    return " ".join(folded.split())


NAMES = st.text(
    alphabet=st.sampled_from(
        list("Мар'яОлнаIiaoceрхуДжЁёҐґЪъ ʼ’‘`-0123456789") + ["\u0301", "é", "ß", "Ω", "\ua650"]
    ),
    max_size=24,
)


@settings(max_examples=400, deadline=None)
@given(NAMES)
def test_mixed_words_and_search_keys_as_defined(text: str) -> None:
    assert T.mixed_script_words(text) == mixed_by_definition(text)
    assert T.search_key(text) == key_by_definition(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_clean_text_stores_nfc_or_refuses_as_defined(text: str) -> None:
    first = next((c for c in text if refused_by_definition(c)), None)
    if first is not None:
        try:
            T.clean_text(text)
        except T.RefusedCharacter as refused:
            assert refused.code == f"U+{ord(first):04X}"
        else:
            raise AssertionError("refused character stored")
        return
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert T.clean_text(text) == expected


def sort_key_by_definition(text: str) -> tuple[str, str]:
    """The Ukrainian alphabet's key, character by character (str.translate)."""
    return (text.lower().translate(T._ORDER), text.translate(T._ORDER)) if text else ("", "")


def test_every_code_point_sorts_exactly_as_defined() -> None:
    """The sort key's codecs (one 256-character alphabet) give the translated key for
    every character, inside the alphabet or not."""
    wrong = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if not 0xD800 <= cp < 0xE000 and T.sort_key(chr(cp)) != sort_key_by_definition(chr(cp))
    ]
    assert wrong == []


SORTED_TEXT = st.text(
    alphabet=st.sampled_from(
        list(bytes(range(32, 256)).decode("cp1251", errors="ignore") + T.APOSTROPHES)
        + ["İ", "Σ", "ς", "ẞ", "Ω", "\u0301", "\ua650"]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(SORTED_TEXT)
def test_sort_keys_as_defined(text: str) -> None:
    """Text in and out of the alphabet, apostrophes and letters whose lower case differs in
    context (final sigma) or in length (dotted capital I)."""
    assert T.sort_key(text) == sort_key_by_definition(text)
