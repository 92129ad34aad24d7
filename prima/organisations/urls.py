from django.urls import path

from prima.organisations import views

app_name = "organisations"
urlpatterns = [
    path("layanan/", views.layanan_list, name="layanan-list"),
    path("layanan/baru/", views.layanan_create, name="layanan-create"),
    path("layanan/<int:pk>/ubah/", views.layanan_edit, name="layanan-edit"),
    path("unit/", views.unit_list, name="unit-list"),
    path("unit/baru/", views.unit_create, name="unit-create"),
    path("unit/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("unit/<int:pk>/ubah/", views.unit_edit, name="unit-edit"),
    path("opd/", views.opd_list, name="opd-list"),
]
