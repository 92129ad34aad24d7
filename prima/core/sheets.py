"""Score sheets that lock when submitted, and the audited change of a locked one.

A competition juri scores a proposal once, and so will a PEKPPP evaluator score a
unit: the submitted scores are final unless someone changes them with a reason, and
every change keeps who made it, when, why, and the scores before and after. The two
abstract models hold those fields; ``change_scores`` is the one way to change a
sheet. What may be changed when, and what valid scores are, is the instrument's
own rule, passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class LockedSheet(models.Model):
    """Scores, ``{item: score}``, locked from ``submitted_at`` on.

    A concrete sheet's change model (``ScoreChangeBase``) points to it with
    ``related_name="changes"``.
    """

    scores = models.JSONField(gettext_lazy("scores"))
    submitted_at = models.DateTimeField(gettext_lazy("submitted at"))

    class Meta:
        abstract = True


class ScoreChangeBase(models.Model):
    """One audited change of a locked sheet: who, when, why, before and after.

    The concrete model adds ``sheet``, a foreign key with ``related_name="changes"``.
    """

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(gettext_lazy("reason"))
    before = models.JSONField()
    after = models.JSONField()

    class Meta:
        abstract = True


Sheet = TypeVar("Sheet", bound=LockedSheet)


def _no_check(sheet: Any) -> None:
    return None


def _as_given(sheet: Any, scores: Mapping[str, Any]) -> dict[str, Any]:
    return dict(scores)


@transaction.atomic
def change_scores(
    sheet: Sheet,
    *,
    scores: Mapping[str, Any],
    by,
    reason: str,
    rows: models.QuerySet[Sheet] | None = None,
    check: Callable[[Sheet], None] = _no_check,
    clean: Callable[[Sheet, Mapping[str, Any]], dict[str, Any]] = _as_given,
) -> ScoreChangeBase:
    """Replace the scores of a locked sheet and record the change.

    The sheet is re-read under a row lock from ``rows`` (which must lock, e.g.
    ``select_for_update(of=...)`` with the rows whose state ``check`` reads; the
    sheet's own rows by default), so two changes or a change and a closing step
    cannot interleave. ``check(sheet)`` then raises when ``by`` may not change it
    now. A blank reason is refused on ``reason``; ``clean(sheet, scores)`` returns
    the valid new scores or raises ValidationError; scores equal to the locked ones
    are refused, since a change that changes nothing would only blur the trail.
    """
    rows = (
        rows if rows is not None else type(sheet)._default_manager.select_for_update()
    )
    sheet = rows.get(pk=sheet.pk)
    check(sheet)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the scores change.")})
    after = clean(sheet, scores)
    before = dict(sheet.scores)
    if after == before:
        raise ValidationError(_("The new scores are the same as the locked ones."))
    sheet.scores = after
    sheet.save(update_fields=["scores"])
    return sheet.changes.create(  # type: ignore[attr-defined]
        changed_by=by, reason=reason, before=before, after=after
    )
