from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prima.core.roles import ROLE_LEVELS, Area, Level, Role
from prima.core.scoping import ScopedQuerySet

# Public pages live at /<pemda-slug>/; these prefixes belong to the platform.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "akun",
        "staf",
        "static",
        "media",
        "i18n",
        "api",
        "s",
        "kiosk",
        "healthz",
        "inovasi",
        "sertifikat",
    }
)


def validate_pemda_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("The address “%(slug)s” is reserved; choose another."),
            params={"slug": value},
            code="reserved",
        )


class PemdaQuerySet(ScopedQuerySet):
    pass


# A civil servant's number (Nomor Induk Pegawai): 18 digits, birth date, appointment
# month, gender and a sequence.
validate_nip = RegexValidator(
    r"^\d{18}$", _("A NIP has 18 digits, without spaces."), code="nip"
)


class Pemda(models.Model):
    """A local government: the tenant every domain row belongs to."""

    class Kind(models.TextChoices):
        KOTA = "kota", _("Kota")
        KABUPATEN = "kabupaten", _("Kabupaten")
        PROVINSI = "provinsi", _("Provinsi")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    slug = models.SlugField(
        _("address"), max_length=60, unique=True, validators=[validate_pemda_slug]
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regencies",
        limit_choices_to={"kind": Kind.PROVINSI},
    )
    head_title = models.CharField(_("head of region title"), max_length=60, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = PemdaQuerySet.as_manager()
    scope_area = Area.ORGANISATION
    scope_lookups = {
        Level.PEMDA: "pk",
        Level.OPD: "opds__id",
        Level.UNIT: "units__id",
    }

    class Meta:
        verbose_name = _("Pemda")
        verbose_name_plural = _("Pemda")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:pemda", kwargs={"pemda_slug": self.slug})


class PerangkatDaerahQuerySet(ScopedQuerySet):
    pass


class PerangkatDaerah(models.Model):
    """A regional apparatus (OPD): dinas, badan, kecamatan, RSUD and the like."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Secretariat")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        INSPEKTORAT = "inspektorat", _("Inspectorate")
        KANTOR = "kantor", _("Kantor")
        SATPOL = "satpol", _("Satuan Polisi Pamong Praja")
        RSUD = "rsud", _("Regional hospital (RSUD)")
        KECAMATAN = "kecamatan", _("Kecamatan")

    pemda = models.ForeignKey(
        Pemda, verbose_name=_("Pemda"), on_delete=models.CASCADE, related_name="opds"
    )
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    head_name = models.CharField(_("head"), max_length=150, blank=True)
    head_nip = models.CharField(
        _("head's NIP"), max_length=18, blank=True, validators=[validate_nip]
    )

    objects = PerangkatDaerahQuerySet.as_manager()
    scope_area = Area.ORGANISATION
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "pk", Level.UNIT: "units__id"}

    class Meta:
        verbose_name = _("Perangkat Daerah")
        verbose_name_plural = _("Perangkat Daerah")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "code"], name="opd_code_per_pemda")
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class UnitQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class Unit(models.Model):
    """A service unit (Unit Penyelenggara Pelayanan): an office, a puskesmas, a booth."""

    class Kind(models.TextChoices):
        KANTOR = "kantor", _("Office")
        LOKET = "loket", _("Counter")
        PUSKESMAS = "puskesmas", _("Puskesmas")
        RUMAH_SAKIT = "rumah_sakit", _("Hospital")
        KELURAHAN = "kelurahan", _("Kelurahan office")
        KECAMATAN = "kecamatan", _("Kecamatan office")
        MPP = "mpp", _("Mal Pelayanan Publik booth")
        UPT = "upt", _("Technical unit (UPT)")
        SEKOLAH = "sekolah", _("School")

    pemda = models.ForeignKey(
        Pemda, verbose_name=_("Pemda"), on_delete=models.CASCADE, related_name="units"
    )
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    head_name = models.CharField(_("head"), max_length=150, blank=True)
    head_title = models.CharField(_("head's title"), max_length=150, blank=True)
    head_nip = models.CharField(
        _("head's NIP"), max_length=18, blank=True, validators=[validate_nip]
    )
    active = models.BooleanField(_("active"), default=True)

    objects = UnitQuerySet.as_manager()
    scope_area = Area.ORGANISATION
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "opd", Level.UNIT: "pk"}

    class Meta:
        verbose_name = _("service unit")
        verbose_name_plural = _("service units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "code"], name="unit_code_per_pemda"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "portal:unit-detail", kwargs={"pemda_slug": self.pemda.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        if self.opd_id and self.pemda_id and self.opd.pemda_id != self.pemda_id:
            raise ValidationError(
                {"opd": _("The Perangkat Daerah belongs to another Pemda.")}
            )


class LayananQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True, unit__active=True)

    def search(self, text: str):
        """Return services whose name, description, unit or OPD mention every word."""
        qs = self
        for word in text.split()[:8]:
            qs = qs.filter(
                models.Q(name__icontains=word)
                | models.Q(description__icontains=word)
                | models.Q(unit__name__icontains=word)
                | models.Q(unit__opd__name__icontains=word)
                | models.Q(unit__opd__short_name__icontains=word)
            )
        return qs


class Layanan(models.Model):
    """A service citizens receive from a unit, such as issuing an e-KTP."""

    pemda = models.ForeignKey(
        Pemda, verbose_name=_("Pemda"), on_delete=models.CASCADE, related_name="layanan"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="layanan",
    )
    code = models.CharField(
        _("code"),
        max_length=30,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                _("Use letters, digits, dots, dashes or underscores only."),
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LayananQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "unit__opd", Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "code"], name="layanan_code_per_pemda"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "portal:service-detail",
            kwargs={"pemda_slug": self.pemda.slug, "pk": self.pk},
        )

    def clean(self) -> None:
        if self.unit_id and self.pemda_id and self.unit.pemda_id != self.pemda_id:
            raise ValidationError({"unit": _("The unit belongs to another Pemda.")})


def _opd_staff(opd_id: int) -> models.Q:
    """Select the memberships held on the OPD itself or on one of its units."""
    return models.Q(opd_id=opd_id) | models.Q(unit__opd_id=opd_id)


class MembershipQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class Membership(models.Model):
    """A role a user holds over a Pemda, an OPD or a unit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    pemda = models.ForeignKey(
        Pemda,
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    opd = models.ForeignKey(
        PerangkatDaerah,
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("service unit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()
    scope_area = Area.USERS
    # A unit's memberships name the unit only, so an OPD reaches them through it.
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: _opd_staff, Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["pemda", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.scope_object}"

    @property
    def level(self) -> str:
        if self.unit_id:
            return Level.UNIT
        if self.opd_id:
            return Level.OPD
        return Level.PEMDA

    @property
    def target_id(self) -> int:
        return {Level.UNIT: self.unit_id, Level.OPD: self.opd_id}.get(
            self.level, self.pemda_id
        )

    @property
    def scope_object(self):
        return self.unit or self.opd or self.pemda

    def clean(self) -> None:
        errors = {}
        allowed = ROLE_LEVELS.get(self.role, frozenset())
        if self.role and self.level not in allowed:
            errors["role"] = _("This role is scoped to: %(levels)s.") % {
                "levels": ", ".join(str(Level(lv).label) for lv in sorted(allowed))
            }
        if self.opd_id and self.pemda_id and self.opd.pemda_id != self.pemda_id:
            errors["opd"] = _("The Perangkat Daerah belongs to another Pemda.")
        if self.unit_id and self.pemda_id and self.unit.pemda_id != self.pemda_id:
            errors["unit"] = _("The unit belongs to another Pemda.")
        if self.unit_id and self.opd_id and self.unit.opd_id != self.opd_id:
            errors["unit"] = _("The unit belongs to another Perangkat Daerah.")
        if errors:
            raise ValidationError(errors)


class MemberEventQuerySet(models.QuerySet):
    def shown_to(self, user, member):
        """Return ``member``'s history as ``user`` may read it: the changes of roles
        ``user`` sees, and the changes of the account itself."""
        return (
            self.filter(member=member)
            .filter(
                models.Q(membership__in=Membership.objects.visible_to(user))
                | models.Q(action__in=MemberEvent.ACCOUNT_ACTIONS)
            )
            .select_related("actor")
            .order_by("-at", "-pk")
        )


class MemberEvent(models.Model):
    """One change of a staff member's account or roles: who made it, when, and what.

    Rows are written by ``prima.organisations.people_services`` and never
    changed. The role and its scope are copied as text so a row still reads the
    same if its membership is removed in the platform admin.
    """

    class Action(models.TextChoices):
        INVITED = "invited", _("Invited")
        ROLE_ADDED = "role_added", _("Role given")
        ROLE_ENDED = "role_ended", _("Role ended")
        DEACTIVATED = "deactivated", _("Account deactivated")
        REACTIVATED = "reactivated", _("Account reactivated")
        UNLOCKED = "unlocked", _("Login unlocked")

    ACCOUNT_ACTIONS = (Action.DEACTIVATED, Action.REACTIVATED, Action.UNLOCKED)

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    action = models.CharField(_("change"), max_length=20, choices=Action.choices)
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    scope = models.CharField(_("scope"), max_length=250, blank=True)

    objects = MemberEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff change")
        verbose_name_plural = _("staff changes")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.member} {self.get_action_display()}"


class Letterhead(models.Model):
    """What a Pemda's official documents carry: the letterhead (kop surat) lines and
    logo, the official who signs the Pemda's reports, and the SKM's implementing
    team and schedule."""

    pemda = models.OneToOneField(
        Pemda,
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="letterhead",
    )
    lines = models.TextField(
        _("letterhead lines"),
        blank=True,
        help_text=_(
            "One line each, e.g. PEMERINTAH KOTA …, SEKRETARIAT DAERAH, the address."
        ),
    )
    logo = models.FileField(_("logo"), upload_to="kop/", blank=True)
    signatory_name = models.CharField(_("signing official"), max_length=150, blank=True)
    signatory_title = models.CharField(
        _("official's title"), max_length=150, blank=True
    )
    signatory_nip = models.CharField(
        _("official's NIP"), max_length=18, blank=True, validators=[validate_nip]
    )
    team = models.TextField(
        _("SKM implementing team"),
        blank=True,
        help_text=_("One member per line, e.g. Ketua: name."),
    )
    schedule = models.TextField(
        _("SKM schedule"),
        blank=True,
        help_text=_("One step per line, e.g. Persiapan: January."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")

    def __str__(self) -> str:
        return str(self.pemda)

    @property
    def line_list(self) -> list[str]:
        return [line.strip() for line in self.lines.splitlines() if line.strip()]

    @property
    def team_list(self) -> list[str]:
        return [line.strip() for line in self.team.splitlines() if line.strip()]

    @property
    def schedule_list(self) -> list[str]:
        return [line.strip() for line in self.schedule.splitlines() if line.strip()]
