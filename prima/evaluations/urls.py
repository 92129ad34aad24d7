"""URLs of the PEKPPP cycle pages."""

from django.urls import path

from prima.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("baru/", views.cycle_create, name="cycle_create"),
    path("<id:pk>/", views.cycle_detail, name="cycle_detail"),
    path("lokus/<id:pk>/penilai/", views.evaluator_assign, name="evaluator_assign"),
]
