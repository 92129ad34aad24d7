"""URL of the leadership dashboard (staff area)."""

from django.urls import path

from prima.dashboard import views

app_name = "dashboard"
urlpatterns = [path("", views.dashboard, name="home")]
