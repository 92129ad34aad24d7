"""Account pages Django does not provide: accepting an invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from prima.accounts.tokens import invitation_token


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """Let an invited staff member choose a password through the e-mailed link.

    Django's password reset page with the invitation's own token: it checks the
    token, moves it into the session so it leaves the address bar (and any Referer),
    and validates the password with the project's validators.
    """

    token_generator = invitation_token
    template_name = "registration/invitation_accept.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set. Log in with your username %(username)s.")
            % {"username": form.user.get_username()},
        )
        return response
