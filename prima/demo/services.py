"""Load, delete and describe the demo city Kota Prima Raya.

``STEPS`` is the ordered list of demo steps the ``demo_data`` command runs, each
``(label, run)`` with ``run(context)`` and an optional ``undo(pemda)`` for
``--reset``; see ``prima.demo.context``. A later feature adds its demo data by writing
a step function in its own module of this package (e.g. ``prima/demo/surveys.py``)
and appending it here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prima.core.roles import Role
from prima.demo import (
    city,
    competitions,
    complaints,
    evaluations,
    innovations,
    organisations,
    programmes,
    queues,
    standards,
    surveys,
)
from prima.demo.context import DemoContext, Step
from prima.organisations.models import (
    Layanan,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)

STEPS: list[Step] = [
    Step(gettext_lazy("Pemda"), organisations.create_pemda),
    Step(gettext_lazy("Perangkat Daerah"), organisations.create_opds),
    Step(gettext_lazy("Service units"), organisations.create_units),
    Step(gettext_lazy("Services"), organisations.create_layanan),
    Step(gettext_lazy("Users and roles"), organisations.create_users),
    Step(gettext_lazy("Service standards"), standards.create_standards),
    Step(gettext_lazy("Maklumat"), standards.create_maklumat),
    Step(gettext_lazy("SKM"), surveys.create_responses, surveys.delete_surveys),
    Step(gettext_lazy("SKM populations and RTL"), surveys.create_survey_setup),
    Step(
        gettext_lazy("Complaints"),
        complaints.create_complaints,
        complaints.delete_complaints,
    ),
    Step(
        gettext_lazy("Innovations"),
        innovations.create_innovations,
        innovations.delete_innovations,
    ),
    Step(
        gettext_lazy("Innovation competition"),
        competitions.create_competition,
        competitions.delete_competition,
    ),
    Step(
        gettext_lazy("Capacity-building programmes"),
        programmes.create_programmes,
        programmes.delete_programmes,
    ),
    Step(
        gettext_lazy("PEKPPP evaluation cycle"),
        evaluations.create_cycles,
        evaluations.delete_cycles,
    ),
    Step(
        gettext_lazy("Service hall queue (MPP)"),
        queues.create_queue,
        queues.delete_queue,
    ),
]


class ProgressStream(Protocol):
    def write(self, text: str, /) -> object: ...

    def flush(self) -> object: ...


@dataclass(frozen=True)
class Login:
    """One row of the demo login table."""

    username: str
    role: str
    scope: str


def _today() -> date:
    return timezone.localdate()


def demo_city_exists() -> bool:
    return Pemda.objects.filter(slug=city.PEMDA.slug).exists()


def demo_city_stray_users() -> list[str]:
    """Return demo usernames that exist although the demo city does not."""
    if demo_city_exists():
        return []
    return list(
        get_user_model()
        .objects.filter(username__in=city.ALL_USERNAMES)
        .order_by("username")
        .values_list("username", flat=True)
    )


@transaction.atomic
def demo_city_load(
    *, today: date | None = None, progress: ProgressStream | None = None
) -> DemoContext:
    """Create the demo city by running every step, in one transaction.

    ``progress``, when given, receives one line per step as it finishes: its number,
    name and its own elapsed time.
    """
    ctx = DemoContext(
        today=today or _today(),
        password_hash=make_password(settings.PRIMA_DEMO_PASSWORD),
    )
    for number, step in enumerate(STEPS, start=1):
        started = time.monotonic()
        step.run(ctx)
        if progress is not None:
            progress.write(
                _("[%(n)s/%(total)s] %(step)s: %(seconds).1f s")
                % {
                    "n": number,
                    "total": len(STEPS),
                    "step": step.label,
                    "seconds": time.monotonic() - started,
                }
                + "\n"
            )
            progress.flush()
    return ctx


@transaction.atomic
def demo_city_delete() -> None:
    """Delete the demo Pemda with everything in it, and the demo users.

    Steps are undone in reverse order; services, units and OPD are then deleted
    before the Pemda because units and services are PROTECT-referenced.
    """
    pemda = Pemda.objects.filter(slug=city.PEMDA.slug).first()
    if pemda is not None:
        for step in reversed(STEPS):
            if step.undo is not None:
                step.undo(pemda)
        Layanan.objects.filter(pemda=pemda).delete()
        Unit.objects.filter(pemda=pemda).delete()
        PerangkatDaerah.objects.filter(pemda=pemda).delete()
        pemda.delete()
    get_user_model().objects.filter(username__in=city.ALL_USERNAMES).delete()


def demo_city_logins() -> list[Login]:
    """Return the demo logins that exist, in the order of ``city.USERS``."""
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=city.DEMO_USERNAMES)
    }
    roles: dict[str, list[Membership]] = {}
    memberships = Membership.objects.filter(
        pemda__slug=city.PEMDA.slug, user__in=users.values()
    ).select_related("user", "pemda", "opd", "unit")
    for membership in memberships.order_by("pk"):
        roles.setdefault(membership.user.username, []).append(membership)
    logins = []
    for spec in city.USERS:
        user = users.get(spec.username)
        if user is None:
            continue
        if user.is_superuser:
            logins.append(Login(user.username, _("Platform superuser"), "/admin/"))
        for membership in roles.get(user.username, []):
            logins.append(
                Login(
                    user.username,
                    str(Role(membership.role).label),
                    str(membership.scope_object),
                )
            )
    return logins
