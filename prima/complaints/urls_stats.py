"""URLs of the complaint statistics: the staff page and the Pemda's public figures."""

from django.urls import path

from prima.complaints import stats_views

urlpatterns: list = [
    path("staf/pengaduan/statistik/", stats_views.stats, name="stats"),
    path(
        "<slug:pemda_slug>/pengaduan/statistik/",
        stats_views.public_stats,
        name="public-stats",
    ),
]
