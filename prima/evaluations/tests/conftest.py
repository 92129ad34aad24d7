"""Fixtures of these tests: messages built outside a request are in English."""

from prima.core.testing import english_messages  # noqa: F401
