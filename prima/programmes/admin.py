from django.contrib import admin

from prima.core.admin import SuperuserOnlyMixin
from prima.programmes.models import Programme


@admin.register(Programme)
class ProgrammeAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "pemda", "starts_on", "ends_on"]
    list_filter = ["kind"]
