"""The rows of the role × scope matrix, gathered once for every test that walks the
project's pages: the access matrix itself, the staff-text and tracking-code secrecy
checks, the link and language walks and the phone-width browser test."""

from __future__ import annotations

import importlib
import pkgutil

from django.urls import URLPattern, URLResolver, get_resolver

import tests
from tests.access import CASES as FOUNDATION_CASES
from tests.access import Case


def all_cases() -> list[Case]:
    """Return the foundation's rows plus every ``tests/access_cases_*.py`` module's."""
    cases = list(FOUNDATION_CASES)
    for module in pkgutil.iter_modules(tests.__path__):
        if module.name.startswith("access_cases_"):
            cases += importlib.import_module(f"tests.{module.name}").CASES
    return cases


CASES = all_cases()


# Users that only some rows judge, made when a row names them.
EXTRA_ROLES = frozenset({"pengelola_mpp"})  # Pemda-level roles


def staff_for(org, users, name: str):
    if name == "anonymous":
        return None
    if name not in users and name in EXTRA_ROLES:
        from prima.organisations.testing import make_user

        users[name] = make_user(username=name, role=name, pemda=org.pemda)
    return users[name]


def iter_url_names(resolver=None, prefix: str = ""):
    """Yield every named URL of the project, namespaced, except Django admin's."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from iter_url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"
