"""HTTP details that need care: the client behind a reverse proxy, stored files."""

from django.conf import settings
from django.http import FileResponse


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


def stored_file_response(file, *, filename: str, content_type: str, inline: bool):
    """Return an uploaded file as a download, or inline when ``inline``.

    A stored file is data, never a page: the browser may not guess another type
    (``nosniff``) and nothing in it may run or load (a sandboxing CSP), whoever
    uploaded it.
    """
    response = FileResponse(
        file.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
