"""Account pages Django does not provide (accepting an invitation) or provides
without limits (asking for a password reset)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from prima.accounts import forms, throttle
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


class PasswordResetView(auth_views.PasswordResetView):
    """Django's page to ask for a reset link, limited per client and per mailbox.

    Past the client's limit the form says so. Past the mailbox's limit the page
    answers as if the link were sent and sends nothing, so no answer tells whether
    an account has that address.
    """

    form_class = forms.PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        refusal = throttle.reset_refusal(self.request)
        if refusal:
            form.add_error(None, refusal)
            return self.form_invalid(form)
        if not throttle.reset_mail_allowed(form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
