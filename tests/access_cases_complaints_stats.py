"""Matrix rows for the complaint statistics: the staff page needs the complaints view
grant somewhere; the public figures are open to everyone under a known Pemda address."""

from __future__ import annotations

from tests.access import COMPLAINTS_LIST, PUBLIC, Case, profile

CASES: list[Case] = [
    Case("complaints:stats", expected=COMPLAINTS_LIST),
    Case(
        "complaints:public-stats",
        lambda org: {"pemda_slug": org.pemda.slug},
        PUBLIC,
    ),
    Case(
        "complaints:public-stats",
        lambda org: {"pemda_slug": "no-such-pemda"},
        profile(404),
        label="public-stats unknown Pemda",
    ),
]
