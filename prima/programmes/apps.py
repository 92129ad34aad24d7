from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "prima.programmes"
    verbose_name = _("Capacity-building programmes")
