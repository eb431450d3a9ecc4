"""What every page needs: the open database, who is working, settings, reference labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db.database import Database
from app.db.reference import relation_label
from app.i18n import current_language
from app.services.family_index import Viewer
from app.services.queries import reference_labels, reference_retired
from ui.settings import UiSettings


@dataclass
class AppContext:
    """Shared by the main window's pages and dialogs (GUI thread only)."""

    db: Database
    settings: UiSettings
    viewer: Viewer = field(default_factory=Viewer)
    demo: bool = False
    _labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _retired: dict[str, set[str]] | None = field(default=None, repr=False)

    @property
    def person_name(self) -> str:
        """The signed-in person's name for a «specialist» or «facilitator» field; empty when
        the account has no name of its own (a login such as «admin» is not a person)."""
        name = self.viewer.display_name.strip()
        return name if name and name != self.viewer.login else ""

    def labels(self, kind: str) -> list[tuple[str, str]]:
        """(code, label) of a reference kind in the GUI's language (cached)."""
        if kind not in self._labels:
            self._labels[kind] = reference_labels(self.db, kind, current_language())
        return self._labels[kind]

    def forget_labels(self) -> None:
        """After a language change: read the labels again."""
        self._labels.clear()
        self._retired = None

    def retired(self, kind: str) -> set[str]:
        """Retired codes of a kind: kept on old records, never offered for new ones."""
        if self._retired is None:
            self._retired = reference_retired(self.db)
        return self._retired.get(kind, set())

    def choices(self, kind: str, keep: object = None) -> list[tuple[str, str]]:
        """(code, label) a form offers: current entries, plus ``keep`` (the record's own
        code or codes) even when retired."""
        kept = set(keep if isinstance(keep, list | tuple | set) else [keep] if keep else [])
        retired = self.retired(kind) - kept
        return [entry for entry in self.labels(kind) if entry[0] not in retired]

    def relation(self, code: str | None, sex: str | None) -> str:
        """A member's relation, by sex where the classifier names both («Чоловік»)."""
        return relation_label(code, sex, self.label("relation", code), current_language())

    def label(self, kind: str, code: str | None) -> str:
        if not code:
            return ""
        return dict(self.labels(kind)).get(code, code)
