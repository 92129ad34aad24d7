"""URLs of the MPP queue's staff pages."""

from django.urls import path

from prima.queues import views

app_name = "queues"
urlpatterns = [
    path("", views.venue_list, name="venue_list"),
    path("baru/", views.venue_create, name="venue_create"),
    path("<id:pk>/", views.venue_detail, name="venue_detail"),
    path("<id:pk>/ubah/", views.venue_edit, name="venue_edit"),
    path("<id:pk>/instansi/", views.agency_add, name="agency_add"),
    path("<id:pk>/layanan/", views.service_add, name="service_add"),
    path("<id:pk>/loket/", views.counter_add, name="counter_add"),
    path("<id:pk>/jam/", views.hours_set, name="hours_set"),
    path("<id:pk>/libur/", views.closure_add, name="closure_add"),
    path("<id:pk>/kiosk/", views.kiosk_issue, name="kiosk_issue"),
    path("<id:pk>/statistik/", views.venue_stats, name="venue_stats"),
    path("<id:pk>/statistik.xlsx", views.venue_stats_xlsx, name="venue_stats_xlsx"),
    path("loket/<id:pk>/", views.counter_console, name="counter_console"),
    path("loket/<id:pk>/<slug:action>/", views.counter_act, name="counter_act"),
]
