"""Forms of the citizen side: a new case, the tracking code, a reply, a rating."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.complaints.models import Kind, Privacy
from prima.core import uploads
from prima.core.forms import SubmissionKeyForm

KEY_ERROR = _(
    "This form could not be matched to a sending. Nothing was saved; please check "
    "your text and send the form again."
)
PRIVACY_CHOICES = [
    (
        Privacy.OPEN,
        _(
            "Open: the staff of the unit handling your case, and the administrator "
            "of its OPD, see your name and contact; other officials do not."
        ),
    ),
    (
        Privacy.CONFIDENTIAL,
        _(
            "Confidential: the unit does not see who you are; only the Pemda "
            "administrator does."
        ),
    ),
    (
        Privacy.ANONYMOUS,
        _(
            "Anonymous: nobody sees who you are and no contact details are kept. "
            "You can still follow your case with the tracking code."
        ),
    ),
]
RATING_CHOICES = [
    (1, _("1 – Not satisfied")),
    (2, _("2 – Somewhat satisfied")),
    (3, _("3 – Satisfied")),
    (4, _("4 – Very satisfied")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file input that takes several files and cleans them as a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        return uploads.clean_uploads(
            [
                super(MultipleFileField, self).clean(item, initial)
                for item in items
                if item
            ]
        )


class CaseForm(SubmissionKeyForm):
    """A new complaint, suggestion, appreciation or request for information."""

    key_error = KEY_ERROR
    # The same text sent again is the same case, whatever else was changed on the
    # way back (docs/adr/0007-same-submission.md).
    same_submission_fields = ("subject", "description")
    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=Kind.choices,
        initial=Kind.PENGADUAN,
        widget=forms.RadioSelect,
    )
    unit = forms.ModelChoiceField(
        label=_("Which service unit is it about? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Not sure / not about one unit"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("What happened? What do you suggest?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write when and where it happened; do not include passwords."),
    )
    files = MultipleFileField(
        label=_("Photos or documents (optional)"),
        required=False,
        help_text=_("Up to 3 files: JPEG or PNG photos, or PDF, at most 5 MB each."),
    )
    privacy = forms.ChoiceField(
        label=_("Who may see your identity?"),
        choices=PRIVACY_CHOICES,
        initial=Privacy.OPEN,
        widget=forms.RadioSelect,
    )
    contact_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    contact_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def __init__(self, *args, pemda, units, layanan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pemda = pemda
        self.layanan = layanan
        self.fields["unit"].queryset = units
        if layanan is not None:
            del self.fields["unit"]

    def submission(self) -> dict:
        """Return the keyword arguments of ``case_submit`` for valid data."""
        data = self.cleaned_data
        return {
            "pemda": self.pemda,
            "kind": data["kind"],
            "unit": data.get("unit"),
            "layanan": self.layanan,
            "subject": data["subject"],
            "description": data["description"],
            "privacy": data["privacy"],
            "contact_name": data["contact_name"],
            "contact_email": data["contact_email"],
            "contact_phone": data["contact_phone"],
            "submission_key": data["key"],
            "files": data["files"],
        }


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        help_text=_("For example PRM-7KQ2-XW9D-3TBH. Upper or lower case both work."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell us what is still wrong.")},
    )


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 4.")},
    )
