"""The group card's printouts (app.reports): «Журнал відвідування» for the group and
«Реєстраційний лист» for the selected session; «Друк…» previews and prints, the arrow saves a
PDF. A mixin of the group card (ui/pages/group_card.py); its texts keep the page's
translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class GroupPrintouts:
    """`self` is the GroupsPage: its group, sheet, grid and the note under the grid."""

    def _printout(self, kind: str, save: bool) -> None:
        from ui.printing import print_printout, save_printout

        if kind == "journal":
            record = self.group_id
        else:
            column = self.current_session_column()
            record = self.sheet.sessions[column].id if self.sheet and column >= 0 else None
            if not record:  # the cursor on the totals: say so, not nothing
                self.grid_error.setText(
                    QCoreApplication.translate(
                        "GroupsPage",
                        "Choose the session first: click its date or a cell in its column.",
                    )
                )
                return
        if not record:
            return
        self.grid_error.clear()
        if save:
            save_printout(self, self.context, kind, record)
        else:
            self.print_job = print_printout(self, self.context, kind, record)

    def print_journal(self) -> None:
        self._printout("journal", save=False)

    def save_journal(self) -> None:
        self._printout("journal", save=True)

    def print_registration(self) -> None:
        self._printout("registration", save=False)

    def save_registration(self) -> None:
        self._printout("registration", save=True)
