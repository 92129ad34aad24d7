"""Role × scope rows for staff management: the staff list, invitations, a member's
page and its POST-only actions. Only the Pemda and OPD administrators (and the
platform superuser) hold the users grant; an OPD administrator reaches the staff of
its OPD and units only."""

from __future__ import annotations

from tests.access import LOGIN, OTHER_PEMDA, Case, profile

# Pages open to holders of the users grant anywhere.
PEOPLE_LIST = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    other_pemda_admin=200,
    superuser=200,
)
# A member of Kota Alpha's first unit: its Pemda admin and its OPD admin reach them.
MEMBER_OWN_UNIT = profile(
    404, anonymous=LOGIN, admin_pemda=200, admin_opd=200, superuser=200
)
# A member of another OPD of Kota Alpha: the OPD admin does not reach them.
MEMBER_OTHER_OPD = {**MEMBER_OWN_UNIT, "admin_opd": 404}


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


def member(unit_attr: str):
    """Build a fresh operator of the unit, so actions on them change nobody else."""

    def build(org) -> dict:
        from prima.core.roles import Role
        from prima.organisations.testing import make_user

        user = make_user(role=Role.OPERATOR_UNIT, unit=getattr(org, unit_attr))
        return {"pk": user.pk}

    return build


def membership(unit_attr: str):
    def build(org) -> dict:
        from prima.organisations.models import Membership

        return {"pk": Membership.objects.get(user_id=member(unit_attr)(org)["pk"]).pk}

    return build


CASES: list[Case] = [
    # The invitation page answers everyone; a wrong token shows that the link failed.
    Case(
        "accounts:invitation-accept",
        lambda org: {"uidb64": "MQ", "token": "bad-token"},
    ),
    Case("organisations:member-list", expected=PEOPLE_LIST),
    Case("organisations:member-invite", expected=PEOPLE_LIST),
    Case("organisations:member-detail", member("unit"), MEMBER_OWN_UNIT),
    Case(
        "organisations:member-detail",
        member("other_opd_unit"),
        MEMBER_OTHER_OPD,
        label="member-detail other OPD",
    ),
    Case(
        "organisations:member-detail",
        member("other_pemda_unit"),
        OTHER_PEMDA,
        label="member-detail other Pemda",
    ),
    # An empty form re-renders the member page with its errors.
    Case(
        "organisations:membership-add",
        member("unit"),
        MEMBER_OWN_UNIT,
        method="post",
    ),
    Case(
        "organisations:membership-add",
        member("other_opd_unit"),
        MEMBER_OTHER_OPD,
        method="post",
        label="membership-add other OPD",
    ),
    Case(
        "organisations:membership-end",
        membership("unit"),
        post(MEMBER_OWN_UNIT),
        method="post",
    ),
    Case(
        "organisations:membership-end",
        membership("other_pemda_unit"),
        post(OTHER_PEMDA),
        method="post",
        label="membership-end other Pemda",
    ),
    Case(
        "organisations:member-deactivate",
        member("unit"),
        post(MEMBER_OWN_UNIT),
        method="post",
    ),
    Case(
        "organisations:member-deactivate",
        member("other_opd_unit"),
        post(MEMBER_OTHER_OPD),
        method="post",
        label="member-deactivate other OPD",
    ),
    # Unlocking a login that is not locked says so on the member page (302).
    Case(
        "organisations:member-unlock",
        member("unit"),
        post(MEMBER_OWN_UNIT),
        method="post",
    ),
    Case(
        "organisations:member-unlock",
        member("other_opd_unit"),
        post(MEMBER_OTHER_OPD),
        method="post",
        label="member-unlock other OPD",
    ),
    Case(
        "organisations:member-unlock",
        member("other_pemda_unit"),
        post(OTHER_PEMDA),
        method="post",
        label="member-unlock other Pemda",
    ),
    Case(
        "organisations:member-reactivate",
        member("unit"),
        post(MEMBER_OWN_UNIT),
        method="post",
    ),
    Case(
        "organisations:member-reactivate",
        member("other_pemda_unit"),
        post(OTHER_PEMDA),
        method="post",
        label="member-reactivate other Pemda",
    ),
]
