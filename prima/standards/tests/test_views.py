"""Tests of the staff pages: role × scope access, and what each page shows and does."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from prima.organisations.testing import make_layanan
from prima.standards.models import Maklumat, StandardReview, StandarPelayanan
from prima.standards.testing import COMPLETE_VALUES, make_maklumat, make_standard

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status

USERS = [
    "anonymous",
    "no_role",
    "admin_pemda",
    "admin_opd",
    "operator_unit",
    "petugas_loket",
    "evaluator",
    "juri",
    "mentor",
    "pimpinan",
    "other_pemda_admin",
    "superuser",
]
LOGIN = 302
EDITORS = {"admin_pemda", "admin_opd", "operator_unit", "superuser"}
READERS = {"petugas_loket", "evaluator", "mentor", "pimpinan"}


def profile(default: int, **overrides: int) -> dict[str, int]:
    return {user: overrides.get(user, default) for user in USERS}


LIST = profile(200, anonymous=LOGIN, no_role=403, juri=403)
VIEW_OWN = profile(200, anonymous=LOGIN, no_role=404, juri=404, other_pemda_admin=404)
VIEW_SIBLING = {**VIEW_OWN, "operator_unit": 404, "petugas_loket": 404}
VIEW_OTHER_OPD = {**VIEW_SIBLING, "admin_opd": 404}
VIEW_OTHER_PEMDA = profile(404, anonymous=LOGIN, other_pemda_admin=200, superuser=200)
CHANGE_OWN = {**VIEW_OWN, **dict.fromkeys(READERS, 403)}
CHANGE_SIBLING = {**CHANGE_OWN, "operator_unit": 404, "petugas_loket": 404}
CHANGE_OTHER_PEMDA = VIEW_OTHER_PEMDA
# Approval needs the catalog change grant at OPD or Pemda level: the unit operator
# sees the version but may not approve it.
APPROVE_OWN = {**CHANGE_OWN, "operator_unit": 403}
APPROVE_OTHER_OPD = {
    **APPROVE_OWN,
    "operator_unit": 404,
    "petugas_loket": 404,
    "admin_opd": 404,
}


def redirects(expected: dict[str, int]) -> dict[str, int]:
    """Return ``expected`` with success as a redirect, as after a POST."""
    return {user: 302 if code == 200 else code for user, code in expected.items()}


@dataclass
class Case:
    name: str
    kwargs: object
    expected: dict[str, int]
    method: str = "get"
    data: dict = field(default_factory=dict)
    label: str = ""


def layanan_of(attr):
    return lambda org, v: {"layanan_pk": getattr(org, attr).pk}


def version(kind):
    return lambda org, v: {"pk": v[kind].pk}


def submitted(kind):
    """Submit the fixture's draft ``kind`` for approval and return its key."""

    def build(org, v):
        from prima.standards import services

        services.standard_submit(standard=v[kind], user=None)
        return {"pk": v[kind].pk}

    return build


def unit_of(attr):
    return lambda org, v: {"unit_pk": getattr(org, attr).pk}


CASES = [
    Case("standards:standard-list", lambda org, v: {}, LIST),
    Case("standards:standard-detail", layanan_of("layanan"), VIEW_OWN),
    Case("standards:standard-detail", layanan_of("sibling_layanan"), VIEW_SIBLING,
         label="detail-sibling"),
    Case("standards:standard-detail", layanan_of("other_opd_layanan"), VIEW_OTHER_OPD,
         label="detail-other-opd"),
    Case("standards:standard-detail", layanan_of("other_pemda_layanan"),
         VIEW_OTHER_PEMDA, label="detail-other-pemda"),
    Case("standards:standard-edit", layanan_of("layanan"), CHANGE_OWN),
    Case("standards:standard-edit", layanan_of("sibling_layanan"), CHANGE_SIBLING,
         label="edit-sibling"),
    Case("standards:standard-edit", layanan_of("other_pemda_layanan"),
         CHANGE_OTHER_PEMDA, label="edit-other-pemda"),
    Case("standards:version-detail", version("published"), VIEW_OWN),
    Case("standards:version-detail", version("superseded"), VIEW_OWN,
         label="version-superseded"),
    Case("standards:version-detail", version("other_pemda"), VIEW_OTHER_PEMDA,
         label="version-other-pemda"),
    Case("standards:standard-submit", version("draft"), profile(405),
         label="submit-get"),
    Case("standards:standard-submit", version("draft"), redirects(CHANGE_OWN),
         method="post", label="submit-post"),
    Case("standards:standard-submit", version("other_pemda"),
         redirects(CHANGE_OTHER_PEMDA), method="post", label="submit-other-pemda"),
    Case("standards:standard-approve", submitted("draft"), APPROVE_OWN),
    Case("standards:standard-approve", submitted("other_opd_draft"),
         APPROVE_OTHER_OPD, label="approve-other-opd"),
    Case("standards:standard-approve", submitted("other_pemda"), CHANGE_OTHER_PEMDA,
         label="approve-other-pemda"),
    Case("standards:standard-return", submitted("draft"), profile(405),
         label="return-get"),
    Case("standards:standard-return", submitted("draft"), redirects(APPROVE_OWN),
         method="post", label="return-post"),
    Case("standards:standard-return", submitted("other_opd_draft"),
         redirects(APPROVE_OTHER_OPD), method="post", label="return-other-opd"),
    Case("standards:standard-review", version("published"), profile(405),
         label="review-get"),
    Case("standards:standard-review", version("published"), redirects(CHANGE_OWN),
         method="post", label="review-post"),
    Case("standards:standard-review", version("sibling"), redirects(CHANGE_SIBLING),
         method="post", label="review-sibling"),
    Case("standards:maklumat-edit", unit_of("unit"), CHANGE_OWN),
    Case("standards:maklumat-edit", unit_of("sibling_unit"), CHANGE_SIBLING,
         label="maklumat-sibling"),
    Case("standards:maklumat-edit", unit_of("other_pemda_unit"), CHANGE_OTHER_PEMDA,
         label="maklumat-other-pemda"),
]  # fmt: skip


@pytest.fixture
def versions(org):
    """Superseded v1, published v2 and draft v3 of the first service, and others."""
    superseded = make_standard(layanan=org.layanan, status=Status.SUPERSEDED)
    return {
        "superseded": superseded,
        "published": make_standard(layanan=org.layanan),
        "draft": make_standard(layanan=org.layanan, status=Status.DRAFT),
        "sibling": make_standard(layanan=org.sibling_layanan),
        "other_opd_draft": make_standard(
            layanan=org.other_opd_layanan, status=Status.DRAFT
        ),
        "other_pemda": make_standard(
            layanan=org.other_pemda_layanan, status=Status.DRAFT
        ),
    }


def login(client, users, name):
    client.logout()
    if name != "anonymous":
        client.force_login(users[name])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label or c.name)
def test_role_scope_matrix(case, org, users, versions, client):
    """Each user gets exactly the expected status for each standards URL."""
    url = reverse(case.name, kwargs=case.kwargs(org, versions))
    got = {}
    for name in USERS:
        login(client, users, name)
        got[name] = getattr(client, case.method)(url, case.data).status_code
    mismatches = {
        n: (got[n], case.expected[n]) for n in USERS if got[n] != case.expected[n]
    }
    assert not mismatches, f"{url}: user -> (got, expected): {mismatches}"


def test_matrix_covers_every_standards_url():
    """Every URL name of the app has a row in the matrix above."""
    from prima.standards.urls import urlpatterns

    names = {f"standards:{p.name}" for p in urlpatterns}
    assert names == {case.name for case in CASES}


def test_read_only_roles_change_nothing(org, users, versions, client):
    """Refused POSTs of read-only roles leave the versions untouched."""
    for name in READERS:
        login(client, users, name)
        client.post(
            reverse("standards:standard-submit", kwargs={"pk": versions["draft"].pk})
        )
        client.post(
            reverse(
                "standards:standard-review", kwargs={"pk": versions["published"].pk}
            )
        )
        client.post(
            reverse("standards:standard-edit", kwargs={"layanan_pk": org.layanan.pk}),
            {"produk": "diubah"},
        )
        client.post(
            reverse("standards:maklumat-edit", kwargs={"unit_pk": org.unit.pk}),
            {"text": "x"},
        )
    versions["draft"].refresh_from_db()
    assert versions["draft"].status == Status.DRAFT
    assert not versions["draft"].is_awaiting_approval
    assert versions["draft"].produk == COMPLETE_VALUES["produk"]
    assert not StandardReview.objects.exists()
    assert not Maklumat.objects.exists()


@pytest.fixture
def en():
    with translation.override("en"):
        yield


def get(client, user, name, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs), HTTP_ACCEPT_LANGUAGE="en")


def test_list_shows_state_completeness_and_overdue(org, users, client):
    """The list shows each service's versions, completeness and overdue review."""
    make_standard(layanan=org.layanan, decree_date=date(2020, 1, 1))
    make_standard(layanan=org.layanan, status=Status.DRAFT, produk="", dasar_hukum="")
    response = get(client, users["admin_pemda"], "standards:standard-list")
    rows = {row.layanan: row for row in response.context["rows"]}
    row = rows[org.layanan]
    assert (row.published.version, row.draft.version) == (1, 2)
    assert row.review_overdue
    assert rows[org.other_opd_layanan].effective is None
    html = response.content.decode()
    assert "published v1" in html and "draft v2" in html
    assert "14/14" in html and "overdue" in html and "no standard" in html


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("", {"layanan", "sibling_layanan", "other_opd_layanan"}),
        ("none", {"other_opd_layanan"}),
        ("draft", {"sibling_layanan"}),
        ("published", {"layanan"}),
        ("incomplete", {"sibling_layanan"}),
        ("review_overdue", {"layanan"}),
        ("bogus", {"layanan", "sibling_layanan", "other_opd_layanan"}),
    ],
)
def test_list_filters_by_state(org, users, client, state, expected):
    """The state filter selects services by their standard's state."""
    make_standard(layanan=org.layanan, decree_date=date(2020, 1, 1))
    make_standard(layanan=org.sibling_layanan, status=Status.DRAFT, produk="")
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("standards:standard-list"), {"state": state})
    assert {r.layanan for r in response.context["rows"]} == {
        getattr(org, attr) for attr in expected
    }


def test_incomplete_filter_judges_the_published_version(org, users, client):
    """A complete published standard with an incomplete draft is not incomplete."""
    make_standard(layanan=org.layanan)
    make_standard(layanan=org.layanan, status=Status.DRAFT, produk="")
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("standards:standard-list"), {"state": "incomplete"})
    assert response.context["rows"] == []


def test_review_overdue_filter_uses_today(org, users, client):
    """The overdue filter keeps a standard set two years ago, not one set today."""
    today = timezone.localdate()
    make_standard(layanan=org.layanan, decree_date=today)
    make_standard(layanan=org.sibling_layanan, decree_date=today - timedelta(days=730))
    client.force_login(users["admin_opd"])
    response = client.get(
        reverse("standards:standard-list"), {"state": "review_overdue"}
    )
    assert [r.layanan for r in response.context["rows"]] == [org.sibling_layanan]


def test_list_search_and_scope(org, users, client):
    """Text search narrows the list, which never leaves the user's scope."""
    client.force_login(users["admin_opd"])
    response = client.get(reverse("standards:standard-list"), {"q": "keluarga"})
    assert [r.layanan for r in response.context["rows"]] == [org.sibling_layanan]
    response = client.get(reverse("standards:standard-list"), {"q": "imunisasi"})
    assert response.context["rows"] == []


def test_list_paginates_by_fifty(org, users, client):
    """The list shows fifty services per page and keeps the filters across pages."""
    for n in range(50):
        make_layanan(unit=org.unit, name=f"Layanan Tambahan {n:02d}")
    client.force_login(users["operator_unit"])
    url = reverse("standards:standard-list")
    first = client.get(url, {"state": "none"})
    assert len(first.context["rows"]) == 50
    assert first.context["page_obj"].paginator.num_pages == 2
    assert "state=none&amp;page=2" in first.content.decode()
    second = client.get(url, {"state": "none", "page": 2})
    assert len(second.context["rows"]) == 1
    assert client.get(url, {"page": "x"}).status_code == 200


def test_detail_lists_missing_components_by_number_and_name(org, users, client, en):
    """After saving an incomplete draft the page names each missing component."""
    make_standard(
        layanan=org.layanan, status=Status.DRAFT, jumlah_pelaksana=None, produk=""
    )
    response = get(
        client,
        users["operator_unit"],
        "standards:standard-detail",
        layanan_pk=org.layanan.pk,
    )
    html = response.content.decode()
    assert "12/14 components" in html
    assert "5. Service product" in html and "11. Number of staff" in html
    assert "cannot be published yet" in html


def test_detail_shows_lifecycle_and_review_status(org, users, client, en):
    """The page shows participants, decree, media and the review due date."""
    make_standard(
        layanan=org.layanan,
        decree_date=date(2024, 2, 29),
        decree_number="188.45/12/2024",
        drafting_participants=["pengguna", "media"],
        publication_media=["papan", "sipp"],
    )
    response = get(
        client,
        users["pimpinan"],
        "standards:standard-detail",
        layanan_pk=org.layanan.pk,
    )
    html = response.content.decode()
    assert "Service users, Media" in html
    assert "188.45/12/2024" in html
    assert "Printed board, SIPP Nasional" in html
    assert response.context["overview"].published.review_due_on == date(2025, 2, 28)
    assert "review overdue" in html


def test_detail_buttons_only_for_editors(org, users, client, versions):
    """Edit, submit and review controls appear only for users who may change."""
    edit_url = reverse("standards:standard-edit", kwargs={"layanan_pk": org.layanan.pk})
    publish_url = reverse(
        "standards:standard-submit", kwargs={"pk": versions["draft"].pk}
    )
    review_url = reverse(
        "standards:standard-review", kwargs={"pk": versions["published"].pk}
    )
    maklumat_url = reverse("standards:maklumat-edit", kwargs={"unit_pk": org.unit.pk})
    for name in EDITORS | READERS:
        html = get(
            client, users[name], "standards:standard-detail", layanan_pk=org.layanan.pk
        ).content.decode()
        for url in (edit_url, publish_url, review_url, maklumat_url):
            assert (url in html) is (name in EDITORS), (name, url)


def test_edit_prefills_from_published_and_saving_opens_v2(org, users, client):
    """Editing a published standard prefills the form and saving creates draft v2."""
    v1 = make_standard(layanan=org.layanan, produk="KTP-el lama")
    client.force_login(users["operator_unit"])
    url = reverse("standards:standard-edit", kwargs={"layanan_pk": org.layanan.pk})
    form = client.get(url).context["form"]
    assert form["produk"].value() == "KTP-el lama"
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and k not in ("drafting_participants", "publication_media")
    }
    data["produk"] = "KTP-el baru"
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "standards:standard-detail", kwargs={"layanan_pk": org.layanan.pk}
    )
    v1.refresh_from_db()
    v2 = StandarPelayanan.objects.drafts().get(layanan=org.layanan)
    assert (v1.status, v1.produk) == (Status.PUBLISHED, "KTP-el lama")
    assert (v2.version, v2.produk) == (2, "KTP-el baru")
    assert v2.created_by == users["operator_unit"]


def test_edit_prefills_from_the_draft_when_there_is_one(org, users, client):
    """With a draft open the form starts from the draft, not the published version."""
    make_standard(layanan=org.layanan, produk="terbit")
    make_standard(layanan=org.layanan, status=Status.DRAFT, produk="konsep")
    response = get(
        client, users["admin_opd"], "standards:standard-edit", layanan_pk=org.layanan.pk
    )
    assert response.context["form"]["produk"].value() == "konsep"


def test_edit_with_errors_shows_them_and_saves_nothing(org, users, client, en):
    """Invalid input re-renders the form with field errors and stores nothing."""
    client.force_login(users["operator_unit"])
    url = reverse("standards:standard-edit", kwargs={"layanan_pk": org.layanan.pk})
    response = client.post(
        url,
        {"biaya_tarif": "50000", "jangka_waktu_value": "-3", "drafted_on": "kemarin"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"biaya_dasar_hukum", "jangka_waktu_value", "drafted_on"} <= set(errors)
    assert "needs the legal basis of its tariff" in response.content.decode()
    assert not StandarPelayanan.objects.exists()


def test_edit_first_draft_then_detail_lists_missing(org, users, client, en):
    """Saving a first, incomplete draft leads to the page listing what is missing."""
    client.force_login(users["operator_unit"])
    url = reverse("standards:standard-edit", kwargs={"layanan_pk": org.layanan.pk})
    response = client.post(
        url,
        {"persyaratan": "KK", "drafting_participants": ["pengguna"]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert "Draft version 1 was saved." in html
    assert "1/14 components" in html
    assert "2. System, mechanism and procedure" in html


def test_submit_refusal_names_missing_components(org, users, client, en):
    """A refused submission says which service-delivery components are empty."""
    draft = make_standard(
        layanan=org.layanan, status=Status.DRAFT, persyaratan="", biaya_tarif=None
    )
    client.force_login(users["operator_unit"])
    response = client.post(
        reverse("standards:standard-submit", kwargs={"pk": draft.pk}),
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert "1. Requirements" in html and "4. Cost/tariff" in html
    assert "cannot be published" in html
    draft.refresh_from_db()
    assert not draft.is_awaiting_approval


def test_review_records_and_refuses_future(org, users, client, versions, en):
    """A review is recorded with today's date by default; a future date is refused."""
    client.force_login(users["admin_pemda"])
    url = reverse("standards:standard-review", kwargs={"pk": versions["published"].pk})
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        url,
        {"reviewed_on": tomorrow.isoformat()},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "cannot be in the future" in response.content.decode()
    assert not StandardReview.objects.exists()
    response = client.post(url, {"note": "Masih sesuai"}, follow=True)
    review = StandardReview.objects.get()
    assert review.reviewed_on == timezone.localdate()
    assert review.recorded_by == users["admin_pemda"]
    assert "Masih sesuai" in response.content.decode()


def test_review_refusals_are_messages(org, users, client, versions, en):
    """A malformed date or a draft is refused with a message, not an error page."""
    client.force_login(users["admin_pemda"])
    for pk, data, message in [
        (versions["published"].pk, {"reviewed_on": "garbage"}, "Enter a valid date."),
        (versions["draft"].pk, {}, "Only the published version can be reviewed."),
    ]:
        response = client.post(
            reverse("standards:standard-review", kwargs={"pk": pk}),
            data,
            follow=True,
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not StandardReview.objects.exists()


def test_superseded_version_stays_readable(org, users, client, versions, en):
    """An old version is shown with a note that it was replaced."""
    response = get(
        client,
        users["evaluator"],
        "standards:version-detail",
        pk=versions["superseded"].pk,
    )
    html = response.content.decode()
    assert "replaced by a later one" in html
    assert "Kartu Tanda Penduduk elektronik" in html


def test_maklumat_create_and_edit(org, users, client):
    """A unit operator creates the Maklumat, then edits the same row."""
    client.force_login(users["operator_unit"])
    url = reverse("standards:maklumat-edit", kwargs={"unit_pk": org.unit.pk})
    form = client.get(url).context["form"]
    assert "sanggup menyelenggarakan pelayanan" in form["text"].value()
    data = {
        "text": "Kami sanggup.",
        "signatory_name": "Budi",
        "signed_on": "2025-01-02",
        "published_printed": "on",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "published_electronic": "on"}).status_code == 302
    maklumat = Maklumat.objects.get(unit=org.unit)
    assert maklumat.is_set and maklumat.published_electronic
    assert maklumat.updated_by == users["operator_unit"]


def test_maklumat_future_date_is_a_field_error(org, users, client, en):
    """A Maklumat signed in the future is refused on the date field."""
    client.force_login(users["admin_pemda"])
    url = reverse("standards:maklumat-edit", kwargs={"unit_pk": org.unit.pk})
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(url, {"text": "x", "signed_on": tomorrow.isoformat()})
    assert response.status_code == 200
    assert response.context["form"].errors["signed_on"]
    assert not Maklumat.objects.exists()


def test_unknown_ids_answer_404(users, client, db):
    """Ids that exist nowhere answer 404 to a superuser too."""
    client.force_login(users["superuser"])
    for name, kwargs in [
        ("standards:standard-detail", {"layanan_pk": 999999}),
        ("standards:standard-edit", {"layanan_pk": 999999}),
        ("standards:version-detail", {"pk": 999999}),
        ("standards:maklumat-edit", {"unit_pk": 999999}),
        ("standards:standard-approve", {"pk": 999999}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404
    for name in [
        "standards:standard-submit",
        "standards:standard-return",
        "standards:standard-review",
    ]:
        assert client.post(reverse(name, kwargs={"pk": 999999})).status_code == 404


def test_maklumat_form_starts_from_the_stored_one(org, users, client):
    """The Maklumat form is prefilled from the stored row, which errors leave intact."""
    make_maklumat(unit=org.unit, signatory_name="Siti")
    client.force_login(users["admin_opd"])
    url = reverse("standards:maklumat-edit", kwargs={"unit_pk": org.unit.pk})
    assert client.get(url).context["form"]["signatory_name"].value() == "Siti"
    response = client.post(url, {"text": " ", "signatory_name": "Ani"})
    assert response.status_code == 200
    assert response.context["maklumat"].signatory_name == "Siti"
    assert Maklumat.objects.get(unit=org.unit).signatory_name == "Siti"
