"""The public certificate verification page, outside the staff area."""

from django.urls import path

from prima.programmes import certificate_views

app_name = "certificates"
urlpatterns = [
    path("<str:code>/", certificate_views.certificate_verify, name="verify"),
]
