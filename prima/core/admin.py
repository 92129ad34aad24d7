"""Admin pieces shared by the apps' Django admin classes."""

from prima.core.scoping import is_platform_operator


class SuperuserOnlyMixin:
    """Limit an admin class to active superusers, whatever their model permissions.

    The admin does not apply Pemda scoping, so it is a platform operator's tool; staff
    of a Pemda work through the scoped staff pages.
    """

    def _is_platform_operator(self, request) -> bool:
        return is_platform_operator(request.user)

    def has_module_permission(self, request) -> bool:
        return self._is_platform_operator(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_platform_operator(request)

    def has_add_permission(self, request, *args) -> bool:
        return self._is_platform_operator(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._is_platform_operator(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._is_platform_operator(request)
