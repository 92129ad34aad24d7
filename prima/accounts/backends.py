"""The authentication backend: Django's, behind the login limits."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from prima.accounts import throttle


class ThrottledModelBackend(ModelBackend):
    """Check a username and password as Django does, once the limits allow it.

    Every login form (Prima's, the admin's) authenticates through here, so none
    of them is a way around the limits. A refused attempt raises
    ``PermissionDenied``, which stops Django from asking any other backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        if not throttle.login_attempt(request, username):
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password)
        if user is not None:
            throttle.login_succeeded(request, username)
        return user
