"""URLs of the innovation competition (filled in by its owner)."""

urlpatterns: list = []
