"""Django admin for staff accounts, with their roles (memberships) inline.

Like the organisation admin, it is open to platform superusers only: accounts are not
scoped to a Pemda, so a Pemda's staff manage roles through scoped pages instead.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from prima.accounts.models import User
from prima.core.admin import SuperuserOnlyMixin
from prima.organisations.models import Membership


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
