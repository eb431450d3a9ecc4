"""The attendance grid's state without Qt: participants × sessions → mark, with totals."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db.models import MARKS, Mark
from app.services.rosters import ParticipantRow, SessionRow  # the rows the core loads

PRESENT, ABSENT, EXCUSED = Mark.PRESENT, Mark.ABSENT, Mark.EXCUSED


def next_mark(mark: str | None) -> str:
    """Space cycles: (none) → присутній → відсутній → з поважної причини → присутній."""
    if mark not in MARKS:
        return PRESENT
    return MARKS[(MARKS.index(mark) + 1) % len(MARKS)]


@dataclass
class AttendanceGrid:
    """Participants down, sessions across; marks keyed by (participant id, session id)."""

    participants: list[ParticipantRow] = field(default_factory=list)
    sessions: list[SessionRow] = field(default_factory=list)
    marks: dict[tuple[str, str], str] = field(default_factory=dict)

    def mark(self, row: int, column: int) -> str | None:
        return self.marks.get((self.participants[row].id, self.sessions[column].id))

    def set_mark(self, row: int, column: int, mark: str | None) -> None:
        if mark is not None and mark not in MARKS:
            raise ValueError(mark)
        key = (self.participants[row].id, self.sessions[column].id)
        if mark is None:
            self.marks.pop(key, None)
        else:
            self.marks[key] = mark

    def cycle(self, row: int, column: int) -> str:
        mark = next_mark(self.mark(row, column))
        self.set_mark(row, column, mark)
        return mark

    def row_present(self, row: int) -> int:
        """Sessions the participant attended."""
        pid = self.participants[row].id
        return sum(1 for s in self.sessions if self.marks.get((pid, s.id)) == PRESENT)

    def column_present(self, column: int) -> int:
        """Participants present at the session."""
        sid = self.sessions[column].id
        return sum(1 for p in self.participants if self.marks.get((p.id, sid)) == PRESENT)

    def total_present(self) -> int:
        return sum(1 for mark in self.marks.values() if mark == PRESENT)
