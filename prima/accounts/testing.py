"""Builders of staff accounts for tests; roles are memberships, built by
``prima.organisations.testing.make_user``."""

from __future__ import annotations

from itertools import count

from django.contrib.auth import get_user_model

_seq = count(1)
TEST_PASSWORD = "uji-Prima-2026!"


def make_account(*, username: str = "", **extra):
    """Create an account without any role, signing in with ``TEST_PASSWORD``."""
    username = username or f"akun{next(_seq)}"
    return get_user_model().objects.create_user(
        username=username,
        password=TEST_PASSWORD,
        email=f"{username}@example.test",
        **extra,
    )
