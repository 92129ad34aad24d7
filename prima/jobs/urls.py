"""URLs of background jobs (staff area)."""

from django.urls import path

from prima.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("mulai/", views.job_start, name="start"),
    path("impor/<id:unit_pk>/", views.import_start, name="import_start"),
    path("<id:pk>/", views.job_detail, name="detail"),
    path("<id:pk>/unduh/", views.job_download, name="download"),
]
