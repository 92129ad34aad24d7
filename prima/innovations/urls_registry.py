"""URLs of the innovation registry (filled in by its owner)."""

urlpatterns: list = []
