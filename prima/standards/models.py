from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prima.core.roles import Area, Level
from prima.core.scoping import ScopedQuerySet
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


class StandarQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=StandarPelayanan.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=StandarPelayanan.Status.DRAFT)


class StandarPelayanan(models.Model):
    """One version of a service's Standar Pelayanan (PermenPANRB 15/2014)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="standards",
    )
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

    def get_absolute_url(self) -> str:
        return reverse("standards:version-detail", kwargs={"pk": self.pk})

    def component_values(self) -> dict[str, object]:
        """Return each component's value in the form the pure rules understand."""
        values: dict[str, object] = {
            c.key: getattr(self, c.key, None) for c in sp.COMPONENTS
        }
        values["jangka_waktu"] = sp.Duration(
            self.jangka_waktu_value, self.jangka_waktu_unit
        )
        values["biaya"] = sp.Cost(self.biaya_tarif, self.biaya_dasar_hukum)
        return values

    def missing_components(self) -> list[tuple[int, str]]:
        """Return (number, label) of every component still empty, in regulation order."""
        return [
            (c.number, COMPONENT_LABELS[c.key])
            for c in sp.missing_components(self.component_values())
        ]

    def missing_public_components(self) -> list[tuple[int, str]]:
        return [
            (c.number, COMPONENT_LABELS[c.key])
            for c in sp.missing_components(self.component_values(), sp.SERVICE_DELIVERY)
        ]

    @property
    def is_complete(self) -> bool:
        return sp.is_complete(self.component_values())

    @property
    def is_free(self) -> bool:
        return self.biaya_tarif == 0

    def procedure_steps(self) -> list[str]:
        return [line.strip() for line in self.prosedur.splitlines() if line.strip()]

    def requirement_items(self) -> list[str]:
        return [line.strip() for line in self.persyaratan.splitlines() if line.strip()]

    def last_reviewed(self) -> date | None:
        return self.reviewed_on or self.decree_date

    def is_review_overdue(self, today: date) -> bool:
        return sp.is_review_overdue(self.last_reviewed(), today)

    def participant_labels(self) -> list[str]:
        return [str(Participant(p).label) for p in self.drafting_participants]

    def publication_labels(self) -> list[str]:
        return [str(PublicationMedium(m).label) for m in self.publication_media]


class MaklumatQuerySet(ScopedQuerySet):
    pass


DEFAULT_MAKLUMAT_TEXT = (
    "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
    "pelayanan yang telah ditetapkan, memberikan pelayanan sesuai kewajiban dan akan "
    "melakukan perbaikan secara terus-menerus, dan apabila tidak menepati janji ini, "
    "kami siap menerima sanksi dan/atau memberikan kompensasi sesuai peraturan "
    "perundang-undangan yang berlaku."
)


class Maklumat(models.Model):
    """A unit's signed public service declaration (Maklumat Pelayanan)."""

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="maklumat",
    )
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

    objects = MaklumatQuerySet.as_manager()
    scope_area = Area.CATALOG
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "unit__opd", Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("service declaration (maklumat)")
        verbose_name_plural = _("service declarations (maklumat)")

    def __str__(self) -> str:
        return _("Maklumat of %(unit)s") % {"unit": self.unit}

    @property
    def is_set(self) -> bool:
        """Return whether the declaration is formally signed (signatory and date)."""
        return bool(
            self.text.strip() and self.signatory_name.strip() and self.signed_on
        )

    @property
    def is_published(self) -> bool:
        return self.published_printed or self.published_electronic
