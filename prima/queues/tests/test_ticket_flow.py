"""The ticket state machine (prima/queues/ticket_flow.py)."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.queues.ticket_flow import (
    MOVES,
    Action,
    Refused,
    State,
    Timing,
    allowed_actions,
    call_order,
    ticket_code,
    transition,
)

NOW = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize(
    ("state", "action", "expected"),
    [
        (State.WAITING, Action.CALL, State.CALLED),
        (State.CALLED, Action.START, State.SERVING),
        (State.SERVING, Action.FINISH, State.DONE),
        (State.CALLED, Action.SKIP, State.NO_SHOW),
        (State.NO_SHOW, Action.RETURN, State.WAITING),
        (State.SERVING, Action.HOLD, State.HELD),
        (State.HELD, Action.RESUME, State.WAITING),
        (State.SERVING, Action.TRANSFER, State.WAITING),
    ],
)
def test_allowed_transitions(state, action, expected):
    """Each action the discipline allows leads to its state."""
    assert transition(state, action, Timing(now=NOW)) is expected


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (State.WAITING, Action.FINISH),
        (State.WAITING, Action.START),
        (State.DONE, Action.CALL),
        (State.DONE, Action.TRANSFER),
        (State.NO_SHOW, Action.START),
        (State.SERVING, Action.SKIP),
        (State.HELD, Action.FINISH),
    ],
)
def test_impossible_transitions_are_refused(state, action):
    """An action from a state that does not allow it is refused, naming the state."""
    with pytest.raises(Refused) as refused:
        transition(state, action, Timing(now=NOW))
    assert refused.value.code == "state"


def test_recall_waits_the_venue_seconds():
    """A number is not called again within the recall seconds, and may be after."""
    soon = Timing(now=NOW, last_called_at=NOW - timedelta(seconds=29))
    with pytest.raises(Refused) as refused:
        transition(State.CALLED, Action.RECALL, soon)
    assert refused.value.code == "recall_too_soon"
    later = Timing(now=NOW, last_called_at=NOW - timedelta(seconds=30))
    assert transition(State.CALLED, Action.RECALL, later) is State.CALLED


def test_return_only_within_the_window():
    """An absent visitor rejoins within the return window and not after it."""
    inside = Timing(now=NOW, skipped_at=NOW - timedelta(minutes=30))
    assert transition(State.NO_SHOW, Action.RETURN, inside) is State.WAITING
    outside = Timing(now=NOW, skipped_at=NOW - timedelta(minutes=31))
    with pytest.raises(Refused) as refused:
        transition(State.NO_SHOW, Action.RETURN, outside)
    assert refused.value.code == "return_too_late"


def test_priority_before_earlier_arrivals():
    """A priority ticket is called before plain tickets that arrived earlier; among
    equals, the first to arrive goes first."""
    plain_early = ("", NOW - timedelta(minutes=30), 1)
    priority_late = ("lansia", NOW, 9)
    plain_late = ("", NOW - timedelta(minutes=5), 5)
    order = sorted(
        [plain_late, priority_late, plain_early], key=lambda t: call_order(*t)
    )
    assert order == [priority_late, plain_early, plain_late]


def test_ticket_code():
    """The shown number is the prefix and three digits."""
    assert ticket_code("A", 17) == "A-017"
    assert ticket_code("BP", 1234) == "BP-1234"


@given(st.sampled_from(list(State)), st.sampled_from(list(Action)))
def test_transition_agrees_with_allowed_actions(state, action):
    """An action succeeds (timing aside) exactly when ``allowed_actions`` lists it."""
    try:
        target = transition(state, action, Timing(now=NOW))
    except Refused:
        assert action not in allowed_actions(state)
    else:
        assert action in allowed_actions(state)
        assert target is MOVES[action][1]
