"""Innovations of a Pemda (One Agency One Innovation), their evidence and lineage.

The rules are in ``../shared/domain/inovasi.md``; the pure impact arithmetic lives
in ``impact.py``. Competitions are the ``prima.competitions`` app's.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prima.core.roles import VIEW, Area, Level
from prima.core.scoping import ScopedQuerySet, reach_q
from prima.surveys.models import UNSUR_CHOICES


class Stage(models.TextChoices):
    IDE = "ide", _("Idea")
    UJI_COBA = "uji_coba", _("Trial")
    DITERAPKAN = "diterapkan", _("Applied")
    DIREPLIKASI = "direplikasi", _("Replicated elsewhere")


APPLIED_STAGES = (Stage.DITERAPKAN, Stage.DIREPLIKASI)


class Group(models.TextChoices):
    UMUM = "umum", _("General")
    REPLIKASI = "replikasi", _("Replication")
    KHUSUS = "khusus", _("Special (an earlier winner developed further)")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft (visible to the OPD only)")
    PUBLISHED = "published", _("Published")


class Sector(models.TextChoices):
    ADMINISTRASI_KEPENDUDUKAN = "adminduk", _("Population administration")
    KESEHATAN = "kesehatan", _("Health")
    PENDIDIKAN = "pendidikan", _("Education")
    PERIZINAN = "perizinan", _("Licensing and investment")
    SOSIAL = "sosial", _("Social welfare")
    EKONOMI = "ekonomi", _("Economy, trade and SMEs")
    LINGKUNGAN = "lingkungan", _("Environment")
    INFRASTRUKTUR = "infrastruktur", _("Infrastructure and transport")
    TATA_KELOLA = "tata_kelola", _("Governance and public information")
    KETERTIBAN = "ketertiban", _("Public order and safety")
    LAINNYA = "lainnya", _("Other")


# The proposal sections of each group (inovasi.md, "Proposal sections"), as model
# field names in the order the proposal shows them.
SECTIONS: dict[str, tuple[str, ...]] = {
    Group.UMUM: (
        "ringkasan",
        "latar_belakang",
        "kebaruan",
        "implementasi",
        "signifikansi",
        "adaptabilitas",
        "sumber_daya",
        "keberlanjutan",
    ),
    Group.REPLIKASI: (
        "ringkasan",
        "latar_belakang",
        "kebaruan",
        "implementasi",
        "signifikansi",
        "adaptabilitas",
        "sumber_daya",
        "keberlanjutan",
        "inspirasi",
        "proses_replikasi",
        "faktor_pembeda",
    ),
    Group.KHUSUS: (
        "ringkasan",
        "deskripsi_awal",
        "pembaruan",
        "dampak",
        "adaptabilitas",
        "sumber_daya",
        "keberlanjutan",
    ),
}


def _section(label) -> models.TextField:
    return models.TextField(label, blank=True)


class InnovationQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def applied(self):
        return self.filter(stage__in=APPLIED_STAGES, applied_on__isnull=False)

    def scoped(self, user, action: str = VIEW, area: str | None = None):
        """Rows in the user's scope, where a draft stays private to its OPD.

        OPD- and unit-level grants reach their own drafts; Pemda-level grants reach
        the Pemda's published innovations, and the drafts the Pemda recorded itself
        (innovations of other regions, which belong to no OPD).
        """
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        lookups = {
            Level.PEMDA: lambda pemda_id: (
                Q(pemda_id=pemda_id)
                & (Q(status=Status.PUBLISHED) | Q(opd__isnull=True))
            ),
            Level.OPD: "opd_id",
            Level.UNIT: "unit_id",
        }
        return self.filter(
            reach_q(user, lookups, area=area or self.model.scope_area, action=action)
        )


class Innovation(models.Model):
    """An innovation of an OPD or one of its units, or one recorded from another region."""

    pemda = models.ForeignKey(
        "organisations.Pemda",
        verbose_name=_("Pemda"),
        on_delete=models.CASCADE,
        related_name="innovations",
    )
    # Empty for an innovation the Pemda recorded from another region (benchmarking).
    opd = models.ForeignKey(
        "organisations.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        related_name="innovations",
        null=True,
        blank=True,
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        related_name="innovations",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    group = models.CharField(
        _("proposal group"), max_length=10, choices=Group.choices, default=Group.UMUM
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.IDE
    )
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    started_on = models.DateField(_("start date"), null=True, blank=True)
    applied_on = models.DateField(
        _("applied since"),
        null=True,
        blank=True,
        help_text=_("Required once applied: the measured impact starts here."),
    )
    layanan = models.ManyToManyField(
        "organisations.Layanan",
        verbose_name=_("services it changes"),
        related_name="innovations",
        blank=True,
    )

    ringkasan = _section(_("summary"))
    latar_belakang = _section(_("background and goals (the problem)"))
    kebaruan = _section(_("novelty and added value"))
    implementasi = _section(_("implementation"))
    signifikansi = _section(_("significance (results, with numbers)"))
    adaptabilitas = _section(_("adaptability"))
    sumber_daya = _section(_("resources"))
    keberlanjutan = _section(_("sustainability strategy"))
    inspirasi = _section(_("inspiration (the original innovation)"))
    proses_replikasi = _section(_("replication process"))
    faktor_pembeda = _section(_("what was modified"))
    deskripsi_awal = _section(_("the original innovation"))
    pembaruan = _section(_("renewal and improvement"))
    dampak = _section(_("impact"))
    video_url = models.URLField(_("video link"), blank=True)

    origin = models.ForeignKey(
        "self",
        verbose_name=_("replicated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replications",
    )
    # Set for an innovation recorded from another region, e.g. after a benchmarking
    # visit: who runs the original.
    origin_region = models.CharField(_("region of origin"), max_length=150, blank=True)
    origin_agency = models.CharField(_("agency of origin"), max_length=200, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = InnovationQuerySet.as_manager()
    scope_area = Area.INNOVATION
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "opd", Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["pemda", "status"]),
            models.Index(fields=["stage", "applied_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("innovations:public_detail", kwargs={"pk": self.pk})

    @property
    def is_external(self) -> bool:
        """Whether the Pemda recorded this innovation from another region."""
        return self.opd_id is None

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def sections(self) -> list[tuple[str, str]]:
        """Return (label, text) of the group's proposal sections, in order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SECTIONS[self.group]
        ]

    def target_codes(self) -> list[str]:
        return [t.unsur for t in self.targets.all()]


class TargetUnsur(models.Model):
    """An SKM unsur an innovation sets out to improve."""

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="targets"
    )
    unsur = models.CharField(_("unsur"), max_length=2, choices=UNSUR_CHOICES)

    class Meta:
        verbose_name = _("targeted unsur")
        verbose_name_plural = _("targeted unsur")
        ordering = ["unsur"]
        constraints = [
            models.UniqueConstraint(
                fields=["innovation", "unsur"], name="one_target_per_unsur"
            )
        ]

    def __str__(self) -> str:
        return self.unsur


class EvidenceQuerySet(ScopedQuerySet):
    def scoped(self, user, action: str = VIEW, area: str | None = None):
        """Evidence follows its innovation, so a draft's files stay private too."""
        return self.filter(
            innovation__in=Innovation.objects.scoped(user, action, area).values("pk")
        )


class Evidence(models.Model):
    """A document or photo proving an innovation runs; stored outside the web root."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        PHOTO = "photo", _("Photo")

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="innovations/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=60)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()
    scope_area = Area.INNOVATION
    scope_lookups = {
        Level.PEMDA: "innovation__pemda",
        Level.OPD: "innovation__opd",
        Level.UNIT: "innovation__unit",
    }

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
