"""Role × scope rows for the citizen side of complaints: every page is public; the
case pages need a session that unlocked a case, so a fresh visitor (whatever their
staff role) is sent to the tracking form."""

from __future__ import annotations

from tests.access import PUBLIC, Case, profile

# A visitor whose session unlocked no case is redirected to the tracking form.
TO_TRACK_FORM = profile(302)


def slug(attr: str = "pemda"):
    return lambda org: {"pemda_slug": getattr(org, attr).slug}


CASES: list[Case] = [
    Case("complaints:submit", slug(), PUBLIC),
    Case(
        "complaints:submit",
        slug("other_pemda"),
        PUBLIC,
        label="complaints:submit other Pemda",
    ),
    Case("complaints:submitted", slug(), PUBLIC),
    Case("complaints:track", slug(), PUBLIC),
    Case("complaints:track-case", slug(), TO_TRACK_FORM),
    Case("complaints:track-reply", slug(), TO_TRACK_FORM, method="post"),
    Case("complaints:track-rate", slug(), TO_TRACK_FORM, method="post"),
    Case("complaints:track-forget", slug(), TO_TRACK_FORM, method="post"),
]
