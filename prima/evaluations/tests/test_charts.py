"""Tests of the result chart (prima/evaluations/charts.py)."""

from __future__ import annotations

from decimal import Decimal

from prima.evaluations.charts import LABEL_WIDTH, AspectBar, aspect_chart


def test_one_bar_per_aspect_proportional_to_its_value():
    """Each aspect draws one bar from 0; 5 fills the plot, 2.5 half of it."""
    svg = aspect_chart(
        [AspectBar("A", Decimal(5)), AspectBar("F", Decimal("2.5"))], title="t"
    )
    assert svg.count('class="bar"') == 2
    assert 'class="users"' not in svg and "Pengguna" not in svg
    full = 520 - LABEL_WIDTH - 44
    assert f'width="{full:.1f}"' in svg and f'width="{full / 2:.1f}"' in svg


def test_users_bars_and_legend_only_when_users_answered():
    """A users' value draws a second bar and the legend names both."""
    svg = aspect_chart(
        [AspectBar("A", Decimal(4), Decimal(3))],
        title="t",
        evaluator_label="Evaluator",
        users_label="Pengguna",
    )
    assert svg.count('class="users"') == 1
    assert ">Evaluator<" in svg and ">Pengguna<" in svg


def test_labels_are_escaped():
    """Caller text cannot inject markup."""
    svg = aspect_chart([AspectBar("<b>&", Decimal(1))], title="<script>")
    assert "<script>" not in svg and "&lt;b&gt;&amp;" in svg
