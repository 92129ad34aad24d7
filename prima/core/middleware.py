"""Language selection, compression of the pages sent to phones, and the headers
that keep pages from running injected code or landing in shared caches."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers

# Media types worth compressing. Photos, PDFs and XLSX files are compressed already:
# gzip would spend CPU on every download, and on a streamed file it cannot tell
# whether the result came out smaller.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Activate the language from the switch's cookie, else the site default.

    Django's stock middleware follows the browser's Accept-Language; a Pemda site
    is Indonesian first, so a browser set to English still gets Indonesian until
    the visitor picks English with the language switch.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class TextGZipMiddleware(GZipMiddleware):
    """Gzip text responses (pages, CSV, SVG) when the client accepts it.

    Django's middleware adds up to 100 random bytes to each gzip header, which
    together with the per-request masking of CSRF tokens keeps a BREACH attacker
    from reading a token out of the compressed length.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


# Pages for staff and their own account; any page for a signed-in user counts too.
PRIVATE_PATHS = ("/staf/", "/akun/", "/admin/")


class SecurityHeadersMiddleware:
    """Send the Content-Security-Policy and Permissions-Policy with every response,
    and forbid storing any staff or account page.

    The policy allows scripts, styles and images from the site itself only, so a
    text that slipped through escaping still cannot run; a response that carries
    its own policy (stored files, ``core.http``) keeps it. Staff pages show
    personal data (complainants, staff), so no browser or proxy may keep them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Django's yellow debug pages style and script themselves inline.
        if not (settings.DEBUG and response.status_code in (404, 500)):
            response.headers.setdefault(
                "Content-Security-Policy", settings.PRIMA_CONTENT_SECURITY_POLICY
            )
        response.headers.setdefault(
            "Permissions-Policy", settings.PRIMA_PERMISSIONS_POLICY
        )
        if self._private(request):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _private(request) -> bool:
        user = getattr(request, "user", None)
        return request.path_info.startswith(PRIVATE_PATHS) or bool(
            user and user.is_authenticated
        )
