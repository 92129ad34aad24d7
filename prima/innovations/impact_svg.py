"""Server-rendered chart of an innovation's measured impact, for the page and a PDF.

One row per targeted unsur on the 1–4 answer scale: a hollow dot at the mean before
the innovation, a filled dot at the mean after it, and through the filled dot the 95%
interval of the difference (``impact.compare``) drawn as an error bar starting from
the before mean, i.e. [before + low, before + high]. The change is clear exactly when
that bar does not reach the dashed line at the before mean.

Pure string building with the standard library and ``prima.reports.svg``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from prima.reports.svg import BAR_COLOUR, WEAK_COLOUR, escape

# Narrow enough that a phone shows it near full size; the PDF scales it up.
WIDTH = 440
LABEL_WIDTH = 150
RIGHT = 24
ROW_HEIGHT = 34
TOP = 30
BOTTOM = 24
SCALE = (1, 4)
BEFORE_COLOUR = "#6b6b6b"


@dataclass(frozen=True)
class Row:
    """One unsur: its label, the two means and, when known, the interval bounds."""

    label: str
    before: Decimal
    after: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    worse: bool = False


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _shorten(label: str, limit: int = (LABEL_WIDTH - 10) // 6) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def impact_chart(
    rows: Sequence[Row], *, title: str, before_label: str, after_label: str
) -> str:
    """Return an SVG of the before and after means per row with the 95% interval."""
    plot = WIDTH - LABEL_WIDTH - RIGHT
    height = TOP + BOTTOM + len(rows) * ROW_HEIGHT

    def x(value: Decimal | float) -> float:
        clamped = min(max(float(value), SCALE[0]), SCALE[1])
        return LABEL_WIDTH + plot * (clamped - SCALE[0]) / (SCALE[1] - SCALE[0])

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<circle cx="{LABEL_WIDTH + 6}" cy="12" r="4" fill="#fff" '
        f'stroke="{BEFORE_COLOUR}" stroke-width="2"/>'
        f'<text x="{LABEL_WIDTH + 14}" y="16">{escape(before_label)}</text>'
        f'<circle cx="{LABEL_WIDTH + 76}" cy="12" r="4" fill="{BAR_COLOUR}"/>'
        f'<text x="{LABEL_WIDTH + 84}" y="16">{escape(after_label)}</text>',
    ]
    for tick in (1, 2, 3, 4):
        parts.append(
            f'<line x1="{_num(x(tick))}" x2="{_num(x(tick))}" y1="{TOP}" '
            f'y2="{height - BOTTOM}" stroke="#ddd"/>'
            f'<text x="{_num(x(tick))}" y="{height - 8}" text-anchor="middle" '
            f'font-size="9">{tick}</text>'
        )
    for index, row in enumerate(rows):
        parts.append(_row(row, TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2, x))
    parts.append("</svg>")
    return "".join(parts)


def _row(row: Row, y: float, x: Callable[[Decimal | float], float]) -> str:
    colour = WEAK_COLOUR if row.worse else BAR_COLOUR
    parts = [
        f'<text x="{LABEL_WIDTH - 8}" y="{_num(y + 4)}" text-anchor="end">'
        f"{escape(_shorten(row.label))}</text>",
        f'<line class="reference" x1="{_num(x(row.before))}" '
        f'x2="{_num(x(row.before))}" y1="{_num(y - 12)}" y2="{_num(y + 12)}" '
        f'stroke="{BEFORE_COLOUR}" stroke-dasharray="3 2"/>',
    ]
    if row.low is not None and row.high is not None:
        left, right = x(row.before + row.low), x(row.before + row.high)
        parts.append(
            f'<g class="interval" stroke="{colour}" stroke-width="2">'
            f'<line x1="{_num(left)}" x2="{_num(right)}" y1="{_num(y)}" y2="{_num(y)}"/>'
            f'<line x1="{_num(left)}" x2="{_num(left)}" y1="{_num(y - 5)}" '
            f'y2="{_num(y + 5)}"/>'
            f'<line x1="{_num(right)}" x2="{_num(right)}" y1="{_num(y - 5)}" '
            f'y2="{_num(y + 5)}"/></g>'
        )
    parts.append(
        f'<circle class="before" cx="{_num(x(row.before))}" cy="{_num(y)}" r="5" '
        f'fill="#fff" stroke="{BEFORE_COLOUR}" stroke-width="2"/>'
        f'<circle class="after" cx="{_num(x(row.after))}" cy="{_num(y)}" r="5" '
        f'fill="{colour}"/>'
    )
    return "".join(parts)
