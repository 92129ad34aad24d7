from django.urls import path

from prima.standards import views

app_name = "standards"
urlpatterns = [
    path("", views.standard_list, name="standard-list"),
    path("layanan/<int:layanan_pk>/", views.standard_detail, name="standard-detail"),
    path("layanan/<int:layanan_pk>/ubah/", views.standard_edit, name="standard-edit"),
    path("versi/<int:pk>/", views.version_detail, name="version-detail"),
    path("versi/<int:pk>/ajukan/", views.standard_submit, name="standard-submit"),
    path("versi/<int:pk>/setujui/", views.standard_approve, name="standard-approve"),
    path("versi/<int:pk>/kembalikan/", views.standard_return, name="standard-return"),
    path("versi/<int:pk>/tinjau/", views.standard_review, name="standard-review"),
    path("maklumat/unit/<int:unit_pk>/", views.maklumat_edit, name="maklumat-edit"),
]
