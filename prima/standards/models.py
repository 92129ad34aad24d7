from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from prima.core.roles import CHANGE, Area, Level
from prima.core.scoping import ScopedQuerySet, is_platform_operator, reach_q
from prima.organisations.owned import UNIT_SCOPE, PemdaOwned
from prima.standards import components as sp

COMPONENT_LABELS = {
    "persyaratan": _("Requirements"),
    "prosedur": _("System, mechanism and procedure"),
    "jangka_waktu": _("Service time"),
    "biaya": _("Cost/tariff"),
    "produk": _("Service product"),
    "penanganan_pengaduan": _("Handling of complaints, suggestions and feedback"),
    "dasar_hukum": _("Legal basis"),
    "sarana_prasarana": _("Facilities and infrastructure"),
    "kompetensi_pelaksana": _("Staff competence"),
    "pengawasan_internal": _("Internal supervision"),
    "jumlah_pelaksana": _("Number of staff"),
    "jaminan_pelayanan": _("Service guarantee"),
    "jaminan_keamanan": _("Security and safety guarantee"),
    "evaluasi_kinerja": _("Staff performance evaluation"),
}


class Participant(models.TextChoices):
    PENGGUNA = "pengguna", _("Service users")
    AHLI = "ahli", _("Experts/academics")
    INSTANSI = "instansi", _("Related agencies")
    OMS = "oms", _("Civil society organisations")
    MEDIA = "media", _("Media")


class PublicationMedium(models.TextChoices):
    PAPAN = "papan", _("Printed board")
    WEBSITE = "website", _("Website")
    MEDSOS = "medsos", _("Social media")
    APLIKASI = "aplikasi", _("Application")
    SIPP = "sipp", _("SIPP Nasional")
    BALIHO = "baliho", _("Billboard")


class DurationUnit(models.TextChoices):
    MENIT = "menit", _("minutes")
    JAM = "jam", _("hours")
    HARI = "hari", _("days")
    HARI_KERJA = "hari_kerja", _("working days")


DURATION_WORDS = {
    DurationUnit.MENIT: ngettext_lazy("%(count)s minute", "%(count)s minutes", "count"),
    DurationUnit.JAM: ngettext_lazy("%(count)s hour", "%(count)s hours", "count"),
    DurationUnit.HARI: ngettext_lazy("%(count)s day", "%(count)s days", "count"),
    DurationUnit.HARI_KERJA: ngettext_lazy(
        "%(count)s working day", "%(count)s working days", "count"
    ),
}

PROBLEM_ERRORS = {
    sp.Problem.NOT_POSITIVE: (
        "jangka_waktu_value",
        _("The service time must be greater than zero."),
    ),
    sp.Problem.AMOUNT_WITHOUT_UNIT: (
        "jangka_waktu_unit",
        _("Choose the unit of the service time."),
    ),
    sp.Problem.UNIT_WITHOUT_AMOUNT: (
        "jangka_waktu_value",
        _("Enter the amount of the service time, or clear its unit."),
    ),
    sp.Problem.NEGATIVE: ("biaya_tarif", _("The tariff cannot be negative.")),
    sp.Problem.LEGAL_BASIS_REQUIRED: (
        "biaya_dasar_hukum",
        _("A service that is not free needs the legal basis of its tariff."),
    ),
}


def _unknown_choices(values: object, choices: type[models.TextChoices]) -> list[str]:
    if not isinstance(values, list):
        return [str(values)]
    return [str(v) for v in values if v not in choices.values]


# The grant levels that approve a version, and how a version reaches each.
# Rows of a standard's history (its reviews, its approval steps) are reached as the
# standard is.
THROUGH_STANDARD_SCOPE = {
    Level.PEMDA: "standard__pemda",
    Level.OPD: "standard__layanan__unit__opd",
    Level.UNIT: "standard__layanan__unit",
}
APPROVER_LOOKUPS = {Level.PEMDA: "pemda", Level.OPD: "layanan__unit__opd"}


class StandarQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=StandarPelayanan.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=StandarPelayanan.Status.DRAFT)

    def current(self):
        """Return the versions that are not superseded: the published one and the draft."""
        return self.exclude(status=StandarPelayanan.Status.SUPERSEDED)

    def awaiting_approval(self):
        """Return the drafts submitted to the OPD's administrator for approval."""
        return self.drafts().filter(submitted_at__isnull=False)

    def approvable_by(self, user):
        """Return the versions ``user`` may approve or return.

        Approving sets a standard by decree, which the regulation leaves to the head
        of the unit or above; in the grant table that is the catalog change grant
        held at OPD level (the OPD's administrator) or Pemda level (the Pemda's
        administrator, above every OPD). A unit operator's grant never approves.
        """
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if is_platform_operator(user):
            return self.all()
        return self.filter(
            reach_q(user, APPROVER_LOOKUPS, area=Area.CATALOG, action=CHANGE)
        )

    def incomplete(self):
        return self.filter(missing_count__gt=0)

    def review_overdue(self, today: date):
        """Return the versions whose yearly review is past due on ``today``."""
        return self.filter(Q(review_due_on__isnull=True) | Q(review_due_on__lt=today))


class StandarPelayanan(PemdaOwned):
    """One version of a service's Standar Pelayanan (PermenPANRB 15/2014)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    layanan = models.ForeignKey(
        "organisations.Layanan",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="standards",
    )
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )

    # Service-delivery components, published to citizens.
    persyaratan = models.TextField(COMPONENT_LABELS["persyaratan"], blank=True)
    prosedur = models.TextField(
        COMPONENT_LABELS["prosedur"],
        blank=True,
        help_text=_("One step per line; they are shown as a numbered list."),
    )
    jangka_waktu_value = models.PositiveIntegerField(
        _("service time (amount)"), null=True, blank=True
    )
    jangka_waktu_unit = models.CharField(
        _("service time (unit)"),
        max_length=12,
        choices=DurationUnit.choices,
        blank=True,
    )
    biaya_tarif = models.DecimalField(
        _("tariff (Rp)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Enter 0 when the service is free."),
    )
    biaya_dasar_hukum = models.TextField(
        _("legal basis of the tariff"),
        blank=True,
        help_text=_("Required when the service is not free."),
    )
    produk = models.TextField(COMPONENT_LABELS["produk"], blank=True)
    penanganan_pengaduan = models.TextField(
        COMPONENT_LABELS["penanganan_pengaduan"], blank=True
    )
    pengaduan_answer_days = models.PositiveSmallIntegerField(
        _("answer time for complaints (working days)"),
        null=True,
        blank=True,
        help_text=_(
            "The final answer a complaint about this service is promised within. "
            "Empty: 14 working days."
        ),
    )

    # Manufacturing components, internal to the unit.
    dasar_hukum = models.TextField(COMPONENT_LABELS["dasar_hukum"], blank=True)
    sarana_prasarana = models.TextField(
        COMPONENT_LABELS["sarana_prasarana"], blank=True
    )
    kompetensi_pelaksana = models.TextField(
        COMPONENT_LABELS["kompetensi_pelaksana"], blank=True
    )
    pengawasan_internal = models.TextField(
        COMPONENT_LABELS["pengawasan_internal"], blank=True
    )
    jumlah_pelaksana = models.PositiveIntegerField(
        COMPONENT_LABELS["jumlah_pelaksana"], null=True, blank=True
    )
    jaminan_pelayanan = models.TextField(
        COMPONENT_LABELS["jaminan_pelayanan"], blank=True
    )
    jaminan_keamanan = models.TextField(
        COMPONENT_LABELS["jaminan_keamanan"], blank=True
    )
    evaluasi_kinerja = models.TextField(
        COMPONENT_LABELS["evaluasi_kinerja"], blank=True
    )

    # Lifecycle: drafting with citizens, formal setting, publication, yearly review.
    drafted_on = models.DateField(
        _("drafted on (public consultation)"), null=True, blank=True
    )
    drafting_participants = models.JSONField(
        _("drafting participants"), default=list, blank=True
    )
    drafting_minutes = models.TextField(_("consultation minutes"), blank=True)
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    decree_signatory = models.CharField(_("set by"), max_length=150, blank=True)
    publication_media = models.JSONField(
        _("publication media"), default=list, blank=True
    )
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)

    # Derived in save() from the fields above, so lists can filter in the database.
    missing_count = models.PositiveSmallIntegerField(
        _("missing components"), default=len(sp.COMPONENTS), editable=False
    )
    review_due_on = models.DateField(
        _("review due on"), null=True, blank=True, editable=False
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set while a draft waits for the OPD administrator's approval; a draft that is
    # returned is open for editing again.
    submitted_at = models.DateTimeField(
        _("submitted for approval at"), null=True, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = StandarQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = {
        Level.PEMDA: "pemda",
        Level.OPD: "layanan__unit__opd",
        Level.UNIT: "layanan__unit",
    }

    class Meta:
        verbose_name = _("service standard")
        verbose_name_plural = _("service standards")
        ordering = ["layanan", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["layanan", "version"], name="standard_version_unique"
            ),
            models.UniqueConstraint(
                fields=["layanan"],
                condition=Q(status="published"),
                name="one_published_standard_per_layanan",
            ),
            models.UniqueConstraint(
                fields=["layanan"],
                condition=Q(status="draft"),
                name="one_draft_standard_per_layanan",
            ),
        ]

    def __str__(self) -> str:
        return _("%(layanan)s — version %(version)s") % {
            "layanan": self.layanan,
            "version": self.version,
        }

    def save(self, *args, **kwargs) -> None:
        self.refresh_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "missing_count", "review_due_on"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("standards:version-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors: dict[str, list] = {}

        def add(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        if self.layanan_id and self.pemda_id and self.layanan.pemda_id != self.pemda_id:
            raise ValidationError(_("The service belongs to another Pemda."))
        for problem in (
            sp.duration_problem(self._duration()),
            sp.cost_problem(self._cost()),
        ):
            if problem is not None:
                add(*PROBLEM_ERRORS[problem])
        if self.jumlah_pelaksana == 0:
            add(
                "jumlah_pelaksana",
                _("Enter at least one staff member, or leave the number empty."),
            )
        if self.decree_number.strip() and not self.decree_date:
            add("decree_date", _("Enter the date of the decree."))
        if self.decree_date and not self.decree_number.strip():
            add("decree_number", _("Enter the number of the decree."))
        for field, choices in (
            ("drafting_participants", Participant),
            ("publication_media", PublicationMedium),
        ):
            unknown = _unknown_choices(getattr(self, field), choices)
            if unknown:
                add(
                    field,
                    _("Unknown choice: %(values)s.") % {"values": ", ".join(unknown)},
                )
        if errors:
            raise ValidationError(errors)

    def refresh_derived(self) -> None:
        """Recompute the stored completeness and review due date from the fields."""
        self.missing_count = len(sp.missing_components(self.component_values()))
        last = self.last_reviewed()
        self.review_due_on = sp.review_due_on(last) if last else None

    def _duration(self) -> sp.Duration:
        return sp.Duration(self.jangka_waktu_value, self.jangka_waktu_unit or "")

    def _cost(self) -> sp.Cost:
        return sp.Cost(self.biaya_tarif, self.biaya_dasar_hukum or "")

    def component_values(self) -> dict[str, object]:
        """Return each component's value in the form the pure rules understand."""
        values: dict[str, object] = {
            c.key: getattr(self, c.key, None) for c in sp.COMPONENTS
        }
        values["jangka_waktu"] = self._duration()
        values["biaya"] = self._cost()
        return values

    def missing_components(self) -> list[tuple[int, str]]:
        """Return (number, label) of every component still empty, in regulation order."""
        return [
            (c.number, COMPONENT_LABELS[c.key])
            for c in sp.missing_components(self.component_values())
        ]

    def missing_public_components(self) -> list[tuple[int, str]]:
        """Return (number, label) of every empty service-delivery component."""
        return [
            (c.number, COMPONENT_LABELS[c.key])
            for c in sp.missing_components(self.component_values(), sp.SERVICE_DELIVERY)
        ]

    @property
    def is_complete(self) -> bool:
        return sp.is_complete(self.component_values())

    @property
    def filled_count(self) -> int:
        return len(sp.COMPONENTS) - self.missing_count

    @property
    def component_total(self) -> int:
        return len(sp.COMPONENTS)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_awaiting_approval(self) -> bool:
        return self.is_draft and self.submitted_at is not None

    @property
    def is_set_by_decree(self) -> bool:
        return bool(self.decree_number.strip() and self.decree_date)

    def service_time_display(self) -> str:
        """Return the service time as words, e.g. "3 working days", or ""."""
        if self.jangka_waktu_value is None or not self.jangka_waktu_unit:
            return ""
        words = DURATION_WORDS.get(self.jangka_waktu_unit)
        if words is None:
            return f"{self.jangka_waktu_value} {self.jangka_waktu_unit}"
        return words % {"count": self.jangka_waktu_value}

    @property
    def is_free(self) -> bool:
        return self.biaya_tarif == 0

    def procedure_steps(self) -> list[str]:
        return [line.strip() for line in self.prosedur.splitlines() if line.strip()]

    def requirement_items(self) -> list[str]:
        return [line.strip() for line in self.persyaratan.splitlines() if line.strip()]

    def last_reviewed(self) -> date | None:
        """Return the later of the last review and the decree that set this version."""
        dates = [d for d in (self.reviewed_on, self.decree_date) if d]
        return max(dates) if dates else None

    def is_review_overdue(self, today: date) -> bool:
        return sp.is_review_overdue(self.last_reviewed(), today)

    def participant_labels(self) -> list[str]:
        labels = dict(Participant.choices)
        return [str(labels.get(p, p)) for p in self.drafting_participants]

    def publication_labels(self) -> list[str]:
        labels = dict(PublicationMedium.choices)
        return [str(labels.get(m, m)) for m in self.publication_media]


class StandardReviewQuerySet(ScopedQuerySet):
    pass


class StandardReview(models.Model):
    """One peninjauan ulang of a published standard, kept as evidence of monitoring."""

    standard = models.ForeignKey(
        StandarPelayanan,
        verbose_name=_("service standard"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewed_on = models.DateField(_("reviewed on"))
    note = models.TextField(_("outcome of the review"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = StandardReviewQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = THROUGH_STANDARD_SCOPE

    class Meta:
        verbose_name = _("standard review")
        verbose_name_plural = _("standard reviews")
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return _("Review of %(standard)s on %(date)s") % {
            "standard": self.standard,
            "date": date_format(self.reviewed_on, "DATE_FORMAT"),
        }


class ApprovalEventQuerySet(ScopedQuerySet):
    pass


class ApprovalEvent(models.Model):
    """One step of a version's approval, kept as the audit of who did what when."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved and published")
        RETURNED = "returned", _("Returned for revision")

    standard = models.ForeignKey(
        StandarPelayanan,
        verbose_name=_("service standard"),
        on_delete=models.CASCADE,
        related_name="approval_events",
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    # The decree the version was approved with, as entered at that moment.
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))

    objects = ApprovalEventQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = THROUGH_STANDARD_SCOPE

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return _("%(action)s: %(standard)s") % {
            "action": self.get_action_display(),
            "standard": self.standard,
        }


class MaklumatQuerySet(ScopedQuerySet):
    pass


DEFAULT_MAKLUMAT_TEXT = (
    "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
    "pelayanan yang telah ditetapkan, memberikan pelayanan sesuai kewajiban dan akan "
    "melakukan perbaikan secara terus-menerus, dan apabila tidak menepati janji ini, "
    "kami siap menerima sanksi dan/atau memberikan kompensasi sesuai peraturan "
    "perundang-undangan yang berlaku."
)


class Maklumat(PemdaOwned):
    """A unit's signed public service declaration (Maklumat Pelayanan)."""

    unit = models.OneToOneField(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.CASCADE,
        related_name="maklumat",
    )
    text = models.TextField(_("declaration text"), default=DEFAULT_MAKLUMAT_TEXT)
    signatory_name = models.CharField(_("signed by"), max_length=150, blank=True)
    signatory_position = models.CharField(
        _("signatory position"), max_length=150, blank=True
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    published_printed = models.BooleanField(_("published in print"), default=False)
    published_electronic = models.BooleanField(
        _("published electronically"), default=False
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MaklumatQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = UNIT_SCOPE

    class Meta:
        verbose_name = _("service declaration (maklumat)")
        verbose_name_plural = _("service declarations (maklumat)")
        ordering = ["unit__name"]

    def __str__(self) -> str:
        return _("Maklumat of %(unit)s") % {"unit": self.unit}

    def clean(self) -> None:
        if self.unit_id and self.pemda_id and self.unit.pemda_id != self.pemda_id:
            raise ValidationError(_("The unit belongs to another Pemda."))
        if not self.text.strip():
            raise ValidationError({"text": _("Enter the text of the declaration.")})

    @property
    def is_set(self) -> bool:
        """Return whether the declaration is formally signed (signatory and date)."""
        return bool(
            self.text.strip() and self.signatory_name.strip() and self.signed_on
        )

    @property
    def is_published(self) -> bool:
        """Return whether the declaration is published in print or electronically."""
        return self.published_printed or self.published_electronic
