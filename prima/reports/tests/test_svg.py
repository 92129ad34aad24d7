"""Tests for the server-side SVG charts."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from prima.reports import svg

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(markup: str) -> ET.Element:
    """Parse chart markup the module just produced (trusted: the code under test)."""
    return ET.fromstring(markup)  # noqa: S314 - own output, no external XML


def _bars(markup: str) -> list[ET.Element]:
    return parse(markup).findall("s:rect[@class='bar']", NS)


def test_bar_chart_is_well_formed_xml_with_one_bar_per_value():
    """The bar chart parses as XML and draws one bar per value."""
    markup = svg.bar_chart(
        [svg.Bar("U1", Decimal("75.00")), svg.Bar("U2", Decimal("62.50"), weak=True)],
        title="NRR",
    )
    root = parse(markup)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(_bars(markup)) == 2


def test_bar_chart_escapes_labels_and_title():
    """Labels and title with markup characters are escaped, not injected."""
    markup = svg.bar_chart(
        [svg.Bar('<script>alert("x")</script> & "co"', 50)], title="a < b & 'c'"
    )
    root = parse(markup)
    assert "<script>" not in markup
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert '<script>alert("x")</script> & "co"' in texts
    assert root.find("s:title", NS).text == "a < b & 'c'"


def test_bar_widths_are_proportional_to_values():
    """A bar twice the value of another is twice as long."""
    markup = svg.bar_chart(
        [svg.Bar("a", 40), svg.Bar("b", 80), svg.Bar("c", 100)], title="t"
    )
    widths = [float(rect.get("width")) for rect in _bars(markup)]
    assert widths[1] == 2 * widths[0]
    assert widths[2] == 2.5 * widths[0]


def test_bar_chart_shows_the_four_grade_bands_at_the_regulation_bounds():
    """The bands start at 65.00 (C), 76.61 (B) and 88.31 (A)."""
    markup = svg.bar_chart([svg.Bar("a", 100)], title="t")
    root = parse(markup)
    bands = root.findall("s:rect[@class='band']", NS)
    bar_width = float(_bars(markup)[0].get("width"))
    starts = [float(b.get("x")) - svg.LABEL_WIDTH for b in bands]
    assert [round(s / bar_width * 100, 2) for s in starts] == [25, 65, 76.61, 88.31]


def test_bar_chart_uses_the_given_number_format():
    """The text beside a bar is written by ``fmt`` (e.g. a comma decimal)."""
    markup = svg.bar_chart(
        [svg.Bar("a", Decimal("79.86"))], title="t", fmt=lambda v: "79,86"
    )
    assert ">79,86<" in markup


def test_line_chart_parses_and_skips_missing_periods():
    """The line chart parses; a period without a value has no point and no line."""
    markup = svg.line_chart(
        [("T1", Decimal("70")), ("T2", None), ("T3", 80), ("T4", 85)],
        title="IKM & trend",
    )
    root = parse(markup)
    assert len(root.findall("s:circle[@class='point']", NS)) == 3
    assert len(root.findall("s:line[@class='trend']", NS)) == 1


def test_line_chart_higher_value_is_drawn_higher():
    """A higher IKM has a smaller y coordinate."""
    markup = svg.line_chart([("a", 60), ("b", 90)], title="t")
    points = parse(markup).findall("s:circle[@class='point']", NS)
    assert float(points[1].get("cy")) < float(points[0].get("cy"))


def test_share_chart_draws_percentages_without_mutu_bands_and_a_threshold():
    """Attendance shares are not IKM: no D–A bands, bars proportional from 0, and
    a dashed line where the threshold lies."""
    markup = svg.share_chart(
        [svg.Bar("Sesi 1", 40), svg.Bar("Sesi 2", 80), svg.Bar("<b>", 20, weak=True)],
        title="Kehadiran",
        threshold=80,
    )
    root = parse(markup)
    widths = [float(rect.get("width")) for rect in _bars(markup)]
    assert widths[1] == 2 * widths[0] == 4 * widths[2]
    assert not root.findall("s:rect[@class='band']", NS)
    [line] = root.findall("s:line[@class='threshold']", NS)
    assert float(line.get("x1")) == svg.LABEL_WIDTH + widths[1]
    assert "<b>" not in markup


def test_share_chart_without_threshold_has_no_line():
    markup = svg.share_chart([svg.Bar("a", 50)], title="t")
    assert not parse(markup).findall("s:line[@class='threshold']", NS)


def test_heat_map_colours_cells_by_grade_and_blanks_missing_values():
    markup = svg.heat_map(
        [
            ("Disdukcapil", [svg.HeatCell(Decimal("90.1"), "A"), svg.HeatCell(None)]),
            ("<Dinkes>", [svg.HeatCell(60, "D"), svg.HeatCell(Decimal("80"), "B")]),
        ],
        columns=["U1", "U2"],
        title="OPD × unsur",
    )
    root = parse(markup)
    cells = root.findall("s:rect", NS)
    assert [c.get("class") for c in cells] == [
        "cell grade-A",
        "cell grade-none",
        "cell grade-D",
        "cell grade-B",
    ]
    assert cells[0].get("fill") == svg.GRADE_COLOURS["A"]
    assert cells[1].get("fill") == "#ffffff"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "–" in texts and "<Dinkes>" in texts and "90.10" in texts


def test_count_heat_map_shades_by_share_of_the_largest_count():
    """The largest count gets the darkest fill with white text, an empty cell
    stays white and blank, and labels are escaped."""
    from prima.reports.svg import COUNT_DARK, count_heat_map

    chart = count_heat_map(
        [("Senin <b>", [0, 5, 10]), ("Selasa", [10, 0, 0])],
        columns=["08", "09", "10"],
        title="Jam & hari",
    )
    dark = "#" + "".join(f"{c:02x}" for c in COUNT_DARK)
    assert chart.count(f'fill="{dark}"') == 2
    assert chart.count('fill="#ffffff" stroke') == 3
    assert chart.count('fill="#ffffff">10</text>') == 2
    assert ">5</text>" in chart and ">0</text>" not in chart
    assert "Senin &lt;b&gt;" in chart and "<title>Jam &amp; hari</title>" in chart
