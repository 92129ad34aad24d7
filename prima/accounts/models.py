from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member of a Pemda; citizens never need an account."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # An address names one person: invitations look accounts up by it, and
            # two invitations sent at once must not open two accounts.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="unique_user_email",
                violation_error_message=_("Another account already uses this address."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username
