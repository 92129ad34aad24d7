"""Language selection: Indonesian unless the visitor chose another language."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
