"""What text may be stored and how search finds it (issue 12.4)."""

from __future__ import annotations

import pytest

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
