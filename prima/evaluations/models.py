"""PEKPPP evaluations of a Pemda's units (PermenPANRB 29/2022 jo. 4/2023).

The rules are in ``../shared/domain/pekppp.md``. The instrument of each year is data:
an ``Instrument`` row keeps one version's JSON document, validated by the pure
``instrument.py``; the index is computed by the pure ``ipp.py``. A ``Cycle`` is one
evaluation a Pemda opens over its units (``CycleUnit``, the lokus), with the
evaluators assigned to each (``Assignment``).
"""

from __future__ import annotations

import itertools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from prima.core.roles import CHANGE, Area, Level
from prima.core.scoping import is_platform_operator, pemdas_where, reach_q
from prima.evaluations import instrument as instrument_data

# The pure loader describes its problems in Indonesian for the command line; the
# admin speaks the user's language, so each problem has its own msgid here.
PROBLEM_MESSAGES = {
    instrument_data.Problem.NOT_JSON: _("not valid JSON: %(detail)s"),
    instrument_data.Problem.MISSING: _("is required"),
    instrument_data.Problem.WRONG_TYPE: _("has the wrong type"),
    instrument_data.Problem.NOT_DECIMAL: _('must be a decimal number such as "0.17"'),
    instrument_data.Problem.OUT_OF_RANGE: _("must lie between 0 and 1"),
    instrument_data.Problem.WEIGHTS_NOT_ONE: _(
        "the weights sum to %(detail)s, not exactly 1"
    ),
    instrument_data.Problem.DESCRIPTORS: _(
        "must hold the descriptors of the scores 0, 1, 2, 3, 4 and 5"
    ),
    instrument_data.Problem.DUPLICATE: _("%(detail)s is used more than once"),
    instrument_data.Problem.UNKNOWN_ASPECT: _(
        "aspect %(detail)s is not in the instrument"
    ),
    instrument_data.Problem.EMPTY: _("may not be empty"),
    instrument_data.Problem.FORMAT: _("unknown format %(detail)s, expected 1"),
}


def instrument_errors(error: instrument_data.InstrumentError) -> list[ValidationError]:
    """Return one translated ValidationError per problem, naming its line and path."""
    errors = []
    for issue in error.issues:
        where = issue.path or _("document")
        problem = PROBLEM_MESSAGES[issue.problem]
        errors.append(
            ValidationError(
                _("line %(line)s, %(where)s: %(problem)s"),
                code=issue.problem.value,
                params={
                    "line": issue.line,
                    "where": where,
                    "problem": problem % {"detail": issue.detail},
                },
            )
        )
    return errors


class Instrument(models.Model):
    """One version of the PEKPPP instrument (aspects, indicators, weights,
    descriptors, F-03 statements and ``w_users``) as its validated JSON document."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    definition = models.TextField(
        _("definition (JSON)"),
        help_text=_(
            "Aspects, indicators, weights, score descriptors and F-03 statements; "
            "see prima/evaluations/instrument.py for the format."
        ),
    )
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        ordering = ["-year", "version"]
        verbose_name = _("PEKPPP instrument")
        verbose_name_plural = _("PEKPPP instruments")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Validate the document and take the version, year and title from it."""
        try:
            parsed = instrument_data.load(self.definition)
        except instrument_data.InstrumentError as error:
            raise ValidationError({"definition": instrument_errors(error)}) from None
        taken = Instrument.objects.exclude(pk=self.pk).filter(version=parsed.version)
        if taken.exists():
            raise ValidationError(
                {
                    "definition": _(
                        "Version %(version)s is already stored; change that one instead."
                    )
                    % {"version": parsed.version}
                }
            )
        self.version = parsed.version
        self.year = parsed.year
        self.title = parsed.title

    def parsed(self) -> instrument_data.Instrument:
        """Return the instrument this row holds."""
        return instrument_data.load(self.definition)


class ServiceKind(models.TextChoices):
    """The official grouping of lokus by the kind of service they give (pekppp.md)."""

    BARANG = "barang", pgettext_lazy("kind of service", "Goods")
    JASA = "jasa", pgettext_lazy("kind of service", "Services")
    ADMINISTRATIF = "administratif", pgettext_lazy("kind of service", "Administrative")


class CohortBy(models.TextChoices):
    """How a cycle groups its units for ranking."""

    PEMDA = "pemda", _("All units of the Pemda together")
    SERVICE_KIND = "service_kind", _("By kind of service")
    UNIT_KIND = "unit_kind", _("By type of unit")


class CycleQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the cycles the user may see: those of a Pemda they administer,
        those covering a unit their OPD- or unit-level role reaches, and those in
        which they evaluate a unit."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if is_platform_operator(user):
            return self.all()
        admin = pemdas_where(user, Area.ORGANISATION, CHANGE)
        staff = reach_q(
            user,
            {Level.OPD: "units__unit__opd", Level.UNIT: "units__unit"},
            area=Area.ORGANISATION,
        )
        evaluating = models.Q(units__assignments__evaluator=user)
        q = staff | evaluating
        if admin:
            q |= admin.q()
        return self.filter(pk__in=Cycle.objects.filter(q).values("pk"))

    def run_by(self, user):
        """Return the cycles the user may change: those of a Pemda they administer."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        admin = pemdas_where(user, Area.ORGANISATION, CHANGE)
        return self.filter(admin.q()) if admin else self.none()


class Cycle(models.Model):
    """One PEKPPP Mandiri evaluation of a Pemda's units: the instrument version, the
    units in scope (lokus), how they are grouped for ranking and the timeline."""

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="evaluation_cycles",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="cycles",
    )
    cohort_by = models.CharField(
        _("ranking groups"),
        max_length=20,
        choices=CohortBy.choices,
        default=CohortBy.PEMDA,
    )
    self_assessment_deadline = models.DateField(_("self-assessment (F-01) deadline"))
    visits_start = models.DateField(_("visits from"))
    visits_end = models.DateField(_("visits until"))
    verification_start = models.DateField(_("verification window from"))
    verification_end = models.DateField(_("verification window until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation cycle")
        verbose_name_plural = _("evaluation cycles")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "year"], name="evaluation_cycle_per_pemda_year"
            )
        ]

    def __str__(self) -> str:
        return _("PEKPPP %(year)s · %(pemda)s") % {
            "year": self.year,
            "pemda": self.pemda,
        }

    def get_absolute_url(self) -> str:
        return reverse("evaluations:cycle_detail", args=[self.pk])

    def clean(self) -> None:
        """Refuse a timeline out of order: the F-01 deadline, then the visits, then
        the verification window, each date no earlier than the one before."""
        steps = [
            ("self_assessment_deadline", self.self_assessment_deadline),
            ("visits_start", self.visits_start),
            ("visits_end", self.visits_end),
            ("verification_start", self.verification_start),
            ("verification_end", self.verification_end),
        ]
        errors = {}
        for (before_name, before), (name, value) in itertools.pairwise(steps):
            if before and value and value < before:
                errors[name] = _("This date comes before “%(before)s”.") % {
                    "before": self._meta.get_field(before_name).verbose_name
                }
        if errors:
            raise ValidationError(errors)


class CycleUnit(models.Model):
    """A unit in a cycle's scope (lokus) with the kind of service it gives."""

    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="units"
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="evaluation_scopes",
    )
    service_kind = models.CharField(
        _("kind of service"), max_length=15, choices=ServiceKind.choices
    )

    class Meta:
        verbose_name = _("unit in scope")
        verbose_name_plural = _("units in scope")
        ordering = ["unit__opd__name", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "unit"], name="evaluation_unit_once_per_cycle"
            )
        ]

    def __str__(self) -> str:
        return str(self.unit)

    @property
    def cohort(self) -> str:
        """Return the ranking group of this unit under its cycle's grouping."""
        if self.cycle.cohort_by == CohortBy.SERVICE_KIND:
            return str(self.get_service_kind_display())
        if self.cycle.cohort_by == CohortBy.UNIT_KIND:
            return str(self.unit.get_kind_display())
        return str(self.cycle.pemda)


class Assignment(models.Model):
    """An evaluator assigned to evaluate one unit in one cycle."""

    cycle_unit = models.ForeignKey(
        CycleUnit,
        verbose_name=_("unit in scope"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        on_delete=models.PROTECT,
        related_name="evaluation_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        ordering = ["cycle_unit", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle_unit", "evaluator"], name="evaluator_once_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} · {self.cycle_unit}"
