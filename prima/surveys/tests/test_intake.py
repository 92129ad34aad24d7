"""Tests of the intake services: questionnaire assembly, kiosk tokens, posters."""

from __future__ import annotations

from datetime import date

import pytest

from prima.surveys.intake import (
    kiosk_for_token,
    kiosk_issue,
    kiosk_revoke,
    kiosk_token_hash,
    poster_html,
    qr_svg,
    questionnaire,
    service_date_range,
)


def test_service_date_range_is_31_days_back_to_today():
    """A citizen may give any day from 31 days ago up to today."""
    assert service_date_range(date(2026, 3, 3)) == (date(2026, 1, 31), date(2026, 3, 3))


def test_token_hash_is_sha256_hex():
    """The stored form of a token is its 64-character SHA-256 hex digest."""
    digest = kiosk_token_hash("abc")
    assert digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.django_db
def test_questionnaire_numbers_u9_as_eighth_question(org):
    """Question 8 is U9 (facilities) and question 9 is U8 (complaints)."""
    questions = questionnaire(org.unit)
    assert [q.unsur for q in questions][-2:] == ["U9", "U8"]
    assert [q.number for q in questions] == list(range(1, 10))
    assert all(len(q.labels) == 4 for q in questions)


@pytest.mark.django_db
def test_revoked_kiosk_is_not_found_by_its_token(org):
    """A token opens its kiosk until the kiosk is revoked or its unit deactivated."""
    device, token = kiosk_issue(unit=org.unit, name="Tablet")
    assert kiosk_for_token(token) == device
    kiosk_revoke(device)
    assert kiosk_for_token(token) is None
    _, other = kiosk_issue(unit=org.sibling_unit, name="Tablet 2")
    org.sibling_unit.active = False
    org.sibling_unit.save()
    assert kiosk_for_token(other) is None


def test_poster_html_embeds_the_qr_of_the_url():
    """The poster carries the link as text and as an inline SVG QR code of that link."""
    url = "https://prima.example/s/u/7/"
    html = poster_html(url=url, title="Kantor Disdukcapil", subtitle="Kota Alpha")
    assert url in html
    assert qr_svg(url) in html
    assert qr_svg(url) != qr_svg("https://prima.example/s/u/8/")
    assert "<svg" in html and "Kantor Disdukcapil" in html


@pytest.mark.django_db
def test_cached_service_and_questions_are_held_until_their_cache_entry_goes(
    org, django_assert_num_queries
):
    """Lookups reuse the held objects without a query; a cleared cache retires them."""
    from django.core.cache import cache

    from prima.surveys.intake import (
        active_service,
        extra_questions,
        questionnaire_changed,
    )

    service = active_service(org.layanan.pk)
    questions = questionnaire(org.unit)
    extras = extra_questions(org.unit)
    with django_assert_num_queries(0):
        assert active_service(org.layanan.pk) is service
        assert questionnaire(org.unit) is questions
        assert extra_questions(org.unit) is extras
    assert service.unit == org.unit and len(questions) == 9
    questionnaire_changed(org.unit)
    with django_assert_num_queries(2):
        assert questionnaire(org.unit) is not questions
        assert extra_questions(org.unit) == extras  # loaded again: a query
        assert active_service(org.layanan.pk) is service
    cache.clear()
    org.layanan.active = False
    org.layanan.save()
    assert active_service(org.layanan.pk) is None


def test_qr_poster_fetches_no_outside_resource(monkeypatch):
    """The SKM QR poster goes through the same guard as the reports: a resource
    named in its HTML is refused, never fetched."""
    from prima.reports import pdf
    from prima.surveys import intake

    asked = []

    def recording_refusal(url, *args, **kwargs):
        asked.append(url)
        raise ValueError("refused")

    monkeypatch.setattr(pdf, "_no_fetch", recording_refusal)
    html = intake.poster_html(url="https://prima.example/s/u/1/", title="Loket")
    html = html.replace("</body>", '<img src="file:///etc/hostname"></body>')
    assert intake.poster_pdf(html).startswith(b"%PDF")
    assert "file:///etc/hostname" in asked
