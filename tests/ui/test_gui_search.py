"""Search inside words: «яна» finds «Мар'яна», one or two letters still only begin words."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from app.i18n.text import search_key
from app.services import family_search
from app.services.family_index import FamilyFilter, FamilyIndex, FamilyRow


def row(family_id: str, *words: str) -> FamilyRow:  # name first, then other members
    text = " ".join(search_key(w) for w in words)
    return FamilyRow(
        family_id,
        words[0],
        "",
        None,
        "",
        "",
        (),
        None,
        None,
        "",
        False,
        search_text=text,
        member_names=words,
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


def test_a_match_on_another_member_names_that_member() -> None:
    """The note said only «found by another member»: which one, the user had to guess."""
    index = FamilyIndex(
        [
            row("a", "Бондар Ольга Петрівна", "Бондар Марія Іванівна", "Бондар Марко"),
            row("b", "Шевчук Ірина", "Шевчук Іван"),
        ]
    )
    found = {r.id: r.found_member for r in index.search(FamilyFilter(text="мар ів"))}
    assert found == {"a": "Бондар Марія Іванівна"}
    found = {r.id: r.found_member for r in index.search(FamilyFilter(text="ольга"))}
    assert found == {"a": None}  # the member the list names
    found = {r.id: r.found_member for r in index.search(FamilyFilter(text="шевчук іван"))}
    assert found == {"b": "Шевчук Іван"}
    found = {r.id: r.found_member for r in index.search(FamilyFilter(text="марко марія"))}
    assert found == {"a": ""}  # two members together: the note stays general


def test_the_found_by_member_note_follows_the_last_search_however_many_rows() -> None:
    """Worked out when a row is shown, so a result of any size says it (it once stopped
    at 2,000 rows and kept the note of an earlier search)."""
    rows = [row(f"f{n:04}", f"Бондар Ольга {n}", "марченко ірина") for n in range(2500)]
    index = FamilyIndex(rows)
    found = index.search(FamilyFilter(text="мар"))
    assert len(found) == 2500 and all(r.by_member for r in found)
    found = index.search(FamilyFilter(text="бонд"))
    assert len(found) == 2500 and not any(r.by_member for r in found)
    assert not any(r.by_member for r in index.search(FamilyFilter()))


WORDS = ["мар'яна", "марʼяненко", "бондар", "тетяна", "+380671234567", "0671234567", "яна", "ґонта"]


def reference_search(texts: list[str], typed: str) -> list[int]:
    """What a search means, row by row: every typed word begins one of the row's words,
    or from three letters on is found inside one."""
    tokens = search_key(typed).split()

    def matches(token: str, words: list[str]) -> bool:
        return any(w.startswith(token) or (len(token) >= 3 and token in w) for w in words)

    return [n for n, text in enumerate(texts) if all(matches(t, text.split()) for t in tokens)]


@settings(max_examples=60, deadline=None)
@given(
    families=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), max_size=30),
    typed=st.lists(st.sampled_from(["м", "мар", "яна", "067", "0671", "+38", "ян", "гонт", "ен"])),
    scan_from=st.sampled_from([0, 1500]),
    with_words=st.booleans(),
)
def test_the_index_finds_what_a_row_by_row_search_finds(
    families: list[list[str]], typed: list[str], scan_from: int, with_words: bool
) -> None:
    """Every way of finding a word (the word index, inside others per word or by a scan of
    the rows' text when it is inside very many; or, before the word index is built, the
    scan alone) gives the row-by-row answer."""
    rows = [row(f"f{n:03}", *words) for n, words in enumerate(families)]
    text = " ".join(typed)
    with patch.object(family_search, "INSIDE_SCAN_FROM", scan_from):
        found = FamilyIndex(rows, words=with_words).search(FamilyFilter(text=text))
    expected = reference_search([r.search_text for r in rows], text)
    assert [r.id for r in found] == [rows[n].id for n in expected]


SPACES = [" ", "  ", "\t", "\u00a0", "\n", "\u2028"]


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.tuples(st.sampled_from(SPACES), st.sampled_from(WORDS)), max_size=4).map(
            lambda parts: "".join(space + word for space, word in parts)
        ),
        max_size=20,
    ),
    typed=st.sampled_from(["м", "мар", "яна", "067", "+38", "ян", "ен", "мар яна"]),
    words=st.booleans(),
)
def test_words_apart_by_any_white_space_are_found(
    texts: list[str], typed: str, words: bool
) -> None:
    """A row's text with words apart by tabs, no-break spaces or several spaces is searched
    as if they were single spaces, with the word index or without."""
    rows = [
        FamilyRow(f"f{n:03}", "", "", None, "", "", (), None, None, "", False, search_text=text)
        for n, text in enumerate(texts)
    ]
    found = FamilyIndex(rows, words=words).search(FamilyFilter(text=typed))
    assert [r.id for r in found] == [rows[n].id for n in reference_search(texts, typed)]


def test_the_list_is_searchable_before_its_word_index_is_built() -> None:
    """The families list shows its rows the moment they are read and searches them by a
    scan of their text; the word index, built after off the GUI thread, finds the same."""
    rows = [
        row("a", "Бондар Мар'яна Іванівна", "бондар остап"),
        row("b", "Марʼяненко Олег", "марʼяненко ірина"),
        row("c", "Шевчук Тетяна Петрівна"),
    ]
    index = FamilyIndex(rows, words=False)
    typed = ["мар", "яна", "ост", "петр", "ян", "ір", "xyz", "тетяна петрівна"]
    before = {text: [r.id for r in index.search(FamilyFilter(text=text))] for text in typed}
    index.use_words(index.build_words())
    after = {text: [r.id for r in index.search(FamilyFilter(text=text))] for text in typed}
    assert (
        before
        == after
        == {
            "мар": ["a", "b"],
            "яна": ["a", "c"],
            "ост": ["a"],
            "петр": ["c"],
            "ян": [],
            "ір": ["b"],
            "xyz": [],
            "тетяна петрівна": ["c"],
        }
    )
