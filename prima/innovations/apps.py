from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "prima.innovations"
    verbose_name = _("Innovations")

    def ready(self) -> None:
        # The SKM page of a unit is a lower layer's; innovations supply its piece.
        from prima.innovations.panels import weak_unsur_innovations
        from prima.surveys import panels

        panels.unit_results.register(weak_unsur_innovations)
