"""Tests of the innovations' pieces of lower apps' pages: the weak unsur of a unit's
SKM paired with the innovations aimed at them."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from prima.innovations.panels import weak_unsur_innovations
from prima.innovations.testing import make_innovation
from prima.surveys import panels
from prima.surveys.testing import FOUR_RESPONDENTS, submit_scores

pytestmark = pytest.mark.django_db

DAY = date(2026, 5, 12)


@pytest.fixture
def answered(org):
    for row in FOUR_RESPONDENTS:
        submit_scores(org.layanan, row, day=DAY)
    submit_scores(org.other_opd_layanan, [4] * 9, day=DAY)
    return org


def unit_results(answered) -> str:
    url = reverse("surveys:unit-results", kwargs={"unit_pk": answered.unit.pk})
    return url + "?periode=2026-T2"


def test_the_innovations_app_registers_its_panel_on_the_skm_unit_page():
    """Installing the innovations app puts its provider on the SKM unit page."""
    assert weak_unsur_innovations in panels.unit_results._providers


def test_unit_results_pair_weak_unsur_with_their_innovations(en, answered, users):
    """Each weak unsur lists the innovations aimed at it, or invites one."""
    make_innovation(unit=answered.unit, title="Antrean Daring", targets=("U3",))
    make_innovation(unit=answered.unit, title="Draf Unit", published=False)
    make_innovation(unit=answered.other_opd_unit, title="Inovasi Lain", targets=("U1",))
    url = unit_results(answered)
    en.force_login(users["operator_unit"])
    page = en.get(url).content.decode()
    section = page[page.index('id="inovasi"') :]
    assert "Antrean Daring" in section and "Draf Unit" in section
    assert "Inovasi Lain" not in section
    assert section.count("no innovation yet") == 3  # U1, U2 and U9 have none
    assert "Register one" in section
    assert f"?opd={answered.unit.opd_id}&amp;unit={answered.unit.pk}" in section
    en.force_login(users["admin_pemda"])
    section = en.get(url).content.decode().split('id="inovasi"')[1]
    assert "Antrean Daring" in section and "Draf Unit" not in section
    en.force_login(users["petugas_loket"])
    section = en.get(url).content.decode().split('id="inovasi"')[1]
    assert "Antrean Daring" in section and "Register one" not in section


def test_no_panel_without_weak_unsur(en, org, users):
    """A unit whose SKM has no weak unsur gets no innovations section."""
    submit_scores(org.layanan, [4] * 9, day=DAY)
    en.force_login(users["operator_unit"])
    response = en.get(unit_results(org))
    assert not response.context["diagnosis"].weak_lines
    assert "U1" in response.content.decode()
    assert 'id="inovasi"' not in response.content.decode()


def test_no_panel_for_who_cannot_see_innovations(en, answered, users):
    """The same weak unsur give a panel to a registry reader, none to a stranger."""
    en.force_login(users["operator_unit"])
    diagnosis = en.get(unit_results(answered)).context["diagnosis"]
    assert diagnosis.weak_lines
    shown = weak_unsur_innovations(
        user=users["operator_unit"], unit=answered.unit, diagnosis=diagnosis
    )
    assert shown is not None and len(shown.data["lines"]) == len(diagnosis.weak_lines)
    hidden = weak_unsur_innovations(
        user=AnonymousUser(), unit=answered.unit, diagnosis=diagnosis
    )
    assert hidden is None
