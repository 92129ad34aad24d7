from django.urls import path

from prima.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("staf/", views.staff_home, name="staff-home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("<slug:pemda_slug>/", views.pemda_home, name="pemda"),
    path("<slug:pemda_slug>/layanan/", views.directory, name="directory"),
    path("<slug:pemda_slug>/transparansi/", views.transparency, name="transparency"),
    path(
        "<slug:pemda_slug>/layanan/<id:pk>/",
        views.service_detail,
        name="service-detail",
    ),
    path("<slug:pemda_slug>/unit/<id:pk>/", views.unit_detail, name="unit-detail"),
]
