"""SKM reports: the staff PDF/XLSX/CSV exports and the public results pages."""

from django.urls import path

from prima.surveys import report_views

urlpatterns: list = [
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
