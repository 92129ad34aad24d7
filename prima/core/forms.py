"""Form pieces shared by the citizen forms."""

import uuid

from django import forms


def new_key() -> str:
    """Return a fresh submission key for one display of a form."""
    return str(uuid.uuid4())


class SubmissionKeyForm(forms.Form):
    """A form carrying a hidden key issued with each display of it.

    The service stores one row per key, so a double tap, the back button or a
    retried request stores the submission once. Subclasses set ``key_error``: the
    message shown when the key is missing or not one Prima issued.
    """

    key_error = ""
    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_key(self) -> uuid.UUID:
        try:
            key = uuid.UUID(self.cleaned_data["key"])
        except (TypeError, ValueError):
            raise forms.ValidationError(self.key_error, code="key") from None
        if key.version != 4:
            raise forms.ValidationError(self.key_error, code="key")
        return key

    def display_key(self) -> str:
        """Return the key to embed: the sent one if valid, else a fresh one."""
        if self.is_bound and "key" not in self.errors:
            return str(self.cleaned_data.get("key") or new_key())
        return new_key()
