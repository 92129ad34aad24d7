"""Demo steps that build the organisation: Pemda, OPD, units, services, users."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from PIL import Image, ImageDraw

from prima.core.roles import Role
from prima.core.uploads import CleanFile
from prima.demo import city
from prima.demo.context import DemoContext
from prima.organisations import services
from prima.organisations.models import (
    Layanan,
    MemberEvent,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)

# Rows are checked against their model's field validators and clean(); uniqueness is
# left to the database constraints, which bulk_create hits anyway.
_CLEAN = {"validate_unique": False, "validate_constraints": False}
_MEDICAL_UNITS = frozenset({Unit.Kind.PUSKESMAS, Unit.Kind.RUMAH_SAKIT})


def create_pemda(ctx: DemoContext) -> None:
    spec = city.PEMDA
    pemda = Pemda(
        name=spec.name,
        slug=spec.slug,
        kind=spec.kind,
        head_title=spec.head_title,
        address=spec.address,
        website=spec.website,
    )
    pemda.full_clean()
    pemda.save()
    ctx.pemda = pemda
    services.letterhead_save(
        pemda=pemda,
        by=None,
        fields={
            "lines": "\n".join(city.LETTERHEAD_LINES),
            "signatory_name": city.SIGNATORY[0],
            "signatory_title": city.SIGNATORY[1],
            "signatory_nip": city.nip(ctx.rng("signatory")),
            "team": "\n".join(city.SKM_TEAM),
            "schedule": "\n".join(city.SKM_SCHEDULE),
        },
        logo=CleanFile("logo.png", "image/png", _emblem()),
        remove_logo=False,
    )
    ctx.count("pemda", 1)


def _emblem() -> bytes:
    """The city's invented emblem: a shield of two colours with a star."""
    image = Image.new("RGBA", (120, 140), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(10, 10), (110, 10), (110, 80), (60, 132), (10, 80)], fill="#1f5f8b")
    draw.polygon([(60, 10), (110, 10), (110, 80), (60, 132)], fill="#b0412e")
    star = [(60, 30), (67, 52), (90, 52), (72, 66), (79, 88), (60, 75), (41, 88),
            (48, 66), (30, 52), (53, 52)]  # fmt: skip
    draw.polygon(star, fill="#f2c94c")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def create_opds(ctx: DemoContext) -> None:
    rng = ctx.rng("opd-heads")
    nips = ctx.rng("opd-head-nips")
    opds = []
    for spec in city.OPDS:
        medical = spec.kind == PerangkatDaerah.Kind.RSUD
        opd = PerangkatDaerah(
            pemda=ctx.pemda,
            code=spec.code,
            name=spec.name,
            short_name=spec.short_name,
            kind=spec.kind,
            head_name=spec.head or city.person_name(rng, medical=medical),
            head_nip=city.nip(nips),
        )
        opd.full_clean(**_CLEAN)
        opds.append(opd)
    PerangkatDaerah.objects.bulk_create(opds)
    ctx.opds = {opd.code: opd for opd in opds}
    ctx.count("opd", len(opds))


def create_units(ctx: DemoContext) -> None:
    """Create every unit; the first unit of an OPD is led by the OPD's head."""
    rng = ctx.rng("unit-heads")
    nips = ctx.rng("unit-head-nips")
    units = []
    for opd_spec in city.OPDS:
        opd = ctx.opds[opd_spec.code]
        for index, spec in enumerate(opd_spec.units):
            number = len(units) + 1
            unit = Unit(
                pemda=ctx.pemda,
                opd=opd,
                code=spec.code,
                name=spec.name,
                kind=spec.kind,
                address=spec.address or opd_spec.address,
                phone=f"(0299) 555-{100 + number:04d}",
                email=f"{spec.handle}@{city.EMAIL_DOMAIN}",
                opening_hours=spec.hours,
            )
            unit.full_clean(**_CLEAN)
            units.append(unit)
            ctx.unit_specs[spec.code] = spec
            if spec.code in city.UNIT_HEADS:
                head = city.UNIT_HEADS[spec.code]
            elif index == 0 and opd_spec.kind != PerangkatDaerah.Kind.SEKRETARIAT:
                head = opd.head_name
            else:
                head = city.person_name(rng, medical=spec.kind in _MEDICAL_UNITS)
            ctx.unit_heads[spec.code] = (head, spec.head or f"Kepala {spec.name}")
            unit.head_name, unit.head_title = ctx.unit_heads[spec.code]
            unit.head_nip = opd.head_nip if head == opd.head_name else city.nip(nips)
    Unit.objects.bulk_create(units)
    ctx.units = {unit.code: unit for unit in units}
    ctx.count("units", len(units))


def create_layanan(ctx: DemoContext) -> None:
    rows = []
    for code, unit in ctx.units.items():
        for key in ctx.unit_specs[code].services:
            kind = city.SERVICE_KIND_BY_KEY[key]
            layanan = Layanan(
                pemda=ctx.pemda,
                unit=unit,
                code=f"{code}-{key}",
                name=kind.name,
                description=(
                    f"{kind.name} di {unit.name}. Produk layanan: {kind.product}."
                ),
            )
            layanan.full_clean(**_CLEAN)
            rows.append(layanan)
            ctx.layanan_kinds[layanan.code] = kind
    Layanan.objects.bulk_create(rows)
    ctx.layanan = {layanan.code: layanan for layanan in rows}
    ctx.count("layanan", len(rows))


def create_users(ctx: DemoContext) -> None:
    """Create the demo logins, all sharing one password hash, the staff without a
    login (one unusable password), and their memberships."""
    user_model = get_user_model()
    users = []
    no_login = make_password(None)
    logins = set(city.DEMO_USERNAMES)
    for spec in city.USERS + city.STAFF:
        user = user_model(
            username=spec.username,
            full_name=spec.full_name,
            position=spec.position,
            email=f"{spec.username}@{city.EMAIL_DOMAIN}",
            password=ctx.password_hash if spec.username in logins else no_login,
            is_staff=spec.superuser,
            is_superuser=spec.superuser,
        )
        user.full_clean(**_CLEAN)
        users.append(user)
    user_model.objects.bulk_create(users)
    ctx.users = {user.username: user for user in users}

    memberships = []
    for spec in city.USERS + city.STAFF:
        if not spec.role:
            continue
        membership = Membership(
            user=ctx.users[spec.username],
            role=Role(spec.role),
            pemda=ctx.pemda,
            opd=ctx.opds[spec.opd] if spec.opd else None,
            unit=ctx.units[spec.unit] if spec.unit else None,
        )
        membership.full_clean(**_CLEAN)
        memberships.append(membership)
    Membership.objects.bulk_create(memberships)
    ctx.memberships = memberships
    # Each member page starts its history with the invitation that gave the role.
    MemberEvent.objects.bulk_create(
        MemberEvent(
            member=m.user,
            actor=ctx.users[city.SUPERUSER],
            action=MemberEvent.Action.INVITED,
            membership=m,
            role=m.role,
            scope=str(m.scope_object),
        )
        for m in memberships
    )
    ctx.count("users", len(users))
