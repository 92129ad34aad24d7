"""URLs of closing, certificates and benchmarking visits (staff area)."""

from django.urls import path

from prima.programmes import benchmark_views, certificate_views

urlpatterns = [
    path("<id:pk>/penutupan/", certificate_views.closing, name="closing"),
    path(
        "<id:pk>/sertifikat/terbitkan/",
        certificate_views.certificates_issue,
        name="certificates_issue",
    ),
    path("tim/<id:pk>/nilai-rencana/", certificate_views.plan_score, name="plan_score"),
    path(
        "sertifikat/<id:pk>/cabut/",
        certificate_views.certificate_revoke,
        name="certificate_revoke",
    ),
    path(
        "sertifikat/<id:pk>/unduh/",
        certificate_views.certificate_pdf,
        name="certificate_pdf",
    ),
    path("<id:pk>/benchmark/baru/", benchmark_views.visit_create, name="visit_create"),
    path("benchmark/<id:pk>/", benchmark_views.visit_detail, name="visit_detail"),
    path(
        "benchmark/<id:pk>/pengamatan/",
        benchmark_views.observation_add,
        name="observation_add",
    ),
    path(
        "pengamatan/<id:pk>/replikasi/",
        benchmark_views.observation_replicate,
        name="observation_replicate",
    ),
]
