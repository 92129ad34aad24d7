"""Tests of a unit's forms in a cycle: the facts behind the F-01 proposals, the
self-assessment, the anonymous F-03 user form, the evaluator's locked F-02 sheet,
and who sees a unit's F-01/F-02."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from prima.complaints.models import Case
from prima.complaints.testing import make_case
from prima.evaluations import proposals, selectors, services, testing
from prima.evaluations.models import (
    EvaluationChange,
    EvaluationSheet,
    SelfScore,
    UserAnswer,
)
from prima.innovations.testing import make_innovation
from prima.standards.models import StandardReview
from prima.standards.testing import make_maklumat, make_standard
from prima.surveys.models import FollowUp, Population
from prima.surveys.testing import submit_scores

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
IN_VERIFICATION = datetime(2026, 6, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def cycle_unit(org, users):
    cycle = testing.make_cycle(org.pemda, org.unit, by=users["admin_pemda"])
    cycle_unit = cycle.units.get()
    services.evaluator_assign(
        cycle_unit, evaluator=users["evaluator"], by=users["admin_pemda"]
    )
    return cycle_unit


def numbers(cycle_unit) -> list[int]:
    return [i.number for i in cycle_unit.cycle.instrument.parsed().indicators]


def statements(cycle_unit) -> list[str]:
    return [s.code for s in cycle_unit.cycle.instrument.parsed().statements]


# --- the facts behind the proposals ----------------------------------------------


def test_unit_facts_are_gathered_from_the_other_apps(org, users):
    """One unit with known standards, Maklumat, SKM, RTL, complaints and
    innovations: each fact and each proposed score is the one the rule gives."""
    standard = make_standard(
        layanan=org.layanan,
        decree_date=date(2025, 1, 10),
        drafting_participants=["pengguna", "ahli", "oms"],
        drafting_minutes="Berita acara konsultasi publik.",
        publication_media=["papan", "website", "medsos"],
    )
    StandardReview.objects.create(
        standard=standard, reviewed_on=date(2025, 10, 1), recorded_by=users["admin_opd"]
    )
    make_maklumat(unit=org.unit, published_electronic=False)
    Population.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        population=10,
    )
    for day in [date(2025, 5, 1)] * 6 + [date(2025, 11, 1)] * 4:
        submit_scores(org.layanan, (4,) * 9, day=day)
    for done_on in (date(2026, 1, 20), date(2026, 2, 15), None):
        FollowUp.objects.create(
            pemda=org.pemda,
            unit=org.unit,
            period_start=date(2025, 7, 1),
            period_end=date(2025, 12, 31),
            unsur="U3",
            action="Tambah loket",
            due_on=date(2026, 6, 30),
            responsible="Kepala Unit",
            status=FollowUp.Status.DONE if done_on else FollowUp.Status.PLANNED,
            completed_on=done_on,
        )
    received = datetime(2025, 12, 1, 2, 0, tzinfo=UTC)
    for answered_after in (timedelta(days=2), timedelta(days=40), None):
        case = make_case(org, layanan=org.layanan)
        Case.objects.filter(pk=case.pk).update(
            unit=org.unit,
            received_at=received,
            answer_due=date(2025, 12, 20),
            answered_at=received + answered_after if answered_after else None,
        )
    make_innovation(unit=org.unit, stage="diterapkan", applied_on=date(2024, 5, 1))

    facts = selectors.unit_facts(org.unit, today=TODAY)

    assert facts.services == 1
    assert facts.standards[0].last_review == date(2025, 10, 1)
    assert facts.maklumat == (True, True, False)
    assert (facts.skm_responses, facts.skm_sample, facts.skm_semesters) == (10, 10, 2)
    assert (facts.rtl_total, facts.rtl_done) == (3, 2)
    assert (facts.rtl_report, facts.rtl_finished) == (date(2025, 12, 31), None)
    assert (facts.complaints, facts.complaints_answered) == (3, 2)
    assert facts.complaints_on_time == 1
    assert facts.innovation_stage == "diterapkan"
    scores = {n: p.score for n, p in proposals.propose(facts).items()}
    assert scores == {
        1: 5,  # every service, complete, decreed
        2: 5,  # users and two other parties, with minutes
        3: 4,  # print and two electronic media
        4: 4,  # reviewed within the year
        5: 3,  # Maklumat in print only
        6: 4,  # sample reached in both half-years
        7: 2,  # results published on Prima's public page
        8: 3,  # two of three RTL items done (67 %)
        9: 0,  # not all done
        26: 1,  # Prima's public complaint form
        28: 3,  # two of three answered (67 %)
        29: 4,  # applied for more than a year
    }


def test_unit_facts_of_a_unit_without_data(org):
    """One service without a standard; no complaint: no proposal on 2–4 and 28."""
    facts = selectors.unit_facts(org.sibling_unit, today=TODAY)
    proposed = proposals.propose(facts)
    assert set(proposed) == {1, 5, 6, 7, 8, 9, 26, 29}
    assert proposed[1] == proposals.Proposal(0, "no_sp")
    assert proposed[7] == proposals.Proposal(0, "skm_results_none")
    assert facts.rtl_total == 0 and facts.innovation_stage is None


# --- F-01 --------------------------------------------------------------------------


def test_f01_stores_the_proposal_and_refuses_an_override_without_reason(
    org, users, cycle_unit
):
    """No Maklumat: Prima proposes 0 for indicator 5; a 3 needs a reason."""
    operator = users["operator_unit"]
    row = services.self_score_save(
        cycle_unit, by=operator, indicator=5, score=0, today=TODAY
    )
    assert (row.proposed_score, row.rule) == (0, "maklumat_none")
    with pytest.raises(ValidationError) as error:
        services.self_score_save(
            cycle_unit, by=operator, indicator=5, score=3, today=TODAY
        )
    assert "reason" in error.value.message_dict
    row = services.self_score_save(
        cycle_unit,
        by=operator,
        indicator=5,
        score=3,
        reason="Maklumat ditandatangani di atas kertas.",
        evidence_link="/staf/standar/",
        today=TODAY,
    )
    assert (row.score, row.proposed_score) == (3, 0)


def test_f01_refuses_staff_of_other_units_and_the_evaluator(users, cycle_unit):
    for name in ("evaluator", "petugas_loket", "admin_pemda", "other_pemda_admin"):
        with pytest.raises(PermissionDenied):
            services.self_score_save(
                cycle_unit, by=users[name], indicator=10, score=3, today=TODAY
            )


def test_f01_submit_locks_and_needs_every_indicator(users, cycle_unit):
    operator = users["admin_opd"]
    with pytest.raises(ValidationError):
        services.self_assessment_submit(cycle_unit, by=operator, now=NOW)
    for number in numbers(cycle_unit):
        services.self_score_save(
            cycle_unit, by=operator, indicator=number, score=0, reason="x", today=TODAY
        )
    services.self_assessment_submit(cycle_unit, by=operator, now=NOW)
    with pytest.raises(ValidationError):
        services.self_score_save(
            cycle_unit, by=operator, indicator=10, score=5, today=TODAY
        )


def test_f01_closes_after_the_deadline(users, cycle_unit):
    late = cycle_unit.cycle.self_assessment_deadline + timedelta(days=1)
    with pytest.raises(ValidationError):
        services.self_score_save(
            cycle_unit, by=users["operator_unit"], indicator=10, score=3, today=late
        )


def test_f01_page_accepts_a_proposal(client, users, cycle_unit, monkeypatch):
    monkeypatch.setattr(
        "prima.evaluations.form_views.timezone.localdate", lambda *a: TODAY
    )
    client.force_login(users["operator_unit"])
    url = reverse("evaluations:self_assessment", args=[cycle_unit.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="evidence_file"' in page.content
    response = client.post(url, {"indicator": 29, "score": 0})
    assert response.status_code == 302
    row = SelfScore.objects.get(indicator=29)
    assert (row.score, row.proposed_score, row.rule) == (0, 0, "innovation_none")


def test_f01_evidence_file_is_cleaned_and_served_to_who_sees(
    client, users, cycle_unit, monkeypatch
):
    """A photo loses its EXIF like any upload; a file that is no image or PDF is
    refused; the evaluator downloads the stored file."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from prima.core.testing import jpeg_bytes

    monkeypatch.setattr(
        "prima.evaluations.form_views.timezone.localdate", lambda *a: TODAY
    )
    client.force_login(users["operator_unit"])
    url = reverse("evaluations:self_assessment", args=[cycle_unit.pk])
    bad = SimpleUploadedFile("bukti.exe", b"MZ\x90\x00", "application/octet-stream")
    client.post(url, {"indicator": 11, "score": 3, "evidence_file": bad})
    assert not SelfScore.objects.filter(indicator=11).exists()
    photo = SimpleUploadedFile("kode-etik.jpg", jpeg_bytes(exif=True), "image/jpeg")
    client.post(url, {"indicator": 11, "score": 3, "evidence_file": photo})
    row = SelfScore.objects.get(indicator=11)
    assert row.evidence_name == "kode-etik.jpg"
    stored = row.evidence_file.read()
    assert b"Exif" not in stored
    client.force_login(users["evaluator"])
    file_url = reverse("evaluations:self_assessment_file", args=[cycle_unit.pk, 11])
    response = client.get(file_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    client.force_login(users["juri"])
    assert client.get(file_url).status_code == 404


# --- F-03 --------------------------------------------------------------------------


def test_f03_link_is_issued_by_the_evaluator_only(users, cycle_unit):
    with pytest.raises(PermissionDenied):
        services.user_form_issue(cycle_unit, by=users["admin_opd"])
    link = services.user_form_issue(cycle_unit, by=users["evaluator"])
    assert services.user_form_issue(cycle_unit, by=users["evaluator"]) == link


def test_f03_answer_is_stored_once_per_key_and_counted(client, users, cycle_unit):
    link = services.user_form_issue(cycle_unit, by=users["evaluator"])
    url = reverse("pekppp:user_form", args=[link.token])
    page = client.get(url)
    assert page.status_code == 200
    assert b"<script" not in page.content
    data = {"key": page.context["key"], **dict.fromkeys(statements(cycle_unit), 4)}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a retry
    # Back, then Send again with a fresh key: the same session and content.
    again = {**data, "key": str(uuid.uuid4())}
    assert client.post(url, again).status_code == 302
    assert UserAnswer.objects.count() == 1
    respondents, per_statement = selectors.user_form_counts(cycle_unit)
    assert respondents == 1
    assert per_statement == dict.fromkeys(statements(cycle_unit), 1)


def test_f03_refuses_an_incomplete_answer(client, users, cycle_unit):
    link = services.user_form_issue(cycle_unit, by=users["evaluator"])
    url = reverse("pekppp:user_form", args=[link.token])
    key = client.get(url).context["key"]
    response = client.post(url, {"key": key, statements(cycle_unit)[0]: 5})
    assert response.status_code == 200
    assert UserAnswer.objects.count() == 0


def test_f03_unknown_token_is_404(client):
    assert client.get(reverse("pekppp:user_form", args=["nope"])).status_code == 404


# --- F-02 --------------------------------------------------------------------------


def score_all(cycle_unit, evaluator, score=3):
    for number in numbers(cycle_unit):
        services.evaluator_score_save(
            cycle_unit, by=evaluator, indicator=number, score=score, note=""
        )


def test_f02_submit_locks_and_changes_are_audited(users, cycle_unit):
    evaluator = users["evaluator"]
    services.evaluator_score_save(
        cycle_unit, by=evaluator, indicator=1, score=2, note="SK belum ada."
    )
    with pytest.raises(ValidationError):  # not every indicator scored
        services.evaluation_submit(cycle_unit, by=evaluator, now=NOW)
    score_all(cycle_unit, evaluator)
    sheet = services.evaluation_submit(cycle_unit, by=evaluator, now=NOW)
    assert sheet.submitted_by == evaluator
    with pytest.raises(ValidationError):
        services.evaluation_submit(cycle_unit, by=evaluator, now=NOW)
    with pytest.raises(ValidationError):
        services.evaluator_score_save(cycle_unit, by=evaluator, indicator=1, score=5)
    new = {**sheet.scores, "1": 5}
    with pytest.raises(ValidationError) as error:
        services.evaluation_change(sheet, scores=new, by=evaluator, reason=" ")
    assert "reason" in error.value.message_dict
    assert not EvaluationChange.objects.exists()
    with pytest.raises(PermissionDenied):
        services.evaluation_change(
            sheet, scores=new, by=users["admin_opd"], reason="Salah ketik"
        )
    change = services.evaluation_change(
        sheet, scores=new, by=users["admin_pemda"], reason="Salah ketik"
    )
    assert (change.before["1"], change.after["1"]) == (3, 5)
    assert change.changed_by == users["admin_pemda"]
    assert EvaluationSheet.objects.get().scores["1"] == 5


def test_f02_uses_the_shared_sheet_mechanism():
    from prima.core.sheets import LockedSheet, SheetChange

    assert issubclass(EvaluationSheet, LockedSheet)
    assert issubclass(EvaluationChange, SheetChange)


def test_f02_unit_answers_notes_in_the_verification_window(users, cycle_unit):
    services.evaluator_score_save(
        cycle_unit, by=users["evaluator"], indicator=1, score=2, note="SK belum ada."
    )
    with pytest.raises(ValidationError):
        services.note_answer(
            cycle_unit, by=users["operator_unit"], indicator=1, answer="Ada", now=NOW
        )
    with pytest.raises(PermissionDenied):
        services.note_answer(
            cycle_unit,
            by=users["evaluator"],
            indicator=1,
            answer="Ada",
            now=IN_VERIFICATION,
        )
    row = services.note_answer(
        cycle_unit,
        by=users["operator_unit"],
        indicator=1,
        answer="SK terlampir.",
        now=IN_VERIFICATION,
    )
    assert row.answer == "SK terlampir."


def test_f02_only_the_assigned_evaluator_scores(users, cycle_unit):
    for name in ("admin_pemda", "operator_unit", "admin_opd"):
        with pytest.raises(PermissionDenied):
            services.evaluator_score_save(
                cycle_unit, by=users[name], indicator=1, score=3
            )


# --- who sees a unit's F-01 and F-02 -----------------------------------------------

SEES = {
    "admin_pemda": 200,
    "admin_opd": 200,
    "operator_unit": 200,
    "petugas_loket": 200,
    "evaluator": 200,
    "superuser": 200,
    "no_role": 404,
    "juri": 404,
    "mentor": 404,
    "pimpinan": 404,
    "other_pemda_admin": 404,
}


@pytest.mark.parametrize("page", ["self_assessment", "evaluation"])
@pytest.mark.parametrize(("name", "status"), SEES.items())
def test_who_sees_a_units_forms(client, users, cycle_unit, page, name, status):
    client.force_login(users[name])
    url = reverse(f"evaluations:{page}", args=[cycle_unit.pk])
    assert client.get(url).status_code == status


def test_staff_of_another_unit_of_the_pemda_do_not_see(client, org, users):
    cycle = testing.make_cycle(org.pemda, org.other_opd_unit, by=users["admin_pemda"])
    client.force_login(users["operator_unit"])
    for page in ("self_assessment", "evaluation"):
        url = reverse(f"evaluations:{page}", args=[cycle.units.get().pk])
        assert client.get(url).status_code == 404


def test_an_unassigned_evaluator_does_not_see(client, org, users):
    cycle = testing.make_cycle(org.pemda, org.unit, by=users["admin_pemda"])
    client.force_login(users["evaluator"])
    url = reverse("evaluations:evaluation", args=[cycle.units.get().pk])
    assert client.get(url).status_code == 404


# --- the unit's index --------------------------------------------------------------


def test_unit_ipp_from_the_submitted_f02_and_the_f03_answers(client, users, cycle_unit):
    assert selectors.unit_ipp(cycle_unit) is None
    score_all(cycle_unit, users["evaluator"], score=3)
    services.evaluation_submit(cycle_unit, by=users["evaluator"], now=NOW)
    result = selectors.unit_ipp(cycle_unit)
    assert (result.ipp, result.kategori, result.ipp_users) == (
        Decimal("3.00"),
        "C",
        None,
    )
    codes = statements(cycle_unit)
    for score in (4, 5):
        services.user_answer_submit(
            cycle_unit, scores=dict.fromkeys(codes, score), key=uuid.uuid4()
        )
    result = selectors.unit_ipp(cycle_unit)
    # The shipped instrument's w_users is 0: the IPP stays the evaluator's, and the
    # users' figure (4.5 on A–E, Inovasi taking the evaluator's 3) is shown beside it.
    assert result.ipp == Decimal("3.00")
    assert result.users_aspects["A"] == Decimal("4.5")
    assert result.users_aspects["F"] == Decimal(3)
    client.force_login(users["operator_unit"])
    page = client.get(reverse("evaluations:evaluation", args=[cycle_unit.pk]))
    assert "<strong>3,00</strong> · C · Cukup" in page.content.decode()
