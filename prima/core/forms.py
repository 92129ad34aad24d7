"""Form pieces shared by the apps' forms: submission keys, date inputs, and the
mapping of a service's refusal onto the form that called it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from prima.core.idempotency import same_submission_key
from prima.core.query import MAX_ID


class DateInput(forms.DateInput):
    """A native date picker; ISO format is what the browser sends and expects."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def add_service_errors(
    form: forms.BaseForm,
    error: ValidationError,
    field_map: Mapping[str, str] | None = None,
) -> None:
    """Attach a service's ``ValidationError`` to the fields of ``form`` it names.

    ``field_map`` renames a service's field to the form field showing it (a service
    refusing ``tie_order`` points at the first of the form's tie-order fields).
    Messages of fields the form does not have, and non-field errors, go form-wide.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    field_map = field_map or {}
    for name, errors in error.error_dict.items():
        target = field_map.get(name, name)
        if name == NON_FIELD_ERRORS or target not in form.fields:
            target = None
        form.add_error(target, errors)


def new_key() -> str:
    """Return a fresh submission key for one display of a form."""
    return str(uuid.uuid4())


class SubmissionKeyForm(forms.Form):
    """A form carrying a hidden key issued with each display of it.

    The service stores one row per key, so a double tap or a retried request
    stores the submission once. Built with ``request=``, the form also recognises
    the same content sent again from the same session within minutes (Back, then
    Send again on a page that brought a fresh key) and cleans to the key of the
    first sending (``idempotency.same_submission_key``).

    Subclasses set ``key_error``: the message shown when the key is missing or not
    one Prima issued; and may set ``same_submission_fields``, the fields whose
    values make two sendings the same (default: every field but the key and
    files, which a browser never sends again after Back).
    """

    key_error = ""
    same_submission_fields: tuple[str, ...] | None = None
    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_key(self) -> uuid.UUID:
        try:
            key = uuid.UUID(self.cleaned_data["key"])
        except (TypeError, ValueError):
            raise forms.ValidationError(self.key_error, code="key") from None
        if key.version != 4:
            raise forms.ValidationError(self.key_error, code="key")
        return key

    def _post_clean(self):
        # Django's hook after every field and ``clean()`` ran, rather than
        # ``clean()``: subclasses keep a plain ``clean()`` (the SKM form's lean
        # path relies on it) and cannot forget to call this one.
        super()._post_clean()
        if self.request is not None and not self.errors:
            self.cleaned_data["key"] = same_submission_key(
                self.request.session,
                scope=f"{type(self).__qualname__} {self.request.get_full_path()}",
                content=self.same_submission_content(),
                key=self.cleaned_data["key"],
            )

    def same_submission_content(self) -> list[object]:
        """Return the cleaned values that make two sendings the same submission."""
        names = self.same_submission_fields
        if names is None:
            names = tuple(
                name
                for name, field in self.fields.items()
                if name != "key" and not isinstance(field, forms.FileField)
            )
        values = (self.cleaned_data.get(name) for name in names)
        return [getattr(value, "pk", value) for value in values]

    def display_key(self) -> str:
        """Return the key to embed: the sent one if valid, else a fresh one."""
        if self.is_bound and "key" not in self.errors:
            return str(self.cleaned_data.get("key") or new_key())
        return new_key()


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing an id no 64-bit key holds before the database sees it.

    Django guards ``pk=value`` against overflow but not the ``pk__in`` this field
    queries: a 19-digit id in a POST ends in OverflowError (SQLite) or DataError
    (PostgreSQL), a server error, instead of the field's "not a valid value".
    """

    def _check_values(self, value):
        for pk in value or ():
            try:
                too_big = abs(int(str(pk))) > MAX_ID
            except ValueError:
                continue  # not a number: Django's own check names it
            if too_big:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
