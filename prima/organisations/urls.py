from django.urls import path

from prima.organisations import people_views, views

app_name = "organisations"
urlpatterns = [
    path("layanan/", views.layanan_list, name="layanan-list"),
    path("layanan/baru/", views.layanan_create, name="layanan-create"),
    path("layanan/<id:pk>/ubah/", views.layanan_edit, name="layanan-edit"),
    path("unit/", views.unit_list, name="unit-list"),
    path("unit/baru/", views.unit_create, name="unit-create"),
    path("unit/<id:pk>/", views.unit_detail, name="unit-detail"),
    path("unit/<id:pk>/ubah/", views.unit_edit, name="unit-edit"),
    path("opd/", views.opd_list, name="opd-list"),
    path("opd/<id:pk>/ubah/", views.opd_edit, name="opd-edit"),
    path("kop-surat/", views.letterhead_edit, name="letterhead"),
    # Staff management (pegawai): invitations, roles, accounts.
    path("pegawai/", people_views.member_list, name="member-list"),
    path("pegawai/undang/", people_views.member_invite, name="member-invite"),
    path("pegawai/<id:pk>/", people_views.member_detail, name="member-detail"),
    path("pegawai/<id:pk>/peran/", people_views.membership_add, name="membership-add"),
    path(
        "pegawai/<id:pk>/buka-kunci/",
        people_views.member_unlock,
        name="member-unlock",
    ),
    path(
        "pegawai/<id:pk>/nonaktifkan/",
        people_views.member_deactivate,
        name="member-deactivate",
    ),
    path(
        "pegawai/<id:pk>/aktifkan/",
        people_views.member_reactivate,
        name="member-reactivate",
    ),
    path(
        "pegawai/peran/<id:pk>/akhiri/",
        people_views.membership_end,
        name="membership-end",
    ),
]
