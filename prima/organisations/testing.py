"""Small typed builders of organisation rows for tests and benchmarks."""

from __future__ import annotations

from itertools import count

# TEST_PASSWORD is re-exported: tests sign in the users make_user creates.
from prima.accounts.testing import TEST_PASSWORD as TEST_PASSWORD
from prima.accounts.testing import make_account
from prima.core.roles import Role
from prima.organisations.models import Layanan, Membership, Pemda, PerangkatDaerah, Unit

_seq = count(1)


def make_pemda(*, name: str = "", slug: str = "", kind: str = Pemda.Kind.KOTA) -> Pemda:
    n = next(_seq)
    return Pemda.objects.create(
        name=name or f"Kota Uji {n}", slug=slug or f"kota-uji-{n}", kind=kind
    )


def make_opd(*, pemda: Pemda, name: str = "", code: str = "") -> PerangkatDaerah:
    n = next(_seq)
    return PerangkatDaerah.objects.create(
        pemda=pemda,
        code=code or f"OPD{n}",
        name=name or f"Dinas Uji {n}",
        kind=PerangkatDaerah.Kind.DINAS,
    )


def make_unit(*, opd: PerangkatDaerah, name: str = "", code: str = "") -> Unit:
    n = next(_seq)
    return Unit.objects.create(
        pemda=opd.pemda,
        opd=opd,
        code=code or f"U{n}",
        name=name or f"Unit Uji {n}",
        kind=Unit.Kind.KANTOR,
    )


def make_layanan(*, unit: Unit, name: str = "", code: str = "") -> Layanan:
    n = next(_seq)
    return Layanan.objects.create(
        pemda=unit.pemda,
        unit=unit,
        code=code or f"L{n}",
        name=name or f"Layanan Uji {n}",
    )


def make_user(
    *,
    username: str = "",
    role: str | None = None,
    pemda: Pemda | None = None,
    opd: PerangkatDaerah | None = None,
    unit: Unit | None = None,
    **extra,
):
    """Create a user, optionally holding ``role`` at the given scope."""
    user = make_account(username=username or f"user{next(_seq)}", **extra)
    if role:
        scope_pemda = pemda or (opd.pemda if opd else unit.pemda if unit else None)
        membership = Membership(
            user=user, role=Role(role), pemda=scope_pemda, opd=opd, unit=unit
        )
        membership.full_clean()
        membership.save()
    return user
