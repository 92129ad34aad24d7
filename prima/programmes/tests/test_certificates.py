"""The certificate rule and numbering, on hand-worked examples."""

import pytest

from prima.programmes import certificates
from prima.programmes.certificates import Attendance


def test_present_and_late_count_excused_and_absent_do_not():
    marks = ["hadir", "terlambat", "izin", "tidak_hadir", None]
    assert certificates.attendance(marks, 5) == Attendance(2, 5)


def test_sessions_without_a_mark_are_absent():
    # Two marks for a programme of five sessions: 2 of 5.
    assert certificates.attendance(["hadir", "hadir"], 5) == Attendance(2, 5)


def test_four_of_five_meets_eighty_percent_exactly():
    assert Attendance(4, 5).meets(80)
    assert not Attendance(3, 5).meets(80)


def test_seven_of_nine_is_below_eighty_without_rounding_up():
    # 7/9 = 77.7 %: below 80 %, and shown as 77 %.
    record = Attendance(7, 9)
    assert not record.meets(80)
    assert record.meets(77)
    assert not record.meets(78)
    assert record.percent == 77


def test_no_sessions_meets_only_a_zero_threshold():
    assert Attendance(0, 0).meets(0)
    assert not Attendance(0, 0).meets(1)
    assert Attendance(0, 0).percent == 0


def test_more_attended_than_sessions_is_refused():
    with pytest.raises(ValueError):
        certificates.attendance(["hadir", "hadir"], 1)


def test_eligible_needs_threshold_and_pass_mark():
    assert certificates.eligible(Attendance(5, 5), threshold=80, passed=True)
    assert not certificates.eligible(Attendance(5, 5), threshold=80, passed=False)
    assert not certificates.eligible(Attendance(3, 5), threshold=80, passed=True)


def test_number_format():
    assert certificates.number(1, "kota-prima-raya", 2026) == (
        "001/PRIMA/KOTA-PRIMA-RAYA/2026"
    )
    assert certificates.number(42, "kab-x", 2027) == "042/PRIMA/KAB-X/2027"
    assert certificates.number(1234, "kab-x", 2027) == "1234/PRIMA/KAB-X/2027"


def test_number_starts_at_one():
    with pytest.raises(ValueError):
        certificates.number(0, "kab-x", 2027)


def test_a_plan_is_accepted_when_every_milestone_s_latest_review_is():
    """Each milestone's latest report must be accepted; a team without milestones
    has no plan to accept."""
    assert certificates.plan_accepted([], accepted="diterima")
    assert certificates.plan_accepted(["diterima", "diterima"], accepted="diterima")
    assert not certificates.plan_accepted(["diterima", None], accepted="diterima")
    assert not certificates.plan_accepted(
        ["diterima", "perlu_perbaikan"], accepted="diterima"
    )
    record = certificates.attendance(["hadir"] * 5, 5)
    assert not certificates.eligible(
        record, threshold=80, passed=True, plan_accepted=False
    )
