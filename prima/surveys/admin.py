"""Django admin for the SKM: a platform operator's tool, superusers only.

Responses and rollups are read-only here: a response changed or deleted outside
``response_submit`` would leave the rollups counting something that is not there.
"""

from django.contrib import admin

from prima.core.admin import SuperuserOnlyMixin
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    ExtraQuestion,
    FollowUp,
    KioskDevice,
    Population,
    QuestionWording,
    Response,
    SurveySettings,
)


class ReadOnlyMixin(SuperuserOnlyMixin):
    """Let a superuser look at rows that only the services may write."""

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SurveySettings)
class SurveySettingsAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["pemda", "period_kind"]


@admin.register(QuestionWording)
class QuestionWordingAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "unsur", "text"]
    list_filter = ["pemda", "unsur"]
    raw_id_fields = ["unit"]


@admin.register(ExtraQuestion)
class ExtraQuestionAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "position", "text", "active"]
    list_filter = ["pemda", "active"]
    raw_id_fields = ["unit"]


@admin.register(Response)
class ResponseAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["layanan", "unit", "service_date", "channel", "submitted_at"]
    list_filter = ["channel", "pemda"]
    date_hierarchy = "service_date"
    list_select_related = ["layanan", "unit"]


@admin.register(DailyCount)
class DailyCountAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["layanan", "unit", "day", "respondents"]
    list_filter = ["pemda"]
    date_hierarchy = "day"
    list_select_related = ["layanan", "unit"]


@admin.register(DailyProfileCount)
class DailyProfileCountAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["layanan", "day", "dimension", "category", "count"]
    list_filter = ["pemda", "dimension"]
    date_hierarchy = "day"


@admin.register(Population)
class PopulationAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "period_start", "period_end", "population"]
    list_filter = ["pemda"]
    raw_id_fields = ["unit", "declared_by"]


@admin.register(KioskDevice)
class KioskDeviceAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "name", "active", "issued_at", "last_used_at"]
    list_filter = ["pemda", "active"]
    exclude = ["token_hash"]
    readonly_fields = ["issued_by", "issued_at", "last_used_at"]
    raw_id_fields = ["unit"]


@admin.register(FollowUp)
class FollowUpAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "unsur", "period_start", "due_on", "status"]
    list_filter = ["pemda", "status", "unsur"]
    raw_id_fields = ["unit", "created_by"]
