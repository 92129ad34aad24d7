"""Tests of the staff pages of the organisation tree and the service catalog."""

import pytest
from django.urls import reverse

from prima.organisations.models import Layanan, Unit
from prima.organisations.testing import make_layanan

pytestmark = pytest.mark.django_db

ROLES = [
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


def expect(default, **overrides):
    return {role: overrides.get(role, default) for role in ROLES}


READ_ONLY_CATALOG = {"petugas_loket": 403, "evaluator": 403, "mentor": 403}
MATRIX = [
    ("organisations:layanan-list", None, expect(200, no_role=403, juri=403)),
    (
        "organisations:layanan-create",
        None,
        expect(403, admin_pemda=200, admin_opd=200, operator_unit=200)
        | {"other_pemda_admin": 200, "superuser": 200},
    ),
    (
        "organisations:layanan-edit",
        "layanan",
        expect(200, no_role=404, juri=404, other_pemda_admin=404, pimpinan=403)
        | READ_ONLY_CATALOG,
    ),
    (
        "organisations:layanan-edit",
        "other_opd_layanan",
        expect(200, no_role=404, juri=404, other_pemda_admin=404, pimpinan=403)
        | READ_ONLY_CATALOG
        | {"admin_opd": 404, "operator_unit": 404, "petugas_loket": 404},
    ),
    ("organisations:unit-list", None, expect(200, no_role=403)),
    ("organisations:opd-list", None, expect(200, no_role=403)),
    (
        "organisations:unit-detail",
        "unit",
        expect(200, no_role=404, other_pemda_admin=404),
    ),
    (
        "organisations:unit-detail",
        "other_opd_unit",
        expect(200, no_role=404, other_pemda_admin=404)
        | {"admin_opd": 404, "operator_unit": 404, "petugas_loket": 404},
    ),
    (
        "organisations:unit-create",
        None,
        expect(403, admin_pemda=200, other_pemda_admin=200, superuser=200),
    ),
    (
        "organisations:unit-edit",
        "unit",
        expect(403, admin_pemda=200, superuser=200, no_role=404)
        | {"other_pemda_admin": 404},
    ),
    (
        "organisations:unit-edit",
        "other_pemda_unit",
        expect(404, other_pemda_admin=200, superuser=200),
    ),
]


@pytest.mark.parametrize(
    ("name", "attr", "expected"),
    MATRIX,
    ids=[f"{name}:{attr or ''}" for name, attr, _ in MATRIX],
)
def test_role_scope_matrix(name, attr, expected, org, users, client):
    """Each role gets 200 in scope, 404 out of scope and 403 when read-only."""
    url = reverse(name, kwargs={"pk": getattr(org, attr).pk} if attr else {})
    got = {}
    for role in ROLES:
        client.force_login(users[role])
        got[role] = client.get(url).status_code
    assert got == expected


@pytest.mark.parametrize(
    "name",
    [
        "organisations:layanan-list",
        "organisations:layanan-create",
        "organisations:unit-list",
        "organisations:unit-create",
        "organisations:opd-list",
    ],
)
def test_anonymous_is_sent_to_login(name, client, org):
    """Staff pages ask an anonymous visitor to log in."""
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_layanan_list_searches_and_filters(org, users, client):
    """The list narrows by search text and links to each service's standard."""
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("organisations:layanan-list"), {"q": "ktp"})
    assert list(response.context["page_obj"]) == [org.layanan]
    assert (
        reverse("standards:standard-detail", kwargs={"layanan_pk": org.layanan.pk})
        in response.content.decode()
    )
    response = client.get(
        reverse("organisations:layanan-list"), {"opd": org.other_opd.pk}
    )
    assert list(response.context["page_obj"]) == [org.other_opd_layanan]


def test_layanan_list_filter_offers_only_visible_choices(org, users, client):
    """An OPD admin's filters list only its OPD and its units."""
    client.force_login(users["admin_opd"])
    form = client.get(reverse("organisations:layanan-list")).context["form"]
    assert list(form.fields["opd"].queryset) == [org.opd]
    assert set(form.fields["unit"].queryset) == {org.unit, org.sibling_unit}


def test_layanan_list_paginates_by_fifty(org, users, client):
    """More than fifty services spread over pages, keeping the filters."""
    for n in range(52):
        make_layanan(unit=org.unit, name=f"Layanan {n:02d}")
    client.force_login(users["operator_unit"])
    url = reverse("organisations:layanan-list")
    first = client.get(url, {"q": "layanan"})
    assert len(first.context["page_obj"]) == 50
    assert "?q=layanan&amp;page=2" in first.content.decode()
    second = client.get(url, {"q": "layanan", "page": 2})
    assert len(second.context["page_obj"]) == 2


def test_layanan_list_query_count_does_not_grow(
    org, users, client, django_assert_max_num_queries
):
    """Listing many services costs a fixed number of queries."""
    for n in range(30):
        make_layanan(unit=org.sibling_unit, name=f"Layanan {n:02d}")
    client.force_login(users["admin_pemda"])
    with django_assert_max_num_queries(12):
        client.get(reverse("organisations:layanan-list"))


def test_layanan_create_takes_pemda_from_unit(org, users, client):
    """A unit operator adds a service to its unit; the Pemda follows the unit."""
    client.force_login(users["operator_unit"])
    response = client.post(
        reverse("organisations:layanan-create"),
        {"unit": org.unit.pk, "code": "LGL-01", "name": "Legalisir", "active": "on"},
    )
    assert response.status_code == 302
    layanan = Layanan.objects.get(code="LGL-01")
    assert (layanan.pemda, layanan.unit, layanan.active) == (org.pemda, org.unit, True)


def test_layanan_create_duplicate_code_shows_error_on_code(org, users, client):
    """A code used elsewhere in the Pemda shows an error on the code field."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:layanan-create"),
        {"unit": org.other_opd_unit.pk, "code": org.layanan.code, "name": "Lain"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["code"]
    assert "already exists" in form.errors["code"][0]
    assert not form.non_field_errors()


def test_layanan_create_refuses_unit_outside_scope(org, users, client):
    """An operator cannot post a service into another unit."""
    client.force_login(users["operator_unit"])
    response = client.post(
        reverse("organisations:layanan-create"),
        {"unit": org.sibling_unit.pk, "code": "X-1", "name": "Uji"},
    )
    assert "unit" in response.context["form"].errors
    assert not Layanan.objects.filter(code="X-1").exists()


def test_layanan_edit_saves_changes(org, users, client):
    """An OPD admin renames a service of its OPD."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("organisations:layanan-edit", kwargs={"pk": org.layanan.pk}),
        {
            "unit": org.unit.pk,
            "code": org.layanan.code,
            "name": "Penerbitan KTP Elektronik",
        },
    )
    assert response.status_code == 302
    org.layanan.refresh_from_db()
    assert org.layanan.name == "Penerbitan KTP Elektronik"
    assert org.layanan.active is False


def test_layanan_edit_duplicate_code_shows_error_on_code(org, users, client):
    """Renaming a code to one in use shows the error on the code field."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("organisations:layanan-edit", kwargs={"pk": org.layanan.pk}),
        {"unit": org.unit.pk, "code": org.sibling_layanan.code, "name": "KTP"},
    )
    assert list(response.context["form"].errors) == ["code"]


def test_read_only_post_is_refused(org, users, client):
    """A read-only role cannot change a service by posting either."""
    client.force_login(users["pimpinan"])
    response = client.post(
        reverse("organisations:layanan-edit", kwargs={"pk": org.layanan.pk}),
        {"unit": org.unit.pk, "code": "Z", "name": "Z"},
    )
    assert response.status_code == 403
    org.layanan.refresh_from_db()
    assert org.layanan.code != "Z"


def test_unit_create_by_admin_pemda(org, users, client):
    """The Pemda admin adds a unit under one of its OPDs."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:unit-create"),
        {
            "opd": org.other_opd.pk,
            "code": "PKM-2",
            "name": "Puskesmas Mawar",
            "kind": "puskesmas",
            "active": "on",
        },
    )
    unit = Unit.objects.get(code="PKM-2")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organisations:unit-detail", kwargs={"pk": unit.pk}
    )
    assert unit.pemda == org.pemda


def test_unit_create_refused_to_opd_admin(org, users, client):
    """An OPD admin may not create units, even by posting."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("organisations:unit-create"),
        {"opd": org.opd.pk, "code": "U-X", "name": "Loket X", "kind": "loket"},
    )
    assert response.status_code == 403
    assert not Unit.objects.filter(code="U-X").exists()


def test_unit_create_offers_only_own_opds(org, users, client):
    """The Pemda admin cannot pick an OPD of another Pemda."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:unit-create"),
        {"opd": org.other_pemda_opd.pk, "code": "U-Y", "name": "Y", "kind": "loket"},
    )
    assert "opd" in response.context["form"].errors


def test_unit_duplicate_code_shows_error_on_code(org, users, client):
    """A unit code in use in the Pemda shows an error on the code field."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:unit-edit", kwargs={"pk": org.sibling_unit.pk}),
        {"opd": org.opd.pk, "code": org.unit.code, "name": "Loket", "kind": "loket"},
    )
    assert list(response.context["form"].errors) == ["code"]


def test_unit_detail_shows_services_maklumat_and_staff(org, users, client):
    """The admin sees the unit's OPD, services, maklumat state and staff."""
    client.force_login(users["admin_pemda"])
    response = client.get(
        reverse("organisations:unit-detail", kwargs={"pk": org.unit.pk})
    )
    page = response.content.decode()
    assert org.opd.name in page
    assert org.layanan.name in page
    assert "not recorded" in page
    assert "operator_unit" in page


def test_unit_detail_hides_staff_without_users_grant(org, users, client):
    """Without the users grant the staff list is not shown."""
    client.force_login(users["operator_unit"])
    response = client.get(
        reverse("organisations:unit-detail", kwargs={"pk": org.unit.pk})
    )
    page = response.content.decode()
    assert "petugas_loket" not in page and "Staff</h2>" not in page
    assert org.layanan.name in page


def test_opd_list_shows_unit_counts(org, users, client):
    """The OPD list shows each visible OPD with its unit count."""
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("organisations:opd-list"))
    counts = {o.name: o.unit_count for o in response.context["opds"]}
    assert counts == {org.opd.name: 2, org.other_opd.name: 1}
