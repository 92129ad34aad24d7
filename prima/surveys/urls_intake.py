"""Citizen intake URLs (short links, kiosk) and the staff pages behind them."""

from django.urls import path

from prima.surveys import intake_views as views

urlpatterns: list = [
    path("s/u/<id:unit_pk>/", views.survey_unit, name="survey-unit"),
    path("s/l/<id:layanan_pk>/", views.survey_service, name="survey-service"),
    path("s/t/<str:token>/", views.survey_encounter, name="survey-encounter"),
    path("s/terima-kasih/", views.survey_thanks, name="survey-thanks"),
    path("kiosk/sw.js", views.kiosk_worker, name="kiosk-worker"),
    path("kiosk/<str:token>/", views.kiosk, name="kiosk"),
    path(
        "staf/skm/poster/unit/<id:unit_pk>.pdf",
        views.poster_unit,
        name="survey-poster-unit",
    ),
    path(
        "staf/skm/poster/layanan/<id:layanan_pk>.pdf",
        views.poster_service,
        name="survey-poster-service",
    ),
    path("staf/skm/kiosk/", views.kiosk_list, name="kiosk-list"),
    path("staf/skm/kiosk/<id:pk>/cabut/", views.kiosk_revoke, name="kiosk-revoke"),
]
