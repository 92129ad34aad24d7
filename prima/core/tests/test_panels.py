"""Tests of the page extension points: slots, their providers and panels."""

import pytest

from prima.core.panels import Panel, Slot


def test_panels_come_from_every_provider_in_registration_order():
    """A slot returns its providers' panels in order, skipping those with none."""
    slot = Slot("test.page", arguments=("unit",))
    slot.register(lambda *, unit: Panel("first.html", {"unit": unit}))
    slot.register(lambda *, unit: None)
    slot.register(lambda *, unit: Panel("second.html"))
    panels = slot.panels(unit=7)
    assert [p.template for p in panels] == ["first.html", "second.html"]
    assert panels[0].data == {"unit": 7}


def test_registering_twice_adds_one_provider_and_unregister_removes_it():
    """ready() running twice does not show a panel twice; unregister undoes it."""
    slot = Slot("test.page", arguments=())

    def provider():
        return Panel("one.html")

    slot.register(provider)
    slot.register(provider)
    assert len(slot.panels()) == 1
    slot.unregister(provider)
    slot.unregister(provider)
    assert slot.panels() == []


@pytest.mark.parametrize("arguments", [{}, {"unit": 1, "user": 2}, {"user": 2}])
def test_a_page_must_pass_exactly_the_slots_arguments(arguments):
    """Missing or extra arguments are refused before any provider runs."""
    slot = Slot("test.page", arguments=("unit",))
    slot.register(lambda **kwargs: pytest.fail("provider called"))
    with pytest.raises(TypeError, match="test.page"):
        slot.panels(**arguments)
