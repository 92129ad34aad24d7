"""Abstract bases for the rows every domain app keeps per Pemda or per service unit.

Each such row carries its Pemda even when its unit already implies it: scoping then
filters on the row's own column (a Pemda-wide list needs no join through the unit),
and the access rule of a whole family of models is declared once here. A subclass
sets ``scope_area`` and its own QuerySet (``prima.core.scoping.ScopedQuerySet``), and
redefines ``unit`` only where its unit must be optional or protected.

The foreign keys carry no reverse accessor (``related_name="+"``): queries start
from the owning model's scoped manager (``FollowUp.objects.visible_to(user)``), never
from ``unit.<something>_set``, so access control is hard to forget. Deletion still
cascades through them.
"""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from prima.core.roles import Level

PEMDA_SCOPE: dict[str, str] = {Level.PEMDA: "pemda"}
UNIT_SCOPE: dict[str, str] = {
    Level.PEMDA: "pemda",
    Level.OPD: "unit__opd",
    Level.UNIT: "unit",
}


class PemdaOwned(models.Model):
    """A row belonging to one Pemda, reached by the Pemda's own grants only."""

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    scope_lookups: ClassVar[dict[str, str]] = PEMDA_SCOPE

    class Meta:
        abstract = True


class UnitOwned(PemdaOwned):
    """A row of one service unit, reached by grants on its Pemda, OPD or unit."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    scope_lookups: ClassVar[dict[str, str]] = UNIT_SCOPE

    class Meta:
        abstract = True
