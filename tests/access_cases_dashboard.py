"""Role × scope rows of the leadership dashboard: the administrators and the
leadership of a Pemda or an OPD open theirs; nobody else has one."""

from __future__ import annotations

from tests.access import LOGIN, Case, profile

CASES = [
    Case(
        "dashboard:home",
        expected=profile(
            403,
            anonymous=LOGIN,
            admin_pemda=200,
            admin_opd=200,
            pimpinan=200,
            other_pemda_admin=200,
            superuser=200,
        ),
    ),
]
