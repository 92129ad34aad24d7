"""Tests of the staff forms of the organisation app."""

import pytest

from prima.organisations.forms import (
    LayananFilterForm,
    LayananForm,
    UnitForm,
)
from prima.organisations.models import PerangkatDaerah, Unit

pytestmark = pytest.mark.django_db


def test_layanan_form_accepts_only_given_units(org):
    """A unit outside the offered choices is an invalid choice."""
    units = Unit.objects.filter(pk=org.unit.pk)
    data = {"unit": org.other_opd_unit.pk, "code": "X-1", "name": "Uji"}
    form = LayananForm(data, units=units)
    assert not form.is_valid()
    assert "unit" in form.errors
    assert LayananForm({**data, "unit": org.unit.pk}, units=units).is_valid()


def test_layanan_form_checks_code_shape(org):
    """A code with spaces or symbols is refused on the code field."""
    units = Unit.objects.all()
    form = LayananForm({"unit": org.unit.pk, "code": "a b", "name": "x"}, units=units)
    assert not form.is_valid()
    assert "code" in form.errors


def test_unit_form_accepts_only_given_opds(org):
    """An OPD outside the offered choices is an invalid choice."""
    opds = PerangkatDaerah.objects.filter(pemda=org.pemda)
    data = {
        "opd": org.other_pemda_opd.pk,
        "code": "U-9",
        "name": "Loket",
        "kind": "loket",
    }
    assert "opd" in UnitForm(data, opds=opds).errors
    assert UnitForm({**data, "opd": org.opd.pk}, opds=opds).is_valid()


def test_filter_form_ignores_out_of_scope_choice(org):
    """An OPD the user cannot see is ignored while the search text still applies."""
    form = LayananFilterForm(
        {"q": " ktp ", "opd": org.other_pemda_opd.pk},
        opds=PerangkatDaerah.objects.filter(pemda=org.pemda),
        units=Unit.objects.filter(pemda=org.pemda),
    )
    assert form.filters() == {"q": "ktp", "opd": None, "unit": None}


def test_unbound_filter_form_has_no_filters(org):
    """Without GET parameters the list is unfiltered."""
    form = LayananFilterForm(
        None, opds=PerangkatDaerah.objects.all(), units=Unit.objects.all()
    )
    assert form.filters() == {"q": "", "opd": None, "unit": None}
