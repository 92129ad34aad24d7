"""The locked-sheet rules that refuse a change before anything is written.

The stored path (a change saved with its audit row) is exercised through the
competitions' juri sheets, which are built on these bases.
"""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from prima.core.sheets import sheet_change_audited


class _NoAudit:
    """An audit model that must not be reached."""

    class _default_manager:  # noqa: N801 - stands in for a model's manager
        @staticmethod
        def create(**kwargs):
            raise AssertionError("no audit row may be written")


def _sheet(scores):
    def save(**kwargs):
        raise AssertionError("the sheet must not be saved")

    return SimpleNamespace(scores=scores, save=save)


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_change_without_a_reason_is_refused_on_the_reason_field(reason):
    with pytest.raises(ValidationError) as refused:
        sheet_change_audited(
            _sheet({"a": 5}), scores={"a": 6}, by=None, reason=reason, audit=_NoAudit
        )
    assert list(refused.value.message_dict) == ["reason"]


def test_scores_equal_to_the_locked_ones_are_no_change():
    with pytest.raises(ValidationError, match="same as the locked"):
        sheet_change_audited(
            _sheet({"a": 5, "b": 7}),
            scores={"b": 7, "a": 5},
            by=None,
            reason="typo",
            audit=_NoAudit,
        )


def test_the_owning_apps_check_runs_before_anything_is_written():
    def clean(scores):
        raise ValidationError({"a": "off the scale"})

    with pytest.raises(ValidationError) as refused:
        sheet_change_audited(
            _sheet({"a": 5}),
            scores={"a": 99},
            by=None,
            reason="typo",
            audit=_NoAudit,
            clean=clean,
        )
    assert refused.value.message_dict == {"a": ["off the scale"]}
