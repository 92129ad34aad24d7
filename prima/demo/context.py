"""The state shared by the demo steps, and the shape of a step.

A step is a ``(label, run)`` pair, optionally with ``undo``; ``run(context)`` creates
its rows and records in the context what later steps need (the Pemda, OPD, units,
services, users). Steps draw randomness only from ``context.rng(name)``: one generator
per name, seeded from ``city.SEED``, so adding a step never changes the data of
another.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from django.utils.functional import Promise

from prima.demo import city

if TYPE_CHECKING:
    from prima.accounts.models import User
    from prima.organisations.models import (
        Layanan,
        Membership,
        Pemda,
        PerangkatDaerah,
        Unit,
    )


@dataclass
class DemoContext:
    """What the steps of one demo load share."""

    today: date
    password_hash: str
    seed: int = city.SEED
    pemda: Pemda = field(init=False)
    opds: dict[str, PerangkatDaerah] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    unit_specs: dict[str, city.UnitSpec] = field(default_factory=dict)
    unit_heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    layanan: dict[str, Layanan] = field(default_factory=dict)
    layanan_kinds: dict[str, city.ServiceKind] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def rng(self, name: str) -> random.Random:
        """Return a generator seeded from the city seed and ``name``."""
        return random.Random(f"{self.seed}:{name}")

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def count(self, label: str, number: int) -> None:
        """Record how many rows of ``label`` a step created, for the summary."""
        self.counts[label] = self.counts.get(label, 0) + number

    def editor_for(self, unit: Unit) -> User | None:
        """Return the demo user who maintains the unit's catalog.

        The unit's operator, else its OPD's administrator, else the Pemda admin.
        """
        by_unit = {s.unit: s.username for s in city.USERS if s.role == "operator_unit"}
        by_opd = {s.opd: s.username for s in city.USERS if s.role == "admin_opd"}
        username = by_unit.get(unit.code) or by_opd.get(unit.opd.code) or "admin.pemda"
        return self.users.get(username)


class Step(NamedTuple):
    """One demo step: a label for the progress bar and the function that runs it.

    ``undo(pemda)``, when given, deletes the step's rows before the Pemda is deleted;
    a step needs one when its rows hold a PROTECT foreign key to a unit or a service.
    """

    label: str | Promise
    run: Callable[[DemoContext], None]
    undo: Callable[[Pemda], None] | None = None
