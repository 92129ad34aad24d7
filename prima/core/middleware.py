"""Language selection, and compression of the pages sent to phones."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
