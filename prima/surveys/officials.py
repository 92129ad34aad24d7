"""What every official SKM report carries: the Pemda's letterhead lines and logo,
the implementing team and schedule, and the official who signs (the unit's or the
OPD's head, or the official the Pemda's letterhead names)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from prima.organisations.models import Pemda, PerangkatDaerah, Unit
from prima.organisations.selectors import letterhead_of, logo_data_uri


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    nip: str


@dataclass(frozen=True)
class Official:
    """The letterhead lines and logo, the SKM team and schedule, and who signs."""

    lines: list[str]
    logo: str
    team: list[str]
    schedule: list[str]
    signatory: Signatory
    place: str


def signatory_of(subject: Pemda | PerangkatDaerah | Unit) -> Signatory:
    """Return who signs the subject's report: the unit's or the OPD's head, or the
    official the Pemda's letterhead names."""
    if isinstance(subject, Unit):
        title = subject.head_title or _("Head of %(unit)s") % {"unit": subject.name}
        return Signatory(subject.head_name, title, subject.head_nip)
    if isinstance(subject, PerangkatDaerah):
        title = _("Head of %(opd)s") % {"opd": subject.name}
        return Signatory(subject.head_name, title, subject.head_nip)
    letterhead = letterhead_of(subject)
    return Signatory(
        letterhead.signatory_name, letterhead.signatory_title, letterhead.signatory_nip
    )


def official_of(subject: Pemda | PerangkatDaerah | Unit) -> Official:
    pemda = subject if isinstance(subject, Pemda) else subject.pemda
    letterhead = letterhead_of(pemda)
    return Official(
        lines=letterhead.line_list,
        logo=logo_data_uri(letterhead),
        team=letterhead.team_list,
        schedule=letterhead.schedule_list,
        signatory=signatory_of(subject),
        place=pemda.name,
    )
