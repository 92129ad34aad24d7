"""Tests of the staff questionnaire pages and the survey settings page."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from prima.core.periods import PeriodKind, period_containing
from prima.surveys.models import ExtraAnswer, ExtraQuestion, QuestionWording
from prima.surveys.questionnaire import wording_save
from prima.surveys.selectors import Scope, scope_result

pytestmark = pytest.mark.django_db

LABELS = {
    "label_1": "Lambat sekali",
    "label_2": "Lambat",
    "label_3": "Cepat",
    "label_4": "Kilat",
}


@pytest.fixture
def en_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def staff(client, users, name: str):
    client.force_login(users[name])
    return client


def edit_url(org, unsur: str = "U3") -> str:
    return reverse(
        "surveys:wording-edit", kwargs={"unit_pk": org.unit.pk, "unsur": unsur}
    )


def citizen_form(client, unit) -> str:
    url = reverse("surveys:survey-unit", kwargs={"unit_pk": unit.pk})
    return client.get(url).content.decode()


def test_rewording_reaches_the_citizen_form_and_reset_removes_it(org, users, en_client):
    """A saved wording is what citizens read; restoring brings the default back."""
    client = staff(en_client, users, "operator_unit")
    response = client.post(
        edit_url(org), {"text": "Berapa cepat KTP selesai?", **LABELS}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "surveys:questionnaire", kwargs={"unit_pk": org.unit.pk}
    )
    html = citizen_form(client, org.unit)
    assert "Berapa cepat KTP selesai?" in html
    assert "d. Kilat" in html
    assert "How fast is the time to deliver the service?" not in html
    reset = reverse(
        "surveys:wording-reset", kwargs={"unit_pk": org.unit.pk, "unsur": "U3"}
    )
    assert client.post(reset).status_code == 302
    assert not QuestionWording.objects.exists()
    html = citizen_form(client, org.unit)
    assert "How fast is the time to deliver the service?" in html
    assert "Berapa cepat KTP selesai?" not in html


def test_edit_form_is_prefilled_with_the_default_in_the_current_language(
    org, users, en_client
):
    """Without a wording the form holds the regulation's text in English."""
    html = staff(en_client, users, "admin_opd").get(edit_url(org)).content.decode()
    assert "How fast is the time to deliver the service?" in html
    assert 'value="Very fast"' in html
    assert "cannot be removed or moved" in html
    assert "Restore the regulation" not in html


def test_edit_form_shows_the_current_wording_and_restore_button(org, users, en_client):
    """With a wording the form holds it and offers to restore the default."""
    wording_save(
        unit=org.unit, unsur="U3", text="Secepat apa?", labels=list(LABELS.values())
    )
    html = staff(en_client, users, "operator_unit").get(edit_url(org)).content.decode()
    assert "Secepat apa?" in html
    assert 'value="Kilat"' in html
    assert "Restore the regulation's wording" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   ", **LABELS}, "This field is required."),
        ({"text": "Q?", **LABELS, "label_2": " "}, "This field is required."),
        (
            {"text": "Q?", **LABELS, "label_4": "x" * 81},
            "Ensure this value has at most 80 characters (it has 81).",
        ),
        (
            {"text": "Q?", **LABELS, "label_4": "lambat"},
            "Answer d (score 4) repeats answer b (score 2): the four answers must "
            "differ.",
        ),
    ],
)
def test_wording_validation_messages(org, users, en_client, data, message):
    """Blank, too long and repeated answers are refused with a clear message."""
    response = staff(en_client, users, "operator_unit").post(edit_url(org), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not QuestionWording.objects.exists()


def test_unknown_unsur_is_404(org, users, client):
    """Only U1..U9 can be reworded."""
    client = staff(client, users, "operator_unit")
    assert client.get(edit_url(org, "U10")).status_code == 404
    assert client.get(edit_url(org, "u3")).status_code == 404


def test_questionnaire_page_in_citizen_order_with_marks_and_extras(
    org, users, en_client
):
    """The page lists U9 before U8, marks rewordings, and explains extras."""
    wording_save(
        unit=org.unit, unsur="U8", text="Pengaduan?", labels=list(LABELS.values())
    )
    ExtraQuestion.objects.create(pemda=org.pemda, unit=org.unit, text="Antrean?")
    url = reverse("surveys:questionnaire", kwargs={"unit_pk": org.unit.pk})
    html = staff(en_client, users, "operator_unit").get(url).content.decode()
    assert html.index("What do you think of the quality") < html.index("Pengaduan?")
    assert html.count("reworded by the unit") == 1
    assert "Antrean?" in html
    assert "never count in the IKM" in html
    assert "no unsur can be removed or moved" in html
    assert edit_url(org, "U8") in html
    assert (
        reverse("surveys:extra-question-add", kwargs={"unit_pk": org.unit.pk}) in html
    )


def test_read_only_user_sees_no_edit_buttons(org, users, en_client):
    """Counter staff see the questionnaire without edit links and cannot post."""
    client = staff(en_client, users, "petugas_loket")
    url = reverse("surveys:questionnaire", kwargs={"unit_pk": org.unit.pk})
    html = client.get(url).content.decode()
    assert "How fast is the time to deliver the service?" in html
    assert edit_url(org) not in html
    assert client.post(edit_url(org), {"text": "Q?", **LABELS}).status_code == 403
    assert not QuestionWording.objects.exists()


def test_out_of_scope_unit_is_404(org, users, client):
    """A unit of a sibling is invisible to a unit operator, of another Pemda to all."""
    client = staff(client, users, "operator_unit")
    kwargs = {"unit_pk": org.sibling_unit.pk, "unsur": "U3"}
    assert client.get(reverse("surveys:wording-edit", kwargs=kwargs)).status_code == 404
    client = staff(client, users, "admin_pemda")
    kwargs = {"unit_pk": org.other_pemda_unit.pk}
    assert (
        client.get(reverse("surveys:questionnaire", kwargs=kwargs)).status_code == 404
    )


def test_extra_question_limit_error_on_the_page(org, users, en_client):
    """Adding a sixth active extra question shows the limit and stores nothing."""
    for n in range(5):
        ExtraQuestion.objects.create(pemda=org.pemda, unit=org.unit, text=f"Q{n}?")
    url = reverse("surveys:extra-question-add", kwargs={"unit_pk": org.unit.pk})
    client = staff(en_client, users, "operator_unit")
    response = client.post(url, {"text": "Q6?", "position": "6", "active": "on"})
    assert response.status_code == 200
    assert "at most 5 active extra questions" in response.content.decode()
    assert ExtraQuestion.objects.count() == 5
    response = client.post(url, {"text": "Q6?", "position": "6"})
    assert response.status_code == 302
    assert ExtraQuestion.objects.filter(active=False).count() == 1


def test_extra_question_edit_saves(org, users, client):
    """An extra question's text, position and activity can be changed."""
    question = ExtraQuestion.objects.create(pemda=org.pemda, unit=org.unit, text="Q?")
    url = reverse("surveys:extra-question-edit", kwargs={"pk": question.pk})
    response = staff(client, users, "admin_opd").post(
        url, {"text": "Antrean tertib?", "position": "3"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.position, question.active) == (
        "Antrean tertib?",
        3,
        False,
    )


def answers(layanan, **extra) -> dict:
    return {
        **{f"u{i}": str(1 + i % 4) for i in range(1, 10)},
        "key": str(uuid.uuid4()),
        "layanan": str(layanan.pk),
        "service_date": timezone.localdate().isoformat(),
        **extra,
    }


def test_extra_answers_stay_out_of_the_ikm(org, client):
    """The same scores give the same IKM with or without an extra answer."""
    question = ExtraQuestion.objects.create(
        pemda=org.pemda, unit=org.unit, text="Antrean tertib?"
    )
    with_extra = answers(org.layanan, **{f"extra_{question.pk}": "Sangat tertib"})
    unit_url = reverse("surveys:survey-unit", kwargs={"unit_pk": org.unit.pk})
    sibling_url = reverse(
        "surveys:survey-unit", kwargs={"unit_pk": org.sibling_unit.pk}
    )
    assert client.post(unit_url, with_extra).status_code == 302
    assert client.post(sibling_url, answers(org.sibling_layanan)).status_code == 302
    assert ExtraAnswer.objects.get().text == "Sangat tertib"
    period = period_containing(timezone.localdate(), PeriodKind.TRIWULAN)
    with_result = scope_result(Scope.of(org.unit), period)
    without_result = scope_result(Scope.of(org.sibling_unit), period)
    assert with_result is not None
    assert with_result == without_result


def settings_url(**query) -> str:
    url = reverse("surveys:settings")
    return f"{url}?pemda={query['pemda']}" if query else url


def test_admin_pemda_changes_the_survey_period(org, users, en_client):
    """The Pemda administrator sees the form and saves the period for the Pemda."""
    client = staff(en_client, users, "admin_pemda")
    html = client.get(settings_url()).content.decode()
    assert "Quarter (triwulan)" in html and 'name="period_kind"' in html
    response = client.post(settings_url(), {"period_kind": "semester"})
    assert response.status_code == 302
    assert org.pemda.survey_settings.period_kind == "semester"
    assert "Semester" in client.get(settings_url()).content.decode()


@pytest.mark.parametrize("name", ["admin_opd", "operator_unit", "pimpinan"])
def test_other_roles_see_the_period_but_cannot_change_it(org, users, en_client, name):
    """Users below the Pemda level see the setting, no form, and get 403 on POST."""
    client = staff(en_client, users, name)
    html = client.get(settings_url()).content.decode()
    assert "Only the Pemda administrator can change the survey period." in html
    assert 'name="period_kind"' not in html
    response = client.post(settings_url(), {"period_kind": "tahun"})
    assert response.status_code == 403
    assert not hasattr(org.pemda, "survey_settings") or (
        org.pemda.survey_settings.period_kind != "tahun"
    )


def test_admin_of_another_pemda_changes_only_their_own(org, users, client):
    """An admin Pemda's post sets their own Pemda; naming another Pemda is 404."""
    client = staff(client, users, "other_pemda_admin")
    assert client.post(settings_url(), {"period_kind": "tahun"}).status_code == 302
    assert org.other_pemda.survey_settings.period_kind == "tahun"
    other = settings_url(pemda=org.pemda.slug)
    assert client.post(other, {"period_kind": "tahun"}).status_code == 404


def test_superuser_without_pemda_picks_one(org, users, en_client):
    """A superuser first sees a Pemda picker, then the form of the chosen Pemda."""
    client = staff(en_client, users, "superuser")
    html = client.get(settings_url()).content.decode()
    assert "Your account belongs to no Pemda" in html
    assert org.other_pemda.slug in html
    url = settings_url(pemda=org.other_pemda.slug)
    assert client.post(url, {"period_kind": "semester"}).status_code == 302
    assert org.other_pemda.survey_settings.period_kind == "semester"
