"""Search inside words: «яна» finds «Мар'яна», one or two letters still only begin words."""

from __future__ import annotations

from app.i18n.text import search_key
from app.services.family_index import FamilyFilter, FamilyIndex, FamilyRow


def row(family_id: str, *words: str) -> FamilyRow:  # name first, then other members
    text = " ".join(search_key(w) for w in words)
    return FamilyRow(
        family_id, words[0], "", None, "", "", (), None, None, "", False, search_text=text
    )


def test_a_typed_word_is_found_inside_names() -> None:
    index = FamilyIndex(
        [
            row("a", "Бондар Мар'яна Іванівна"),
            row("b", "Марʼяненко Олег"),
            row("c", "Яновська Ганна"),
            row("d", "Шевченко Тетяна"),
        ]
    )

    def ids(text: str) -> list[str]:
        return sorted(r.id for r in index.search(FamilyFilter(text=text)))

    assert ids("яна") == ["a", "d"]  # inside «мар'яна» and «тетяна»
    assert ids("марян") == ["a", "b"]
    assert ids("ян") == ["c"]  # two letters: the beginning of a word only
    assert ids("енко") == ["b", "d"]
    assert ids("яна бонд") == ["a"]
    assert ids("xyz") == []


def test_a_match_on_another_member_says_so() -> None:
    index = FamilyIndex(
        [
            row("a", "Бондар Ольга", "бондар марія"),  # the list names Ольга; Марія matched
            row("b", "Марченко Ірина"),
        ]
    )
    found = {r.id: r.by_member for r in index.search(FamilyFilter(text="мар"))}
    assert found == {"a": True, "b": False}
    found = {r.id: r.by_member for r in index.search(FamilyFilter(text="бонд"))}
    assert found == {"a": False}
