"""Citizen URLs of complaints, under each Pemda's public address."""

from django.urls import path

from prima.complaints import public_views

P = "<slug:pemda_slug>/pengaduan/"

urlpatterns = [
    path(P + "baru/", public_views.submit, name="submit"),
    path(P + "terkirim/", public_views.submitted, name="submitted"),
    path(P + "lacak/", public_views.track, name="track"),
    path(P + "lacak/kasus/", public_views.track_case, name="track-case"),
    path(P + "lacak/kasus/balas/", public_views.track_reply, name="track-reply"),
    path(P + "lacak/kasus/nilai/", public_views.track_rate, name="track-rate"),
    path(P + "lacak/kunci/", public_views.track_forget, name="track-forget"),
]
