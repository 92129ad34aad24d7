"""Role × scope rows for the holiday calendar: kept by the Pemda administrator
(complaints change grant at Pemda level) and the platform superuser only."""

from __future__ import annotations

from tests.access import LOGIN, Case, profile

KEEPERS = profile(
    403, anonymous=LOGIN, admin_pemda=200, other_pemda_admin=200, superuser=200
)
# An empty form re-shows the page with its errors.
POST_KEEPERS = KEEPERS
# Removing a day of Kota Alpha (the first keeper removes it; removing it again only
# says so): Kabupaten Beta's administrator does not reach Kota Alpha's calendar.
DELETE_OWN = {
    **{k: (302 if v == 200 else v) for k, v in KEEPERS.items()},
    "other_pemda_admin": 404,
}
DELETE_OTHER = {**DELETE_OWN, "admin_pemda": 404, "other_pemda_admin": 302}


def holiday(pemda_attr: str):
    def build(org) -> dict:
        from datetime import date

        from prima.complaints.models import Holiday

        pemda = getattr(org, pemda_attr)
        Holiday.objects.create(pemda=pemda, day=date(2027, 8, 17), name="Kemerdekaan")
        return {"pemda_pk": pemda.pk, "day": "2027-08-17"}

    return build


CASES: list[Case] = [
    Case("complaints:holiday-list", expected=KEEPERS),
    Case("complaints:holiday-add", expected=POST_KEEPERS, method="post"),
    Case("complaints:holiday-import", expected=POST_KEEPERS, method="post"),
    Case("complaints:holiday-delete", holiday("pemda"), DELETE_OWN, method="post"),
    Case(
        "complaints:holiday-delete",
        holiday("other_pemda"),
        DELETE_OTHER,
        method="post",
        label="holiday-delete other Pemda",
    ),
]
