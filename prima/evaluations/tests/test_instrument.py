"""Tests of the PEKPPP instrument loader (prima/evaluations/instrument.py)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from prima.evaluations import instrument
from prima.evaluations.instrument import InstrumentError, Problem

SHIPPED = instrument.shipped()["2023"]
TEXT = SHIPPED.read_text(encoding="utf-8")


def document() -> dict:
    return json.loads(TEXT)


def dumped(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def issues_of(text: str) -> list[instrument.Issue]:
    with pytest.raises(InstrumentError) as caught:
        instrument.load(text)
    return list(caught.value.issues)


def test_the_shipped_2023_instrument_follows_pekppp_md():
    """The shipped 2022/2023 instrument has aspects A–F with their weights, the 30
    indicators numbered 1–30, 14 F-03 statements on A–E and w_users 0."""
    loaded = instrument.load(TEXT)
    assert [(a.code, a.weight) for a in loaded.aspects] == [
        ("A", Decimal("0.24")),
        ("B", Decimal("0.25")),
        ("C", Decimal("0.18")),
        ("D", Decimal("0.11")),
        ("E", Decimal("0.10")),
        ("F", Decimal("0.12")),
    ]
    assert [i.number for i in loaded.indicators] == list(range(1, 31))
    assert [str(i.weight) for i in loaded.aspect("A").indicators] == [
        "0.17", "0.14", "0.07", "0.14", "0.10", "0.17", "0.07", "0.07", "0.07",
    ]  # fmt: skip
    assert [str(i.weight) for i in loaded.aspect("C").indicators] == [
        "0.15", "0.23", "0.20", "0.20", "0.11", "0.11",
    ]  # fmt: skip
    assert len(loaded.statements) == 14
    assert {s.aspect for s in loaded.statements} == {"A", "B", "C", "D", "E"}
    assert loaded.w_users == 0
    assert all(len(i.descriptors) == 6 for i in loaded.indicators)


def test_descriptors_of_indicators_8_and_9_are_pekppp_md_s():
    """Indicator 8 scores the share of RTL done, indicator 9 the months to finish."""
    loaded = instrument.load(TEXT)
    rtl = {i.number: i for i in loaded.indicators}
    assert rtl[8].descriptors == (
        "Tidak ada rencana tindak lanjut (RTL).",
        "RTL ada tetapi tidak dilaksanakan.",
        "RTL dilaksanakan kurang dari 30%.",
        "RTL dilaksanakan 30% sampai 80%.",
        "RTL dilaksanakan lebih dari 80%.",
        "RTL dilaksanakan 100%.",
    )
    assert rtl[9].descriptors[0] == "Tidak ada tindak lanjut."
    for score, months in [(1, 12), (2, 9), (3, 6), (4, 3), (5, 1)]:
        assert f"dalam {months} bulan" in rtl[9].descriptors[score]


def test_a_weight_off_by_a_hundredth_is_refused_with_its_path_and_line():
    """Indicator weights summing to 1.01 name the aspect's indicator list and line."""
    data = document()
    data["aspects"][2]["indicators"][1]["weight"] = "0.24"
    text = dumped(data)
    [issue] = issues_of(text)
    assert issue.problem is Problem.WEIGHTS_NOT_ONE
    assert issue.path == "aspects[2].indicators"
    assert text.splitlines()[issue.line - 1].strip().startswith('"indicators"')
    assert "1.01" in issue.message()


def test_a_weight_that_is_no_number_names_its_own_path_and_line():
    """A weight 'abc' is refused at aspects[2].indicators[1].weight, on its line."""
    data = document()
    data["aspects"][2]["indicators"][1]["weight"] = "abc"
    text = dumped(data)
    [issue] = issues_of(text)
    assert issue.path == "aspects[2].indicators[1].weight"
    assert issue.problem is Problem.NOT_DECIMAL
    assert '"weight": "abc"' in text.splitlines()[issue.line - 1]
    assert issue.message().startswith(f"baris {issue.line}, aspects[2]")


def test_aspect_weights_must_sum_to_exactly_one():
    """Aspect weights summing to 0.99 are refused on the aspects list."""
    data = document()
    data["aspects"][5]["weight"] = "0.11"
    [issue] = issues_of(dumped(data))
    assert (issue.path, issue.problem) == ("aspects", Problem.WEIGHTS_NOT_ONE)


def test_weights_as_json_numbers_are_read_exactly():
    """0.1 + 0.2 + 0.7 written as JSON numbers sums to exactly 1 (no float error)."""
    data = document()
    data["aspects"][3]["indicators"] = [
        dict(data["aspects"][3]["indicators"][k], weight=w)
        for k, w in [(0, "W0.1"), (1, "W0.2"), (2, "W0.7")]
    ]
    text = dumped(data).replace('"W0.1"', "0.1").replace('"W0.2"', "0.2")
    text = text.replace('"W0.7"', "0.7")
    loaded = instrument.load(text)
    assert sum(i.weight for i in loaded.aspect("D").indicators) == 1


def test_an_indicator_needs_six_descriptors():
    """Descriptors without 5 (or with a 6) are refused, naming what is missing."""
    data = document()
    descriptors = data["aspects"][0]["indicators"][7]["descriptors"]
    descriptors["6"] = descriptors.pop("5")
    [issue] = issues_of(dumped(data))
    assert issue.path == "aspects[0].indicators[7].descriptors"
    assert "tidak ada 5" in issue.message() and "tidak dikenal 6" in issue.message()


def test_indicator_numbers_and_codes_are_unique():
    """A second indicator 1 and a second code A1 are both refused where they repeat."""
    data = document()
    data["aspects"][1]["indicators"][0]["number"] = 1
    data["aspects"][1]["indicators"][0]["code"] = "A1"
    issues = issues_of(dumped(data))
    assert {(i.path, i.problem) for i in issues} == {
        ("aspects[1].indicators[0].number", Problem.DUPLICATE),
        ("aspects[1].indicators[0].code", Problem.DUPLICATE),
    }


def test_a_user_statement_must_feed_an_existing_aspect():
    """An F-03 statement on aspect G is refused at its path."""
    data = document()
    data["user_statements"][3]["aspect"] = "G"
    [issue] = issues_of(dumped(data))
    assert issue.path == "user_statements[3].aspect"
    assert issue.problem is Problem.UNKNOWN_ASPECT


@pytest.mark.parametrize("share", ["1.5", "-0.1"])
def test_w_users_lies_between_0_and_1(share):
    """w_users outside [0, 1] is refused."""
    data = document()
    data["w_users"] = share
    [issue] = issues_of(dumped(data))
    assert (issue.path, issue.problem) == ("w_users", Problem.OUT_OF_RANGE)


def test_a_missing_key_names_the_object_that_lacks_it():
    """An indicator without a name is refused at .name, on the indicator's line."""
    data = document()
    del data["aspects"][4]["indicators"][2]["name"]
    text = dumped(data)
    [issue] = issues_of(text)
    assert issue.path == "aspects[4].indicators[2].name"
    assert issue.problem is Problem.MISSING
    assert text.splitlines()[issue.line - 1].strip() == "{"


def test_text_that_is_no_json_names_the_line():
    """Broken JSON is refused with the line the parser stopped on."""
    [issue] = issues_of('{\n  "year": 2023,\n}')
    assert (issue.problem, issue.line) == (Problem.NOT_JSON, 3)
