from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetitionsConfig(AppConfig):
    name = "prima.competitions"
    verbose_name = _("Innovation competitions")

    def ready(self) -> None:
        # An entry keeps its innovation published; innovations may not import this
        # app, so it asks through the hold this app registers.
        from prima.competitions import services
        from prima.innovations import services as innovation_services

        innovation_services.add_publication_hold(services.publication_hold)
