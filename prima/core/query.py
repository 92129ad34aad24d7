"""Reading numbers and ids from text a request brings, which anyone can write."""

from __future__ import annotations

from collections.abc import Mapping

MAX_ID = 2**63 - 1  # the largest id a 64-bit primary key holds
SLUG_MAX = 100  # longer than any slug, so a cut text never matches one by chance


def parse_id(text: str) -> int | None:
    """Return the id ``text`` names, or None unless it is plain ASCII digits of a
    number from 1 to ``MAX_ID``.

    ``str.isdigit`` alone lets "²" through (``int`` refuses it), and ``int`` alone
    takes a 19-digit number the database cannot hold.
    """
    number = int_param({"id": text}, "id", default=0, low=1, high=MAX_ID)
    return number or None


def int_param(
    query: Mapping[str, str], name: str, *, default: int, low: int, high: int
) -> int:
    """Return the whole number in ``query[name]``, or ``default`` when it is missing,
    not plain ASCII digits, or outside ``low..high``."""
    value = query.get(name) or ""
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(high)):
        return default
    number = int(value)
    return number if low <= number <= high else default


def text_param(query: Mapping[str, str], name: str, *, max_length: int) -> str:
    """Return the text in ``query[name]``, stripped and cut to ``max_length``, or ""
    when it holds a NUL byte, which no database text holds (PostgreSQL refuses a
    query that carries one, a server error)."""
    value = (query.get(name) or "").strip()[:max_length]
    return "" if "\x00" in value else value
