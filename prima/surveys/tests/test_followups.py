"""Tests of the RTL services and the population declaration."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prima.core.periods import parse_key
from prima.surveys.followups import (
    followup_create,
    followup_unsur_choices,
    followup_update,
    population_declare,
)
from prima.surveys.ikm import CODE_ORDER, Unsur
from prima.surveys.models import FollowUp, Population

pytestmark = pytest.mark.django_db

PERIOD = parse_key("2026-T2")
TODAY = date(2026, 7, 15)


def make_item(org, **kwargs):
    values = {
        "unit": org.unit,
        "period": PERIOD,
        "unsur": "U3",
        "action": "  Tambah petugas loket  ",
        "due_on": date(2026, 9, 30),
        "responsible": "Kepala Unit",
    }
    return followup_create(**{**values, **kwargs})


def test_unsur_choices_are_the_weak_ones_or_all_nine():
    """The RTL addresses the weak unsur, or any of the nine when none is weak."""
    assert followup_unsur_choices((Unsur.U3, Unsur.U1)) == [Unsur.U3, Unsur.U1]
    assert followup_unsur_choices(()) == list(CODE_ORDER)


def test_create_stores_the_period_and_pemda(org):
    """A new RTL item belongs to the unit's Pemda and the chosen period, planned."""
    item = make_item(org)
    assert (item.pemda_id, item.period_start, item.period_end) == (
        org.pemda.pk,
        date(2026, 4, 1),
        date(2026, 6, 30),
    )
    assert item.status == FollowUp.Status.PLANNED
    assert item.action == "Tambah petugas loket"


def test_create_refuses_unknown_unsur_and_early_due_date(org):
    """An unknown unsur or a due date before the period is refused and nothing stored."""
    with pytest.raises(ValidationError):
        make_item(org, unsur="U10")
    with pytest.raises(ValidationError) as exc:
        make_item(org, due_on=date(2026, 3, 1))
    assert "due_on" in exc.value.error_dict
    assert FollowUp.objects.count() == 0


def test_done_requires_a_completion_date_not_in_the_future(org):
    """Marking an item done needs a completion date, and not a future one."""
    item = make_item(org)
    with pytest.raises(ValidationError) as exc:
        followup_update(followup=item, status="done", today=TODAY)
    assert "completed_on" in exc.value.error_dict
    with pytest.raises(ValidationError):
        followup_update(
            followup=item, status="done", completed_on=date(2026, 7, 16), today=TODAY
        )
    item.refresh_from_db()
    assert item.status == FollowUp.Status.PLANNED
    followup_update(
        followup=item,
        status="done",
        completed_on=TODAY,
        note="Dua petugas ditambah",
        today=TODAY,
    )
    item.refresh_from_db()
    assert (item.status, item.completed_on, item.note) == (
        "done",
        TODAY,
        "Dua petugas ditambah",
    )


def test_reopening_clears_the_completion_date(org):
    """An item moved back to in progress loses its completion date."""
    item = make_item(org)
    followup_update(followup=item, status="done", completed_on=TODAY, today=TODAY)
    followup_update(followup=item, status="in_progress", completed_on=TODAY)
    item.refresh_from_db()
    assert (item.status, item.completed_on) == ("in_progress", None)


def test_population_declare_upserts(org, users):
    """Declaring the population twice for one period keeps one row with the last N."""
    population_declare(unit=org.unit, period=PERIOD, population=500)
    population_declare(
        unit=org.unit, period=PERIOD, population=1000, declared_by=users["admin_pemda"]
    )
    declared = Population.objects.get(unit=org.unit)
    assert (declared.population, declared.declared_by) == (1000, users["admin_pemda"])
    assert (declared.period_start, declared.period_end) == (PERIOD.start, PERIOD.end)


def test_an_open_item_past_its_date_is_overdue_on_the_staff_list(org, settings):
    """Past its date and not done: overdue, and the staff list says so."""
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    item = make_item(org, due_on=date(2026, 9, 30))
    today = timezone.localdate()
    item.due_on = today.replace(year=today.year - 1)
    item.save()
    assert item.overdue
    with translation.override("id"):
        page = render_to_string("surveys/staff/_followups.html", {"items": [item]})
    assert "Terlambat" in page
    item.status = FollowUp.Status.DONE
    item.completed_on = today
    assert not item.overdue
    item.status = FollowUp.Status.PLANNED
    item.due_on = today
    assert not item.overdue
