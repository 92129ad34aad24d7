"""URLs of the participant's path and the coaching clinic, in the programmes area."""

from django.urls import path

from prima.programmes import path_views

urlpatterns = [
    path("tim/<id:pk>/jalur/", path_views.team_path, name="team_path"),
    path("tim/<id:pk>/diagnosis/", path_views.diagnosis_edit, name="diagnosis_edit"),
    path("tim/<id:pk>/desain/", path_views.design_edit, name="design_edit"),
    path("tim/<id:pk>/tonggak/", path_views.milestone_add, name="milestone_add"),
    path("tonggak/<id:pk>/ubah/", path_views.milestone_edit, name="milestone_edit"),
    path(
        "tonggak/<id:pk>/hapus/",
        path_views.milestone_remove,
        name="milestone_remove",
    ),
    path("tonggak/<id:pk>/lapor/", path_views.report_create, name="report_create"),
    path("laporan/<id:pk>/tinjau/", path_views.report_review, name="report_review"),
    path("laporan/<id:pk>/bukti/", path_views.report_file, name="report_file"),
    path("tim/<id:pk>/klinik/", path_views.clinic, name="clinic"),
    path(
        "tim/<id:pk>/klinik/ajukan/",
        path_views.version_submit,
        name="version_submit",
    ),
    path("versi/<id:pk>/saran/", path_views.clinic_review, name="clinic_review"),
]
