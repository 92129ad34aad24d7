"""Messages built outside a request are asserted in English."""

from prima.core.testing import english_messages  # noqa: F401
