"""Each F-01 proposal rule against hand-built facts (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prima.evaluations import proposals
from prima.evaluations.proposals import Proposal, StandardFacts, UnitFacts

TODAY = date(2026, 3, 1)
GOOD = StandardFacts(
    missing_components=0,
    decreed=True,
    participants=frozenset({"pengguna", "ahli", "oms"}),
    minutes=True,
    media=frozenset({"papan", "website", "medsos"}),
    last_review=date(2025, 9, 1),
)
NOTHING = UnitFacts(
    today=TODAY,
    services=0,
    standards=(),
    maklumat=None,
    skm_responses=0,
    skm_sample=None,
    skm_semesters=0,
    rtl_total=0,
    rtl_done=0,
    rtl_report=None,
    rtl_finished=None,
    complaints=0,
    complaints_answered=0,
    complaints_on_time=0,
    innovation_stage=None,
    innovation_applied=None,
)


def facts(**changes) -> UnitFacts:
    return replace(NOTHING, **changes)


def sp(**changes) -> StandardFacts:
    return replace(GOOD, **changes)


@pytest.mark.parametrize(
    ("services", "standards", "expected"),
    [
        (2, (), Proposal(0, "no_sp")),
        (4, (sp(missing_components=3),), Proposal(1, "sp_few")),
        (4, (sp(), sp(missing_components=1)), Proposal(2, "sp_some")),
        (3, (sp(), sp()), Proposal(3, "sp_most")),
        (2, (sp(), sp(decreed=False)), Proposal(4, "sp_all")),
        (2, (sp(), sp()), Proposal(5, "sp_all_decreed")),
    ],
)
def test_indicator_1_standards_available(services, standards, expected):
    assert (
        proposals.standards_available(facts(services=services, standards=standards))
        == expected
    )


def test_indicator_1_without_services_has_no_proposal():
    assert proposals.standards_available(NOTHING) is None
    assert 1 not in proposals.propose(NOTHING)


@pytest.mark.parametrize(
    ("standards", "expected"),
    [
        ((sp(participants=frozenset()),), Proposal(0, "involve_none")),
        ((sp(minutes=False),), Proposal(2, "involve_no_minutes")),
        ((sp(), sp(participants=frozenset())), Proposal(3, "involve_some")),
        ((sp(participants=frozenset({"pengguna"})),), Proposal(4, "involve_all")),
        ((sp(),), Proposal(5, "involve_all_full")),
    ],
)
def test_indicator_2_community_involved(standards, expected):
    services = len(standards)
    assert (
        proposals.community_involved(facts(services=services, standards=standards))
        == expected
    )


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        (set(), Proposal(0, "media_none")),
        ({"papan"}, Proposal(2, "media_print")),
        ({"website"}, Proposal(2, "media_print")),
        ({"papan", "website"}, Proposal(3, "media_one_electronic")),
        ({"baliho", "website", "sipp"}, Proposal(4, "media_many_electronic")),
    ],
)
def test_indicator_3_least_published_standard(media, expected):
    standards = (sp(), sp(media=frozenset(media)))
    assert proposals.standards_published(facts(services=2, standards=standards)) == (
        expected
    )


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        (None, Proposal(0, "review_never")),
        (date(2022, 2, 28), Proposal(1, "review_old")),
        (date(2023, 3, 1), Proposal(2, "review_3y")),
        (date(2024, 3, 1), Proposal(3, "review_2y")),
        (date(2025, 3, 1), Proposal(4, "review_1y")),
    ],
)
def test_indicator_4_oldest_review(reviewed, expected):
    standards = (sp(), sp(last_review=reviewed))
    assert proposals.standards_reviewed(facts(services=2, standards=standards)) == (
        expected
    )


@pytest.mark.parametrize(
    ("maklumat", "expected"),
    [
        (None, Proposal(0, "maklumat_none")),
        ((False, True, True), Proposal(0, "maklumat_none")),
        ((True, False, False), Proposal(1, "maklumat_unpublished")),
        ((True, True, False), Proposal(3, "maklumat_print_or_web")),
        ((True, True, True), Proposal(4, "maklumat_print_and_web")),
    ],
)
def test_indicator_5_maklumat(maklumat, expected):
    assert proposals.maklumat_cycle(facts(maklumat=maklumat)) == expected


@pytest.mark.parametrize(
    ("responses", "sample", "semesters", "expected"),
    [
        (0, 100, 0, Proposal(0, "skm_none")),
        (99, 100, 2, Proposal(2, "skm_small_sample")),
        (500, None, 2, Proposal(2, "skm_small_sample")),
        (100, 100, 1, Proposal(3, "skm_once")),
        (100, 100, 2, Proposal(4, "skm_each_semester")),
    ],
)
def test_indicator_6_skm_sample(responses, sample, semesters, expected):
    assert (
        proposals.skm_regular(
            facts(skm_responses=responses, skm_sample=sample, skm_semesters=semesters)
        )
        == expected
    )


@pytest.mark.parametrize(
    ("total", "done", "score"),
    [
        (0, 0, 0),
        (4, 0, 1),
        (10, 2, 2),
        (10, 3, 3),
        (10, 8, 3),
        (100, 81, 4),
        (10, 9, 4),
        (5, 5, 5),
    ],
)
def test_indicator_8_rtl_share_matches_pekppp_md(total, done, score):
    assert proposals.rtl_share(facts(rtl_total=total, rtl_done=done)).score == score


@pytest.mark.parametrize(
    ("finished", "score"),
    [
        (date(2026, 1, 31), 5),
        (date(2026, 2, 1), 4),
        (date(2026, 3, 31), 4),
        (date(2026, 6, 30), 3),
        (date(2026, 9, 30), 2),
        (date(2026, 12, 31), 1),
        (date(2027, 1, 1), 0),
        (None, 0),
    ],
)
def test_indicator_9_rtl_speed_matches_pekppp_md(finished, score):
    got = proposals.rtl_speed(
        facts(rtl_report=date(2025, 12, 31), rtl_finished=finished)
    )
    assert got.score == score


def test_indicator_9_without_a_report_proposes_none_done():
    assert proposals.rtl_speed(NOTHING) == Proposal(0, "rtl_speed_none")


@pytest.mark.parametrize(
    ("total", "answered", "on_time", "expected"),
    [
        (10, 0, 0, Proposal(0, "answered_none")),
        (10, 2, 0, Proposal(1, "answered_under_30")),
        (10, 3, 0, Proposal(2, "answered_30_60")),
        (10, 6, 0, Proposal(2, "answered_30_60")),
        (10, 7, 0, Proposal(3, "answered_60_80")),
        (10, 9, 9, Proposal(4, "answered_over_80")),
        (10, 10, 9, Proposal(4, "answered_over_80")),
        (10, 10, 10, Proposal(5, "answered_all_on_time")),
    ],
)
def test_indicator_28_complaints_followed(total, answered, on_time, expected):
    assert (
        proposals.complaints_followed(
            facts(
                complaints=total,
                complaints_answered=answered,
                complaints_on_time=on_time,
            )
        )
        == expected
    )


def test_indicator_28_without_complaints_has_no_proposal():
    assert proposals.complaints_followed(NOTHING) is None


@pytest.mark.parametrize(
    ("stage", "applied", "expected"),
    [
        (None, None, Proposal(0, "innovation_none")),
        ("ide", None, Proposal(1, "innovation_idea")),
        ("uji_coba", None, Proposal(2, "innovation_trial")),
        ("diterapkan", date(2025, 6, 1), Proposal(3, "innovation_new")),
        ("diterapkan", date(2025, 3, 1), Proposal(4, "innovation_year")),
        ("direplikasi", date(2024, 1, 1), Proposal(5, "innovation_replicated")),
        ("direplikasi", date(2025, 12, 1), Proposal(3, "innovation_new")),
    ],
)
def test_indicator_29_innovation(stage, applied, expected):
    assert (
        proposals.innovation_created(
            facts(innovation_stage=stage, innovation_applied=applied)
        )
        == expected
    )


@pytest.mark.parametrize(
    ("responses", "expected"),
    [(0, Proposal(0, "skm_results_none")), (12, Proposal(2, "skm_results_online"))],
)
def test_indicator_7_skm_results_published(responses, expected):
    """Without SKM results nothing is published (0); with them Prima's public page
    is one electronic medium (2)."""
    assert proposals.propose(facts(skm_responses=responses))[7] == expected


def test_indicator_26_complaint_media():
    """Prima's public complaint form counts as one medium; without it no proposal."""
    assert proposals.propose(facts(complaint_form=True))[26] == Proposal(
        1, "complaint_media_prima"
    )
    assert 26 not in proposals.propose(facts(complaint_form=False))


def test_indicators_without_prima_data_get_no_proposal():
    full = facts(
        services=1,
        standards=(sp(),),
        complaints=1,
        complaints_on_time=1,
        complaint_form=True,
    )
    assert set(proposals.propose(full)) == {1, 2, 3, 4, 5, 6, 7, 8, 9, 26, 28, 29}


def test_every_rule_key_is_listed():
    from prima.evaluations.models import RULE_TEXTS

    assert set(proposals.RULES) == set(RULE_TEXTS)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 3, 1), -12, date(2025, 3, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert proposals.add_months(day, months) == expected
