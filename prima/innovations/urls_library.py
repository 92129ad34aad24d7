"""URLs of the innovation library (filled in by its owner)."""

urlpatterns: list = []
