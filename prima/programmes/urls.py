"""URLs of the programme pages (staff area)."""

from django.urls import include, path

from prima.programmes import outcome_views, session_views, urls_closing, views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("baru/", views.programme_create, name="programme_create"),
    path("hasil/", outcome_views.outcomes, name="outcomes"),
    path("<id:pk>/laporan.pdf", outcome_views.report_pdf, name="report_pdf"),
    path("<id:pk>/", views.programme_detail, name="programme_detail"),
    path("<id:pk>/ubah/", views.programme_edit, name="programme_edit"),
    path("tahap/<id:pk>/ubah/", views.stage_edit, name="stage_edit"),
    path("<id:pk>/fasilitator/", views.facilitator_add, name="facilitator_add"),
    path(
        "fasilitator/<id:pk>/hapus/",
        views.facilitator_remove,
        name="facilitator_remove",
    ),
    path("<id:pk>/usulkan/", views.participant_nominate, name="participant_nominate"),
    path(
        "peserta/<id:pk>/putuskan/",
        views.participant_decide,
        name="participant_decide",
    ),
    path("<id:pk>/tim/", views.team_create, name="team_create"),
    path("tim/<id:pk>/", views.team_detail, name="team_detail"),
    path("tim/<id:pk>/anggota/", views.team_member_add, name="team_member_add"),
    path("tim/<id:pk>/mentor/", views.team_mentor, name="team_mentor"),
    path(
        "peserta/<id:pk>/keluar-tim/",
        views.team_member_remove,
        name="team_member_remove",
    ),
    path("<id:pk>/sesi/baru/", session_views.session_create, name="session_create"),
    path("sesi/<id:pk>/", session_views.session_detail, name="session_detail"),
    path("sesi/<id:pk>/ubah/", session_views.session_edit, name="session_edit"),
    path(
        "sesi/<id:pk>/presensi/",
        session_views.attendance_take,
        name="attendance_take",
    ),
    path("sesi/<id:pk>/qr/", session_views.session_qr, name="session_qr"),
    path(
        "sesi/<id:pk>/hadir/<str:code>/",
        session_views.check_in,
        name="check_in",
    ),
    path("sesi/<id:pk>/materi/", session_views.material_add, name="material_add"),
    path("materi/<id:pk>/", session_views.material_file, name="material_file"),
    path(
        "materi/<id:pk>/hapus/",
        session_views.material_remove,
        name="material_remove",
    ),
    path(
        "<id:pk>/presensi.xlsx",
        session_views.attendance_xlsx,
        name="attendance_xlsx",
    ),
    path("", include("prima.programmes.path_urls")),
    *urls_closing.urlpatterns,
]
