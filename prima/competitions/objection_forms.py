"""The public objection form of a competition shortlist (uji publik)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.competitions.models import Objection
from prima.core.forms import SubmissionKeyForm


class ObjectionForm(SubmissionKeyForm):
    """A public objection to a proposal on a shortlist; name and e-mail optional."""

    key_error = _(
        "This form could not be matched to a sending. Nothing was saved; please "
        "check your text and send the form again."
    )
    text = forms.CharField(
        label=_("Your objection"),
        max_length=Objection.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Say what is wrong, e.g. the innovation is not applied, the data is "
            "false or it copies another region's innovation."
        ),
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Only the committee sees your name and e-mail."),
    )

    def submission(self) -> dict:
        """Return the keyword arguments of ``objection_submit`` for valid data."""
        data = self.cleaned_data
        return {
            "text": data["text"],
            "name": data["name"],
            "email": data["email"],
            "submission_key": data["key"],
        }
