"""Open data for Satu Data Indonesia, under ``/data/``."""

from django.urls import path, re_path

from prima.api import opendata_views as views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("katalog.jsonld", views.catalogue, name="catalogue"),
    path(
        "<slug:pemda_slug>/katalog.jsonld",
        views.pemda_catalogue,
        name="pemda-catalogue",
    ),
    re_path(
        r"^(?P<pemda_slug>[-a-zA-Z0-9_]+)/(?P<dataset>[-a-z]+)\.(?P<fmt>csv|json)$",
        views.dataset,
        name="dataset",
    ),
]
