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
