"""The life of a queue ticket at a Mal Pelayanan Publik, as a state machine.

Rules of the MPP queue discipline (PermenPANRB 23/2017 and the MPP Digital criteria,
``shared/domain/mpp.md``):

- the next ticket called at a counter is the earliest-arrived *priority* ticket
  (lansia, penyandang disabilitas, ibu hamil/membawa balita), else the earliest-arrived
  ticket: priority by rule, never by the officer's choice;
- a called visitor may be called again, but not within ``recall_seconds`` of the last
  call, so nobody is rushed;
- a called visitor who does not come is skipped as absent (no-show); within the
  return window after the skip they may rejoin the queue with their arrival time;
- a ticket may be put on hold and taken back into the queue, or transferred to
  another service keeping its original arrival time;
- service starts after a call and finishes after a start.

Pure: no Django, no clock. Times are passed in; ``transition`` returns the new state
or raises ``Refused`` with a code that the caller maps to a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class State(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"
    NO_SHOW = "no_show"
    DONE = "done"


class Action(StrEnum):
    CALL = "call"
    RECALL = "recall"
    SKIP = "skip"
    RETURN = "return"
    HOLD = "hold"
    RESUME = "resume"
    TRANSFER = "transfer"
    START = "start"
    FINISH = "finish"


class Priority(StrEnum):
    NONE = ""
    LANSIA = "lansia"
    DISABILITAS = "disabilitas"
    IBU_ANAK = "ibu_anak"


class Refused(Exception):
    """An action the ticket's state does not allow; ``code`` names the reason."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# Which states each action may start from, and where it leads.
MOVES: dict[Action, tuple[frozenset[State], State]] = {
    Action.CALL: (frozenset({State.WAITING}), State.CALLED),
    Action.RECALL: (frozenset({State.CALLED}), State.CALLED),
    Action.SKIP: (frozenset({State.CALLED}), State.NO_SHOW),
    Action.RETURN: (frozenset({State.NO_SHOW}), State.WAITING),
    Action.HOLD: (frozenset({State.CALLED, State.SERVING}), State.HELD),
    Action.RESUME: (frozenset({State.HELD}), State.WAITING),
    Action.TRANSFER: (
        frozenset({State.WAITING, State.CALLED, State.SERVING, State.HELD}),
        State.WAITING,
    ),
    Action.START: (frozenset({State.CALLED}), State.SERVING),
    Action.FINISH: (frozenset({State.SERVING}), State.DONE),
}

OPEN_STATES = frozenset({State.WAITING, State.CALLED, State.SERVING, State.HELD})


@dataclass(frozen=True)
class Timing:
    """The times a transition is judged by."""

    now: datetime
    last_called_at: datetime | None = None
    skipped_at: datetime | None = None
    recall_seconds: int = 30
    return_minutes: int = 30


def transition(state: State, action: Action, timing: Timing) -> State:
    """Return the state after ``action``, or raise ``Refused``.

    Codes: ``"state"`` (not allowed from this state), ``"recall_too_soon"``,
    ``"return_too_late"``.
    """
    sources, target = MOVES[action]
    if state not in sources:
        raise Refused("state")
    recall_wait = timedelta(seconds=timing.recall_seconds)
    if (
        action is Action.RECALL
        and timing.last_called_at is not None
        and timing.now - timing.last_called_at < recall_wait
    ):
        raise Refused("recall_too_soon")
    return_window = timedelta(minutes=timing.return_minutes)
    if (
        action is Action.RETURN
        and timing.skipped_at is not None
        and timing.now - timing.skipped_at > return_window
    ):
        raise Refused("return_too_late")
    return target


def allowed_actions(state: State) -> frozenset[Action]:
    """Return the actions whose source states include ``state``."""
    return frozenset(a for a, (sources, _target) in MOVES.items() if state in sources)


def call_order(
    priority: str, arrived_at: datetime, number: int
) -> tuple[int, datetime, int]:
    """Return the sort key of a waiting ticket: priority first, then first-come."""
    return (0 if priority else 1, arrived_at, number)


def ticket_code(prefix: str, number: int) -> str:
    """Return the number shown to the visitor: prefix, dash, three digits (A-017)."""
    return f"{prefix}-{number:03d}"
