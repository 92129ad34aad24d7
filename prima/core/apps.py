from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "prima.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from prima.core.converters import IdConverter

        # Before any URLconf is imported: every app's paths use ``<id:...>``.
        register_converter(IdConverter, "id")
