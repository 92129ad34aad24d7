"""URLs of the public PEKPPP pages: the F-03 user form and published results."""

from django.urls import path

from prima.evaluations import public_views

app_name = "pekppp"
urlpatterns = [
    path(
        "pekppp/<slug:pemda_slug>/hasil/<id:pk>/",
        public_views.results,
        name="results",
    ),
    path("pekppp/f03/<str:token>/", public_views.user_form, name="user_form"),
    path(
        "pekppp/f03/<str:token>/terima-kasih/",
        public_views.user_form_thanks,
        name="user_form_thanks",
    ),
]
