"""Matrix rows for the site's own assets: /favicon.ico sends everyone to the icon."""

from __future__ import annotations

from tests.access import Case, profile

CASES: list[Case] = [
    Case("portal:favicon", expected=profile(302)),
]
