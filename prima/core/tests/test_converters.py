"""Tests of the path converters every app's URLconf uses."""

import pytest
from django.urls import Resolver404, resolve, reverse


def test_an_id_of_up_to_18_digits_resolves():
    """An id a 64-bit key holds reaches the view."""
    url = reverse("organisations:unit-detail", kwargs={"pk": 10**18 - 1})
    assert resolve(url).kwargs == {"pk": 10**18 - 1}


@pytest.mark.parametrize("digits", [19, 40])
def test_a_longer_id_is_not_found(digits):
    """A longer id is a 404 before any view runs, so no lookup can overflow on it
    (Django guards ``pk=`` but not ``unit=``, ``unit_id=`` or ``pk__in=``)."""
    with pytest.raises(Resolver404):
        resolve(f"/staf/organisasi/unit/{'9' * digits}/")
