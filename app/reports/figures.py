"""The summary's figures in one place: which figures, in which order, under which words, and
which rows are parts of the row above. The PDF, the XLSX workbook and the GUI's reports page
all read this list (the JSON document is `Summary.to_json`, the contract's shape).

A figure is named by its JSON key, dotted for nested ones (``groups.sessions``); a key
naming a mapping (``referrals``) is the sum of its values, a total with no key of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.reports import words
from app.reports.data import Summary, SummaryLabels
from app.reports.summary_period import NO_TARGET

MAIN = "main"
PERSONS = "persons"
NO_TARGET_LABEL = "цільову категорію не вказано"
NO_TARGET_ENGLISH = "no target category"


@dataclass(frozen=True)
class Figure:
    """One row of the summary's tables."""

    key: str
    label: str  # Ukrainian: the printouts, the workbook and the GUI in Ukrainian
    english: str  # the GUI in English
    noun: tuple[str, str, str] | None = None  # the PDF words the number with it
    indented: bool = False  # a part of the row above
    section: str = MAIN

    @property
    def total(self) -> bool:
        """A sum of the figures below it, with no JSON key of its own."""
        return self.key == "referrals"

    def text(self, language: str = "uk") -> str:
        """The label in `language` ("uk" or "en")."""
        return self.label if language == "uk" else self.english

    def text_with_unit(self, language: str = "uk") -> str:
        """The label with the unit counted (for a table whose number stands alone)."""
        if self.noun is None or language != "uk":
            return self.text(language)
        return f"{self.label} ({self.noun[2]})"


FIGURES: tuple[Figure, ...] = (
    Figure(
        "families_covered",
        "Охоплено індивідуальною роботою",
        "Families covered by individual work",
        words.FAMILIES_PERSONS,
    ),
    Figure(
        "families_on_record",
        "Перебувають на обліку в СЖО на кінець періоду",
        "Families on record at the end of the period",
        words.FAMILIES,
    ),
    Figure(
        "children_in_families_on_record",
        "у них дітей (до 18 років)",
        "children (under 18) in them",
        words.CHILDREN,
        indented=True,
    ),
    Figure(
        "families_low_parenting_capacity",
        "у тому числі сімей з низьким батьківським потенціалом",
        "of them with low parenting capacity",
        words.FAMILIES,
        indented=True,
    ),
    Figure(
        "notifications",
        "Надійшло повідомлень (звернень)",
        "Notifications received",
        words.NOTIFICATIONS,
    ),
    Figure(
        "home_visits",
        "Здійснено відвідувань за місцем проживання",
        "Home visits",
        words.VISITS,
    ),
    Figure("needs_assessments", "Проведено оцінок потреб", "Needs assessments", words.ASSESSMENTS),
    Figure("groups.active", "Діяло груп взаємопідтримки", "Groups active", words.GROUPS),
    Figure("groups.sessions", "Проведено групових занять", "Group sessions held", words.SESSIONS),
    Figure("groups.participants", "Учасників груп", "Group participants", words.PARTICIPANTS),
    Figure("groups.attendances", "Відвідувань групових занять", "Attendances", words.VISITS),
    Figure(
        "intake_consultations",
        "Проведено первинних консультацій",
        "Intake consultations",
        words.CONSULTATIONS,
    ),
    Figure("referrals", "Видано скерувань", "Referrals issued", words.REFERRALS),
    Figure("referrals.accepted", "прийнято", "accepted", indented=True),
    Figure("referrals.refused", "відмовлено", "refused", indented=True),
    Figure("referrals.unknown", "результат невідомий", "no outcome yet", indented=True),
    Figure(
        "persons.total",
        "Охоплено осіб (члени сімей та особи без сім'ї)",
        "Persons reached (family members and persons without a family)",
        words.PERSONS,
        section=PERSONS,
    ),
    Figure("persons.by_sex.F", "жінок", "women", indented=True, section=PERSONS),
    Figure("persons.by_sex.M", "чоловіків", "men", indented=True, section=PERSONS),
    Figure("persons.by_age.under_18", "до 18 років", "under 18", indented=True, section=PERSONS),
    Figure("persons.by_age.18_59", "18–59 років", "aged 18–59", indented=True, section=PERSONS),
    Figure(
        "persons.by_age.60_plus",
        "60 років і старших",
        "aged 60 and over",
        indented=True,
        section=PERSONS,
    ),
    Figure(
        "persons.with_disability",
        "з інвалідністю",
        "with a disability",
        indented=True,
        section=PERSONS,
    ),
)


def figure_value(summary: Summary, key: str) -> int:
    """The value of a figure by its JSON key; a mapping's is the sum of its values."""
    value: object = summary.to_json()
    for part in key.split("."):
        assert isinstance(value, Mapping)
        value = value.get(part, 0)
    if isinstance(value, Mapping):
        return sum(int(v) for v in value.values())
    assert isinstance(value, int)
    return value


def figures(section: str | None = None) -> tuple[Figure, ...]:
    """The figures of one section (all of them for None), in order."""
    return tuple(f for f in FIGURES if section is None or f.section == section)


def share(part: int, whole: int) -> float:
    """``part`` as a fraction of ``whole`` (0 when the whole is 0)."""
    return part / whole if whole else 0.0


def target_label(code: str, labels: SummaryLabels, language: str = "uk") -> str:
    """A group target category's name, or the words for sessions of groups without one."""
    if code == NO_TARGET:
        return NO_TARGET_LABEL if language == "uk" else NO_TARGET_ENGLISH
    return labels.category(code)


def target_rows(summary: Summary, labels: SummaryLabels) -> list[tuple[str, int, float]]:
    """(target category, sessions, share of the sessions held) for each non-zero target."""
    total = sum(summary.sessions_by_target.values())
    return [
        (target_label(code, labels), n, share(n, total))
        for code, n in summary.sessions_by_target.items()
        if n
    ]
