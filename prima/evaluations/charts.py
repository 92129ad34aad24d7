"""Server-rendered chart of a unit's PEKPPP result, for its page and its PDF.

One row per aspect of the instrument on the 0–5 scale of the NilaiAspek
(``ipp.aspect_values``): a bar for the evaluator's value and, when users answered the
F-03, a thinner bar under it for the users' value. Bars start at 0 so they compare
honestly; dashed lines mark the lower bounds of the categories B (3.51) and A (4.51).

Pure string building with the standard library and ``prima.reports.svg``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from prima.reports.svg import BAR_COLOUR, escape, two_decimals

WIDTH = 520
LABEL_WIDTH = 190
VALUE_WIDTH = 44
ROW_HEIGHT = 34
BAR_HEIGHT = 14
USERS_HEIGHT = 7
TOP = 22
BOTTOM = 22
SCALE_MAX = Decimal(5)
USERS_COLOUR = "#8a6d1f"
MARKS = (Decimal("3.51"), Decimal("4.51"))
LEGEND = 18


@dataclass(frozen=True)
class AspectBar:
    """One aspect: its label, the evaluator's value and the users' value if any."""

    label: str
    value: Decimal
    users: Decimal | None = None


def _x(value: Decimal, plot: int) -> str:
    clamped = min(max(value, Decimal(0)), SCALE_MAX)
    return f"{LABEL_WIDTH + float(clamped) * plot / float(SCALE_MAX):.1f}"


def _fit(label: str, limit: int = (LABEL_WIDTH - 8) // 6) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def aspect_chart(
    bars: Sequence[AspectBar],
    *,
    title: str,
    evaluator_label: str = "",
    users_label: str = "",
    fmt: Callable[[Decimal], str] = two_decimals,
) -> str:
    """Return the SVG bar chart of a unit's aspect values on 0–5; a legend names the
    two bars when users' values are drawn."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    legend = any(bar.users is not None for bar in bars)
    height = TOP + BOTTOM + len(bars) * ROW_HEIGHT + (LEGEND if legend else 0)
    axis = height - (LEGEND if legend else 0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in range(6):
        x = _x(Decimal(tick), plot)
        parts.append(
            f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{axis - BOTTOM}" '
            f'stroke="#dddddd"/>'
            f'<text x="{x}" y="{axis - 6}" text-anchor="middle" '
            f'font-size="9">{tick}</text>'
        )
    for mark in MARKS:
        x = _x(mark, plot)
        parts.append(
            f'<line class="mark" x1="{x}" y1="{TOP - 6}" x2="{x}" '
            f'y2="{axis - BOTTOM}" stroke="#6b6b6b" stroke-dasharray="3 3"/>'
        )
    for index, bar in enumerate(bars):
        y = TOP + index * ROW_HEIGHT
        end = _x(bar.value, plot)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 3}" '
            f'text-anchor="end">{escape(_fit(bar.label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" '
            f'width="{float(end) - LABEL_WIDTH:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{float(end) + 4:.1f}" y="{y + BAR_HEIGHT - 3}">'
            f"{escape(fmt(bar.value))}</text>"
        )
        if bar.users is not None:
            users_end = _x(bar.users, plot)
            parts.append(
                f'<rect class="users" x="{LABEL_WIDTH}" y="{y + BAR_HEIGHT + 2}" '
                f'width="{float(users_end) - LABEL_WIDTH:.1f}" '
                f'height="{USERS_HEIGHT}" fill="{USERS_COLOUR}">'
                f"<title>{escape(users_label)} {escape(fmt(bar.users))}</title>"
                f"</rect>"
            )
    if legend:
        y = height - 12
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y - 8}" width="10" height="10" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + 14}" y="{y + 1}">{escape(evaluator_label)}</text>'
            f'<rect x="{LABEL_WIDTH + 130}" y="{y - 8}" width="10" height="10" '
            f'fill="{USERS_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + 144}" y="{y + 1}">{escape(users_label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
