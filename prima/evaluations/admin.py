"""Django admin of PEKPPP, for platform operators: the instrument versions, each
validated by the pure loader on save (``Instrument.clean``)."""

from django.contrib import admin

from prima.core.admin import SuperuserOnlyMixin
from prima.evaluations.models import Instrument


@admin.register(Instrument)
class InstrumentAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["version", "year", "title", "loaded_at"]
    fields = ["definition", "version", "year", "title", "loaded_at"]
    readonly_fields = ["version", "year", "title", "loaded_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        # A cycle's scores are read against its instrument: once used, it is fixed.
        if obj is not None and obj.cycles.exists():
            return False
        return super().has_change_permission(request, obj)
