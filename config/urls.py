from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from prima.api.endpoints import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("akun/", include("prima.accounts.urls")),
    path("akun/token/", include("prima.api.urls")),
    path("api/v1/", api.urls),
    path("data/", include("prima.api.urls_opendata")),
    path("staf/organisasi/", include("prima.organisations.urls")),
    path("staf/standar/", include("prima.standards.urls")),
    path("staf/program/", include("prima.programmes.urls")),
    path("sertifikat/", include("prima.programmes.urls_certificates")),
    path("", include("prima.surveys.urls")),
    path("", include("prima.complaints.urls")),
    path("", include("prima.innovations.urls")),
    path("", include("prima.competitions.urls")),
    path("staf/pekppp/", include("prima.evaluations.urls")),
    path("staf/dasbor/", include("prima.dashboard.urls")),
    path("staf/ekspor/", include("prima.jobs.urls")),
    path("", include("prima.evaluations.urls_public")),
    path("staf/antrian/", include("prima.queues.urls")),
    path("", include("prima.queues.urls_public")),
    path("", include("prima.portal.urls")),
]

if settings.DEBUG:  # pragma: no cover - development convenience only
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
