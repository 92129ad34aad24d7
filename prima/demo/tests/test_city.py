"""The demo city's tables are consistent with each other and with the models' rules."""

import random
import re

from prima.core.roles import ROLE_LEVELS, Role
from prima.demo import city

UNITS = {u.code: u for opd in city.OPDS for u in opd.units}
LAYANAN_CODES = [f"{code}-{key}" for code, u in UNITS.items() for key in u.services]
CASES = {
    city.COMPLETE,
    city.INCOMPLETE,
    city.OVERDUE,
    city.DRAFT_ONLY,
    city.NO_STANDARD,
    city.VERSIONED,
    city.REVISING,
    city.AWAITING,
    city.RETURNED,
    city.NO_PARTICIPATION,
}


def test_codes_are_unique_and_valid_layanan_codes():
    """OPD, unit and service codes are unique; service codes fit Layanan.code."""
    opd_codes = [opd.code for opd in city.OPDS]
    unit_codes = [u.code for opd in city.OPDS for u in opd.units]
    assert len(set(opd_codes)) == len(opd_codes)
    assert len(set(unit_codes)) == len(unit_codes)
    assert len(set(LAYANAN_CODES)) == len(LAYANAN_CODES)
    pattern = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    assert all(pattern.match(code) and len(code) <= 30 for code in LAYANAN_CODES)


def test_every_service_kind_is_defined_once_and_used():
    """Units name only defined kinds, each kind is used, and paid kinds cite a Perda."""
    keys = [k.key for k in city.SERVICE_KINDS]
    used = {key for u in UNITS.values() for key in u.services}
    assert len(set(keys)) == len(keys)
    assert used == set(keys)
    for kind in city.SERVICE_KINDS:
        assert kind.domain in city.DOMAINS
        assert kind.requirements and kind.steps and kind.product
        assert kind.duration[0] > 0
        assert kind.duration[1] in {"menit", "jam", "hari", "hari_kerja"}
        assert (kind.tariff > 0) == bool(kind.tariff_basis)


def test_cases_and_maklumat_exceptions_name_existing_rows():
    """Fixed standard cases name existing services; maklumat exceptions name units."""
    assert set(city.STANDARD_CASES) <= set(LAYANAN_CODES)
    assert set(city.STANDARD_CASES.values()) <= CASES
    assert set(city.CASE_WEIGHTS) == CASES
    assert (city.MAKLUMAT_UNSIGNED | city.MAKLUMAT_MISSING).issubset(UNITS)
    assert not city.MAKLUMAT_UNSIGNED & city.MAKLUMAT_MISSING


def test_every_role_has_a_demo_login_at_an_allowed_level():
    """Each role has a login, scoped at a level ROLE_LEVELS allows for it."""
    opd_codes = {opd.code for opd in city.OPDS}
    for spec in city.USERS:
        if spec.superuser:
            assert not spec.role
            continue
        level = "unit" if spec.unit else "opd" if spec.opd else "pemda"
        assert level in ROLE_LEVELS[Role(spec.role)], spec.username
        assert not spec.unit or spec.unit in UNITS
        assert not spec.opd or spec.opd in opd_codes
    assert {spec.role for spec in city.USERS if spec.role} == set(Role.values)
    assert len(set(city.DEMO_USERNAMES)) == len(city.DEMO_USERNAMES)


def test_person_name_depends_only_on_the_generator():
    """The same seed gives the same names."""
    first = [city.person_name(random.Random(7)) for _ in range(3)]
    second = [city.person_name(random.Random(7)) for _ in range(3)]
    assert first == second
