"""Tests of the staff workflow's reads: work list order and filters, identity rule."""

import uuid
from datetime import UTC, date, datetime

import pytest

from prima.complaints.models import Case, Privacy
from prima.complaints.selectors import (
    assignable_units,
    can_bulk_assign,
    case_deadlines,
    case_identity_visible,
    missed_deadline,
    my_units_q,
    worklist,
)
from prima.complaints.services import case_assign, case_submit

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


def submit(org, *, unit=None, now=MONDAY, **kwargs):
    case, _ = case_submit(
        pemda=org.pemda,
        kind=kwargs.pop("kind", "pengaduan"),
        subject=kwargs.pop("subject", "Antrean lama"),
        description="Menunggu tiga jam.",
        submission_key=uuid.uuid4(),
        unit=unit if unit is not None else org.unit,
        contact_name="Siti",
        contact_email="siti@example.test",
        now=now,
        **kwargs,
    )
    return case


def test_worklist_lists_overdue_first_then_by_deadline(org, users):
    """Overdue cases come first, then the nearest deadline."""
    late = submit(org, now=datetime(2026, 2, 2, 3, 0, tzinfo=UTC), subject="late")
    later_due = submit(org, now=datetime(2026, 3, 4, 3, 0, tzinfo=UTC), subject="b")
    sooner_due = submit(org, now=MONDAY, subject="a")
    rows = list(worklist(users["admin_pemda"], today=date(2026, 3, 3)))
    assert rows == [late, sooner_due, later_due]
    assert rows[0].is_overdue and not rows[1].is_overdue
    assert rows[1].deadline == date(2026, 3, 5)


def test_worklist_filters_by_status_kind_unit_period_and_mine(org, users):
    """Each filter narrows the list to the matching cases."""
    mine = submit(org, kind="saran")
    sibling = submit(org, unit=org.sibling_unit, now=datetime(2026, 3, 9, tzinfo=UTC))
    other = submit(org, unit=org.other_opd_unit)
    case_assign(case=other, actor=None, unit=org.other_opd_unit)
    admin = users["admin_pemda"]
    today = date(2026, 3, 3)
    assert list(worklist(admin, today=today, filters={"status": "assigned"})) == [other]
    assert list(worklist(admin, today=today, filters={"kind": "saran"})) == [mine]
    assert list(worklist(admin, today=today, filters={"unit": org.sibling_unit})) == [
        sibling
    ]
    assert list(
        worklist(admin, today=today, filters={"received_from": date(2026, 3, 5)})
    ) == [sibling]
    operator = users["operator_unit"]
    assert list(worklist(operator, today=today, filters={"mine": True})) == [mine]


def test_worklist_is_scoped_to_the_user(org, users):
    """A unit operator does not see another unit's cases; an unassigned one neither."""
    own = submit(org)
    submit(org, unit=org.sibling_unit)
    case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="x",
        description="y",
        submission_key=uuid.uuid4(),
    )
    assert list(worklist(users["operator_unit"], today=date(2026, 3, 3))) == [own]
    assert worklist(users["admin_pemda"], today=date(2026, 3, 3)).count() == 3


@pytest.mark.parametrize(
    ("user", "visible"),
    [
        ("admin_pemda", True),
        ("superuser", True),
        ("admin_opd", False),
        ("operator_unit", False),
        ("petugas_loket", False),
        ("evaluator", False),
        ("pimpinan", False),
        ("other_pemda_admin", False),
    ],
)
def test_confidential_identity_only_for_pemda_admins(org, users, user, visible):
    """A confidential contact is shown only to the Pemda's complaints admin."""
    case = submit(org, privacy=Privacy.CONFIDENTIAL)
    assert case_identity_visible(users[user], case) is visible


def test_open_identity_visible_and_anonymous_hidden(org, users):
    """An open case shows its contact to unit staff; an anonymous one to nobody."""
    assert case_identity_visible(users["operator_unit"], submit(org))
    anonymous = submit(org, privacy=Privacy.ANONYMOUS)
    assert not case_identity_visible(users["superuser"], anonymous)


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("admin_pemda", True),
        ("admin_opd", True),
        ("superuser", True),
        ("operator_unit", False),
        ("petugas_loket", False),
        ("pimpinan", False),
    ],
)
def test_bulk_assign_for_pemda_and_opd_level_complaint_changers(
    org, users, user, allowed
):
    """Only who changes complaints at Pemda or OPD level may reassign in bulk."""
    assert can_bulk_assign(users[user]) is allowed


def test_an_inactive_superuser_reaches_no_identity_and_no_bulk_assign(org, users):
    """A deactivated superuser counts as nobody (the settled rule)."""
    root = users["superuser"]
    root.is_active = False
    case = submit(org, privacy=Privacy.CONFIDENTIAL)
    assert not case_identity_visible(root, case)
    assert not can_bulk_assign(root)


def test_my_units_follow_each_membership_level(org, users):
    """ "Mine" is the unit of a unit grant, every unit of an OPD grant's OPD and every
    unit of a Pemda grant's Pemda."""
    own = submit(org)
    sibling = submit(org, unit=org.sibling_unit)
    other_opd = submit(org, unit=org.other_opd_unit)

    def mine(user):
        return set(Case.objects.filter(my_units_q(users[user])))

    assert mine("operator_unit") == {own}
    assert mine("admin_opd") == {own, sibling}
    assert mine("admin_pemda") == {own, sibling, other_opd}
    assert mine("other_pemda_admin") == set()


def test_assignable_units_limited_to_the_opd_of_an_opd_admin(org, users):
    """An OPD admin may assign only to the units of their own OPD."""
    case = submit(org)
    units = set(assignable_units(users["admin_opd"], case))
    assert units == {org.unit, org.sibling_unit}
    assert org.other_opd_unit in set(assignable_units(users["admin_pemda"], case))


def test_deadlines_and_missed_deadline(org):
    """An unverified case past its verify date is marked overdue from that date."""
    case = submit(org)
    today = date(2026, 3, 6)
    deadlines = case_deadlines(case, today=today)
    assert deadlines[0].due == date(2026, 3, 5) and deadlines[0].overdue
    assert missed_deadline(case, today=today) == date(2026, 3, 5)
    assert missed_deadline(case, today=date(2026, 3, 5)) is None
