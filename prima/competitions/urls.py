"""URLs of competitions: the Pemda admin's call pages (read-only for other
competition roles), entries, juri scoring, the public objection window and the
published results."""

from django.urls import path

from prima.competitions import judging_views, objection_views, results_views, views

app_name = "competitions"
urlpatterns = [
    path("staf/kompetisi/", views.call_list, name="call_list"),
    path("staf/kompetisi/baru/", views.call_create, name="call_create"),
    path("staf/kompetisi/<id:pk>/", views.call_detail, name="call_detail"),
    path("staf/kompetisi/<id:pk>/ubah/", views.call_edit, name="call_edit"),
    path("staf/kompetisi/<id:pk>/buka/", views.call_open, name="call_open"),
    path(
        "staf/kompetisi/<id:pk>/mulai-penilaian/",
        views.call_start_judging,
        name="call_start_judging",
    ),
    path("staf/kompetisi/<id:pk>/umumkan/", views.call_publish, name="call_publish"),
    path("staf/kompetisi/<id:pk>/panel/", views.panel_add, name="panel_add"),
    path(
        "staf/kompetisi/panel/<id:pk>/hapus/",
        views.panel_remove,
        name="panel_remove",
    ),
    path("staf/kompetisi/entri/<id:pk>/", views.entry_detail, name="entry_detail"),
    path(
        "staf/kompetisi/entri/<id:pk>/seleksi/",
        views.entry_screen,
        name="entry_screen",
    ),
    path(
        "staf/kompetisi/entri/<id:pk>/juri/",
        views.assign_juri,
        name="assign_juri",
    ),
    path(
        "staf/kompetisi/tahap/<id:pk>/tutup/",
        views.stage_close,
        name="stage_close",
    ),
    path(
        "staf/kompetisi/sanggahan/<id:pk>/putuskan/",
        views.objection_decide,
        name="objection_decide",
    ),
    path(
        "staf/kompetisi/<id:pk>/ajukan/",
        judging_views.call_submit,
        name="call_submit",
    ),
    path("staf/penilaian/", judging_views.juri_list, name="juri_list"),
    path("staf/penilaian/<id:pk>/", judging_views.juri_sheet, name="juri_sheet"),
    path(
        "staf/penilaian/<id:pk>/ubah/",
        judging_views.juri_sheet_change,
        name="juri_sheet_change",
    ),
    path("inovasi/kompetisi/", results_views.results_list, name="results_list"),
    path("inovasi/kompetisi/<id:pk>/", results_views.results, name="results"),
    path(
        "inovasi/kompetisi/<id:pk>/uji-publik/",
        objection_views.public_shortlist,
        name="public_shortlist",
    ),
    path(
        "inovasi/kompetisi/entri/<id:pk>/sanggah/",
        objection_views.objection_submit,
        name="objection_submit",
    ),
]
