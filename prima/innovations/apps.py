from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "prima.innovations"
    verbose_name = _("Innovations")
