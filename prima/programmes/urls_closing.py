"""URLs of closing, certificates and benchmarking visits (staff area)."""

from django.urls import path

from prima.programmes import benchmark_views, certificate_views

urlpatterns = [
    path("<int:pk>/penutupan/", certificate_views.closing, name="closing"),
    path(
        "<int:pk>/sertifikat/terbitkan/",
        certificate_views.certificates_issue,
        name="certificates_issue",
    ),
    path(
        "sertifikat/<int:pk>/cabut/",
        certificate_views.certificate_revoke,
        name="certificate_revoke",
    ),
    path(
        "sertifikat/<int:pk>/unduh/",
        certificate_views.certificate_pdf,
        name="certificate_pdf",
    ),
    path("<int:pk>/benchmark/baru/", benchmark_views.visit_create, name="visit_create"),
    path("benchmark/<int:pk>/", benchmark_views.visit_detail, name="visit_detail"),
    path(
        "benchmark/<int:pk>/pengamatan/",
        benchmark_views.observation_add,
        name="observation_add",
    ),
    path(
        "pengamatan/<int:pk>/replikasi/",
        benchmark_views.observation_replicate,
        name="observation_replicate",
    ),
]
