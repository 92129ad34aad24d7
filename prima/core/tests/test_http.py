"""Tests of finding the client's address behind proxies and of stored-file responses."""

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.test import RequestFactory

from prima.core.http import client_ip, stored_file_response


def request(remote="127.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_socket_address_counts(settings):
    """With no proxy declared, a forged X-Forwarded-For header is ignored."""
    settings.PRIMA_TRUSTED_PROXIES = 0
    assert client_ip(request("10.0.0.5", "1.2.3.4")) == "10.0.0.5"


def test_one_trusted_proxy_gives_the_address_it_saw(settings):
    """Behind one proxy, the last address it appended is the client."""
    settings.PRIMA_TRUSTED_PROXIES = 1
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_missing_header_falls_back_to_the_socket(settings):
    """A request that bypassed the proxy is counted by its own address."""
    settings.PRIMA_TRUSTED_PROXIES = 1
    assert client_ip(request("10.0.0.7")) == "10.0.0.7"


def test_stored_file_response_is_never_a_page(tmp_path):
    """Downloads and inline files both forbid type sniffing and any active content."""
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("x.png", ContentFile(b"\x89PNG"))
    for inline in (True, False):
        response = stored_file_response(
            storage.open(name),
            filename="foto.png",
            content_type="image/png",
            inline=inline,
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert response["Content-Disposition"].startswith(
            "inline" if inline else "attachment"
        )
        response.file_to_stream.close()
