"""The pure QR check-in rule: rotating codes, the session window and lateness."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.programmes import checkin
from prima.programmes.checkin import Refusal

SECRET = "rahasia"
# 09:00 UTC on 2 March 2026 is 1 772 442 000 s, exactly step 9 846 900 of 180 s.
NINE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STARTS, ENDS = NINE, NINE + timedelta(hours=2)


def at(minutes: float) -> datetime:
    return NINE + timedelta(minutes=minutes)


def test_time_step_hand_worked():
    """A step lasts 180 seconds: 09:02:59 is still step 9 846 900, 09:03 the next."""
    assert checkin.time_step(NINE) == 9_846_900
    assert checkin.time_step(NINE + timedelta(seconds=179)) == 9_846_900
    assert checkin.time_step(at(3)) == 9_846_901


def test_code_is_the_truncated_hmac_of_session_and_step():
    """HMAC-SHA256("rahasia", "7:9876543") begins 948f039d5e45bd10."""
    assert checkin.code_for(SECRET, 7, 9_876_543) == "948f039d5e45bd10"


def test_code_depends_on_secret_session_and_step():
    """Another secret, session or step gives another code."""
    base = checkin.code_for(SECRET, 7, 100)
    assert checkin.code_for("other", 7, 100) != base
    assert checkin.code_for(SECRET, 8, 100) != base
    assert checkin.code_for(SECRET, 7, 101) != base


@pytest.mark.parametrize(
    ("shown_at", "used_at", "valid"),
    [
        (0, 0, True),  # same step
        (0, 2.99, True),  # same step, just before the change
        (0, 3, True),  # the step after: scanned just before the change
        (0, 5.99, True),
        (0, 6, False),  # two steps later: expired
        (3, 0, False),  # a code of a later step is not valid yet
    ],
)
def test_code_valid_in_its_step_and_the_next(shown_at, used_at, valid):
    """A code works during its own step and the following one only."""
    code = checkin.current_code(SECRET, 7, at(shown_at))
    assert checkin.code_valid(SECRET, 7, code, at(used_at)) is valid


@pytest.mark.parametrize("code", ["", "é" * 16, "0" * 16, "x" * 200])
def test_code_valid_refuses_any_other_text(code):
    """Empty, non-ASCII, wrong or overlong codes are refused, never an error."""
    assert not checkin.code_valid(SECRET, 7, code, NINE)


def test_seconds_left_until_the_code_changes():
    """At 09:00:00 the code has 180 s left, at 09:02:30 30 s."""
    assert checkin.seconds_left(NINE) == 180
    assert checkin.seconds_left(at(2.5)) == 30


@pytest.mark.parametrize(
    ("minutes", "late", "refusal"),
    [
        (-16, False, Refusal.TOO_EARLY),
        (-15, False, None),  # the window opens 15 minutes early
        (0, False, None),
        (10, False, None),  # within the 10 minutes allowed
        (10.5, True, None),  # late
        (120, True, None),  # the last moment of the session
        (120.5, False, Refusal.ENDED),
    ],
)
def test_check_in_window_and_lateness(minutes, late, refusal):
    """Check-in opens 15 minutes early, closes at the end, late after N minutes."""
    now = at(minutes)
    outcome = checkin.check_in(
        secret=SECRET,
        session_id=7,
        code=checkin.current_code(SECRET, 7, now),
        starts_at=STARTS,
        ends_at=ENDS,
        late_after_minutes=10,
        now=now,
    )
    assert outcome.refusal is refusal
    assert outcome.accepted is (refusal is None)
    if refusal is None:
        assert outcome.late is late


def test_check_in_refuses_an_expired_code():
    """A photo of the code taken at 09:00 no longer works at 09:06."""
    old = checkin.current_code(SECRET, 7, at(0))
    outcome = checkin.check_in(
        secret=SECRET,
        session_id=7,
        code=old,
        starts_at=STARTS,
        ends_at=ENDS,
        late_after_minutes=10,
        now=at(6),
    )
    assert outcome.refusal is Refusal.BAD_CODE


def test_check_in_refuses_another_sessions_code():
    """The code of session 8 does not check anyone in to session 7."""
    outcome = checkin.check_in(
        secret=SECRET,
        session_id=7,
        code=checkin.current_code(SECRET, 8, at(1)),
        starts_at=STARTS,
        ends_at=ENDS,
        late_after_minutes=10,
        now=at(1),
    )
    assert outcome.refusal is Refusal.BAD_CODE


@given(st.integers(min_value=0, max_value=10**6), st.integers(0, 2 * 10**9))
def test_current_code_is_always_valid(session_id, seconds):
    """The code shown at any moment is accepted at that moment."""
    now = datetime.fromtimestamp(seconds, UTC)
    code = checkin.current_code(SECRET, session_id, now)
    assert len(code) == checkin.CODE_LENGTH
    assert checkin.code_valid(SECRET, session_id, code, now)


def test_checkin_imports_no_django():
    """The rule is pure: importing it loads no Django."""
    script = (
        "import sys; import prima.programmes.checkin; "
        "sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0
