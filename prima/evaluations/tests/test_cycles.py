"""Tests of opening a PEKPPP cycle and assigning evaluators (services and pages)."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from prima.core.roles import Role
from prima.evaluations import services, testing
from prima.evaluations.models import Assignment, CohortBy, Cycle, ServiceKind
from prima.organisations.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def en(client):
    """The test client, choosing English as the language switch would."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def cycle(org, users):
    return testing.make_cycle(
        org.pemda, org.unit, org.other_opd_unit, by=users["admin_pemda"]
    )


def unit_row(cycle, unit):
    return cycle.units.get(unit=unit)


# --- opening ------------------------------------------------------------------------


def test_the_admin_opens_a_cycle_with_units_per_kind_of_service(org, users):
    """The cycle keeps its instrument, timeline and each unit's kind of service."""
    cycle = testing.make_cycle(
        org.pemda,
        by=users["admin_pemda"],
        cohort_by=CohortBy.SERVICE_KIND,
        units={
            ServiceKind.ADMINISTRATIF: [org.unit, org.sibling_unit],
            ServiceKind.JASA: [org.other_opd_unit],
        },
    )
    assert cycle.instrument.version == "2023"
    kinds = {row.unit: row.service_kind for row in cycle.units.all()}
    assert kinds == {
        org.unit: "administratif",
        org.sibling_unit: "administratif",
        org.other_opd_unit: "jasa",
    }
    assert unit_row(cycle, org.other_opd_unit).cohort == "Services"


@pytest.mark.parametrize(
    ("cohort_by", "expected"),
    [("pemda", "Kota Alpha"), ("unit_kind", "Office"), ("service_kind", "Services")],
)
def test_a_unit_s_ranking_group_follows_the_cycle_s_grouping(
    org, users, cohort_by, expected
):
    """All units together, by type of unit or by kind of service."""
    cycle = testing.make_cycle(
        org.pemda, org.unit, by=users["admin_pemda"], cohort_by=cohort_by
    )
    assert unit_row(cycle, org.unit).cohort == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"visits_start": date(2026, 3, 30)}, "visits_start"),
        ({"visits_end": date(2026, 4, 1)}, "visits_end"),
        ({"verification_start": date(2026, 5, 28)}, "verification_start"),
        ({"verification_end": date(2026, 5, 31)}, "verification_end"),
    ],
)
def test_a_timeline_out_of_order_is_refused(org, users, changes, field):
    """Each date comes no earlier than the one before; the one out of order is named."""
    with pytest.raises(ValidationError) as caught:
        testing.make_cycle(org.pemda, org.unit, by=users["admin_pemda"], **changes)
    assert field in caught.value.message_dict
    assert not Cycle.objects.exists()


def test_units_of_another_pemda_or_twice_or_none_are_refused(org, users):
    """A unit of Kabupaten Beta, a unit under two kinds, or no unit at all."""
    admin = users["admin_pemda"]
    for units, message in [
        ({ServiceKind.JASA: [org.other_pemda_unit]}, "not an active unit"),
        (
            {ServiceKind.JASA: [org.unit], ServiceKind.BARANG: [org.unit]},
            "more than one kind",
        ),
        ({ServiceKind.JASA: []}, "at least one unit"),
    ]:
        with pytest.raises(ValidationError, match=message):
            testing.make_cycle(org.pemda, by=admin, units=units)
    assert not Cycle.objects.exists()


def test_one_cycle_per_pemda_and_year(org, users, cycle):
    """A second cycle of Kota Alpha in 2026 is refused on the year."""
    with pytest.raises(ValidationError) as caught:
        testing.make_cycle(org.pemda, org.unit, by=users["admin_pemda"])
    assert "year" in caught.value.message_dict


@pytest.mark.parametrize(
    "who", ["other_pemda_admin", "admin_opd", "evaluator", "operator_unit"]
)
def test_only_the_pemda_s_admin_opens_a_cycle(org, users, who):
    """Another Pemda's admin, an OPD admin, an evaluator or an operator is refused."""
    with pytest.raises(PermissionDenied):
        testing.make_cycle(org.pemda, org.unit, by=users[who])


# --- assigning ----------------------------------------------------------------------


def test_the_admin_assigns_an_evaluator_once(org, users, cycle):
    """Assigning the same evaluator twice keeps one assignment."""
    row = unit_row(cycle, org.unit)
    first = services.evaluator_assign(
        row, evaluator=users["evaluator"], by=users["admin_pemda"]
    )
    again = services.evaluator_assign(
        row, evaluator=users["evaluator"], by=users["admin_pemda"]
    )
    assert first == again
    assert Assignment.objects.count() == 1


def test_an_evaluator_never_evaluates_a_unit_of_their_own_opd(org, users, cycle):
    """An evaluator who is also staff of the Dinas Kesehatan is refused its Puskesmas
    by the service, and may evaluate the Disdukcapil office."""
    evaluator = testing.make_evaluator(org.pemda)
    Membership.objects.create(
        user=evaluator,
        role=Role.OPERATOR_UNIT,
        pemda=org.pemda,
        unit=org.other_opd_unit,
    )
    with pytest.raises(ValidationError, match="OPD of this unit"):
        services.evaluator_assign(
            unit_row(cycle, org.other_opd_unit),
            evaluator=evaluator,
            by=users["admin_pemda"],
        )
    services.evaluator_assign(
        unit_row(cycle, org.unit), evaluator=evaluator, by=users["admin_pemda"]
    )
    assert list(Assignment.objects.values_list("cycle_unit__unit", flat=True)) == [
        org.unit.pk
    ]


def test_only_evaluators_of_the_pemda_are_assigned(org, users, cycle):
    """A juri, or an evaluator of Kabupaten Beta, is not an evaluator of Kota Alpha."""
    row = unit_row(cycle, org.unit)
    for user in (users["juri"], testing.make_evaluator(org.other_pemda)):
        with pytest.raises(ValidationError, match="evaluator role"):
            services.evaluator_assign(row, evaluator=user, by=users["admin_pemda"])


@pytest.mark.parametrize(
    "who", ["other_pemda_admin", "admin_opd", "evaluator", "operator_unit"]
)
def test_only_the_pemda_s_admin_assigns(org, users, cycle, who):
    """Another Pemda's admin, an OPD admin, an evaluator or an operator is refused."""
    with pytest.raises(PermissionDenied):
        services.evaluator_assign(
            unit_row(cycle, org.unit), evaluator=users["evaluator"], by=users[who]
        )
    assert not Assignment.objects.exists()


# --- pages --------------------------------------------------------------------------


def form_data(org, **changes):
    return {
        "pemda": org.pemda.pk,
        "year": 2026,
        "instrument": testing.shipped_instrument().pk,
        "cohort_by": "unit_kind",
        "units_jasa": [org.unit.pk],
        "units_administratif": [org.other_opd_unit.pk],
        "self_assessment_deadline": "2026-03-31",
        "visits_start": "2026-04-06",
        "visits_end": "2026-05-29",
        "verification_start": "2026-06-01",
        "verification_end": "2026-06-08",
    } | changes


def test_the_admin_opens_a_cycle_from_the_form(org, users, en):
    """The form opens the cycle and shows its page with both units."""
    en.force_login(users["admin_pemda"])
    response = en.post(reverse("evaluations:cycle_create"), form_data(org), follow=True)
    cycle = Cycle.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "evaluations:cycle_detail", args=[cycle.pk]
    )
    page = response.content.decode()
    assert "Evaluation cycle opened." in page
    assert org.unit.name in page and org.other_opd_unit.name in page


def test_the_form_names_a_date_out_of_order(org, users, en):
    """Visits ending before they start are shown on the field; nothing is stored."""
    en.force_login(users["admin_pemda"])
    response = en.post(
        reverse("evaluations:cycle_create"), form_data(org, visits_end="2026-04-01")
    )
    assert response.status_code == 200
    assert "This date comes before" in response.content.decode()
    assert not Cycle.objects.exists()


def test_the_form_offers_only_the_admin_s_pemda_and_its_units(org, users, en):
    """Kabupaten Beta and its units are not offered to Kota Alpha's admin."""
    en.force_login(users["admin_pemda"])
    page = en.get(reverse("evaluations:cycle_create")).content.decode()
    assert "Kota Alpha" in page and org.unit.name in page
    assert "Kabupaten Beta" not in page and org.other_pemda_unit.name not in page


def test_the_page_offers_evaluators_without_a_conflict(org, users, cycle, en):
    """The admin assigns from the cycle page; an evaluator of the Dinas Kesehatan is
    offered for the Disdukcapil office only."""
    health = testing.make_evaluator(org.pemda, full_name="Evaluator Kesehatan")
    Membership.objects.create(
        user=health, role=Role.ADMIN_OPD, pemda=org.pemda, opd=org.other_opd
    )
    en.force_login(users["admin_pemda"])
    url = reverse("evaluations:cycle_detail", args=[cycle.pk])
    page = en.get(url).content.decode()
    assert page.count("Evaluator Kesehatan") == 1
    row = unit_row(cycle, org.unit)
    response = en.post(
        reverse("evaluations:evaluator_assign", args=[row.pk]),
        {f"assign-{row.pk}-evaluator": health.pk},
        follow=True,
    )
    assert "will evaluate" in response.content.decode()
    assert row.assignments.get().evaluator == health
    conflicted = unit_row(cycle, org.other_opd_unit)
    response = en.post(
        reverse("evaluations:evaluator_assign", args=[conflicted.pk]),
        {f"assign-{conflicted.pk}-evaluator": health.pk},
        follow=True,
    )
    assert "holds a role in the OPD of this unit" in response.content.decode()
    assert not conflicted.assignments.exists()


def test_an_assigned_evaluator_sees_only_their_units(org, users, cycle, en):
    """The evaluator's cycle page lists the unit they evaluate, without forms."""
    services.evaluator_assign(
        unit_row(cycle, org.unit), evaluator=users["evaluator"], by=users["admin_pemda"]
    )
    en.force_login(users["evaluator"])
    page = en.get(reverse("evaluations:cycle_detail", args=[cycle.pk])).content.decode()
    assert org.unit.name in page
    assert org.other_opd_unit.name not in page
    assert "Assign evaluator" not in page
    listing = en.get(reverse("evaluations:cycle_list")).content.decode()
    assert "PEKPPP 2026" in listing


def test_an_opd_admin_sees_the_opd_s_units_but_cannot_assign(org, users, cycle, en):
    """The OPD admin reads their unit's row and is refused the assignment."""
    en.force_login(users["admin_opd"])
    page = en.get(reverse("evaluations:cycle_detail", args=[cycle.pk])).content.decode()
    assert org.unit.name in page and org.other_opd_unit.name not in page
    row = unit_row(cycle, org.unit)
    response = en.post(
        reverse("evaluations:evaluator_assign", args=[row.pk]),
        {f"assign-{row.pk}-evaluator": users["evaluator"].pk},
    )
    assert response.status_code == 403
    assert not Assignment.objects.exists()
