"""Name and address keys for finding likely duplicates: case, apostrophes, letters typed
differently (г/ґ, е/є, и/і/ї/й, soft signs) and names typed in Latin letters fold to one key."""

from __future__ import annotations

from functools import lru_cache

from app.i18n.text import APOSTROPHES

# Latin letters typed for Ukrainian ones (the official transliteration, and common habits),
# longest first, then the Cyrillic folds that make spelling variants one key.
_LATIN = (
    ("shch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("iu", "ю"),
    ("ya", "я"),
    ("ia", "я"),
    ("ye", "є"),
    ("ie", "є"),
    ("yi", "ї"),
)


_LATIN_LETTERS = str.maketrans(
    {
        "a": "а",
        "b": "б",
        "c": "ц",
        "d": "д",
        "e": "е",
        "f": "ф",
        "g": "г",
        "h": "г",
        "i": "і",
        "j": "й",
        "k": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "q": "к",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "v": "в",
        "w": "в",
        "x": "кс",
        "y": "и",
        "z": "з",
    }
)


_FOLD = str.maketrans(
    {"ґ": "г", "є": "е", "э": "е", "ё": "е", "и": "і", "ї": "і", "й": "і", "ы": "і"}
    | dict.fromkeys("ьъ" + APOSTROPHES + "-. ", "")
)


_PAIRS = (("ія", "я"), ("ію", "ю"), ("іе", "е"), ("іо", "о"))


@lru_cache(maxsize=1 << 16)
def name_key(text: str | None) -> str:
    """The comparison key of one name (see the module's docstring)."""
    if not text:
        return ""
    key = text.strip().lower()
    if key.isascii():
        for latin, cyrillic in _LATIN:
            key = key.replace(latin, cyrillic)
        key = key.translate(_LATIN_LETTERS)
    key = key.translate(_FOLD)
    for pair, single in _PAIRS:
        key = key.replace(pair, single)
    return key


def address_key(text: str | None) -> str:
    """An address reduced to its letters and digits, name-folded, words sorted."""
    if not text:
        return ""
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return " ".join(sorted(name_key(w) for w in words))
