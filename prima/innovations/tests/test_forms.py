"""Tests of the registry forms: owner choices, services, targets, external records."""

import pytest
from django.utils import timezone

from prima.core.roles import Role
from prima.innovations import selectors
from prima.innovations.forms import InnovationForm, OwnerPickForm, ReplicateForm
from prima.innovations.models import Innovation
from prima.innovations.testing import (
    answer_weakly,
    innovation_form_data,
    make_innovation,
)
from prima.organisations.testing import make_layanan

pytestmark = pytest.mark.django_db


def form_for(user, payload=None, instance=None, **kwargs) -> InnovationForm:
    owners = selectors.owners_for(user, current=instance)
    return InnovationForm(
        payload,
        instance=instance or Innovation(),
        owners=owners,
        today=timezone.localdate(),
        **kwargs,
    )


def test_unit_operator_records_for_their_unit_only(org, users):
    """The unit operator's choices are their unit and its OPD."""
    form = form_for(users["operator_unit"])
    assert list(form.fields["unit"].queryset) == [org.unit]
    assert list(form.fields["opd"].queryset) == [org.opd]
    assert list(form.fields["layanan"].queryset) == [org.layanan]


def test_unit_operator_must_choose_the_unit(org, users):
    """Without a unit, the unit operator gets an error on "unit"."""
    form = form_for(users["operator_unit"], innovation_form_data(org, unit=""))
    assert not form.is_valid()
    assert "unit" in form.errors


def test_opd_admin_may_record_for_the_whole_opd(org, users):
    """An OPD administrator may leave the unit empty."""
    form = form_for(users["admin_opd"], innovation_form_data(org, unit="", targets=[]))
    assert form.is_valid(), form.errors
    assert form.instance.pemda == org.pemda and form.instance.unit is None


def test_unit_of_another_opd_is_not_a_choice(org, users):
    """The OPD administrator cannot pick a unit of another OPD."""
    form = form_for(
        users["admin_opd"], innovation_form_data(org, unit=org.other_opd_unit.pk)
    )
    assert not form.is_valid()
    assert "unit" in form.errors


def test_service_of_another_unit_is_refused_on_layanan(org, users):
    """A service of a sibling unit is refused with an error naming it."""
    form = form_for(
        users["admin_opd"], innovation_form_data(org, layanan=[org.sibling_layanan.pk])
    )
    assert not form.is_valid()
    assert org.sibling_layanan.name in str(form.errors["layanan"])


def test_service_of_the_chosen_unit_is_accepted(org, users):
    """A service of the chosen unit is accepted."""
    form = form_for(
        users["admin_opd"], innovation_form_data(org, layanan=[org.layanan.pk])
    )
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["layanan"]) == [org.layanan]


def test_applied_innovation_of_a_unit_needs_a_target(org, users):
    """An applied innovation of a unit without a target fails on "targets"."""
    form = form_for(
        users["operator_unit"],
        innovation_form_data(
            org, stage="diterapkan", applied_on="2024-01-02", targets=[]
        ),
    )
    assert not form.is_valid()
    assert list(form.errors) == ["targets"]


def test_pemda_admin_records_another_region_with_its_origin(org, users):
    """The Pemda admin may leave the OPD empty, but then must name the origin."""
    form = form_for(
        users["admin_pemda"], innovation_form_data(org, opd="", unit="", targets=[])
    )
    assert not form.is_valid()
    assert set(form.errors) == {"origin_region", "origin_agency"}
    form = form_for(
        users["admin_pemda"],
        innovation_form_data(
            org,
            opd="",
            unit="",
            targets=[],
            origin_region="Kota Surabaya",
            origin_agency="Dispendukcapil",
        ),
    )
    assert form.is_valid(), form.errors
    assert form.instance.pemda == org.pemda and form.instance.opd is None


def test_pemda_admin_cannot_record_a_draft_for_an_opd(org, users):
    """An OPD's draft would be private to it, so the Pemda admin cannot pick one."""
    form = form_for(users["admin_pemda"], innovation_form_data(org))
    assert not form.is_valid()
    assert "opd" in form.errors


def test_no_weak_unsur_offers_all_nine(org, users):
    """Without SKM answers every unsur may be targeted and none is pre-checked."""
    form = form_for(users["operator_unit"], initial={"unit": org.unit})
    assert len(form.fields["targets"].choices) == 9
    assert not form.initial.get("targets")


def test_weak_unsur_restrict_the_targets(org, users):
    """With weak unsur, only they are offered, with their NRR, the weakest checked."""
    answer_weakly(org.layanan)
    form = form_for(users["operator_unit"], initial={"unit": org.unit})
    codes = [code for code, _label in form.fields["targets"].choices]
    assert codes[0] == "U3"
    assert set(codes) == {"U1", "U2", "U3", "U9"}
    assert "NRR 2.50" in dict(form.fields["targets"].choices)["U3"]
    assert form.initial["targets"] == ["U3"]


def test_target_outside_the_weak_unsur_is_refused(org, users):
    """Posting a strong unsur when weak ones exist fails on "targets"."""
    answer_weakly(org.layanan)
    form = form_for(users["operator_unit"], innovation_form_data(org, targets=["U4"]))
    assert not form.is_valid()
    assert list(form.errors) == ["targets"]
    assert "U4" in str(form.errors["targets"])


def test_weak_unsur_follow_the_posted_unit(org, users):
    """The weak unsur come from the posted unit, not another unit of the OPD."""
    answer_weakly(org.layanan)
    form = form_for(
        users["admin_opd"],
        innovation_form_data(org, unit=org.sibling_unit.pk, targets=["U4"]),
    )
    assert form.is_valid(), form.errors


def test_opd_without_unit_uses_the_opd_weak_unsur(org, users):
    """Without a unit, the OPD's own weak unsur are offered."""
    answer_weakly(make_layanan(unit=org.sibling_unit))
    form = form_for(users["admin_opd"], initial={"opd": org.opd})
    assert form.fields["targets"].choices[0][0] == "U3"


def test_edit_keeps_a_target_no_longer_weak(org, users):
    """An existing target stays selectable after the unit's weak unsur changed."""
    answer_weakly(org.layanan)
    innovation = make_innovation(unit=org.unit, targets=("U4",), published=False)
    form = form_for(users["operator_unit"], instance=innovation)
    codes = [code for code, _label in form.fields["targets"].choices]
    assert "U4" in codes and "U3" in codes
    assert form.initial["targets"] == ["U4"]


def test_sections_of_the_chosen_group_come_first(org, users):
    """The replication group's form lists its three extra sections first."""
    form = form_for(
        users["operator_unit"], innovation_form_data(org, group="replikasi")
    )
    sections = form.sections_of_group()
    names = [field.name for field in sections["mine"]]
    assert names[-3:] == ["inspirasi", "proses_replikasi", "faktor_pembeda"]
    assert "dampak" in [field.name for field in sections["others"]]
    assert not sections["others_open"]


def test_owner_pick_form_checks_the_unit_belongs(org, users):
    """The GET pick form refuses a unit that is not the user's."""
    owners = selectors.owners_for(users["operator_unit"])
    pick = OwnerPickForm({"unit": org.sibling_unit.pk}, owners=owners)
    assert not pick.is_valid()


def test_replicate_form_offers_pemda_admin_every_opd(org, users):
    """Starting a replication, the Pemda admin may hand it to any OPD of the Pemda."""
    owners = selectors.owners_for(users["admin_pemda"], replication=True)
    form = ReplicateForm({"title": "Salinan", "opd": org.other_opd.pk}, owners=owners)
    assert form.is_valid(), form.errors


def test_replicate_form_of_another_pemda_admin(org, users):
    """An OPD admin of Kabupaten Beta may only replicate into their own OPD."""
    from prima.organisations.testing import make_user

    beta = make_user(role=Role.ADMIN_OPD, opd=org.other_pemda_opd)
    owners = selectors.owners_for(beta, replication=True)
    refused = ReplicateForm({"title": "Salinan", "opd": org.opd.pk}, owners=owners)
    accepted = ReplicateForm(
        {"title": "Salinan", "opd": org.other_pemda_opd.pk}, owners=owners
    )
    assert not refused.is_valid() and accepted.is_valid()
