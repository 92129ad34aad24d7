"""Roles, the organisation level each is scoped to, and what each may do per area.

This table is the single source of truth for authorisation: querysets, views, exports
and the API all ask ``can(role, area, action)`` through ``prima.core.scoping``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN_PEMDA = "admin_pemda", _("Pemda administrator (Bagian Organisasi)")
    ADMIN_OPD = "admin_opd", _("OPD administrator")
    OPERATOR_UNIT = "operator_unit", _("Unit operator")
    PETUGAS_LOKET = "petugas_loket", _("Counter officer")
    EVALUATOR = "evaluator", _("Evaluator")
    JURI = "juri", _("Innovation jury member")
    MENTOR = "mentor", _("Mentor")
    PIMPINAN = "pimpinan", _("Leadership (read-only)")
    PENGELOLA_MPP = "pengelola_mpp", _("Public service hall manager (MPP)")


class Level(models.TextChoices):
    PEMDA = "pemda", _("Pemda")
    OPD = "opd", _("Perangkat Daerah")
    UNIT = "unit", _("Service unit")


class Area(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation structure")
    CATALOG = "catalog", _("Service catalog and standards")
    USERS = "users", _("Users and roles")
    SURVEY = "survey", _("Satisfaction survey (SKM)")
    COMPLAINTS = "complaints", _("Complaints and suggestions")
    INNOVATION = "innovation", _("Innovation registry")
    COMPETITION = "competition", _("Innovation competitions")
    PROGRAMMES = "programmes", _("Capacity-building programmes")
    DASHBOARD = "dashboard", _("Leadership dashboard")
    QUEUE = "queue", _("Service hall queue (MPP)")


VIEW = "view"
CHANGE = "change"

ROLE_LEVELS: dict[str, frozenset[str]] = {
    Role.ADMIN_PEMDA: frozenset({Level.PEMDA}),
    Role.ADMIN_OPD: frozenset({Level.OPD}),
    Role.OPERATOR_UNIT: frozenset({Level.UNIT}),
    Role.PETUGAS_LOKET: frozenset({Level.UNIT}),
    Role.EVALUATOR: frozenset({Level.PEMDA}),
    Role.JURI: frozenset({Level.PEMDA}),
    Role.MENTOR: frozenset({Level.PEMDA}),
    Role.PIMPINAN: frozenset({Level.PEMDA, Level.OPD}),
    Role.PENGELOLA_MPP: frozenset({Level.PEMDA}),
}

_READ = frozenset({VIEW})
_WRITE = frozenset({VIEW, CHANGE})

GRANTS: dict[str, dict[str, frozenset[str]]] = {
    Role.ADMIN_PEMDA: {
        Area.ORGANISATION: _WRITE,
        Area.CATALOG: _WRITE,
        Area.USERS: _WRITE,
        Area.SURVEY: _WRITE,
        Area.COMPLAINTS: _WRITE,
        Area.INNOVATION: _WRITE,
        Area.COMPETITION: _WRITE,
        Area.PROGRAMMES: _WRITE,
        Area.DASHBOARD: _READ,
        Area.QUEUE: _WRITE,
    },
    Role.ADMIN_OPD: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _WRITE,
        # The staff of the OPD and its units (prima.organisations.reach).
        Area.USERS: _WRITE,
        Area.SURVEY: _WRITE,
        Area.COMPLAINTS: _WRITE,
        Area.INNOVATION: _WRITE,
        Area.COMPETITION: _READ,
        # Organising its own programmes and nominating its staff to any.
        Area.PROGRAMMES: _WRITE,
        Area.DASHBOARD: _READ,
        Area.QUEUE: _READ,
    },
    Role.OPERATOR_UNIT: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _WRITE,
        Area.SURVEY: _WRITE,
        Area.COMPLAINTS: _WRITE,
        Area.INNOVATION: _WRITE,
        Area.COMPETITION: _READ,
        Area.PROGRAMMES: _READ,
        Area.QUEUE: _READ,
    },
    Role.PETUGAS_LOKET: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _READ,
        Area.SURVEY: _READ,
        Area.COMPLAINTS: _READ,
        Area.INNOVATION: _READ,
        Area.PROGRAMMES: _READ,
        # Working the counters of its unit (call, serve, finish).
        Area.QUEUE: _WRITE,
    },
    Role.EVALUATOR: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _READ,
        Area.SURVEY: _READ,
        Area.COMPLAINTS: _READ,
        Area.INNOVATION: _READ,
        Area.COMPETITION: _READ,
        Area.PROGRAMMES: _READ,
    },
    # A juri reads the registry; what they may score comes from their assignments.
    Role.JURI: {
        Area.ORGANISATION: _READ,
        Area.INNOVATION: _READ,
        Area.PROGRAMMES: _READ,
    },
    Role.MENTOR: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _READ,
        Area.SURVEY: _READ,
        Area.INNOVATION: _READ,
        Area.COMPETITION: _READ,
        Area.PROGRAMMES: _READ,
    },
    Role.PIMPINAN: {
        Area.ORGANISATION: _READ,
        Area.CATALOG: _READ,
        Area.SURVEY: _READ,
        Area.COMPLAINTS: _READ,
        Area.INNOVATION: _READ,
        Area.COMPETITION: _READ,
        Area.PROGRAMMES: _READ,
        Area.DASHBOARD: _READ,
        Area.QUEUE: _READ,
    },
    # Runs the Pemda's service halls across every OPD and outside agency in them:
    # venues, counters, tickets and their statistics, nothing else.
    Role.PENGELOLA_MPP: {
        Area.ORGANISATION: _READ,
        Area.QUEUE: _WRITE,
    },
}


# The leadership dashboard: the Pemda's or an OPD's figures at a glance, for its
# administrators and leadership (prima.dashboard).

# Programmes: every staff member may be nominated, so every role reads the area; what
# each sees comes from organising, nominating, taking part or mentoring
# (prima.programmes.models.ProgrammeQuerySet).

# Queues: a venue's configuration (agencies, services, counters, hours) is held at
# Pemda level only (prima.queues.models.Venue), so the change grant of a unit role on
# the area works its unit's counters and tickets without configuring the venue.


def can(role: str, area: str, action: str) -> bool:
    """Return whether ``role`` may perform ``action`` on data of ``area``."""
    return action in GRANTS.get(role, {}).get(area, frozenset())
