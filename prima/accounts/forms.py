"""Account forms that differ from Django's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from prima.accounts import throttle


class LoginForm(auth_forms.AuthenticationForm):
    """Log a staff member in; after too many failures, say how long to wait."""

    def get_invalid_login_error(self):
        refusal = throttle.login_refusal(
            self.request, self.cleaned_data.get("username", "")
        )
        if refusal:
            return ValidationError(refusal, code="throttled")
        return super().get_invalid_login_error()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, which also reaches invited staff who never chose a password.

    Django skips accounts without a usable password, so someone who lost the
    invitation e-mail would ask for a reset and hear nothing. Their reset link lets
    them choose the first password instead; the page still answers the same whether
    or not the address has an account.
    """

    def get_users(self, email: str) -> Iterator[Any]:
        model = get_user_model()
        field = model.get_email_field_name()
        return iter(
            model._default_manager.filter(
                **{f"{field}__iexact": email, "is_active": True}
            )
        )
