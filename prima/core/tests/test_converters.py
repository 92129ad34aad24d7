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


def test_every_path_id_uses_the_bounded_converter():
    """No URL pattern of the project reads a number with Django's unbounded ``int``
    converter: each id goes through ``id``, so new apps are covered too."""
    from django.urls import get_resolver
    from django.urls.converters import IntConverter

    def walk(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if getattr(entry, "namespace", None) == "admin":
                continue
            converters = getattr(entry.pattern, "converters", {})
            for name, converter in converters.items():
                yield f"{prefix}{entry.pattern}", name, converter
            if hasattr(entry, "url_patterns"):
                yield from walk(entry, f"{prefix}{entry.pattern}")

    unbounded = [
        (route, name)
        for route, name, converter in walk(get_resolver())
        if isinstance(converter, IntConverter)
    ]
    assert unbounded == []
