"""Server-side SVG charts: the same markup serves a web page and a WeasyPrint PDF.

Pure string building with the standard library only. Every text that comes from the
caller is XML-escaped; coordinates are written with a dot as decimal separator whatever
the active locale, because SVG coordinates are not prose. Numbers a reader sees go
through the caller's ``fmt`` (decimal comma in Indonesian).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape as _escape

WIDTH = 640
LABEL_WIDTH = 280
# Sans-serif at 11 px averages about 6 px a character; longer labels are shortened.
LABEL_CHARS = (LABEL_WIDTH - 8) // 6
VALUE_WIDTH = 50
BAR_HEIGHT = 18
BAR_GAP = 8
TOP = 26
BOTTOM = 22

#: Converted scale of the SKM (25–100) and the lower bound of each mutu above D.
SCALE_MIN = 25
SCALE_MAX = 100
GRADE_BANDS: tuple[tuple[Decimal, Decimal, str, str], ...] = (
    (Decimal(25), Decimal("65.00"), "D", "#f8d7d3"),
    (Decimal("65.00"), Decimal("76.61"), "C", "#fcebc8"),
    (Decimal("76.61"), Decimal("88.31"), "B", "#dcefd9"),
    (Decimal("88.31"), Decimal(100), "A", "#c7e6f2"),
)
BAR_COLOUR = "#1f5f8b"
WEAK_COLOUR = "#b0412e"


@dataclass(frozen=True)
class Bar:
    """One labelled value on the 25–100 scale; ``weak`` draws it in the alert colour."""

    label: str
    value: Decimal | float | int
    weak: bool = False


def escape(text: object) -> str:
    """Return ``text`` escaped for XML character data and attribute values."""
    return _escape(str(text), {'"': "&quot;", "'": "&apos;"})


def _num(value: float | Decimal | int) -> str:
    text = f"{float(value):.2f}"
    return text[:-3] if text.endswith(".00") else text


def two_decimals(value: Decimal | float | int) -> str:
    """Return ``value`` with two decimals, the default text beside a bar or point."""
    return f"{float(value):.2f}"


def _tick(value: Decimal | float | int, fmt: Callable[..., str]) -> str:
    """Return an axis label: whole numbers bare, others in the caller's format."""
    return str(int(value)) if float(value).is_integer() else fmt(value)


def _clamp(value: Decimal | float | int) -> Decimal:
    return min(max(Decimal(str(value)), Decimal(0)), Decimal(SCALE_MAX))


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]


def _fit(label: str, limit: int = LABEL_CHARS) -> str:
    """Return ``label`` shortened with an ellipsis to fit the label column."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    width: int = WIDTH,
    fmt: Callable[[Decimal | float | int], str] = two_decimals,
) -> str:
    """Return a horizontal bar chart of values on 0–100 with the mutu bands shaded.

    A bar's length is proportional to its value (0 at the left edge of the plot), so
    bars compare honestly; the bands mark where D, C, B and A begin.
    """
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + BOTTOM + len(bars) * (BAR_HEIGHT + BAR_GAP)

    def x(value: Decimal | float | int) -> float:
        return LABEL_WIDTH + float(_clamp(value)) * plot / SCALE_MAX

    parts = _open(width, height, title)
    for low, high, grade, colour in GRADE_BANDS:
        parts.append(
            f'<rect class="band" x="{_num(x(low))}" y="{TOP - 14}" '
            f'width="{_num(x(high) - x(low))}" height="{height - TOP - BOTTOM + 14}" '
            f'fill="{colour}"/>'
            f'<text x="{_num((x(low) + x(high)) / 2)}" y="{TOP - 4}" '
            f'text-anchor="middle">{grade}</text>'
        )
    for tick in (0, 25, 50, 65, 76.61, 88.31, 100):
        parts.append(
            f'<text x="{_num(x(tick))}" y="{height - 6}" text-anchor="middle" '
            f'font-size="9">{_tick(tick, fmt)}</text>'
        )
    for index, bar in enumerate(bars):
        y = TOP + index * (BAR_HEIGHT + BAR_GAP)
        colour = WEAK_COLOUR if bar.weak else BAR_COLOUR
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" '
            f'text-anchor="end">{escape(_fit(bar.label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" '
            f'width="{_num(x(bar.value) - LABEL_WIDTH)}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>'
            f'<text x="{_num(x(bar.value) + 4)}" y="{y + BAR_HEIGHT - 5}">'
            f"{escape(fmt(bar.value))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    points: Sequence[tuple[str, Decimal | float | int | None]],
    *,
    title: str,
    width: int = WIDTH,
    height: int = 220,
    fmt: Callable[[Decimal | float | int], str] = two_decimals,
) -> str:
    """Return a line chart of values on the 25–100 scale, one point per label.

    A missing value (None) leaves a gap: the line is only drawn between periods that
    both have a value. Dashed lines mark the lower bounds of C, B and A.
    """
    left, right, top, bottom = 40, 20, 16, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(points) - 1, 1)

    def y(value: Decimal | float | int) -> float:
        clamped = min(max(float(value), SCALE_MIN), SCALE_MAX)
        return top + plot_h * (SCALE_MAX - clamped) / (SCALE_MAX - SCALE_MIN)

    parts = _open(width, height, title)
    for low, _high, grade, _colour in GRADE_BANDS[1:]:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_num(y(low))}" '
            f'y2="{_num(y(low))}" stroke="#999" stroke-dasharray="4 3"/>'
            f'<text x="{left - 4}" y="{_num(y(low) + 3)}" text-anchor="end" '
            f'font-size="9">{grade} {_tick(low, fmt)}</text>'
        )
    coords: list[tuple[float, float] | None] = []
    for index, (label, value) in enumerate(points):
        px = left + (index * step if len(points) > 1 else plot_w / 2)
        parts.append(
            f'<text x="{_num(px)}" y="{height - 10}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
        coords.append(None if value is None else (px, y(value)))
        if value is not None:
            parts.append(
                f'<circle class="point" cx="{_num(px)}" cy="{_num(y(value))}" r="4" '
                f'fill="{BAR_COLOUR}"/>'
                f'<text x="{_num(px)}" y="{_num(y(value) - 8)}" '
                f'text-anchor="middle">{escape(fmt(value))}</text>'
            )
    for a, b in zip(coords, coords[1:], strict=False):
        if a is not None and b is not None:
            parts.append(
                f'<line class="trend" x1="{_num(a[0])}" y1="{_num(a[1])}" '
                f'x2="{_num(b[0])}" y2="{_num(b[1])}" stroke="{BAR_COLOUR}" '
                f'stroke-width="2"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def share_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    threshold: int | None = None,
    width: int = WIDTH,
    fmt: Callable[[Decimal | float | int], str] = two_decimals,
) -> str:
    """Return a horizontal bar chart of percentages (0–100) without mutu bands, with
    a dashed line at ``threshold`` when given; ``weak`` bars fall below it."""
    plot = width - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + BOTTOM + len(bars) * (BAR_HEIGHT + BAR_GAP)

    def x(value: Decimal | float | int) -> float:
        return LABEL_WIDTH + float(_clamp(value)) * plot / SCALE_MAX

    parts = _open(width, height, title)
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{_num(x(tick))}" x2="{_num(x(tick))}" y1="{TOP - 6}" '
            f'y2="{height - BOTTOM}" stroke="#ddd"/>'
            f'<text x="{_num(x(tick))}" y="{height - 6}" text-anchor="middle" '
            f'font-size="9">{tick}</text>'
        )
    for index, bar in enumerate(bars):
        y = TOP + index * (BAR_HEIGHT + BAR_GAP)
        colour = WEAK_COLOUR if bar.weak else BAR_COLOUR
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" '
            f'text-anchor="end">{escape(_fit(bar.label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" '
            f'width="{_num(x(bar.value) - LABEL_WIDTH)}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>'
            f'<text x="{_num(x(bar.value) + 4)}" y="{y + BAR_HEIGHT - 5}">'
            f"{escape(fmt(bar.value))}</text>"
        )
    if threshold is not None:
        parts.append(
            f'<line class="threshold" x1="{_num(x(threshold))}" '
            f'x2="{_num(x(threshold))}" y1="{TOP - 10}" y2="{height - BOTTOM}" '
            f'stroke="#6b6b6b" stroke-dasharray="4 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class HeatCell:
    """One cell of a heat map: its value on the 25–100 scale (None: no answers)
    and the mutu grade (A–D) that colours it."""

    value: Decimal | float | int | None
    grade: str = ""


GRADE_COLOURS = {grade: colour for _low, _high, grade, colour in GRADE_BANDS}
HEAT_CELL_WIDTH = 44
HEAT_CELL_HEIGHT = 22
HEAT_LABEL_WIDTH = 200


def heat_map(
    rows: Sequence[tuple[str, Sequence[HeatCell]]],
    *,
    columns: Sequence[str],
    title: str,
    fmt: Callable[[Decimal | float | int], str] = two_decimals,
) -> str:
    """Return a grid of rows × ``columns`` whose cells show their value on the
    colour of their mutu grade; a cell without a value is blank and marked "–"."""
    width = HEAT_LABEL_WIDTH + len(columns) * HEAT_CELL_WIDTH + 4
    height = TOP + len(rows) * HEAT_CELL_HEIGHT + 4
    parts = _open(width, height, title)
    for index, column in enumerate(columns):
        x = HEAT_LABEL_WIDTH + index * HEAT_CELL_WIDTH + HEAT_CELL_WIDTH / 2
        parts.append(
            f'<text x="{_num(x)}" y="{TOP - 8}" text-anchor="middle" '
            f'font-weight="bold">{escape(column)}</text>'
        )
    for row_index, (label, cells) in enumerate(rows):
        y = TOP + row_index * HEAT_CELL_HEIGHT
        parts.append(
            f'<text x="{HEAT_LABEL_WIDTH - 6}" y="{y + HEAT_CELL_HEIGHT - 7}" '
            f'text-anchor="end">{escape(_fit(label, (HEAT_LABEL_WIDTH - 8) // 6))}'
            "</text>"
        )
        for index, cell in enumerate(cells):
            x = HEAT_LABEL_WIDTH + index * HEAT_CELL_WIDTH
            colour = GRADE_COLOURS.get(cell.grade, "#ffffff")
            text = "–" if cell.value is None else fmt(cell.value)
            parts.append(
                f'<rect class="cell grade-{escape(cell.grade or "none")}" '
                f'x="{x}" y="{y}" width="{HEAT_CELL_WIDTH - 2}" '
                f'height="{HEAT_CELL_HEIGHT - 2}" fill="{colour}" stroke="#ccc"/>'
                f'<text x="{_num(x + (HEAT_CELL_WIDTH - 2) / 2)}" '
                f'y="{y + HEAT_CELL_HEIGHT - 7}" text-anchor="middle" '
                f'font-size="10">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


COUNT_CELL_WIDTH = 30
COUNT_LABEL_WIDTH = 70
#: The lightest and darkest fill of a count heat map (an empty cell stays white).
COUNT_LIGHT = (0xE3, 0xEE, 0xF5)
COUNT_DARK = (0x1F, 0x5F, 0x8B)


def _shade(share: float) -> str:
    """Return the fill between ``COUNT_LIGHT`` (share 0) and ``COUNT_DARK`` (1)."""
    channels = (
        round(low + (high - low) * share)
        for low, high in zip(COUNT_LIGHT, COUNT_DARK, strict=True)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def count_heat_map(
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    columns: Sequence[str],
    title: str,
) -> str:
    """Return a grid of rows × ``columns`` of counts (e.g. weekday × hour), each
    cell shaded by its share of the largest count and labelled with the count; a
    cell of 0 is white and left blank."""
    width = COUNT_LABEL_WIDTH + len(columns) * COUNT_CELL_WIDTH + 4
    height = TOP + len(rows) * HEAT_CELL_HEIGHT + 4
    largest = max((n for _label, counts in rows for n in counts), default=0)
    parts = _open(width, height, title)
    for index, column in enumerate(columns):
        x = COUNT_LABEL_WIDTH + index * COUNT_CELL_WIDTH + COUNT_CELL_WIDTH / 2
        parts.append(
            f'<text x="{_num(x)}" y="{TOP - 8}" text-anchor="middle" '
            f'font-size="10">{escape(column)}</text>'
        )
    for row_index, (label, counts) in enumerate(rows):
        y = TOP + row_index * HEAT_CELL_HEIGHT
        parts.append(
            f'<text x="{COUNT_LABEL_WIDTH - 6}" y="{y + HEAT_CELL_HEIGHT - 7}" '
            f'text-anchor="end">{escape(_fit(label, (COUNT_LABEL_WIDTH - 8) // 6))}'
            "</text>"
        )
        for index, count in enumerate(counts):
            x = COUNT_LABEL_WIDTH + index * COUNT_CELL_WIDTH
            share = count / largest if largest else 0.0
            fill = _shade(share) if count else "#ffffff"
            ink = "#ffffff" if share > 0.5 else "#1a1a1a"
            parts.append(
                f'<rect class="cell" x="{x}" y="{y}" width="{COUNT_CELL_WIDTH - 2}" '
                f'height="{HEAT_CELL_HEIGHT - 2}" fill="{fill}" stroke="#ccc"/>'
            )
            if count:
                parts.append(
                    f'<text x="{_num(x + (COUNT_CELL_WIDTH - 2) / 2)}" '
                    f'y="{y + HEAT_CELL_HEIGHT - 7}" text-anchor="middle" '
                    f'font-size="10" fill="{ink}">{count}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)
