"""Staff pages of a unit's questionnaire and of the Pemda's survey period."""

from django.urls import path

from prima.surveys import questionnaire_views as views

urlpatterns: list = [
    path(
        "staf/skm/unit/<id:unit_pk>/kuesioner/",
        views.questionnaire,
        name="questionnaire",
    ),
    # Before the <str:unsur> routes, which would otherwise take "tambahan".
    path(
        "staf/skm/unit/<id:unit_pk>/kuesioner/tambahan/",
        views.extra_question_add,
        name="extra-question-add",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/kuesioner/<str:unsur>/",
        views.wording_edit,
        name="wording-edit",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/kuesioner/<str:unsur>/reset/",
        views.wording_reset,
        name="wording-reset",
    ),
    path(
        "staf/skm/kuesioner/tambahan/<id:pk>/",
        views.extra_question_edit,
        name="extra-question-edit",
    ),
    path("staf/skm/pengaturan/", views.settings_edit, name="settings"),
]
