"""URLs of competition entries, juri scoring, the public objection window and the
published results."""

from django.urls import path

from prima.innovations import judging_views, objection_views, results_views

urlpatterns = [
    path(
        "staf/kompetisi/<int:pk>/ajukan/",
        judging_views.call_submit,
        name="call_submit",
    ),
    path("staf/penilaian/", judging_views.juri_list, name="juri_list"),
    path("staf/penilaian/<int:pk>/", judging_views.juri_sheet, name="juri_sheet"),
    path(
        "staf/penilaian/<int:pk>/ubah/",
        judging_views.juri_sheet_change,
        name="juri_sheet_change",
    ),
    path("inovasi/kompetisi/", results_views.results_list, name="results_list"),
    path("inovasi/kompetisi/<int:pk>/", results_views.results, name="results"),
    path(
        "inovasi/kompetisi/<int:pk>/uji-publik/",
        objection_views.public_shortlist,
        name="public_shortlist",
    ),
    path(
        "inovasi/kompetisi/entri/<int:pk>/sanggah/",
        objection_views.objection_submit,
        name="objection_submit",
    ),
]
