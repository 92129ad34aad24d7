"""Django admin of complaints, for platform operators: holidays are edited here;
cases are read-only because every change must go through the workflow services."""

from django.contrib import admin

from prima.complaints.models import Attachment, Case, CaseEvent, Holiday
from prima.core.admin import SuperuserOnlyMixin


@admin.register(Holiday)
class HolidayAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["day", "name", "pemda"]
    list_filter = ["pemda"]
    date_hierarchy = "day"


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = [
        "at",
        "actor",
        "by_citizen",
        "from_status",
        "to_status",
        "note",
        "staff_note",
        "public",
    ]

    def has_add_permission(self, request, obj=None):
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    readonly_fields = ["original_name", "content_type", "size", "uploaded_at"]
    exclude = ["file"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = [
        "id",
        "subject",
        "kind",
        "status",
        "unit",
        "received_at",
        "escalation_level",
    ]
    list_filter = ["status", "kind", "escalation_level", "pemda"]
    # The tracking code is the citizen's only key and shown to them alone; staff,
    # platform operators included, name a case by its number.
    search_fields = ["=id", "subject"]
    exclude = ["tracking_code", "submission_key"]
    inlines = [CaseEventInline, AttachmentInline]

    def get_readonly_fields(self, request, obj=None):
        return [
            field.name
            for field in self.model._meta.fields
            if field.name not in self.exclude
        ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
