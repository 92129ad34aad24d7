"""URLs of the SKM, one list per area so each stays small."""

from prima.surveys import (
    urls_intake,
    urls_questionnaire,
    urls_reports,
    urls_staff,
)

app_name = "surveys"
urlpatterns = [
    *urls_intake.urlpatterns,
    *urls_staff.urlpatterns,
    *urls_reports.urlpatterns,
    *urls_questionnaire.urlpatterns,
]
