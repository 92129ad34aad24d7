"""Staff SKM pages (results, diagnosis, RTL, paper import), under "staf/skm/"."""

from django.urls import path

from prima.surveys import staff_views

urlpatterns: list = [
    path("staf/skm/", staff_views.results, name="results"),
    path(
        "staf/skm/unit/<id:unit_pk>/",
        staff_views.unit_results,
        name="unit-results",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/populasi/",
        staff_views.population_edit,
        name="population-edit",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/rtl/baru/",
        staff_views.followup_create_view,
        name="followup-create",
    ),
    path(
        "staf/skm/rtl/<id:pk>/",
        staff_views.followup_update_view,
        name="followup-update",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/impor/",
        staff_views.import_responses,
        name="import",
    ),
]
