"""URLs of the Pemda admin's competition pages (read-only for other competition roles)."""

from django.urls import path

from prima.innovations import competition_views as views

urlpatterns = [
    path("staf/kompetisi/", views.call_list, name="call_list"),
    path("staf/kompetisi/baru/", views.call_create, name="call_create"),
    path("staf/kompetisi/<int:pk>/", views.call_detail, name="call_detail"),
    path("staf/kompetisi/<int:pk>/ubah/", views.call_edit, name="call_edit"),
    path("staf/kompetisi/<int:pk>/buka/", views.call_open, name="call_open"),
    path(
        "staf/kompetisi/<int:pk>/mulai-penilaian/",
        views.call_start_judging,
        name="call_start_judging",
    ),
    path("staf/kompetisi/<int:pk>/umumkan/", views.call_publish, name="call_publish"),
    path("staf/kompetisi/<int:pk>/panel/", views.panel_add, name="panel_add"),
    path(
        "staf/kompetisi/panel/<int:pk>/hapus/",
        views.panel_remove,
        name="panel_remove",
    ),
    path("staf/kompetisi/entri/<int:pk>/", views.entry_detail, name="entry_detail"),
    path(
        "staf/kompetisi/entri/<int:pk>/seleksi/",
        views.entry_screen,
        name="entry_screen",
    ),
    path(
        "staf/kompetisi/entri/<int:pk>/juri/",
        views.assign_juri,
        name="assign_juri",
    ),
    path(
        "staf/kompetisi/tahap/<int:pk>/tutup/",
        views.stage_close,
        name="stage_close",
    ),
    path(
        "staf/kompetisi/sanggahan/<int:pk>/putuskan/",
        views.objection_decide,
        name="objection_decide",
    ),
]
