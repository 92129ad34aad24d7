"""Shared fixtures: a small organisation tree over two Pemda and one user per role."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from hypothesis import settings

from prima.core.roles import Role

# Speed is measured in bench/, never in tests: on a loaded machine (parallel workers,
# the PostgreSQL part) a property test's example may take longer than Hypothesis's
# 200 ms deadline without anything being wrong.
settings.register_profile("prima", deadline=None)
settings.load_profile("prima")


@dataclass
class OrgTree:
    """Kota A with two OPD (two units each) and Kabupaten B with one OPD and unit."""

    pemda: object
    opd: object
    unit: object
    layanan: object
    sibling_unit: object
    sibling_layanan: object
    other_opd: object
    other_opd_unit: object
    other_opd_layanan: object
    other_pemda: object
    other_pemda_opd: object
    other_pemda_unit: object
    other_pemda_layanan: object


@pytest.fixture
def org(db) -> OrgTree:
    from prima.organisations.testing import (
        make_layanan,
        make_opd,
        make_pemda,
        make_unit,
    )

    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Dinas Kependudukan dan Pencatatan Sipil")
    unit = make_unit(opd=opd, name="Kantor Disdukcapil Pusat")
    sibling_unit = make_unit(opd=opd, name="Loket Disdukcapil Timur")
    other_opd = make_opd(pemda=pemda, name="Dinas Kesehatan")
    other_opd_unit = make_unit(opd=other_opd, name="Puskesmas Melati")
    other_pemda = make_pemda(
        name="Kabupaten Beta", slug="kabupaten-beta", kind="kabupaten"
    )
    other_pemda_opd = make_opd(pemda=other_pemda, name="Dinas Kependudukan Beta")
    other_pemda_unit = make_unit(opd=other_pemda_opd, name="Kantor Dukcapil Beta")
    return OrgTree(
        pemda=pemda,
        opd=opd,
        unit=unit,
        layanan=make_layanan(unit=unit, name="Penerbitan KTP-el"),
        sibling_unit=sibling_unit,
        sibling_layanan=make_layanan(
            unit=sibling_unit, name="Penerbitan Kartu Keluarga"
        ),
        other_opd=other_opd,
        other_opd_unit=other_opd_unit,
        other_opd_layanan=make_layanan(unit=other_opd_unit, name="Imunisasi Anak"),
        other_pemda=other_pemda,
        other_pemda_opd=other_pemda_opd,
        other_pemda_unit=other_pemda_unit,
        other_pemda_layanan=make_layanan(unit=other_pemda_unit, name="Akta Kelahiran"),
    )


ROLE_SCOPES = {
    Role.ADMIN_PEMDA: "pemda",
    Role.ADMIN_OPD: "opd",
    Role.OPERATOR_UNIT: "unit",
    Role.PETUGAS_LOKET: "unit",
    Role.EVALUATOR: "pemda",
    Role.JURI: "pemda",
    Role.MENTOR: "pemda",
    Role.PIMPINAN: "pemda",
}


@pytest.fixture
def users(org) -> dict[str, object]:
    """Return one user per role in Kota Alpha (OPD/unit roles on ``org.opd``/``org.unit``).

    Also ``other_pemda_admin`` (admin of Kabupaten Beta), ``no_role`` (an account with
    no membership) and ``superuser``.
    """
    from prima.organisations.testing import make_user

    result: dict[str, object] = {}
    for role, level in ROLE_SCOPES.items():
        scope = {
            "pemda": {"pemda": org.pemda},
            "opd": {"opd": org.opd},
            "unit": {"unit": org.unit},
        }[level]
        result[str(role)] = make_user(username=str(role), role=role, **scope)
    result["other_pemda_admin"] = make_user(
        username="other_pemda_admin", role=Role.ADMIN_PEMDA, pemda=org.other_pemda
    )
    result["no_role"] = make_user(username="no_role")
    result["superuser"] = make_user(
        username="superuser", is_superuser=True, is_staff=True
    )
    return result


def pytest_runtest_setup(item):
    """The PostgreSQL part of make test skips the checks that do not depend on the
    database (marked ``sqlite_part_only``): the SQLite part has run them already, and
    the suite has a time budget."""
    if item.get_closest_marker("sqlite_part_only") and os.environ.get(
        "DATABASE_URL", ""
    ).startswith(("postgres://", "postgresql://")):
        pytest.skip("does not depend on the database: runs in the SQLite part")


def pytest_sessionfinish(session, exitstatus):
    """Fail a run in which every collected test was skipped: such a run proves nothing.

    Under pytest-xdist only the controller decides: it receives every worker's reports,
    while one worker may rightly pass nothing (it drew only skipped tests).
    """
    if hasattr(session.config, "workerinput"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or exitstatus != 0:
        return
    passed = len(reporter.stats.get("passed", []))
    if passed == 0:
        session.exitstatus = 1
        reporter.write_line(
            "ERROR: no test passed in this run (all skipped?)", red=True
        )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache: row ids repeat between tests."""
    from django.core.cache import caches

    for name in ("default", "shared"):
        caches[name].clear()
    yield
    for name in ("default", "shared"):
        caches[name].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language, whatever ran before it.

    A request activates its language in the thread and leaves it active, so without
    this a test would see the language of whichever test its worker ran last.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
