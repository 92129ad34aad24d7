"""A piece of long work a staff member started (a large export): its progress, and
the file to download when it is done. The task queue runs it (``tasks.py``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Kind(models.TextChoices):
        SKM_ANSWERS = "skm_answers", _("SKM answers of a Pemda and year (CSV)")
        COMPLAINTS = "complaints", _("Complaints of a Pemda and year (CSV)")
        SKM_IMPORT = "skm_import", _("Paper forms imported into a unit's SKM")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    pemda = models.ForeignKey(
        "organisations.Pemda", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("rows to write"), default=0)
    done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to="exports/", blank=True)
    filename = models.CharField(_("file name"), max_length=120, blank=True)
    # An import: the unit, the uploaded file (removed once read) and what it did.
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    source = models.FileField(_("uploaded file"), upload_to="imports/", blank=True)
    imported = models.PositiveIntegerField(_("forms imported"), default=0)
    already = models.PositiveIntegerField(_("forms imported before"), default=0)
    problems = models.JSONField(_("bad cells"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        if self.kind == self.Kind.SKM_IMPORT:
            return f"{self.get_kind_display()} · {self.unit} · {self.filename}"
        return f"{self.get_kind_display()} · {self.pemda} {self.year}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return 100 * self.done // self.total if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
