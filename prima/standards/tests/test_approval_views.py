"""Tests of the approval pages: what the operator and the approver see and do."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.core.roles import Role
from prima.organisations.testing import make_user
from prima.standards import services
from prima.standards.models import ApprovalEvent, StandarPelayanan
from prima.standards.testing import COMPLETE_VALUES, make_standard

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status
OLD_DECREE = "188.45/12/2024"


@pytest.fixture
def submitted(org, users):
    """Published v1 and v2 with a new product, submitted by the unit's operator."""
    make_standard(
        layanan=org.layanan,
        decree_number=OLD_DECREE,
        decree_date=date(2024, 3, 1),
        decree_signatory="Kepala Dinas",
    )
    draft = services.standard_save_draft(
        layanan=org.layanan,
        user=users["operator_unit"],
        **{**COMPLETE_VALUES, "produk": "KTP-el dan IKD"},
    )
    return services.standard_submit(standard=draft, user=users["operator_unit"])


def page(client, user, name, **kwargs) -> str:
    client.force_login(user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response.content.decode()


def test_operator_submits_from_the_detail_page(org, users, client):
    """The operator's submit button marks the draft as awaiting approval."""
    make_standard(layanan=org.layanan, status=Status.DRAFT)
    draft = StandarPelayanan.objects.get()
    client.force_login(users["operator_unit"])
    response = client.post(
        reverse("standards:standard-submit", kwargs={"pk": draft.pk}), follow=True
    )
    assert "submitted to the OPD administrator" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_awaiting_approval


def test_waiting_draft_shows_no_edit_and_no_approval_to_the_operator(
    org, users, client, submitted
):
    """The operator sees that v2 waits, without an edit link or an approval link."""
    html = page(
        client,
        users["operator_unit"],
        "standards:standard-detail",
        layanan_pk=org.layanan.pk,
    )
    assert "Awaiting approval by the OPD administrator" in html
    assert reverse("standards:standard-edit", args=[org.layanan.pk]) not in html
    assert reverse("standards:standard-approve", args=[submitted.pk]) not in html
    response = client.get(reverse("standards:standard-edit", args=[org.layanan.pk]))
    assert response.status_code == 302


def test_the_approver_finds_the_waiting_version(org, users, client, submitted):
    """The OPD admin sees the approval link on the page and in the list's queue;
    the operator's list has no queue."""
    approve_url = reverse("standards:standard-approve", args=[submitted.pk])
    admin = users["admin_opd"]
    detail = page(client, admin, "standards:standard-detail", layanan_pk=org.layanan.pk)
    assert approve_url in detail
    assert "Awaiting your approval" in page(client, admin, "standards:standard-list")
    operator_list = page(client, users["operator_unit"], "standards:standard-list")
    assert "Awaiting your approval" not in operator_list
    assert approve_url not in operator_list


def test_list_filters_the_versions_awaiting_approval(org, users, client, submitted):
    """The "awaiting approval" filter lists exactly the services with one waiting."""
    make_standard(layanan=org.sibling_layanan)
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("standards:standard-list"), {"state": "awaiting"})
    assert [row.layanan for row in response.context["rows"]] == [org.layanan]


def test_approval_page_shows_what_changed_and_the_current_decree(
    users, client, submitted
):
    """The approver reads the changed component and the decree citizens see now."""
    html = page(
        client, users["admin_opd"], "standards:standard-approve", pk=submitted.pk
    )
    assert "Service product" in html
    assert "KTP-el dan IKD" in html and COMPLETE_VALUES["produk"] in html
    assert OLD_DECREE in html
    assert "Requirements" not in html.split("changes-title")[1].split("</section>")[0]


def test_approval_publishes_with_the_new_decree(org, users, client, submitted):
    """Posting the decree publishes v2 with it and supersedes v1."""
    client.force_login(users["admin_opd"])
    today = timezone.localdate()
    response = client.post(
        reverse("standards:standard-approve", args=[submitted.pk]),
        {
            "decree_number": "188.45/3/2026",
            "decree_date": today.isoformat(),
            "decree_signatory": "dr. Lestari, Kepala Dinas",
        },
        follow=True,
    )
    assert "approved and published" in response.content.decode()
    current = StandarPelayanan.objects.published().get(layanan=org.layanan)
    assert (current.version, current.decree_number, current.decree_date) == (
        2,
        "188.45/3/2026",
        today,
    )


def test_approval_with_the_old_decree_shows_the_error_on_the_field(
    org, users, client, submitted
):
    """Reusing v1's decree re-renders the form with the error; nothing changes."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("standards:standard-approve", args=[submitted.pk]),
        {
            "decree_number": OLD_DECREE,
            "decree_date": timezone.localdate().isoformat(),
            "decree_signatory": "Kepala Dinas",
        },
    )
    assert response.status_code == 200
    assert "a changed standard needs a decree of its own" in (
        " ".join(response.context["form"].errors["decree_number"])
    )
    current = StandarPelayanan.objects.published().get(layanan=org.layanan)
    assert current.version == 1


def test_returned_comment_reaches_the_operator(org, users, client, submitted):
    """The admin's return comment is shown to the operator, who may edit again."""
    client.force_login(users["admin_opd"])
    client.post(
        reverse("standards:standard-return", args=[submitted.pk]),
        {"return-comment": "Tambahkan syarat untuk IKD."},
    )
    html = page(
        client,
        users["operator_unit"],
        "standards:standard-detail",
        layanan_pk=org.layanan.pk,
    )
    assert "Returned for revision" in html
    assert "Tambahkan syarat untuk IKD." in html
    assert reverse("standards:standard-edit", args=[org.layanan.pk]) in html
    version_page = page(
        client, users["operator_unit"], "standards:version-detail", pk=submitted.pk
    )
    assert "Tambahkan syarat untuk IKD." in version_page


def test_return_without_a_comment_is_refused(users, client, submitted):
    """An empty return comment is refused with a message; the draft still waits."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("standards:standard-return", args=[submitted.pk]),
        {"return-comment": " "},
        follow=True,
    )
    assert "This field is required." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.is_awaiting_approval
    assert not submitted.approval_events.filter(
        action=ApprovalEvent.Action.RETURNED
    ).exists()


def test_operator_and_other_opd_admin_cannot_approve_by_post(
    org, users, client, submitted
):
    """A forged approval by the operator (403) or another OPD's admin (404) fails."""
    other = make_user(username="admin.dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    data = {
        "decree_number": "188.45/3/2026",
        "decree_date": timezone.localdate().isoformat(),
        "decree_signatory": "Kepala Dinas",
    }
    url = reverse("standards:standard-approve", args=[submitted.pk])
    return_url = reverse("standards:standard-return", args=[submitted.pk])
    for user, status in ((users["operator_unit"], 403), (other, 404)):
        client.force_login(user)
        assert client.post(url, data).status_code == status
        assert client.post(return_url, {"return-comment": "x"}).status_code == status
    submitted.refresh_from_db()
    assert submitted.is_awaiting_approval
    assert StandarPelayanan.objects.published().get(layanan=org.layanan).version == 1


def test_approval_history_lists_every_step(org, users, client, submitted):
    """The standard's page lists submit and approve with who and the decree."""
    services.standard_approve(
        standard=submitted,
        user=users["admin_opd"],
        decree_number="188.45/3/2026",
        decree_date=timezone.localdate(),
        decree_signatory="Kepala Dinas",
    )
    html = page(
        client,
        users["pimpinan"],
        "standards:standard-detail",
        layanan_pk=org.layanan.pk,
    )
    history = html.split("Approval history")[1].split("</section>")[0]
    assert "Submitted for approval" in history and "operator_unit" in history
    assert "Approved and published" in history and "admin_opd" in history
    assert "188.45/3/2026" in history


def test_changes_ignore_line_ends_of_browser_posts(org, users, client, submitted):
    """Text saved from a browser (CRLF) equal to the published text is no change."""
    from prima.standards import selectors

    submitted.persyaratan = COMPLETE_VALUES["persyaratan"].replace("\n", "\r\n")
    submitted.save()
    changes = selectors.version_changes(
        draft=submitted,
        published=StandarPelayanan.objects.published().get(layanan=org.layanan),
    )
    labels = [change.label for change in changes]
    assert "Service product" in labels
    assert "Requirements" not in labels
    assert "Drafting participants" in labels
