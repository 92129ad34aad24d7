from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from prima.core.roles import Area
from prima.core.scoping import ScopedQuerySet
from prima.organisations.owned import PemdaOwned, UnitOwned


class HolidayQuerySet(ScopedQuerySet):
    def dates(self, pemda) -> frozenset:
        """Return the Pemda's holidays as a set of dates for the working-day rules."""
        return frozenset(self.filter(pemda=pemda).values_list("day", flat=True))


class Holiday(PemdaOwned):
    """A non-working day of a Pemda: a national holiday or cuti bersama."""

    day = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)

    objects = HolidayQuerySet.as_manager()
    scope_area = Area.COMPLAINTS

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "day"], name="one_holiday_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.name}"


class Kind(models.TextChoices):
    PENGADUAN = "pengaduan", _("Complaint")
    SARAN = "saran", _("Suggestion")
    APRESIASI = "apresiasi", _("Appreciation")
    INFORMASI = "informasi", _("Request for information")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    ASSIGNED = "assigned", _("Assigned to a unit")
    IN_PROGRESS = "in_progress", _("Being handled")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class RejectReason(models.TextChoices):
    UNCLEAR = "unclear", _("Not clear enough to act on")
    NOT_OUR_AUTHORITY = "not_our_authority", _("Not our authority (forwarded)")
    DUPLICATE = "duplicate", _("Duplicate of another case")


class Privacy(models.TextChoices):
    OPEN = "open", _("Name known to the handling unit")
    CONFIDENTIAL = (
        "confidential",
        _("Confidential: name known only to the Pemda administrator"),
    )
    ANONYMOUS = "anonymous", _("Anonymous: no name at all")


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.VERIFIED,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
)


class CaseQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, *, today):
        """Return open cases past a deadline that applies to their state."""
        return self.filter(
            models.Q(status=Status.RECEIVED, verify_due__lt=today)
            | models.Q(status=Status.VERIFIED, verify_due__lt=today)
            | models.Q(
                status=Status.ASSIGNED,
                first_response_at__isnull=True,
                first_response_due__lt=today,
            )
            | models.Q(
                status__in=[Status.ASSIGNED, Status.IN_PROGRESS], answer_due__lt=today
            )
        )


class Case(UnitOwned):
    """A citizen's complaint, suggestion, appreciation or request for information."""

    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    submission_key = models.UUIDField(_("submission key"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # A case not yet assigned to a unit is reached by Pemda-level grants only.
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    layanan = models.ForeignKey(
        "organisations.Layanan",
        verbose_name=_("service"),
        on_delete=models.SET_NULL,
        related_name="cases",
        null=True,
        blank=True,
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    privacy = models.CharField(
        _("identity"), max_length=12, choices=Privacy.choices, default=Privacy.OPEN
    )
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    first_response_at = models.DateTimeField(
        _("first response at"), null=True, blank=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    verify_due = models.DateField(_("verify by"))
    first_response_due = models.DateField(_("first response by"), null=True, blank=True)
    answer_due = models.DateField(_("answer by"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(
        _("escalation level"),
        default=0,
        help_text=_("0 none, 1 OPD administrator, 2 Pemda administrator"),
    )

    reject_reason = models.CharField(
        _("rejection reason"), max_length=20, choices=RejectReason.choices, blank=True
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("citizen's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    reopen_count = models.PositiveSmallIntegerField(_("times re-opened"), default=0)

    objects = CaseQuerySet.as_manager()
    scope_area = Area.COMPLAINTS
    # Every text of a case is the citizen's own or written to the citizen; staff
    # write for staff only on the events (``CaseEvent.staff_only_fields``).
    staff_only_fields: tuple[str, ...] = ()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["pemda", "status"]),
            models.Index(fields=["unit", "status"]),
        ]

    def __str__(self) -> str:
        # Never the tracking code: it is the citizen's key and shown to them alone.
        return f"#{self.number} · {self.subject}"

    @property
    def number(self) -> str:
        """Return the number staff use to name the case (not its tracking code)."""
        return str(self.pk)

    @property
    def identity_hidden_from_unit(self) -> bool:
        return self.privacy != Privacy.OPEN


class CaseEvent(models.Model):
    """One step of a case: who moved it, when, from which state to which, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    by_citizen = models.BooleanField(_("by the citizen"), default=False)
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    note = models.TextField(
        _("note to the citizen"),
        blank=True,
        help_text=_("Shown to the citizen with this step."),
    )
    staff_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Seen by staff only; never shown to the citizen."),
    )
    public = models.BooleanField(
        _("shown to the citizen"),
        default=True,
        help_text=_("Whether the step appears in the citizen's history."),
    )

    # Text a page or mail for the citizen must never render. Every text field is
    # classified in ``tests/test_staff_text.py``, which proves none of these
    # reaches a public page.
    staff_only_fields = ("staff_note",)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "pk"]
        constraints = [
            # A step hidden from the citizen keeps its text in ``staff_note``, so
            # ``note`` is always text the citizen may read.
            models.CheckConstraint(
                condition=models.Q(public=True) | models.Q(note=""),
                name="internal_event_has_no_citizen_note",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.from_status}→{self.to_status}"


class Attachment(models.Model):
    """A photo or document sent with a case, stored outside the web root."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="complaints/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name
