"""Fixtures of these tests: pages and messages in English, the msgid language.

The project's default language is Indonesian; asserting on English msgids keeps the
tests independent of the translation catalog.
"""

from prima.core.testing import english  # noqa: F401
