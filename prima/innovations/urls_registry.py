"""Staff URLs of the innovation registry, evidence, replication and coverage."""

from django.urls import path

from prima.innovations import proposal_views, staff_views

P = "staf/inovasi/"

urlpatterns = [
    path(P, staff_views.staff_list, name="staff_list"),
    path(f"{P}baru/", staff_views.staff_create, name="staff_create"),
    path(f"{P}cakupan/", staff_views.coverage_view, name="coverage"),
    path(f"{P}cakupan/ingatkan/", staff_views.coverage_remind, name="coverage_remind"),
    path(f"{P}bukti/<id:pk>/", staff_views.evidence_file, name="evidence_file"),
    path(f"{P}<id:pk>/", staff_views.staff_detail, name="staff_detail"),
    path(f"{P}<id:pk>/ubah/", staff_views.staff_edit, name="staff_edit"),
    path(
        f"{P}<id:pk>/proposal.pdf",
        proposal_views.staff_proposal_pdf,
        name="staff_proposal_pdf",
    ),
    path(f"{P}<id:pk>/terbitkan/", staff_views.staff_publish, name="staff_publish"),
    path(f"{P}<id:pk>/tarik/", staff_views.staff_unpublish, name="staff_unpublish"),
    path(f"{P}<id:pk>/bukti/", staff_views.evidence_add, name="evidence_add"),
    path(
        f"{P}<id:pk>/bukti/<id:evidence_pk>/hapus/",
        staff_views.evidence_delete,
        name="evidence_delete",
    ),
    path(f"{P}<id:pk>/replikasi/", staff_views.replicate, name="replicate"),
]
