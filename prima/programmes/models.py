"""Capacity-building programmes (kapasitas.md): workshops, diklat, coaching clinics,
sosialisasi and innovation laboratories, with their stages, facilitators,
participants and teams, sessions, attendance and session materials.

Who sees a programme (``ProgrammeQuerySet``): its organisers (the Pemda
administrator for a Pemda-organised programme, the OPD administrator of the
organising OPD), the Pemda administrator for every programme of the Pemda, the
administrators of the OPD it targets (who nominate their staff), its participants
and the mentors of its teams. Only the organisers change it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from prima.core.roles import CHANGE, VIEW, Area, Level
from prima.core.scoping import ScopedQuerySet, reach_q
from prima.organisations.owned import PemdaOwned


class Kind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    DIKLAT = "diklat", _("Training (diklat)")
    COACHING_CLINIC = "coaching_clinic", _("Coaching clinic")
    SOSIALISASI = "sosialisasi", _("Socialisation (sosialisasi)")
    LABINOV = "labinov", _("Innovation laboratory")


class StageKind(models.TextChoices):
    """The five stages of LAN's Laboratorium Inovasi, in order."""

    DRUM_UP = "drum_up", _("Drum-up")
    DIAGNOSE = "diagnose", _("Diagnose")
    DESIGN = "design", _("Design")
    DELIVER = "deliver", _("Deliver")
    DISPLAY = "display", _("Display")


DEFAULT_DELIVERABLES = {
    StageKind.DRUM_UP: _("The participants and their teams, per OPD"),
    StageKind.DIAGNOSE: _("A diagnosis per team and an ideas register"),
    StageKind.DESIGN: _("An innovation draft and an action plan with milestones"),
    StageKind.DELIVER: _("Milestone evidence; the innovation applied"),
    StageKind.DISPLAY: _("Published innovations and a programme report"),
}


def _organised_by(opd_id: int) -> Q:
    return Q(organiser_opd_id=opd_id)


def _targeting(opd_id: int) -> Q:
    """Select the programmes an OPD's administrator nominates staff to."""
    return (
        Q(organiser_opd_id=opd_id)
        | Q(target_opds__id=opd_id)
        | Q(target_units__opd_id=opd_id)
        | Q(target_opds__isnull=True, target_units__isnull=True, pemda__opds=opd_id)
    )


class ProgrammeQuerySet(ScopedQuerySet):
    def scoped(self, user, action: str = VIEW, area: str | None = None):
        """Return the programmes the user organises (``change``) or may see."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        organised = {Level.PEMDA: _pemda_organised, Level.OPD: _organised_by}
        q = reach_q(user, organised, area=Area.PROGRAMMES, action=CHANGE)
        if action == VIEW:
            q |= self._overseen_q(user)
            q |= reach_q(
                user, {Level.OPD: _targeting}, area=Area.PROGRAMMES, action=CHANGE
            )
            # A nominee sees the programme until declined; a mentor through a team.
            taking_part = Participant.objects.filter(user=user).exclude(
                status=ParticipantStatus.DECLINED
            )
            q |= Q(pk__in=taking_part.values("programme")) | Q(teams__mentor=user)
        return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))

    def _overseen_q(self, user) -> Q:
        return reach_q(
            user, {Level.PEMDA: "pemda"}, area=Area.PROGRAMMES, action=CHANGE
        ) | reach_q(
            user, {Level.OPD: _organised_by}, area=Area.PROGRAMMES, action=CHANGE
        )

    def overseen_by(self, user):
        """Return the programmes the user sees as organiser: every programme of a
        Pemda for its administrator (read-only when an OPD organises it), the
        programmes an OPD organises for that OPD's administrator."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(self._overseen_q(user))

    def reported_to(self, user):
        """Return the programmes whose outcomes the user follows: those they
        oversee, and for the holders of the leadership dashboard every programme
        of their Pemda (Pemda level) or those their OPD organises (OPD level)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        leadership = reach_q(
            user,
            {Level.PEMDA: "pemda", Level.OPD: _organised_by},
            area=Area.DASHBOARD,
            action=VIEW,
        )
        return self.filter(self._overseen_q(user) | leadership)


def _pemda_organised(pemda_id: int) -> Q:
    return Q(pemda_id=pemda_id, organiser_opd__isnull=True)


class Programme(PemdaOwned):
    """A capacity-building programme of a Pemda, organised by it or by one OPD."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organiser_opd = models.ForeignKey(
        "organisations.PerangkatDaerah",
        verbose_name=_("organising OPD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the Pemda's Bagian Organisasi organises it."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    target_opds = models.ManyToManyField(
        "organisations.PerangkatDaerah",
        verbose_name=_("target OPD"),
        blank=True,
        related_name="+",
    )
    target_units = models.ManyToManyField(
        "organisations.Unit",
        verbose_name=_("target units"),
        blank=True,
        related_name="+",
    )
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance threshold (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of sessions attended that a certificate requires."),
    )
    late_after_minutes = models.PositiveSmallIntegerField(
        _("late after (minutes)"),
        default=15,
        validators=[MaxValueValidator(240)],
        help_text=_("A check-in this many minutes after a session starts is late."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()
    scope_area = Area.PROGRAMMES

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot be before the first day.")
        if (
            self.organiser_opd_id
            and self.pemda_id
            and self.organiser_opd.pemda_id != self.pemda_id
        ):
            errors["organiser_opd"] = _("The OPD belongs to another Pemda.")
        if errors:
            raise ValidationError(errors)

    @property
    def organiser_name(self) -> str:
        if self.organiser_opd_id:
            return str(self.organiser_opd)
        return str(_("Bagian Organisasi, %(pemda)s") % {"pemda": self.pemda})


class Stage(models.Model):
    """A stage of a programme, with the deliverable expected by its due date."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="stages"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("stage"), max_length=10, choices=StageKind.choices)
    due_on = models.DateField(_("due date"))
    deliverable = models.CharField(_("expected deliverable"), max_length=300)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "order"], name="programme_stage_order"
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Institution(models.TextChoices):
    LAN = "lan", _("LAN (National Institute of Public Administration)")
    KEMENPAN_RB = "kemenpan_rb", _("KemenPAN-RB")
    OWN_STAFF = "own_staff", _("The Pemda's own staff")
    UNIVERSITY = "university", _("University")
    OTHER = "other", _("Other")


class Facilitator(models.Model):
    """A person who teaches, coaches or mentors in a programme, and their institution."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="facilitators"
    )
    name = models.CharField(_("name"), max_length=150)
    institution = models.CharField(
        _("institution"), max_length=12, choices=Institution.choices
    )
    institution_name = models.CharField(
        _("institution name"),
        max_length=200,
        blank=True,
        help_text=_("For a university or another institution: its name."),
    )

    class Meta:
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def institution_label(self) -> str:
        return self.institution_name or self.get_institution_display()


class ParticipantStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Team(models.Model):
    """Participants of one unit working together; a mentor may be assigned."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("team name"), max_length=120)
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_teams",
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"], name="team_name_per_programme"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A staff member nominated by their OPD admin; the organiser accepts or declines."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="programme_participations",
    )
    opd = models.ForeignKey(
        "organisations.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.NOMINATED,
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nominated_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["opd__name", "user__full_name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"], name="one_participation_per_programme"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return str(self.user)

    @property
    def is_accepted(self) -> bool:
        return self.status == ParticipantStatus.ACCEPTED


class Method(models.TextChoices):
    MATERI = "materi", _("Lecture (materi)")
    DISKUSI = "diskusi", _("Discussion")
    STUDI_KASUS = "studi_kasus", _("Case study")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    BENCHMARK = "benchmark", _("Benchmarking visit")


class Session(models.Model):
    """One meeting of a programme, by method, at a place or an online link."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    facilitator = models.ForeignKey(
        Facilitator,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session must end after it starts.")
        if (
            self.facilitator_id
            and self.programme_id
            and self.facilitator.programme_id != self.programme_id
        ):
            errors["facilitator"] = _("The facilitator belongs to another programme.")
        if errors:
            raise ValidationError(errors)

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class AttendanceStatus(models.TextChoices):
    HADIR = "hadir", _("Present")
    TERLAMBAT = "terlambat", _("Late")
    IZIN = "izin", _("Excused")
    TIDAK_HADIR = "tidak_hadir", _("Absent")


class Attendance(models.Model):
    """A participant's attendance of a session, taken by the organiser or by QR."""

    class Via(models.TextChoices):
        ORGANISER = "organiser", _("Recorded by the organiser")
        QR = "qr", _("QR check-in")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(
        _("attendance"), max_length=12, choices=AttendanceStatus.choices
    )
    remark = models.CharField(_("remark"), max_length=200, blank=True)
    via = models.CharField(_("recorded through"), max_length=10, choices=Via.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="one_attendance_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.session}"


class Material(models.Model):
    """A session's material: a cleaned PDF (slides exported as PDF) or a link."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="programmes/%Y/%m/", blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=60, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    link = models.URLField(_("link"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


# The participant's path: diagnosis, design, rencana aksi, reports and reviews, and the
# coaching clinic's proposal versions with advice per criterion (kapasitas.md).


class TeamDiagnosis(models.Model):
    """A team's diagnosis: the weak unsur it addresses (chosen among its unit's weak
    unsur when it wrote it), its problem statement and root causes."""

    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, related_name="diagnosis"
    )
    unsur = models.JSONField(_("unsur addressed"), default=list, blank=True)
    problem_statement = models.TextField(_("problem statement"))
    root_causes = models.TextField(_("root causes"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("team diagnosis")
        verbose_name_plural = _("team diagnoses")

    def __str__(self) -> str:
        return str(self.team)


class TeamDesign(models.Model):
    """The innovation draft in the registry that a team designs in a programme."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="design")
    innovation = models.OneToOneField(
        "innovations.Innovation",
        verbose_name=_("innovation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("team design")
        verbose_name_plural = _("team designs")

    def __str__(self) -> str:
        return str(self.team)


class Milestone(models.Model):
    """A milestone of a team's rencana aksi."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("what"), max_length=200)
    due_on = models.DateField(_("by when"))
    evidence_expected = models.CharField(_("evidence expected"), max_length=300)
    responsible = models.CharField(_("responsible person"), max_length=150)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class ReportOutcome(models.TextChoices):
    PENDING = "menunggu", _("Awaiting review")
    DITERIMA = "diterima", _("Accepted")
    PERBAIKAN = "perlu_perbaikan", _("Needs revision")


class MilestoneReport(models.Model):
    """One round of a milestone: the team's report with its evidence (a cleaned file or
    a link) and the mentor's review of it. Every round is kept."""

    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="reports"
    )
    round = models.PositiveSmallIntegerField(_("round"))
    text = models.TextField(_("what was done"))
    file = models.FileField(
        _("file"), upload_to="programmes/laporan/%Y/%m/", blank=True
    )
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=60, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    link = models.URLField(_("link"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    outcome = models.CharField(
        _("review"),
        max_length=16,
        choices=ReportOutcome.choices,
        default=ReportOutcome.PENDING,
    )
    comment = models.TextField(_("comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone report")
        verbose_name_plural = _("milestone reports")
        ordering = ["milestone", "round"]
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "round"], name="one_report_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.milestone} · {self.round}"

    @property
    def is_pending(self) -> bool:
        return self.outcome == ReportOutcome.PENDING


class ProposalVersion(models.Model):
    """The text of a team's proposal sections when it was put to the coaching clinic."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="proposal_versions"
    )
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    sections = models.JSONField(_("proposal sections"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        ordering = ["team", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "number"], name="one_proposal_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} · v{self.number}"


ADVICE_FIELDS = (
    "kebaruan",
    "efektif",
    "bermanfaat",
    "mudah_disebarkan",
    "berkelanjutan",
)


def _advice(label) -> models.TextField:
    return models.TextField(label)


class ClinicReview(models.Model):
    """A coach's or juri's written advice on one proposal version, per criterion of
    PermenPANRB 91/2021 (the competition's five criteria)."""

    version = models.ForeignKey(
        ProposalVersion, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kebaruan = _advice(_("advice on novelty"))
    efektif = _advice(_("advice on effectiveness"))
    bermanfaat = _advice(_("advice on benefit"))
    mudah_disebarkan = _advice(_("advice on replicability"))
    berkelanjutan = _advice(_("advice on sustainability"))
    created_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("clinic review")
        verbose_name_plural = _("clinic reviews")
        ordering = ["version", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "reviewer"], name="one_clinic_review_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} · {self.reviewer}"

    @property
    def advice_rows(self) -> list[tuple[str, str]]:
        """Return (criterion, advice) in the order of the competition's criteria."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in ADVICE_FIELDS
        ]


# Closing and certificates -------------------------------------------------------------


class Closure(models.Model):
    """The organiser closed the programme: pass marks and certificates follow."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="closure"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("programme closure")
        verbose_name_plural = _("programme closures")

    def __str__(self) -> str:
        return str(self.programme)


class PlanScore(models.Model):
    """The programme's final review of a team's rencana aksi: a score of 0–100
    and the reviewer's note, recorded by the organiser."""

    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, related_name="plan_score"
    )
    score = models.PositiveSmallIntegerField(
        _("plan score"), validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("review note"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)

    class Meta:
        verbose_name = _("action plan score")
        verbose_name_plural = _("action plan scores")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=100), name="programmes_plan_score_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.team} · {self.score}"


class PassMark(models.Model):
    """The organiser's verdict at closing: the participant passed (lulus) or not."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="pass_mark"
    )
    passed = models.BooleanField(_("passed"), default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        verbose_name = _("pass mark")
        verbose_name_plural = _("pass marks")

    def __str__(self) -> str:
        return f"{self.participant} · {self.passed}"


class CertificateCounter(models.Model):
    """The last certificate number a Pemda gave in a year; locked while numbering."""

    pemda = models.ForeignKey(
        "organisations.Pemda", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate counter")
        verbose_name_plural = _("certificate counters")
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "year"], name="certificate_counter_per_pemda_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pemda} {self.year}: {self.last}"


class Certificate(models.Model):
    """A participant's numbered certificate, checked by anyone through its code."""

    participant = models.OneToOneField(
        # RESTRICT: deleting the programme takes its certificates along; deleting
        # the participant (or their account) alone is refused.
        Participant,
        on_delete=models.RESTRICT,
        related_name="certificate",
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="certificates"
    )
    pemda = models.ForeignKey(
        "organisations.Pemda", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("certificate number"), max_length=80)
    code = models.CharField(_("verification code"), max_length=64, unique=True)
    holder_name = models.CharField(_("name"), max_length=200)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.CharField(
        _("reason for revoking"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "year", "sequence"],
                name="certificate_sequence_per_pemda_year",
            ),
            models.UniqueConstraint(
                fields=["pemda", "number"], name="certificate_number_per_pemda"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("certificates:verify", kwargs={"code": self.code})

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


# Benchmarking visits ------------------------------------------------------------------


class BenchmarkVisit(models.Model):
    """A kunjungan benchmark: a host region, a date, the participants who went."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="benchmark_visits"
    )
    host_region = models.CharField(_("host region"), max_length=150)
    visited_on = models.DateField(_("date of the visit"))
    participants = models.ManyToManyField(
        Participant, verbose_name=_("who went"), blank=True, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("benchmarking visit")
        verbose_name_plural = _("benchmarking visits")
        ordering = ["visited_on", "pk"]

    def __str__(self) -> str:
        return self.host_region


class Observation(models.Model):
    """An innovation seen on a visit, recorded into the replication library as an
    innovation of the host region, with what an OPD will copy and how it adapts it
    (amati, tiru, modifikasi)."""

    visit = models.ForeignKey(
        BenchmarkVisit, on_delete=models.CASCADE, related_name="observations"
    )
    innovation = models.ForeignKey(
        "innovations.Innovation",
        verbose_name=_("innovation observed"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    adopting_opd = models.ForeignKey(
        "organisations.PerangkatDaerah",
        verbose_name=_("OPD that will copy it"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    copy_what = models.TextField(_("what the OPD will copy (tiru)"), blank=True)
    adapt_how = models.TextField(_("how it will adapt it (modifikasi)"), blank=True)
    replication = models.ForeignKey(
        "innovations.Innovation",
        verbose_name=_("replication draft"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("benchmarking observation")
        verbose_name_plural = _("benchmarking observations")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.innovation)
