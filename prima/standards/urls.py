from django.urls import path

from prima.standards import views

app_name = "standards"
urlpatterns = [
    path("", views.standard_list, name="standard-list"),
    path("layanan/<id:layanan_pk>/", views.standard_detail, name="standard-detail"),
    path("layanan/<id:layanan_pk>/ubah/", views.standard_edit, name="standard-edit"),
    path("versi/<id:pk>/", views.version_detail, name="version-detail"),
    path("versi/<id:pk>/ajukan/", views.standard_submit, name="standard-submit"),
    path("versi/<id:pk>/setujui/", views.standard_approve, name="standard-approve"),
    path("versi/<id:pk>/kembalikan/", views.standard_return, name="standard-return"),
    path("versi/<id:pk>/tinjau/", views.standard_review, name="standard-review"),
    path("maklumat/unit/<id:unit_pk>/", views.maklumat_edit, name="maklumat-edit"),
]
