"""Tests of the locked score sheet and its audited change, on a sheet made up here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps

from prima.core.sheets import LockedSheet, ScoreChangeBase, change_scores

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def sheet_models(transactional_db):
    """A concrete sheet and change model on tables of their own, dropped afterwards."""
    with isolate_apps("prima.core"):

        class Person(models.Model):
            name = models.CharField(max_length=20)

            def __str__(self) -> str:
                return self.name

        class Sheet(LockedSheet):
            final = models.BooleanField(default=False)

        class Change(ScoreChangeBase):
            # The audit's author, as a stand-in: the isolated models cannot point
            # to the installed user model.
            changed_by = models.ForeignKey(
                Person, on_delete=models.PROTECT, related_name="+"
            )
            sheet = models.ForeignKey(
                Sheet, on_delete=models.CASCADE, related_name="changes"
            )

        made = (Person, Sheet, Change)
        with connection.schema_editor() as editor:
            for model in made:
                editor.create_model(model)
        try:
            yield made
        finally:
            with connection.schema_editor() as editor:
                for model in reversed(made):
                    editor.delete_model(model)


@pytest.fixture
def sheet(sheet_models):
    person_model, sheet_model, _change = sheet_models
    return sheet_model.objects.create(scores={"a": 7, "b": 8}, submitted_at=T0)


@pytest.fixture
def person(sheet_models):
    return sheet_models[0].objects.create(name="Juri")


def test_a_change_replaces_the_scores_and_records_it(sheet, person):
    """The sheet holds the new scores; the change row who, why, before and after."""
    change = change_scores(
        sheet, scores={"a": 9, "b": 8}, by=person, reason="  Salah ketik  "
    )
    sheet.refresh_from_db()
    assert sheet.scores == {"a": 9, "b": 8}
    assert (change.before, change.after) == ({"a": 7, "b": 8}, {"a": 9, "b": 8})
    assert (change.changed_by, change.reason) == (person, "Salah ketik")
    assert change.changed_at is not None
    assert list(sheet.changes.all()) == [change]


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_blank_reason_is_refused_on_the_reason(sheet, person, reason):
    """Without a reason nothing changes, and the error names the reason."""
    with pytest.raises(ValidationError) as raised:
        change_scores(sheet, scores={"a": 9, "b": 8}, by=person, reason=reason)
    assert set(raised.value.message_dict) == {"reason"}
    sheet.refresh_from_db()
    assert sheet.scores == {"a": 7, "b": 8}
    assert not sheet.changes.exists()


def test_the_same_scores_are_refused(sheet, person):
    """A change that changes nothing is refused and leaves no audit row."""
    with pytest.raises(ValidationError):
        change_scores(sheet, scores={"b": 8, "a": 7}, by=person, reason="Cek ulang")
    assert not sheet.changes.exists()


def test_check_sees_the_row_as_stored_not_as_passed(sheet, person):
    """``check`` runs on the sheet re-read under the lock: a sheet made final since
    it was read is refused although the caller's copy says otherwise."""
    type(sheet).objects.filter(pk=sheet.pk).update(final=True)
    seen = []

    def check(locked):
        seen.append(locked.final)
        if locked.final:
            raise PermissionDenied

    with pytest.raises(PermissionDenied):
        change_scores(
            sheet, scores={"a": 9, "b": 8}, by=person, reason="Terlambat", check=check
        )
    assert seen == [True] and sheet.final is False
    assert not sheet.changes.exists()


def test_clean_decides_the_stored_scores_after_the_reason(sheet, person):
    """``clean`` turns the given scores into the stored ones, or refuses them; a
    missing reason is reported first."""

    def clean(locked, scores):
        if any(not 1 <= v <= 10 for v in scores.values()):
            raise ValidationError({"a": "off the scale"})
        return {k: int(v) for k, v in sorted(scores.items())}

    with pytest.raises(ValidationError) as raised:
        change_scores(
            sheet, scores={"a": 11, "b": 8}, by=person, reason="", clean=clean
        )
    assert set(raised.value.message_dict) == {"reason"}
    with pytest.raises(ValidationError) as raised:
        change_scores(
            sheet, scores={"a": 11, "b": 8}, by=person, reason="Naik", clean=clean
        )
    assert set(raised.value.message_dict) == {"a"}
    change = change_scores(
        sheet, scores={"b": 8.0, "a": 9.0}, by=person, reason="Naik", clean=clean
    )
    assert change.after == {"a": 9, "b": 8}
