"""The attendance workbook of a programme (XLSX): its sessions with their lengths,
and one row per accepted participant with each session's attendance."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from prima.core import formats
from prima.programmes import selectors
from prima.programmes.models import Programme
from prima.reports.xlsx import Sheet, workbook_bytes


def hours(minutes: int) -> Decimal:
    """Return minutes as hours with two decimals (90 → 1.50)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def attendance_workbook(programme: Programme) -> bytes:
    """Return the .xlsx of the programme's sessions and attendance sheet."""
    sessions, rows = selectors.attendance_sheet(programme)
    session_rows = [
        [
            number,
            s.title,
            s.get_method_display(),
            s.starts_at,
            s.ends_at,
            s.minutes,
            hours(s.minutes),
            s.place or s.online_link,
            str(s.facilitator or ""),
        ]
        for number, s in enumerate(sessions, start=1)
    ]
    session_header = [
        _("No."),
        _("Session"),
        _("Method"),
        _("Starts"),
        _("Ends"),
        _("Length (minutes)"),
        _("Length (hours)"),
        _("Place or link"),
        _("Facilitator"),
    ]
    sheet_header = [
        _("No."),
        _("Name"),
        _("Perangkat Daerah"),
        _("Service unit"),
        _("Team"),
        *[
            f"{n}. {s.title} ({formats.day(s.starts_at, short=True)})"
            for n, s in enumerate(sessions, start=1)
        ],
        _("Minutes attended"),
        _("Hours attended"),
        _("Sessions attended (%)"),
    ]
    sheet_rows = [
        [
            number,
            row.participant.display_name,
            str(row.participant.opd),
            str(row.participant.unit or ""),
            str(row.participant.team or ""),
            *[_cell_text(cell) for cell in row.cells],
            row.attended_minutes,
            hours(row.attended_minutes),
            row.attended_share,
        ]
        for number, row in enumerate(rows, start=1)
    ]
    return workbook_bytes(
        [
            Sheet(_("Attendance"), sheet_header, sheet_rows),
            Sheet(_("Sessions"), session_header, session_rows),
        ]
    )


def _cell_text(cell) -> str:
    if cell is None:
        return ""
    label = str(cell.get_status_display())
    return f"{label}: {cell.remark}" if cell.remark else label
