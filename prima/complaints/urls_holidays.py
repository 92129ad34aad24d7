"""Staff URLs of the Pemda's holiday calendar."""

from django.urls import path

from prima.complaints import holiday_views

urlpatterns = [
    path("staf/pengaduan/libur/", holiday_views.holiday_list, name="holiday-list"),
    path("staf/pengaduan/libur/tambah/", holiday_views.holiday_add, name="holiday-add"),
    path(
        "staf/pengaduan/libur/impor/",
        holiday_views.holiday_import,
        name="holiday-import",
    ),
    path(
        "staf/pengaduan/libur/<id:pemda_pk>/<str:day>/hapus/",
        holiday_views.holiday_delete,
        name="holiday-delete",
    ),
]
