"""A staff member's API tokens, under their account (``/akun/token/``)."""

from django.urls import path

from prima.api import views

app_name = "api-tokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("<id:pk>/cabut/", views.token_revoke_view, name="revoke"),
]
