"""Django admin of innovations, for platform operators."""

from django.contrib import admin

from prima.core.admin import SuperuserOnlyMixin
from prima.innovations.models import Innovation


@admin.register(Innovation)
class InnovationAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "pemda", "opd", "stage", "status", "applied_on"]
    list_filter = ["pemda", "stage", "status", "sector"]
    search_fields = ["title"]
    raw_id_fields = ["origin", "unit", "opd"]
    filter_horizontal = ["layanan"]
