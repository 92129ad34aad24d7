from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prima.core.periods import PeriodKind
from prima.core.roles import Area, Level
from prima.core.scoping import ScopedQuerySet
from prima.organisations.owned import UnitOwned
from prima.surveys.ikm import CODE_ORDER, Unsur

UNSUR_CHOICES = [(u.value, f"{u.value} {u.nama}") for u in CODE_ORDER]
SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


def count_field_name(unsur: str, score: int) -> str:
    """Return the rollup column counting ``score`` answers on ``unsur``: "u3_4"."""
    return f"{unsur.lower()}_{score}"


class Gender(models.TextChoices):
    L = "L", _("Male")
    P = "P", _("Female")


class Education(models.TextChoices):
    SD = "sd", _("Primary school or below")
    SMP = "smp", _("Junior high school")
    SMA = "sma", _("Senior high school")
    D3 = "d1_d3", _("Diploma (D1–D3)")
    S1 = "d4_s1", _("Bachelor (D4/S1)")
    S2 = "s2", _("Master or above (S2+)")


class Occupation(models.TextChoices):
    PNS = "pns", _("Civil servant (PNS)")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("POLRI")
    SWASTA = "swasta", _("Private employee")
    WIRAUSAHA = "wirausaha", _("Entrepreneur")
    PELAJAR = "pelajar", _("Student")
    LAINNYA = "lainnya", _("Other")


class AgeGroup(models.TextChoices):
    UNDER_20 = "lt20", _("Under 20")
    A20 = "20_29", _("20–29")
    A30 = "30_39", _("30–39")
    A40 = "40_49", _("40–49")
    A50 = "50_59", _("50–59")
    A60 = "60plus", _("60 and over")


def age_group(age: int | None) -> str | None:
    """Return the AgeGroup of an age in years, or None when not given."""
    if age is None:
        return None
    if age < 20:
        return AgeGroup.UNDER_20
    if age >= 60:
        return AgeGroup.A60
    return [AgeGroup.A20, AgeGroup.A30, AgeGroup.A40, AgeGroup.A50][age // 10 - 2]


class Channel(models.TextChoices):
    ONLINE = "online", _("Link or QR code")
    KIOSK = "kiosk", _("Kiosk at the counter")
    PAPER = "paper", _("Paper form (imported)")


class SurveySettings(models.Model):
    """A Pemda's choice of survey period."""

    pemda = models.OneToOneField(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="survey_settings",
    )
    period_kind = models.CharField(
        _("survey period"),
        max_length=10,
        choices=[
            (PeriodKind.TRIWULAN.value, _("Quarter (triwulan)")),
            (PeriodKind.SEMESTER.value, _("Semester")),
            (PeriodKind.TAHUN.value, _("Year")),
        ],
        default=PeriodKind.TRIWULAN.value,
    )
    hide_running_period = models.BooleanField(
        _("publish results only once the period has closed"),
        default=False,
        help_text=_(
            "The public pages and open data then show no figures of a period that "
            "is still running."
        ),
    )

    class Meta:
        verbose_name = _("survey settings")
        verbose_name_plural = _("survey settings")

    def __str__(self) -> str:
        return f"{self.pemda} · {self.get_period_kind_display()}"


class QuestionWordingQuerySet(ScopedQuerySet):
    pass


class QuestionWording(UnitOwned):
    """A unit's rewording of one unsur's question and answer labels."""

    unsur = models.CharField(_("unsur"), max_length=2, choices=UNSUR_CHOICES)
    text = models.CharField(_("question"), max_length=300)
    label_1 = models.CharField(_("answer a (score 1)"), max_length=80)
    label_2 = models.CharField(_("answer b (score 2)"), max_length=80)
    label_3 = models.CharField(_("answer c (score 3)"), max_length=80)
    label_4 = models.CharField(_("answer d (score 4)"), max_length=80)

    objects = QuestionWordingQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("question wording")
        verbose_name_plural = _("question wordings")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "unsur"], name="one_wording_per_unit_unsur"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.unsur}"


class ExtraQuestionQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class ExtraQuestion(UnitOwned):
    """A unit's own optional question; its answers never enter the IKM."""

    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    active = models.BooleanField(_("active"), default=True)

    objects = ExtraQuestionQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")
        ordering = ["unit", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class ResponseQuerySet(ScopedQuerySet):
    def between(self, start, end):
        return self.filter(service_date__gte=start, service_date__lte=end)


class Response(UnitOwned):
    """One citizen's completed questionnaire."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    layanan = models.ForeignKey(
        "organisations.Layanan",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    service_date = models.DateField(_("date of service"))
    submitted_at = models.DateTimeField(_("submitted at"))
    idempotency_key = models.UUIDField(_("submission key"), unique=True)
    kiosk = models.ForeignKey(
        "surveys.KioskDevice",
        verbose_name=_("kiosk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    gender = models.CharField(
        _("gender"), max_length=1, choices=Gender.choices, blank=True
    )
    age = models.PositiveSmallIntegerField(
        _("age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    education = models.CharField(
        _("education"), max_length=6, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("occupation"), max_length=10, choices=Occupation.choices, blank=True
    )
    u1 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u2 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u3 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u4 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u5 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u6 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u7 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u8 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    u9 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    suggestion = models.TextField(_("suggestion"), blank=True)

    objects = ResponseQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["unit", "service_date"])]

    def __str__(self) -> str:
        return f"{self.layanan} · {self.service_date}"

    def scores(self) -> dict[Unsur, int]:
        return {u: getattr(self, u.value.lower()) for u in CODE_ORDER}


class ExtraAnswer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="extra_answers"
    )
    question = models.ForeignKey(
        ExtraQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("extra answer")
        verbose_name_plural = _("extra answers")

    def __str__(self) -> str:
        return self.text[:50]


def _count_fields() -> dict[str, models.PositiveIntegerField]:
    return {
        count_field_name(u.value, s): models.PositiveIntegerField(default=0)
        for u in CODE_ORDER
        for s in (1, 2, 3, 4)
    }


class CountQuerySet(ScopedQuerySet):
    def between(self, start, end):
        return self.filter(**{f"{self.model.bucket}__gte": start}).filter(
            **{f"{self.model.bucket}__lte": end}
        )


class AnswerCounts(models.Model):
    """How many answers of each score per unsur one service got in one time bucket.

    Additive: every report sums these rows instead of scanning responses. Both
    concrete tables are updated in the same transaction as each response.
    """

    pemda = models.ForeignKey(
        "organisations.Pemda", on_delete=models.CASCADE, related_name="+"
    )
    opd = models.ForeignKey(
        "organisations.PerangkatDaerah", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.CASCADE, related_name="+"
    )
    layanan = models.ForeignKey(
        "organisations.Layanan", on_delete=models.CASCADE, related_name="+"
    )
    respondents = models.PositiveIntegerField(default=0)
    # Thirty-six columns u1_1 … u9_4, one per (unsur, score); spelled out by a loop
    # because a typo in one of them would silently skew an index.
    locals().update(_count_fields())

    objects = CountQuerySet.as_manager()
    scope_area = Area.SURVEY
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "opd", Level.UNIT: "unit"}

    class Meta:
        abstract = True


class DailyCount(AnswerCounts):
    """Answer counts of one service on one day."""

    day = models.DateField()
    bucket = "day"

    class Meta:
        verbose_name = _("daily answer count")
        verbose_name_plural = _("daily answer counts")
        constraints = [
            models.UniqueConstraint(fields=["layanan", "day"], name="one_count_per_day")
        ]
        indexes = [
            models.Index(fields=["pemda", "day"]),
            models.Index(fields=["opd", "day"]),
            models.Index(fields=["unit", "day"]),
        ]

    def __str__(self) -> str:
        return f"{self.layanan_id} · {self.day} · {self.respondents}"


class MonthlyCount(AnswerCounts):
    """Answer counts of one service in one calendar month (``month`` is its 1st).

    Periods are made of whole months, so a year's report sums twelve rows per
    service instead of 365.
    """

    month = models.DateField()
    bucket = "month"

    class Meta:
        verbose_name = _("monthly answer count")
        verbose_name_plural = _("monthly answer counts")
        constraints = [
            models.UniqueConstraint(
                fields=["layanan", "month"], name="one_count_per_month"
            )
        ]
        indexes = [
            models.Index(fields=["pemda", "month"]),
            models.Index(fields=["opd", "month"]),
            models.Index(fields=["unit", "month"]),
        ]

    def __str__(self) -> str:
        return f"{self.layanan_id} · {self.month:%Y-%m} · {self.respondents}"


class ProfileDimension(models.TextChoices):
    GENDER = "gender", _("Gender")
    AGE = "age", _("Age")
    EDUCATION = "education", _("Education")
    OCCUPATION = "occupation", _("Occupation")
    CHANNEL = "channel", _("Channel")


class DailyProfileCount(models.Model):
    """How many respondents of one profile category a service had on one day."""

    pemda = models.ForeignKey(
        "organisations.Pemda", on_delete=models.CASCADE, related_name="+"
    )
    opd = models.ForeignKey(
        "organisations.PerangkatDaerah", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.CASCADE, related_name="+"
    )
    layanan = models.ForeignKey(
        "organisations.Layanan", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    dimension = models.CharField(max_length=10, choices=ProfileDimension.choices)
    category = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    bucket = "day"

    objects = CountQuerySet.as_manager()
    scope_area = Area.SURVEY
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "opd", Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("daily profile count")
        verbose_name_plural = _("daily profile counts")
        constraints = [
            models.UniqueConstraint(
                fields=["layanan", "day", "dimension", "category"],
                name="one_profile_count_per_day",
            )
        ]
        indexes = [models.Index(fields=["pemda", "day"])]

    def __str__(self) -> str:
        return f"{self.layanan_id} · {self.day} · {self.dimension}={self.category}"


class PopulationQuerySet(ScopedQuerySet):
    pass


class Population(UnitOwned):
    """The number of service users a unit declares for a period (Krejcie–Morgan N)."""

    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    population = models.PositiveIntegerField(_("service users in the period"))
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now=True)

    objects = PopulationQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("declared population")
        verbose_name_plural = _("declared populations")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_start", "period_end"],
                name="one_population_per_unit_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period_start}–{self.period_end}: {self.population}"


class KioskDeviceQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class KioskDevice(UnitOwned):
    """A tablet at a counter, bound to its unit by a token an operator issued."""

    name = models.CharField(_("device name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(_("active"), default=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = KioskDeviceQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("kiosk device")
        verbose_name_plural = _("kiosk devices")

    def __str__(self) -> str:
        return f"{self.unit} · {self.name}"


class FollowUpQuerySet(ScopedQuerySet):
    def open(self):
        return self.exclude(status=FollowUp.Status.DONE)


class FollowUp(UnitOwned):
    """A rencana tindak lanjut (RTL) item for a weak unsur of a unit in a period."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    period_start = models.DateField(_("survey period start"))
    period_end = models.DateField(_("survey period end"))
    unsur = models.CharField(_("unsur"), max_length=2, choices=UNSUR_CHOICES)
    action = models.TextField(_("action"))
    due_on = models.DateField(_("to be done by"))
    responsible = models.CharField(_("responsible official"), max_length=150)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    note = models.TextField(_("progress note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = FollowUpQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("follow-up plan item (RTL)")
        verbose_name_plural = _("follow-up plan items (RTL)")
        ordering = ["period_start", "unsur", "pk"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.unsur} · {self.action[:40]}"

    @property
    def overdue(self) -> bool:
        """Return whether the action is not done and its date has passed."""
        return self.status != self.Status.DONE and self.due_on < timezone.localdate()


class EncounterQuerySet(ScopedQuerySet):
    pass


class Encounter(UnitOwned):
    """One served visit that may answer the SKM once, through a one-time token.

    Whoever served the visitor (a queue ticket finished at a counter) records where,
    at which counter, by whom and for which service; the token's link then takes one
    response, bound here. The survey knows nothing of queues: the place and counter
    are plain names.
    """

    layanan = models.ForeignKey(
        "organisations.Layanan",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    counter = models.CharField(_("counter"), max_length=100, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    served_at = models.DateTimeField(_("served at"))
    response = models.OneToOneField(
        Response,
        verbose_name=_("survey response"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="encounter",
    )

    objects = EncounterQuerySet.as_manager()
    scope_area = Area.SURVEY

    class Meta:
        verbose_name = _("served visit")
        indexes = [models.Index(fields=["unit", "served_at"])]
        verbose_name_plural = _("served visits")

    def __str__(self) -> str:
        return f"{self.layanan} · {self.served_at:%Y-%m-%d %H:%M}"
