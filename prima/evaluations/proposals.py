"""The scores Prima proposes on a unit's self-assessment (F-01), from facts it holds.

Each rule takes plain facts (counts, dates, shares) gathered by
``selectors.unit_facts`` and returns ``Proposal(score, rule)`` or None when the facts
do not allow a proposal; ``rule`` is a key of ``RULES``, the sentence shown beside
the score so the unit and the evaluator see why. The descriptors the rules follow
are the instrument's (``instruments/2023.json``); those of indicators 8 and 9 are
exact in ``../shared/domain/pekppp.md``. Where a descriptor needs a fact Prima does
not hold (an accessible format, community involvement in a review), the rule stops
at the score below it and says so. No Django import: the rules are checked against
hand-built facts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction


@dataclass(frozen=True)
class Proposal:
    score: int
    rule: str


@dataclass(frozen=True)
class StandardFacts:
    """One published Standar Pelayanan of the unit's active services."""

    missing_components: int
    decreed: bool
    participants: frozenset[str]  # kinds of drafting participants
    minutes: bool
    media: frozenset[str]
    last_review: date | None


@dataclass(frozen=True)
class UnitFacts:
    today: date
    services: int  # active services of the unit
    standards: Sequence[StandardFacts]  # one per service with a published standard
    maklumat: tuple[bool, bool, bool] | None  # (signed, in print, electronic)
    skm_responses: int  # in the last twelve months
    skm_sample: int | None  # Krejcie–Morgan sample of the declared population
    skm_semesters: int  # of the two six-month spans of that year, how many had any
    rtl_total: int
    rtl_done: int
    rtl_report: date | None  # end of the latest survey period with RTL items
    rtl_finished: date | None  # when its last item was done, if all are
    complaints: int  # complaints due an answer in the last twelve months
    complaints_answered: int
    complaints_on_time: int
    innovation_stage: str | None  # the most advanced stage of its innovations
    innovation_applied: date | None
    # Whether citizens can address the unit on Prima's public complaint form.
    complaint_form: bool = False


# The rule sentences; ``rule_text`` in models.py gives each its translation.
RULES = (
    "no_sp",
    "sp_few",
    "sp_some",
    "sp_most",
    "sp_all",
    "sp_all_decreed",
    "involve_none",
    "involve_no_minutes",
    "involve_some",
    "involve_all",
    "involve_all_full",
    "media_none",
    "media_print",
    "media_one_electronic",
    "media_many_electronic",
    "review_never",
    "review_old",
    "review_3y",
    "review_2y",
    "review_1y",
    "maklumat_none",
    "maklumat_unpublished",
    "maklumat_print_or_web",
    "maklumat_print_and_web",
    "skm_none",
    "skm_small_sample",
    "skm_once",
    "skm_each_semester",
    "skm_results_none",
    "skm_results_online",
    "rtl_none",
    "rtl_not_done",
    "rtl_under_30",
    "rtl_30_80",
    "rtl_over_80",
    "rtl_all",
    "rtl_speed_none",
    "rtl_speed_months",
    "answered_none",
    "answered_under_30",
    "answered_30_60",
    "answered_60_80",
    "answered_over_80",
    "answered_all_on_time",
    "complaint_media_prima",
    "innovation_none",
    "innovation_idea",
    "innovation_trial",
    "innovation_new",
    "innovation_year",
    "innovation_replicated",
)
PRINT_MEDIA = frozenset({"papan", "baliho"})
COMMUNITY = frozenset({"pengguna", "ahli", "instansi", "oms", "media"})


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved ``months`` later, on the month's last day if shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def standards_available(facts: UnitFacts) -> Proposal | None:
    """Indicator 1: share of services with a published, complete, decreed standard."""
    if facts.services == 0:
        return None
    published = len(facts.standards)
    complete = [s for s in facts.standards if s.missing_components == 0]
    if published == 0:
        return Proposal(0, "no_sp")
    if published == facts.services and len(complete) == published:
        if all(s.decreed for s in complete):
            return Proposal(5, "sp_all_decreed")
        return Proposal(4, "sp_all")
    share = Fraction(published, facts.services)
    if share > Fraction(1, 2) and len(complete) == published:
        return Proposal(3, "sp_most")
    if share >= Fraction(1, 2) or complete:
        return Proposal(2, "sp_some")
    return Proposal(1, "sp_few")


def community_involved(facts: UnitFacts) -> Proposal | None:
    """Indicator 2: drafting participants and minutes of the published standards."""
    if not facts.standards:
        return None
    involved = [s for s in facts.standards if s.participants]
    with_minutes = [s for s in involved if s.minutes]
    every = len(facts.standards) == facts.services
    if not involved:
        return Proposal(0, "involve_none")
    if not with_minutes:
        return Proposal(2, "involve_no_minutes")
    if every and len(with_minutes) == len(facts.standards):
        # Complete elements: service users and at least two other kinds of party.
        if all(
            "pengguna" in s.participants and len(s.participants & COMMUNITY) >= 3
            for s in with_minutes
        ):
            return Proposal(5, "involve_all_full")
        return Proposal(4, "involve_all")
    return Proposal(3, "involve_some")


def standards_published(facts: UnitFacts) -> Proposal | None:
    """Indicator 3: the media of the least published standard (an accessible
    format is not recorded, so 4 at most)."""
    if not facts.standards:
        return None
    worst = min(facts.standards, key=lambda s: _media_level(s.media))
    level = _media_level(worst.media)
    return Proposal(
        level,
        {
            0: "media_none",
            2: "media_print",
            3: "media_one_electronic",
            4: "media_many_electronic",
        }[level],
    )


def _media_level(media: Collection[str]) -> int:
    electronic = len(set(media) - PRINT_MEDIA)
    printed = bool(set(media) & PRINT_MEDIA)
    if not media:
        return 0
    if not printed or electronic == 0:
        # One kind of medium only: print alone, or electronic without print.
        return 2
    return 3 if electronic == 1 else 4


def standards_reviewed(facts: UnitFacts) -> Proposal | None:
    """Indicator 4: the oldest last review among the published standards (whether
    the community took part in it is not recorded, so 4 at most)."""
    if not facts.standards:
        return None
    reviews = [s.last_review for s in facts.standards]
    if any(review is None for review in reviews):
        return Proposal(0, "review_never")
    oldest = min(review for review in reviews if review is not None)
    for years, score, rule in ((1, 4, "review_1y"), (2, 3, "review_2y")):
        if add_months(oldest, 12 * years) >= facts.today:
            return Proposal(score, rule)
    if add_months(oldest, 36) >= facts.today:
        return Proposal(2, "review_3y")
    return Proposal(1, "review_old")


def maklumat_cycle(facts: UnitFacts) -> Proposal:
    """Indicator 5: the unit's Maklumat, signed and published in print and online."""
    if facts.maklumat is None or not facts.maklumat[0]:
        return Proposal(0, "maklumat_none")
    _signed, printed, electronic = facts.maklumat
    if printed and electronic:
        return Proposal(4, "maklumat_print_and_web")
    if printed or electronic:
        return Proposal(3, "maklumat_print_or_web")
    return Proposal(1, "maklumat_unpublished")


def skm_regular(facts: UnitFacts) -> Proposal:
    """Indicator 6: SKM responses of the last year against the required sample and
    whether both half-years had responses (a report to the head is not recorded)."""
    if facts.skm_responses == 0:
        return Proposal(0, "skm_none")
    if facts.skm_sample is None or facts.skm_responses < facts.skm_sample:
        return Proposal(2, "skm_small_sample")
    if facts.skm_semesters >= 2:
        return Proposal(4, "skm_each_semester")
    return Proposal(3, "skm_once")


def skm_results_published(facts: UnitFacts) -> Proposal:
    """Indicator 7: Prima publishes a unit's SKM results of the last year, with its
    follow-up, on its public page: one electronic medium, so 2 as in indicator 3
    ("one kind of medium only"); a publication in print is not recorded."""
    if facts.skm_responses == 0:
        return Proposal(0, "skm_results_none")
    return Proposal(2, "skm_results_online")


def rtl_share(facts: UnitFacts) -> Proposal:
    """Indicator 8, exactly as pekppp.md: 0 no RTL; 1 none executed; 2 < 30 %;
    3 30–80 %; 4 > 80 %; 5 100 %."""
    if facts.rtl_total == 0:
        return Proposal(0, "rtl_none")
    done = Fraction(facts.rtl_done, facts.rtl_total)
    if done == 0:
        return Proposal(1, "rtl_not_done")
    if done == 1:
        return Proposal(5, "rtl_all")
    if done > Fraction(4, 5):
        return Proposal(4, "rtl_over_80")
    if done >= Fraction(3, 10):
        return Proposal(3, "rtl_30_80")
    return Proposal(2, "rtl_under_30")


def rtl_speed(facts: UnitFacts) -> Proposal:
    """Indicator 9, exactly as pekppp.md: the time from the SKM report to full
    follow-up — 5 within 1 month, 4 within 3, 3 within 6, 2 within 9, 1 within 12,
    0 none (or not all done, or later than 12 months)."""
    if facts.rtl_report is None or facts.rtl_finished is None:
        return Proposal(0, "rtl_speed_none")
    for months, score in ((1, 5), (3, 4), (6, 3), (9, 2), (12, 1)):
        if facts.rtl_finished <= add_months(facts.rtl_report, months):
            return Proposal(score, "rtl_speed_months")
    return Proposal(0, "rtl_speed_none")


def complaints_followed(facts: UnitFacts) -> Proposal | None:
    """Indicator 28: the share of the year's complaints answered, 5 when every one
    was answered within its deadline."""
    if facts.complaints == 0:
        return None
    if facts.complaints_on_time == facts.complaints:
        return Proposal(5, "answered_all_on_time")
    share = Fraction(facts.complaints_answered, facts.complaints)
    if share == 0:
        return Proposal(0, "answered_none")
    if share > Fraction(4, 5):
        return Proposal(4, "answered_over_80")
    if share > Fraction(3, 5):
        return Proposal(3, "answered_60_80")
    if share >= Fraction(3, 10):
        return Proposal(2, "answered_30_60")
    return Proposal(1, "answered_under_30")


def complaint_media(facts: UnitFacts) -> Proposal | None:
    """Indicator 26: Prima's public complaint form is one medium (1); the unit's
    other media (SP4N-LAPOR!, a box, a phone line) are not recorded, so no more."""
    if not facts.complaint_form:
        return None
    return Proposal(1, "complaint_media_prima")


def innovation_created(facts: UnitFacts) -> Proposal:
    """Indicator 29: the most advanced innovation of the unit and how long applied."""
    stage = facts.innovation_stage
    if stage is None:
        return Proposal(0, "innovation_none")
    if stage == "ide":
        return Proposal(1, "innovation_idea")
    if stage == "uji_coba" or facts.innovation_applied is None:
        return Proposal(2, "innovation_trial")
    if add_months(facts.innovation_applied, 12) > facts.today:
        return Proposal(3, "innovation_new")
    if stage == "direplikasi":
        return Proposal(5, "innovation_replicated")
    return Proposal(4, "innovation_year")


# Indicator number (2022/2023 numbering) → rule. Indicators absent get no proposal.
RULES_BY_INDICATOR: dict[int, Callable[[UnitFacts], Proposal | None]] = {
    1: standards_available,
    2: community_involved,
    3: standards_published,
    4: standards_reviewed,
    5: maklumat_cycle,
    6: skm_regular,
    7: skm_results_published,
    8: rtl_share,
    9: rtl_speed,
    26: complaint_media,
    28: complaints_followed,
    29: innovation_created,
}
# Not proposed, for want of facts in Prima: 25 (a face-to-face desk and who staffs
# it), 27 (reports of complaint handling to the head; Prima publishes statistics but
# records no report), 30 (regulation, budget and staff behind an innovation: only
# free text in its proposal), and the facilities, staff and systems of B, C and D.


def propose(facts: UnitFacts) -> dict[int, Proposal]:
    """Return the proposal per indicator number where the facts allow one."""
    proposals = {}
    for number, rule in RULES_BY_INDICATOR.items():
        proposal = rule(facts)
        if proposal is not None:
            proposals[number] = proposal
    return proposals
