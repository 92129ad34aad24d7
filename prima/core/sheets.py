"""Score sheets that lock when submitted and change only with an audit row.

A juri's sheet in a competition and an evaluator's sheet in a unit evaluation follow
the same rule: the scores are stored once and are then final; a correction names its
reason and leaves a row with who changed what, when, and the scores before and
after, so a published ranking can be traced back. The concrete models add the key
of what is scored (an assignment, an evaluation) and their own verbose names; the
service of the owning app locks the sheet's row (and whatever closes its round)
before calling ``sheet_submit_once`` or ``sheet_change_audited``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class LockedSheet(models.Model):
    """Scores per criterion, final once submitted."""

    # {criterion: score}; the owning app's pure rules say which criteria and scale.
    scores = models.JSONField(gettext_lazy("scores"))
    comment = models.TextField(gettext_lazy("comment"), blank=True)
    submitted_at = models.DateTimeField(gettext_lazy("submitted at"))

    class Meta:
        abstract = True


class SheetChange(models.Model):
    """One audited change of a locked sheet. The subclass adds ``sheet``, the key to
    its sheet model, with ``related_name="changes"``."""

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(gettext_lazy("reason"))
    before = models.JSONField()
    after = models.JSONField()

    class Meta:
        abstract = True
        ordering = ["changed_at"]


Sheet = TypeVar("Sheet", bound=LockedSheet)
Change = TypeVar("Change", bound=SheetChange)


def sheet_submit_once(
    model: type[Sheet],
    *,
    key: Mapping[str, Any],
    scores: Mapping[str, Any],
    submitted_at: datetime,
    comment: str = "",
) -> Sheet:
    """Store the sheet scored under ``key`` (its assignment), refusing a second one.

    The caller holds a lock on the row ``key`` names, so two submissions cannot both
    pass the check.
    """
    if model._default_manager.filter(**key).exists():
        raise ValidationError(
            _("The scores were already submitted and are locked; request a change.")
        )
    return model._default_manager.create(
        **key, scores=dict(scores), comment=comment, submitted_at=submitted_at
    )


def sheet_change_audited(
    sheet: LockedSheet,
    *,
    scores: Mapping[str, Any],
    by: Any,
    reason: str,
    audit: type[Change],
    clean: Callable[[Mapping[str, Any]], dict[str, Any]] = dict,
) -> Change:
    """Replace the locked scores of ``sheet`` (row-locked by the caller) and record
    the change in ``audit``: the reason is required, and scores equal to the locked
    ones are refused, so every audit row is a real change. ``clean`` validates the
    new scores against the owning app's rules (raising ``ValidationError``)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the scores change.")})
    after = clean(scores)
    before = dict(sheet.scores)
    if after == before:
        raise ValidationError(_("The new scores are the same as the locked ones."))
    sheet.scores = after
    sheet.save(update_fields=["scores"])
    return audit._default_manager.create(
        sheet=sheet, changed_by=by, reason=reason, before=before, after=after
    )
