"""Django admin of innovations, for platform operators. Competitions are read-only
here: screening, juri scores and stage closing must go through the services, which
enforce conflicts of interest and keep the audit trail."""

from django.contrib import admin

from prima.innovations.models import Call, Innovation, Objection, ScoreChange


@admin.register(Innovation)
class InnovationAdmin(admin.ModelAdmin):
    list_display = ["title", "pemda", "opd", "stage", "status", "applied_on"]
    list_filter = ["pemda", "stage", "status", "sector"]
    search_fields = ["title"]
    raw_id_fields = ["origin", "unit", "opd"]
    filter_horizontal = ["layanan"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Call)
class CallAdmin(ReadOnlyAdmin):
    list_display = ["title", "pemda", "year", "status", "deadline"]
    list_filter = ["pemda", "status"]


@admin.register(ScoreChange)
class ScoreChangeAdmin(ReadOnlyAdmin):
    list_display = ["sheet", "changed_by", "changed_at", "reason"]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdmin):
    list_display = ["entry", "stage", "submitted_at", "status", "decided_at"]
    list_filter = ["status"]
