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
from prima.core.sheets import LockedSheet, SheetChange
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
    user_form_target = models.PositiveSmallIntegerField(
        _("F-03 respondents wanted per unit"), default=15
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    published_at = models.DateTimeField(
        _("results published at"), null=True, blank=True
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("results published by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

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

    @property
    def is_published(self) -> bool:
        """Return whether the results are public (published by the Pemda admin)."""
        return self.published_at is not None

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


SCORE_CHOICES = [(score, str(score)) for score in range(6)]


def rule_text(rule: str) -> str:
    """Return the sentence of a proposal rule (``proposals.RULES``)."""
    return str(RULE_TEXTS.get(rule, ""))


RULE_TEXTS = {
    "no_sp": _("No service of the unit has a published Standar Pelayanan."),
    "sp_few": _("Under half of the services have a published Standar Pelayanan."),
    "sp_some": _("Some services have a published Standar Pelayanan, some incomplete."),
    "sp_most": _("Most services have a complete published Standar Pelayanan."),
    "sp_all": _("Every service has a complete published Standar Pelayanan."),
    "sp_all_decreed": _(
        "Every service has a complete Standar Pelayanan set by a decree."
    ),
    "involve_none": _("No published standard records drafting participants."),
    "involve_no_minutes": _("Participants are recorded but no minutes."),
    "involve_some": _("Some standards were drafted with the community, with minutes."),
    "involve_all": _("Every standard was drafted with the community, with minutes."),
    "involve_all_full": _(
        "Every standard was drafted with users and at least two other parties, "
        "with minutes."
    ),
    "media_none": _("A published standard has no publication medium recorded."),
    "media_print": _("A standard is published through one kind of medium only."),
    "media_one_electronic": _(
        "Every standard is published in print and one electronic medium."
    ),
    "media_many_electronic": _(
        "Every standard is published in print and several electronic media "
        "(an accessible format is not recorded)."
    ),
    "review_never": _("A published standard was never reviewed."),
    "review_old": _("The oldest review is more than three years old."),
    "review_3y": _("Every standard was reviewed in the last three years."),
    "review_2y": _("Every standard was reviewed in the last two years."),
    "review_1y": _(
        "Every standard was reviewed in the last year (community involvement in "
        "the review is not recorded)."
    ),
    "maklumat_none": _("The unit has no signed Maklumat."),
    "maklumat_unpublished": _("The Maklumat is signed but not published."),
    "maklumat_print_or_web": _("The Maklumat is published in print or online."),
    "maklumat_print_and_web": _("The Maklumat is published in print and online."),
    "skm_none": _("No SKM response in the last twelve months."),
    "skm_small_sample": _(
        "SKM responses of the last twelve months are fewer than the required "
        "sample (Krejcie–Morgan of the declared population)."
    ),
    "skm_once": _("The required sample was reached, in one half-year only."),
    "skm_each_semester": _(
        "The required sample was reached, with responses in each half-year."
    ),
    "skm_results_none": _("No SKM result of the last twelve months to publish."),
    "skm_results_online": _(
        "The SKM results of the last twelve months and their follow-up are "
        "published on Prima's public page (one electronic medium); publication "
        "in print is not recorded."
    ),
    "rtl_none": _("No follow-up plan (RTL) of the SKM."),
    "rtl_not_done": _("RTL items exist but none is done."),
    "rtl_under_30": _("Under 30 percent of the RTL items are done."),
    "rtl_30_80": _("30 percent to 80 percent of the RTL items are done."),
    "rtl_over_80": _("Over 80 percent of the RTL items are done."),
    "rtl_all": _("Every RTL item is done."),
    "rtl_speed_none": _(
        "The latest SKM report's RTL is not fully done within twelve months."
    ),
    "rtl_speed_months": _(
        "Months from the latest SKM report to its last RTL item done."
    ),
    "answered_none": _("None of the year's complaints was answered."),
    "answered_under_30": _("Under 30 percent of the year's complaints were answered."),
    "answered_30_60": _(
        "30 percent to 60 percent of the year's complaints were answered."
    ),
    "answered_60_80": _(
        "Over 60 percent to 80 percent of the year's complaints were answered."
    ),
    "answered_over_80": _("Over 80 percent of the year's complaints were answered."),
    "answered_all_on_time": _(
        "Every complaint of the year was answered within its deadline."
    ),
    "complaint_media_prima": _(
        "Citizens can address the unit on Prima's public complaint form (one "
        "medium); other complaint media are not recorded."
    ),
    "innovation_none": _("The unit has no innovation registered."),
    "innovation_idea": _("The unit's innovations are ideas."),
    "innovation_trial": _("The unit's most advanced innovation is on trial."),
    "innovation_new": _("An innovation is applied, for less than a year."),
    "innovation_year": _("An innovation is applied for more than a year."),
    "innovation_replicated": _(
        "An innovation applied for more than a year is replicated elsewhere."
    ),
}


class SelfAssessment(models.Model):
    """The unit's self-assessment (F-01) in a cycle; locked when submitted."""

    cycle_unit = models.OneToOneField(
        CycleUnit,
        verbose_name=_("unit in scope"),
        on_delete=models.CASCADE,
        related_name="self_assessment",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("self-assessment (F-01)")
        verbose_name_plural = _("self-assessments (F-01)")

    def __str__(self) -> str:
        return str(self.cycle_unit)


class SelfScore(models.Model):
    """The unit's score and evidence on one indicator, beside Prima's proposal."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="scores"
    )
    indicator = models.PositiveSmallIntegerField(_("indicator"))
    score = models.PositiveSmallIntegerField(
        _("score"), choices=SCORE_CHOICES, null=True, blank=True
    )
    proposed_score = models.PositiveSmallIntegerField(
        _("proposed score"), null=True, blank=True
    )
    rule = models.CharField(_("rule applied"), max_length=40, blank=True)
    reason = models.TextField(_("reason for overriding the proposal"), blank=True)
    evidence_link = models.CharField(_("evidence link"), max_length=300, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="evaluations/%Y/%m/", blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment score")
        verbose_name_plural = _("self-assessment scores")
        ordering = ["indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="self_score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.indicator}"


class UserFormLink(models.Model):
    """The F-03 link an evaluator issued for one unit's users."""

    cycle_unit = models.OneToOneField(
        CycleUnit, on_delete=models.CASCADE, related_name="user_form"
    )
    token = models.CharField(max_length=32, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("user form (F-03) link")
        verbose_name_plural = _("user form (F-03) links")

    def __str__(self) -> str:
        return str(self.cycle_unit)


class UserAnswer(models.Model):
    """One anonymous F-03 answer: a score 0–5 per statement code."""

    cycle_unit = models.ForeignKey(
        CycleUnit, on_delete=models.CASCADE, related_name="user_answers"
    )
    scores = models.JSONField(_("scores"))
    idempotency_key = models.UUIDField(unique=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("user form (F-03) answer")
        verbose_name_plural = _("user form (F-03) answers")

    def __str__(self) -> str:
        return str(self.cycle_unit)


class EvaluatorScore(models.Model):
    """The evaluator's working score and note on one indicator (F-02) and the
    unit's answer to the note; the scores lock in ``EvaluationSheet`` on submit."""

    cycle_unit = models.ForeignKey(
        CycleUnit, on_delete=models.CASCADE, related_name="evaluator_scores"
    )
    indicator = models.PositiveSmallIntegerField(_("indicator"))
    score = models.PositiveSmallIntegerField(
        _("score"), choices=SCORE_CHOICES, null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    answer = models.TextField(_("the unit's answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluator score")
        verbose_name_plural = _("evaluator scores")
        ordering = ["indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle_unit", "indicator"], name="evaluator_score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle_unit} · {self.indicator}"


class EvaluationSheet(LockedSheet):
    """The evaluator's submitted F-02 scores; locked once submitted."""

    cycle_unit = models.OneToOneField(
        CycleUnit, on_delete=models.CASCADE, related_name="sheet"
    )
    # Set right after ``sheets.sheet_submit_once`` stores the sheet.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    # ``scores``: {indicator number as text: score 0–5}.

    class Meta:
        verbose_name = _("evaluation sheet (F-02)")
        verbose_name_plural = _("evaluation sheets (F-02)")

    def __str__(self) -> str:
        return str(self.cycle_unit)


class EvaluationChange(SheetChange):
    """An audited change to a submitted F-02 sheet: who, when, why, before, after."""

    sheet = models.ForeignKey(
        EvaluationSheet, on_delete=models.CASCADE, related_name="changes"
    )

    class Meta:
        verbose_name = _("evaluation change")
        verbose_name_plural = _("evaluation changes")
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return f"{self.sheet} · {self.changed_at:%Y-%m-%d}"


class Recommendation(models.Model):
    """The evaluator's recommendation on one indicator of a unit's F-02, which the
    unit follows up to closure with evidence (a cleaned file or a link) and a note."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    cycle_unit = models.ForeignKey(
        CycleUnit, on_delete=models.CASCADE, related_name="recommendations"
    )
    indicator = models.PositiveSmallIntegerField(_("indicator"))
    text = models.TextField(_("recommendation"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    note = models.TextField(_("follow-up note"), blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=300, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="evaluations/%Y/%m/", blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["indicator", "written_at", "pk"]

    def __str__(self) -> str:
        return f"{self.cycle_unit} · {self.indicator}"
