"""Innovation competitions (KIPP practice) of a Pemda: calls with their categories,
stages and juri panel, entries with their screening, juri score sheets locked on
submit with an audit trail of every change, the published stage results, and public
objections to a shortlist.

The rules are in ``../shared/domain/inovasi.md``; the pure scoring, eligibility and
objection-window arithmetic lives in ``scoring.py``, ``eligibility.py`` and
``objections.py``.

The models moved here from ``prima.innovations`` with their rows: see
``migrations/0001_initial.py`` and ``0002_tables.py``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prima.competitions import objections, scoring
from prima.core.roles import Area, Level
from prima.core.scoping import ScopedQuerySet
from prima.core.sheets import LockedSheet, SheetChange
from prima.innovations.models import Group, Innovation


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for proposals")
    JUDGING = "judging", _("Screening and judging")
    FINISHED = "finished", _("Results published")


class CallQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=CallStatus.FINISHED)


def _weight(label, default: str) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=3,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
    )


class Call(models.Model):
    """A Pemda's innovation competition: its rules, categories and stages."""

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="innovation_calls",
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True)
    deadline = models.DateTimeField(_("submission deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    # Scoring rules (inovasi.md defaults; official weights vary by year).
    weight_kebaruan = _weight(_("weight: novelty"), "0.25")
    weight_efektif = _weight(_("weight: effective"), "0.20")
    weight_bermanfaat = _weight(_("weight: beneficial"), "0.25")
    weight_mudah_disebarkan = _weight(_("weight: replicable"), "0.15")
    weight_berkelanjutan = _weight(_("weight: sustainable"), "0.15")
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)
    tie_order = models.CharField(
        _("tie order"),
        max_length=120,
        default=",".join(scoring.DEFAULT_TIE_ORDER),
        help_text=_("Criteria compared in this order when totals are equal."),
    )
    # Eligibility (KIPP practice; each call sets its own values).
    min_years_umum = models.PositiveSmallIntegerField(
        _("years applied, general and special proposals"), default=2
    )
    min_years_replikasi = models.PositiveSmallIntegerField(
        _("years applied, replication proposals"), default=1
    )
    max_umum_per_opd = models.PositiveSmallIntegerField(
        _("general proposals per OPD at most"), default=10
    )
    max_replikasi_per_opd = models.PositiveSmallIntegerField(
        _("replication proposals per OPD at most"), default=5
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(
        _("results published at"), null=True, blank=True
    )

    objects = CallQuerySet.as_manager()
    scope_area = Area.COMPETITION
    scope_lookups = {
        Level.PEMDA: "pemda",
        Level.OPD: "pemda__opds",
        Level.UNIT: "pemda__units",
    }

    class Meta:
        verbose_name = _("innovation competition")
        verbose_name_plural = _("innovation competitions")
        ordering = ["-year", "-deadline"]

    def __str__(self) -> str:
        return self.title

    def weights(self) -> dict[str, Fraction]:
        return {c: Fraction(getattr(self, f"weight_{c}")) for c in scoring.CRITERIA}

    def rules(self) -> scoring.Rules:
        """Return the call's scoring rules for the pure ``scoring`` module."""
        return scoring.Rules(
            weights=self.weights(),
            scale=(self.scale_min, self.scale_max),
            tie_order=tuple(c for c in self.tie_order.split(",") if c),
        )

    def stages_in_order(self):
        return self.stages.order_by("order")


class Category(models.Model):
    """A category of a call (e.g. "Inovasi umum OPD", "Replikasi")."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=120)
    group = models.CharField(
        _("proposal group"), max_length=10, choices=Group.choices, default=Group.UMUM
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CallStage(models.Model):
    """A judging stage; closing it ranks its entries and advances the best ``advance``."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=80)
    advance = models.PositiveIntegerField(
        _("how many advance"),
        help_text=_(
            "The best this many go on to the next stage (or win, in the last)."
        ),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    objection_days = models.PositiveSmallIntegerField(
        _("public objection days"),
        default=0,
        help_text=_("Public objection window after this stage, in calendar days."),
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["call", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "order"], name="one_stage_per_order"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def _closed_on(self):
        return timezone.localdate(self.closed_at) if self.closed_at else None

    def objection_end(self):
        """Return the last day of the stage's objection window, or None."""
        closed_on = self._closed_on()
        if closed_on is None:
            return None
        return objections.window_end(closed_on, self.objection_days)

    def objection_open(self, today) -> bool:
        """Return whether the shortlist of this stage is open to objection today."""
        return objections.window_open(self._closed_on(), self.objection_days, today)


class PanelMember(models.Model):
    """A juri of a call, with the OPD they belong to (for conflicts of interest)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="panel")
    juri = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juri"),
        on_delete=models.PROTECT,
        related_name="panels",
    )
    affiliation_opd = models.ForeignKey(
        "organisations.PerangkatDaerah",
        verbose_name=_("own OPD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Leave empty for a juri from outside the Pemda (academic, expert)."
        ),
    )
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("juri")
        verbose_name_plural = _("juri panel")
        constraints = [
            models.UniqueConstraint(fields=["call", "juri"], name="one_seat_per_juri")
        ]

    def __str__(self) -> str:
        return str(self.juri)


class Screening(models.TextChoices):
    PENDING = "pending", _("Awaiting screening")
    ACCEPTED = "accepted", _("Passed screening")
    REJECTED = "rejected", _("Rejected at screening")


class RejectReason(models.TextChoices):
    TOO_YOUNG = "too_young", _("Not applied long enough")
    INCOMPLETE = "incomplete", _("Incomplete proposal")
    MEANINGLESS = "meaningless", _("Answers without substance")
    DUPLICATE = "duplicate", _("Duplicate title")
    QUOTA = "quota", _("Over the OPD's quota")
    OTHER = "other", _("Other reason")


class EntryQuerySet(ScopedQuerySet):
    pass


class Entry(models.Model):
    """An innovation submitted to a call: its screening and how far it went."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="entries")
    innovation = models.ForeignKey(
        Innovation, on_delete=models.PROTECT, related_name="entries"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    screening = models.CharField(
        _("screening"),
        max_length=10,
        choices=Screening.choices,
        default=Screening.PENDING,
    )
    reject_reason = models.CharField(
        _("reason"), max_length=12, choices=RejectReason.choices, blank=True
    )
    screening_note = models.TextField(_("screening note"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    # The stage the entry is competing in now (or, once eliminated, the last it reached).
    stage = models.ForeignKey(
        CallStage,
        verbose_name=_("stage"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
    )
    eliminated = models.BooleanField(_("eliminated"), default=False)
    final_rank = models.PositiveIntegerField(_("final rank"), null=True, blank=True)

    objects = EntryQuerySet.as_manager()
    scope_area = Area.COMPETITION
    scope_lookups = {
        Level.PEMDA: "call__pemda",
        Level.OPD: "innovation__opd",
        Level.UNIT: "innovation__unit",
    }

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "innovation"], name="one_entry_per_innovation"
            )
        ]

    def __str__(self) -> str:
        return str(self.innovation)


class Assignment(models.Model):
    """A juri asked to score one entry in one stage."""

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="assignments"
    )
    stage = models.ForeignKey(
        CallStage, on_delete=models.CASCADE, related_name="assignments"
    )
    juri = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juri"),
        on_delete=models.PROTECT,
        related_name="juri_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("juri assignment")
        verbose_name_plural = _("juri assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "stage", "juri"], name="one_assignment_per_juri"
            )
        ]

    def __str__(self) -> str:
        return f"{self.juri} → {self.entry}"


class ScoreSheet(LockedSheet):
    """A juri's scores on each criterion; locked once submitted."""

    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="sheet"
    )
    # ``scores``: {criterion: integer score}, criteria as in ``scoring.CRITERIA``.

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")

    def __str__(self) -> str:
        return f"{self.assignment}"


class ScoreChange(SheetChange):
    """An audited change to a locked score sheet: who, when, why, before and after."""

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="changes"
    )

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return f"{self.sheet} @ {self.changed_at:%Y-%m-%d %H:%M}"


class StageResult(models.Model):
    """An entry's score and rank when its stage closed, as published."""

    stage = models.ForeignKey(
        CallStage, on_delete=models.CASCADE, related_name="results"
    )
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="results")
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=4)
    # {criterion: mean score as a decimal string}
    criterion_means = models.JSONField()
    juri_count = models.PositiveSmallIntegerField()
    rank = models.PositiveIntegerField(_("rank"))
    advanced = models.BooleanField(_("advanced"))

    class Meta:
        verbose_name = _("stage result")
        verbose_name_plural = _("stage results")
        ordering = ["stage", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "entry"], name="one_result_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage} #{self.rank} {self.entry}"


class ObjectionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a decision")
    UPHELD = "upheld", _("Upheld: the proposal is eliminated")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """A public objection to an entry on a closed stage's shortlist (uji publik)."""

    TEXT_MAX = 3000

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="objections"
    )
    # The closed stage whose shortlist is objected to.
    stage = models.ForeignKey(
        CallStage, on_delete=models.CASCADE, related_name="objections"
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("objection"), max_length=TEXT_MAX)
    submission_key = models.UUIDField(_("submission key"), unique=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ObjectionStatus.choices,
        default=ObjectionStatus.PENDING,
    )
    answer = models.TextField(_("answer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("public objection")
        verbose_name_plural = _("public objections")
        ordering = ["submitted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry} @ {self.submitted_at:%Y-%m-%d %H:%M}"

    @property
    def is_pending(self) -> bool:
        return self.status == ObjectionStatus.PENDING
