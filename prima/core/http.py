"""Facts about the HTTP client that need care behind a reverse proxy."""

from django.conf import settings


def client_ip(request) -> str:
    """Return the client's address, trusting ``PRIMA_TRUSTED_PROXIES`` proxy hops.

    Behind nginx every request comes from 127.0.0.1; the proxy appends the real
    address to X-Forwarded-For. Only the hops the operator declares are trusted, so
    a client cannot choose its own address by sending the header itself.
    """
    hops = settings.PRIMA_TRUSTED_PROXIES
    if hops <= 0:
        return request.META.get("REMOTE_ADDR", "")
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < hops:
        return request.META.get("REMOTE_ADDR", "")
    return forwarded[-hops]
