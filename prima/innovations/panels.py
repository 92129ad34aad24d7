"""The innovations app's pieces of lower apps' pages (``prima.core.panels``),
registered in ``InnovationsConfig.ready()``."""

from __future__ import annotations

from prima.core.panels import Panel
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import user_can
from prima.innovations.selectors import innovations_for_unsur


def weak_unsur_innovations(*, user, unit, diagnosis) -> Panel | None:
    """Pair each weak unsur of the unit's SKM with the innovations aimed at it, or
    invite one (step 4 of the cycle); nothing for a user who cannot see
    innovations or a unit without weak unsur."""
    lines = diagnosis.weak_lines
    if not lines or not user_can(user, Area.INNOVATION, VIEW):
        return None
    found = innovations_for_unsur(user, unit)
    return Panel(
        "innovations/panels/weak_unsur.html",
        {
            "unit": unit,
            "lines": [(line, found.get(line.unsur.value, [])) for line in lines],
            "can_register": user_can(user, Area.INNOVATION, CHANGE),
        },
    )
