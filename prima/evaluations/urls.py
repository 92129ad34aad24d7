"""URLs of the PEKPPP staff pages: cycles and the forms of each unit in scope."""

from django.urls import path

from prima.evaluations import form_views, views

app_name = "evaluations"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("baru/", views.cycle_create, name="cycle_create"),
    path("<id:pk>/", views.cycle_detail, name="cycle_detail"),
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
