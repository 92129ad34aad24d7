"""Django admin of competitions, for platform operators, read-only: screening, juri
scores and stage closing must go through the services, which enforce conflicts of
interest and keep the audit trail."""

from django.contrib import admin

from prima.competitions.models import Call, Objection, ScoreChange
from prima.core.admin import SuperuserOnlyMixin


class ReadOnlyAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
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
