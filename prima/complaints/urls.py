"""URLs of complaints, one list per area so each stays small."""

from prima.complaints import urls_holidays, urls_public, urls_staff, urls_stats

app_name = "complaints"
urlpatterns = [
    *urls_public.urlpatterns,
    *urls_staff.urlpatterns,
    *urls_stats.urlpatterns,
    *urls_holidays.urlpatterns,
]
