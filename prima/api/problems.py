"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the API sends has ``type``, ``title``, ``status`` and ``detail``; a
request that fails validation also lists ``errors``, one per field, each naming
where the field was sent (``location``: query, path or body) and the field itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from http import HTTPStatus

from django.http import HttpResponse

MEDIA_TYPE = "application/problem+json"


def problem_response(
    status: int, detail: str, *, errors: Iterable[dict] = (), request=None
) -> HttpResponse:
    """Return a problem details response for ``status`` explaining ``detail``."""
    body: dict = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if request is not None:
        body["instance"] = request.path
    errors = list(errors)
    if errors:
        body["errors"] = errors
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=MEDIA_TYPE
    )


def field_error(location: str, field: str, detail: str) -> dict:
    """Return one entry of ``errors``: where, which field, what is wrong."""
    return {"location": location, "field": field, "detail": detail}


def ninja_errors(errors: Iterable[dict]) -> list[dict]:
    """Return Django Ninja's validation errors as problem ``errors`` entries.

    Ninja names a field by its location tuple, e.g. ("query", "period") or ("body",
    "payload", "u3"); the payload's own name is dropped.
    """
    result = []
    for error in errors:
        location, *path = (str(part) for part in error.get("loc", ("body",)))
        if location == "body" and len(path) > 1:
            path = path[1:]
        result.append(field_error(location, ".".join(path), str(error.get("msg"))))
    return result


def mapping_errors(errors: Mapping[str, Iterable[str]], location: str) -> list[dict]:
    """Return errors given per field name (a form's ``errors``) as ``errors``
    entries; errors of the whole request (``__all__``) name no field."""
    return [
        field_error(location, "" if name == "__all__" else name, str(message))
        for name, messages in errors.items()
        for message in messages
    ]
