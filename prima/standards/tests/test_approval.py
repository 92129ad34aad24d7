"""Tests of the approval of a changed standard: submit, approve with a decree of its
own, return with a comment, and who may do which (per role)."""

from __future__ import annotations

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from prima.core.roles import Role
from prima.organisations.testing import make_user
from prima.standards import services
from prima.standards.models import ApprovalEvent, StandarPelayanan
from prima.standards.testing import COMPLETE_VALUES, approve_standard, make_standard

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status
Action = ApprovalEvent.Action
OLD_DECREE = "188.45/12/SK-DKC/2024"


@pytest.fixture
def published(org):
    return make_standard(
        layanan=org.layanan,
        decree_number=OLD_DECREE,
        decree_date=date(2024, 3, 1),
        decree_signatory="Kepala Dinas Lama",
    )


@pytest.fixture
def submitted(org, users, published):
    """Draft v2 with a changed product, submitted by the unit's operator."""
    draft = services.standard_save_draft(
        layanan=org.layanan,
        user=users["operator_unit"],
        **{**COMPLETE_VALUES, "produk": "KTP-el dan IKD"},
    )
    return services.standard_submit(standard=draft, user=users["operator_unit"])


def approve(standard, user, **decree):
    values = {
        "decree_number": "188.45/3/2026",
        "decree_date": timezone.localdate(),
        "decree_signatory": "Kepala Dinas",
        **decree,
    }
    return services.standard_approve(standard=standard, user=user, **values)


def test_a_new_version_does_not_inherit_the_old_decree(org, published):
    """Draft v2 opened from the published v1 carries none of v1's decree."""
    draft = services.standard_save_draft(
        layanan=org.layanan, user=None, **{**COMPLETE_VALUES, "produk": "baru"}
    )
    assert (draft.decree_number, draft.decree_date, draft.decree_signatory) == (
        "",
        None,
        "",
    )


def test_submit_marks_the_draft_and_records_who(submitted, users):
    """Submitting stamps the draft and leaves an audit step naming the operator."""
    assert submitted.is_awaiting_approval
    assert submitted.submitted_by == users["operator_unit"]
    event = submitted.approval_events.get()
    assert (event.action, event.by) == (Action.SUBMITTED, users["operator_unit"])


def test_submitted_draft_cannot_be_edited_or_submitted_again(org, submitted, users):
    """While it waits the draft refuses edits, so what is approved is what was sent."""
    with pytest.raises(ValidationError, match="awaiting approval"):
        services.standard_save_draft(layanan=org.layanan, user=None, produk="lain")
    with pytest.raises(ValidationError, match="already awaiting"):
        services.standard_submit(standard=submitted, user=users["operator_unit"])
    submitted.refresh_from_db()
    assert submitted.produk == "KTP-el dan IKD"


def test_published_version_and_decree_stay_until_approval(org, published, submitted):
    """Citizens' version is still v1 with its own decree while v2 waits."""
    current = StandarPelayanan.objects.published().get(layanan=org.layanan)
    assert (current.pk, current.decree_number) == (published.pk, OLD_DECREE)


def test_opd_admin_approves_with_a_new_decree(org, published, submitted, users):
    """Approval publishes v2 with its own decree, supersedes v1 and keeps v1's."""
    v2 = approve(submitted, users["admin_opd"], comment="Sesuai hasil FKP")
    published.refresh_from_db()
    assert (v2.status, published.status) == (Status.PUBLISHED, Status.SUPERSEDED)
    assert v2.decree_number == "188.45/3/2026"
    assert v2.decree_signatory == "Kepala Dinas"
    assert v2.published_by == users["admin_opd"]
    assert published.decree_number == OLD_DECREE
    event = v2.approval_events.first()
    assert (event.action, event.by, event.decree_number, event.comment) == (
        Action.APPROVED,
        users["admin_opd"],
        "188.45/3/2026",
        "Sesuai hasil FKP",
    )


@pytest.mark.parametrize(
    "name", ["operator_unit", "pimpinan", "evaluator", "petugas_loket"]
)
def test_roles_below_the_opd_cannot_approve_or_return(submitted, users, name):
    """A unit operator or a read-only role can neither approve nor return."""
    with pytest.raises(PermissionDenied):
        approve(submitted, users[name])
    with pytest.raises(PermissionDenied):
        services.standard_return(standard=submitted, user=users[name], comment="x")
    submitted.refresh_from_db()
    assert submitted.is_awaiting_approval


def test_admin_of_another_opd_cannot_approve(org, submitted):
    """The administrator of another OPD of the same Pemda cannot approve."""
    other = make_user(username="admin.dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    with pytest.raises(PermissionDenied):
        approve(submitted, other)
    with pytest.raises(PermissionDenied):
        services.standard_return(standard=submitted, user=other, comment="x")


def test_admin_of_another_pemda_cannot_approve(submitted, users):
    """Another Pemda's administrator cannot approve."""
    with pytest.raises(PermissionDenied):
        approve(submitted, users["other_pemda_admin"])


def test_admin_pemda_approves_for_any_opd_of_its_pemda(submitted, users):
    """The Pemda administrator holds the catalog grant above every OPD: it approves."""
    v2 = approve(submitted, users["admin_pemda"])
    assert v2.is_published and v2.published_by == users["admin_pemda"]


def test_an_inactive_opd_membership_does_not_approve(submitted, users):
    """A deactivated OPD administrator can no longer approve."""
    admin = users["admin_opd"]
    admin.memberships.update(active=False)
    admin = type(admin).objects.get(pk=admin.pk)  # drop the cached grants
    with pytest.raises(PermissionDenied):
        approve(submitted, admin)


@pytest.mark.parametrize(
    "number", [OLD_DECREE, " 188.45/12/sk-dkc/2024 ", "188.45/12/SK-DKC /2024"]
)
def test_approval_refuses_the_old_decree_number(submitted, users, number):
    """The decree of v1 cannot set v2, whatever its spacing or letter case."""
    with pytest.raises(ValidationError) as caught:
        approve(submitted, users["admin_opd"], decree_number=number)
    assert "decree_number" in caught.value.error_dict
    assert "version 1" in " ".join(caught.value.messages)
    submitted.refresh_from_db()
    assert submitted.is_awaiting_approval and not submitted.decree_number


def test_one_decree_may_set_several_services(org, users, submitted):
    """A decree number used by another service's standard is accepted."""
    make_standard(layanan=org.sibling_layanan, decree_number="188.45/3/2026")
    assert approve(submitted, users["admin_opd"]).is_published


@pytest.mark.parametrize(
    ("decree", "field", "text"),
    [
        ({"decree_number": "  "}, "decree_number", "number"),
        ({"decree_date": None}, "decree_date", "date of the decree"),
        ({"decree_signatory": " "}, "decree_signatory", "who signed"),
        (
            {"decree_date": timezone.localdate() + timedelta(days=1)},
            "decree_date",
            "future",
        ),
        ({"decree_date": date(2024, 2, 1)}, "decree_date", "before the decree"),
    ],
)
def test_approval_refuses_an_incomplete_or_impossible_decree(
    submitted, users, decree, field, text
):
    """Number, date and signatory are required; the date is neither in the future
    nor before the decree of the version it replaces."""
    with pytest.raises(ValidationError) as caught:
        approve(submitted, users["admin_opd"], **decree)
    assert field in caught.value.error_dict
    assert text in " ".join(caught.value.error_dict[field][0].messages)
    assert (
        StandarPelayanan.objects.published().get(layanan=submitted.layanan).version == 1
    )


def test_a_draft_that_was_not_submitted_cannot_be_approved(org, users, published):
    """The admin approves only what was submitted."""
    draft = services.standard_save_draft(
        layanan=org.layanan, user=None, **COMPLETE_VALUES
    )
    with pytest.raises(ValidationError, match="not awaiting approval"):
        approve(draft, users["admin_opd"])


def test_return_needs_a_comment_and_reopens_the_draft(org, submitted, users, published):
    """Returning says what to change; the draft is editable again and v1 untouched."""
    with pytest.raises(ValidationError):
        services.standard_return(
            standard=submitted, user=users["admin_opd"], comment=" "
        )
    returned = services.standard_return(
        standard=submitted,
        user=users["admin_opd"],
        comment="Lengkapi jangka waktu untuk IKD.",
    )
    assert not returned.is_awaiting_approval
    event = returned.approval_events.first()
    assert (event.action, event.by, event.comment) == (
        Action.RETURNED,
        users["admin_opd"],
        "Lengkapi jangka waktu untuk IKD.",
    )
    services.standard_save_draft(layanan=org.layanan, user=None, produk="diperbaiki")
    published.refresh_from_db()
    assert published.is_published and published.decree_number == OLD_DECREE


def test_the_audit_keeps_every_step_in_order(submitted, users):
    """Submit, return, submit again and approve each leave a step with who and when."""
    services.standard_return(standard=submitted, user=users["admin_opd"], comment="x")
    services.standard_submit(standard=submitted, user=users["operator_unit"])
    approve(submitted, users["admin_opd"])
    steps = list(
        submitted.approval_events.order_by("at", "pk").values_list("action", "by")
    )
    operator, admin = users["operator_unit"].pk, users["admin_opd"].pk
    assert steps == [
        (Action.SUBMITTED, operator),
        (Action.RETURNED, admin),
        (Action.SUBMITTED, operator),
        (Action.APPROVED, admin),
    ]


def test_yearly_review_needs_no_decree_even_while_a_change_waits(
    published, submitted, users
):
    """Reviewing the unchanged published version is recorded without a new decree."""
    today = timezone.localdate()
    review = services.standard_review(
        standard=published, user=users["operator_unit"], reviewed_on=today
    )
    published.refresh_from_db()
    assert review.standard == published
    assert published.reviewed_on == today
    assert published.decree_number == OLD_DECREE and published.is_published
    assert not published.approval_events.exists()


def test_the_helper_builds_a_distinct_decree(org, users, published):
    """approve_standard (used by other tests) sets a decree unlike v1's."""
    draft = services.standard_save_draft(
        layanan=org.layanan, user=None, **COMPLETE_VALUES
    )
    v2 = approve_standard(draft, approver=users["admin_opd"])
    assert v2.decree_number != OLD_DECREE


def test_migration_drops_only_inherited_decrees_of_drafts(org):
    """Existing published versions keep their decree; a draft loses a copied one and
    keeps one of its own."""
    migration = importlib.import_module(
        "prima.standards.migrations.0004_approval_with_decree"
    )
    make_standard(layanan=org.layanan, decree_number=OLD_DECREE)
    copied = make_standard(
        layanan=org.layanan,
        status=Status.DRAFT,
        decree_number=" 188.45/12/sk-dkc/2024",
        decree_date=date(2024, 3, 1),
    )
    make_standard(layanan=org.sibling_layanan, decree_number="9/2025")
    own = make_standard(
        layanan=org.sibling_layanan,
        status=Status.DRAFT,
        decree_number="10/2026",
        decree_date=date(2026, 1, 2),
    )
    migration.drop_inherited_decrees(apps, None)
    copied.refresh_from_db()
    own.refresh_from_db()
    assert (copied.decree_number, copied.decree_date) == ("", None)
    assert own.decree_number == "10/2026"
    assert set(
        StandarPelayanan.objects.published().values_list("decree_number", flat=True)
    ) == {OLD_DECREE, "9/2025"}
