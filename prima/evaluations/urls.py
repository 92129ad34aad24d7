"""URLs of the PEKPPP staff pages: cycles and the forms of each unit in scope."""

from django.urls import path

from prima.evaluations import form_views, result_views, views

app_name = "evaluations"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("baru/", views.cycle_create, name="cycle_create"),
    path("<id:pk>/", views.cycle_detail, name="cycle_detail"),
    path("<id:pk>/terbitkan/", result_views.cycle_publish, name="cycle_publish"),
    path("<id:pk>/peringkat/", result_views.ranking, name="ranking"),
    path("<id:pk>/peringkat.pdf", result_views.ranking_pdf, name="ranking_pdf"),
    path("<id:pk>/peringkat.xlsx", result_views.ranking_xlsx, name="ranking_xlsx"),
    path("lokus/<id:pk>/hasil/", result_views.result, name="result"),
    path("lokus/<id:pk>/hasil.pdf", result_views.result_pdf, name="result_pdf"),
    path(
        "lokus/<id:pk>/rekomendasi/",
        result_views.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "rekomendasi/<id:pk>/tutup/",
        result_views.recommendation_close,
        name="recommendation_close",
    ),
    path(
        "rekomendasi/<id:pk>/berkas/",
        result_views.recommendation_file,
        name="recommendation_file",
    ),
    path("lokus/<id:pk>/penilai/", views.evaluator_assign, name="evaluator_assign"),
    path("lokus/<id:pk>/f01/", form_views.self_assessment, name="self_assessment"),
    path(
        "lokus/<id:pk>/f01/kirim/",
        form_views.self_assessment_submit,
        name="self_assessment_submit",
    ),
    path(
        "lokus/<id:pk>/f01/<id:number>/berkas/",
        form_views.self_assessment_file,
        name="self_assessment_file",
    ),
    path("lokus/<id:pk>/f02/", form_views.evaluation, name="evaluation"),
    path(
        "lokus/<id:pk>/f02/kirim/",
        form_views.evaluation_submit,
        name="evaluation_submit",
    ),
    path(
        "lokus/<id:pk>/f02/ubah/",
        form_views.evaluation_change,
        name="evaluation_change",
    ),
    path(
        "lokus/<id:pk>/f03/terbitkan/",
        form_views.user_form_issue,
        name="user_form_issue",
    ),
]
