"""SKM reports: the staff PDF/XLSX/CSV exports and the public results pages."""

from django.urls import path

from prima.surveys import consolidated_views, report_views

urlpatterns: list = [
    path(
        "staf/skm/pemda/<id:pk>/laporan.pdf",
        consolidated_views.pemda_pdf,
        name="pemda-report-pdf",
    ),
    path(
        "staf/skm/pemda/<id:pk>/laporan.xlsx",
        consolidated_views.pemda_xlsx,
        name="pemda-report-xlsx",
    ),
    path(
        "staf/skm/opd/<id:pk>/laporan.pdf",
        consolidated_views.opd_pdf,
        name="opd-report-pdf",
    ),
    path(
        "staf/skm/opd/<id:pk>/laporan.xlsx",
        consolidated_views.opd_xlsx,
        name="opd-report-xlsx",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/laporan.pdf",
        report_views.report_pdf,
        name="report-pdf",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/laporan.xlsx",
        report_views.report_xlsx,
        name="report-xlsx",
    ),
    path(
        "staf/skm/unit/<id:unit_pk>/jawaban.csv",
        report_views.report_csv,
        name="report-csv",
    ),
    path(
        "<slug:pemda_slug>/skm/unit/<id:unit_pk>/",
        report_views.public_unit,
        name="public-unit",
    ),
    path(
        "<slug:pemda_slug>/skm/opd/<id:opd_pk>/",
        report_views.public_opd,
        name="public-opd",
    ),
    path("<slug:pemda_slug>/skm/", report_views.public_pemda, name="public-pemda"),
]
