"""Links that leave the site: e-mails have no request to take the host from, so an
absolute address is built from the ``PRIMA_BASE_URL`` setting."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """Return ``path`` (as ``reverse`` gives it) as an address on the site's base URL."""
    return settings.PRIMA_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
