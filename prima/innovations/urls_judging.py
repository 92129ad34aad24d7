"""URLs of competition entries, juri scoring and published results."""

from django.urls import path

from prima.innovations import judging_views, results_views

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
]
