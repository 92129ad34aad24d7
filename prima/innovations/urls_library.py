"""URLs of the public innovation library (under ``inovasi/``, a reserved Pemda slug)."""

from django.urls import path

from prima.innovations import proposal_views, public_views

urlpatterns = [
    path("inovasi/", public_views.library, name="library"),
    path("inovasi/<id:pk>/", public_views.public_detail, name="public_detail"),
    path(
        "inovasi/<id:pk>/proposal.pdf",
        proposal_views.public_proposal_pdf,
        name="public_proposal_pdf",
    ),
    path(
        "inovasi/bukti/<id:pk>/",
        public_views.public_evidence,
        name="public_evidence",
    ),
]
