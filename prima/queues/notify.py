"""Messages to a visitor's phone (WhatsApp or SMS) through a pluggable gateway.

A visitor may leave a phone number with their ticket; they are then told when their
turn is a few places away and when they are called (``shared/domain/mpp.md``).

The gateway is chosen by settings read from the environment:

- ``PRIMA_NOTIFY_GATEWAY``: the dotted path of a class with ``send(message)``;
- else ``PRIMA_NOTIFY_URL``: ``HttpGateway`` posts each message as JSON there, with
  ``PRIMA_NOTIFY_TOKEN`` as a bearer token, giving up after
  ``PRIMA_NOTIFY_TIMEOUT`` seconds;
- else ``ConsoleGateway`` writes it to the log (development, and a hall without a
  provider).

``deliver`` never raises: a failing or slow gateway is logged and the queue goes on.
Callers send after their transaction commits, so a message never announces a call
that was rolled back.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from dataclasses import asdict, dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"[\s\-.()/]")
# Indonesian numbers after the country code 62: 8 to 13 digits, not starting with 0.
_NATIONAL = re.compile(r"[1-9][0-9]{7,12}")


def phone_number(text: str) -> str | None:
    """Return an Indonesian phone number in international form (+62…), or None.

    Accepts "0812-3456-7890", "62 812 3456 7890" and "+6281234567890".
    """
    digits = _SEPARATORS.sub("", text or "")
    if digits.startswith("+62"):
        national = digits[3:]
    elif digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None
    return f"+62{national}" if _NATIONAL.fullmatch(national) else None


def masked(phone: str) -> str:
    """Return ``phone`` with all but its first five and last three digits hidden."""
    if len(phone) <= 8:
        return "*" * len(phone)
    return phone[:5] + "*" * (len(phone) - 8) + phone[-3:]


@dataclass(frozen=True)
class Message:
    """One message to a visitor: the number, the text, and what it is about."""

    to: str
    text: str
    kind: str  # "near", "called" or "survey"
    ticket: str  # the ticket's code, e.g. A-017
    venue: str


class ConsoleGateway:
    """Write messages to the log instead of sending them."""

    def send(self, message: Message) -> None:
        logger.info(
            "queue message (%s) to %s: %s",
            message.kind,
            masked(message.to),
            message.text,
        )


class HttpGateway:
    """Post each message as JSON to a WhatsApp/SMS provider's endpoint."""

    def __init__(self, url: str, token: str = "", timeout: float = 3.0) -> None:
        if not url.startswith(("https://", "http://")):
            raise ValueError("PRIMA_NOTIFY_URL must be an http(s) address")
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, message: Message) -> None:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            self.url,
            data=json.dumps(asdict(message)).encode(),
            headers=headers,
            method="POST",
        )
        # urlopen raises for a status of 400 and above.
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            response.read(4096)


def gateway():
    """Return the gateway the settings choose."""
    path = getattr(settings, "PRIMA_NOTIFY_GATEWAY", "")
    if path:
        return import_string(path)()
    url = getattr(settings, "PRIMA_NOTIFY_URL", "")
    if url:
        return HttpGateway(
            url,
            getattr(settings, "PRIMA_NOTIFY_TOKEN", ""),
            getattr(settings, "PRIMA_NOTIFY_TIMEOUT", 3.0),
        )
    return ConsoleGateway()


def deliver(message: Message) -> bool:
    """Send ``message``; return whether the gateway took it. Never raises."""
    try:
        gateway().send(message)
    except Exception:
        logger.exception(
            "queue message (%s) for %s was not sent", message.kind, message.ticket
        )
        return False
    return True
