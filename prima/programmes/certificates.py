"""Who earns a programme's certificate, and how certificates are numbered.

Attendance counts a session as attended when the participant was present (hadir)
or late (terlambat); izin and tidak hadir, or no mark at all, do not count. The
share is compared with the programme's threshold in whole numbers, so a threshold
of 80 % is met by 4 sessions of 5 and missed by 7 of 9 (77.7 %) without rounding.
A programme without sessions is attended by nobody: only a threshold of 0 is met.

Standard library only (a pure module: tests/test_layering.py checks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ATTENDED = frozenset({"hadir", "terlambat"})


@dataclass(frozen=True)
class Attendance:
    """How many of a programme's sessions a participant attended."""

    attended: int
    sessions: int

    @property
    def percent(self) -> int:
        """The share attended, rounded down to a whole percent (for display)."""
        return 100 * self.attended // self.sessions if self.sessions else 0

    def meets(self, threshold: int) -> bool:
        """Whether the share attended reaches ``threshold`` percent, exactly."""
        if not self.sessions:
            return threshold == 0
        return 100 * self.attended >= threshold * self.sessions


def attendance(statuses: Iterable[str | None], sessions: int) -> Attendance:
    """Return the attendance of one participant from their marks of the
    programme's ``sessions`` sessions (a session without a mark is absent)."""
    attended = sum(1 for status in statuses if status in ATTENDED)
    if attended > sessions:
        raise ValueError(f"{attended} sessions attended of {sessions}")
    return Attendance(attended, sessions)


def plan_accepted(latest_outcomes: list[str | None], *, accepted: str) -> bool:
    """Return whether a team's rencana aksi is accepted: each milestone's latest
    report (None when it has none) has the mentor's ``accepted`` review. A team
    without milestones has no plan to accept, as in a sosialisasi."""
    return all(outcome == accepted for outcome in latest_outcomes)


def eligible(
    record: Attendance, *, threshold: int, passed: bool, plan_accepted: bool = True
) -> bool:
    """A certificate needs the attendance threshold, an accepted plan and the
    organiser's pass mark."""
    return passed and plan_accepted and record.meets(threshold)


def number(sequence: int, pemda_slug: str, year: int) -> str:
    """Return a certificate number such as ``001/PRIMA/KOTA-PRIMA-RAYA/2026``:
    the Pemda's sequence of the year (at least three digits), the Pemda, the year."""
    if sequence < 1:
        raise ValueError(f"sequence {sequence} must start at 1")
    return f"{sequence:03d}/PRIMA/{pemda_slug.upper()}/{year}"
