"""Platform-operator admin for standards; staff work through the scoped staff pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from prima.core.admin import SuperuserOnlyMixin
from prima.standards.models import (
    ApprovalEvent,
    Maklumat,
    StandardReview,
    StandarPelayanan,
)


class StandardReviewInline(admin.TabularInline):
    model = StandardReview
    extra = 0
    fields = ("reviewed_on", "note", "recorded_by", "recorded_at")
    readonly_fields = ("recorded_by", "recorded_at")


class ApprovalEventInline(admin.TabularInline):
    """The approval audit, shown read-only: it records what happened."""

    model = ApprovalEvent
    extra = 0
    fields = ("at", "action", "by", "decree_number", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StandarPelayanan)
class StandarPelayananAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = (
        "layanan",
        "version",
        "status",
        "completeness",
        "pemda",
        "decree_number",
        "published_at",
        "review_due_on",
    )
    list_filter = ("status", "pemda")
    search_fields = (
        "layanan__name",
        "layanan__code",
        "layanan__unit__name",
        "decree_number",
    )
    list_select_related = ("layanan", "pemda")
    raw_id_fields = (
        "layanan",
        "pemda",
        "created_by",
        "published_by",
        "submitted_by",
    )
    readonly_fields = (
        "missing_count",
        "review_due_on",
        "created_at",
        "updated_at",
        "published_at",
    )
    date_hierarchy = "created_at"
    inlines = [StandardReviewInline, ApprovalEventInline]

    @admin.display(description=_("completeness"), ordering="missing_count")
    def completeness(self, obj: StandarPelayanan) -> str:
        return f"{obj.filled_count}/{obj.component_total}"


@admin.register(Maklumat)
class MaklumatAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = (
        "unit",
        "pemda",
        "signatory_name",
        "signed_on",
        "published_printed",
        "published_electronic",
        "updated_at",
    )
    list_filter = ("pemda", "published_printed", "published_electronic")
    search_fields = ("unit__name", "unit__code", "signatory_name")
    list_select_related = ("unit", "pemda")
    raw_id_fields = ("unit", "pemda", "updated_by")
    readonly_fields = ("updated_at",)
