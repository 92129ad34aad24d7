from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "prima.standards"
    verbose_name = _("Service standards")

    def ready(self) -> None:
        # The organisation pages show a service's published standard and a unit's
        # Maklumat; this app supplies them because organisations may not import it.
        from prima.organisations import selectors as organisation_pages
        from prima.standards import selectors

        organisation_pages.add_layanan_annotation(selectors.layanan_with_published_flag)
        organisation_pages.add_unit_catalog_part(selectors.unit_maklumat_part)
