"""What every page needs: the open database, who is working, settings, reference labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db.database import Database
from app.i18n import current_language
from app.services.family_index import Viewer
from app.services.queries import reference_labels
from ui.settings import UiSettings


@dataclass
class AppContext:
    """Shared by the main window's pages and dialogs (GUI thread only)."""

    db: Database
    settings: UiSettings
    viewer: Viewer = field(default_factory=Viewer)
    demo: bool = False
    _labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def labels(self, kind: str) -> list[tuple[str, str]]:
        """(code, label) of a reference kind in the GUI's language (cached)."""
        if kind not in self._labels:
            self._labels[kind] = reference_labels(self.db, kind, current_language())
        return self._labels[kind]

    def forget_labels(self) -> None:
        """After a language change: read the labels again."""
        self._labels.clear()

    def label(self, kind: str, code: str | None) -> str:
        if not code:
            return ""
        return dict(self.labels(kind)).get(code, code)
