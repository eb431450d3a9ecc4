"""What text may be stored and how search finds it (issue 12.4)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db.database import Database
from app.errors import ValidationError
from app.i18n.text import RefusedCharacter, clean_text, mixed_script_words, search_key
from app.services.queries import find_persons
from app.services.records import RecordService


def test_clean_text_refuses_controls_bidi_invisible_and_surrogates() -> None:
    for bad in ("a\u202eb", "a\x00", "\ud800", "a\u2066b", "a\u200bb", "\x1b[31m"):
        with pytest.raises(RefusedCharacter):
            clean_text(bad)
    assert clean_text("й\r\nі\tx") == "й\nі\tx"
    assert clean_text("и\u0306") == "й"


def test_mixed_script_words_are_counted_per_word() -> None:
    assert mixed_script_words("Мaрія") == 1  # Latin a
    assert mixed_script_words("Марія Kyiv вул. 5a Київ-City") == 0
    assert search_key("Мaрія") == search_key("марія")
    assert search_key("Kyiv") == "kyiv"  # a Latin word stays Latin


def test_search_finds_names_however_they_were_typed(plain_centre: Database) -> None:
    service = RecordService(plain_centre)
    typed = ["Мар'яна", "Марʼяна", "Мар’яна", "Мaр'яна"]  # the last with a Latin a
    for surname in typed:
        service.save("person", None, {"surname": surname, "given_name": "Олена"})
    stored = sorted(c.name.split()[0] for c in find_persons(plain_centre, "марян"))
    assert stored == sorted(typed)  # stored as typed, all found
    assert len(find_persons(plain_centre, "Мар’яна Олена")) == 4


def test_a_form_refuses_an_rtl_override(plain_centre: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        RecordService(plain_centre).save(
            "person", None, {"surname": "Ко\u202eваль", "given_name": "Олена"}
        )
    assert refused.value.field == "surname" and "U+202E" in refused.value.message


CYRILLIC_WORDS = st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАВЕКМНОРСТХ", min_size=2)


@given(st.text())
def test_clean_text_keeps_only_what_may_be_stored(text: str) -> None:
    try:
        cleaned = clean_text(text)
    except RefusedCharacter:
        return
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "\r" not in cleaned
    assert all(c in "\t\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in cleaned)
    assert clean_text(cleaned) == cleaned


@given(CYRILLIC_WORDS, st.data())
def test_a_latin_look_alike_never_hides_a_name_from_search(word: str, data: st.DataObject) -> None:
    swaps = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "і": "i", "Н": "H", "К": "K"}
    places = [i for i, c in enumerate(word) if c in swaps]
    if not places:
        return
    i = data.draw(st.sampled_from(places))
    typo = word[:i] + swaps[word[i]] + word[i + 1 :]
    if any(c.isalpha() and not c.isascii() for c in typo):  # still a Cyrillic word
        assert mixed_script_words(typo) == 1
        assert search_key(typo) == search_key(word)
