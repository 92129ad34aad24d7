"""URLs of innovations, one list per area so each stays small."""

from prima.innovations import urls_library, urls_registry

app_name = "innovations"
urlpatterns = [
    *urls_library.urlpatterns,
    *urls_registry.urlpatterns,
]
