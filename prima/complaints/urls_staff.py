"""Staff URLs of complaints: the work list, a case and its POST-only actions."""

from django.urls import path

from prima.complaints import staff_views

urlpatterns = [
    path("staf/pengaduan/", staff_views.worklist, name="worklist"),
    path("staf/pengaduan/alihkan/", staff_views.bulk_assign, name="bulk-assign"),
    path(
        "staf/pengaduan/lampiran/<id:pk>/",
        staff_views.attachment,
        name="attachment",
    ),
    path("staf/pengaduan/<id:pk>/", staff_views.case_detail, name="case-detail"),
    path(
        "staf/pengaduan/<id:pk>/verifikasi/",
        staff_views.case_verify,
        name="case-verify",
    ),
    path("staf/pengaduan/<id:pk>/tolak/", staff_views.case_reject, name="case-reject"),
    path(
        "staf/pengaduan/<id:pk>/disposisi/",
        staff_views.case_assign,
        name="case-assign",
    ),
    path("staf/pengaduan/<id:pk>/tanggapi/", staff_views.case_start, name="case-start"),
    path("staf/pengaduan/<id:pk>/jawab/", staff_views.case_answer, name="case-answer"),
]
