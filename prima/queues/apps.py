from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueuesConfig(AppConfig):
    name = "prima.queues"
    verbose_name = _("Service hall queues (MPP)")
