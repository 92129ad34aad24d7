"""Django admin for the organisation tree: a platform operator's tool.

It also holds the admin of staff accounts, with their roles (memberships) inline:
roles are this app's, and the accounts app below it cannot import them.

The admin does not apply Pemda scoping, so it is open to superusers only; staff of a
Pemda work through the scoped staff pages. Model ``clean`` methods run on every admin
save, so a unit of another Pemda or a role at the wrong level is refused here too.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from prima.accounts.models import User
from prima.core.admin import SuperuserOnlyMixin
from prima.organisations.models import (
    Layanan,
    MemberEvent,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)


@admin.register(Pemda)
class PemdaAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "province"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    # Django 6 makes https the default scheme; opt in now and silence the warning.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ["province"]


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "code", "kind", "pemda"]
    list_filter = ["pemda", "kind"]
    list_select_related = ["pemda"]
    search_fields = ["name", "short_name", "code"]
    autocomplete_fields = ["pemda"]


@admin.register(Unit)
class UnitAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "code", "kind", "opd", "pemda", "active"]
    list_filter = ["pemda", "kind", "active"]
    list_select_related = ["pemda", "opd"]
    search_fields = ["name", "code", "opd__name"]
    autocomplete_fields = ["pemda", "opd"]


@admin.register(Layanan)
class LayananAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "code", "unit", "pemda", "active"]
    list_filter = ["pemda", "active"]
    list_select_related = ["pemda", "unit"]
    search_fields = ["name", "code", "unit__name"]
    autocomplete_fields = ["pemda", "unit"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Membership)
class MembershipAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["user", "role", "pemda", "opd", "unit", "active"]
    list_filter = ["role", "active", "pemda"]
    list_select_related = ["user", "pemda", "opd", "unit"]
    search_fields = ["user__username", "user__full_name", "user__email"]
    autocomplete_fields = ["user", "pemda", "opd", "unit"]
    readonly_fields = ["created_at"]
    fieldsets = [
        (None, {"fields": ["user", "role", "active"]}),
        (
            _("Scope"),
            {
                "fields": ["pemda", "opd", "unit"],
                "description": _(
                    "Choose the Pemda, and the OPD or the unit for roles scoped to "
                    "them. The role decides which level is allowed."
                ),
            },
        ),
        (None, {"fields": ["created_at"]}),
    ]


@admin.register(MemberEvent)
class MemberEventAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    """The history of staff changes, read-only: rows are written by the services."""

    list_display = ["at", "member", "action", "role", "scope", "actor"]
    list_filter = ["action", "role"]
    list_select_related = ["member", "actor"]
    search_fields = ["member__username", "member__full_name", "member__email"]
    date_hierarchy = "at"

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MembershipInline(admin.TabularInline):
    """A user's roles; each row is validated by ``Membership.clean``."""

    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["role", "pemda", "opd", "unit", "active"]
    autocomplete_fields = ["pemda", "opd", "unit"]
    verbose_name = _("role")
    verbose_name_plural = _("roles")


@admin.register(User)
class UserAdmin(SuperuserOnlyMixin, BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = [
        "username",
        "full_name",
        "email",
        "position",
        "is_active",
        "is_superuser",
    ]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["full_name", "position", "email"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "full_name",
                    "email",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]
