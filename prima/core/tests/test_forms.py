"""Tests of the shared form pieces."""

import uuid

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from prima.core.forms import (
    DateInput,
    ModelMultipleChoiceField,
    SubmissionKeyForm,
    add_service_errors,
)


class TwoFieldForm(forms.Form):
    code = forms.CharField()
    first_tie = forms.CharField()


def bound_form() -> TwoFieldForm:
    form = TwoFieldForm({"code": "X-1", "first_tie": "impact"})
    assert form.is_valid()
    return form


def test_service_errors_land_on_the_fields_they_name():
    """A service error naming a form field is shown on that field."""
    form = bound_form()
    add_service_errors(form, ValidationError({"code": "Duplicate."}))
    assert form.errors["code"] == ["Duplicate."]
    assert form.non_field_errors() == []


def test_unknown_fields_and_non_field_errors_go_form_wide():
    """Errors on fields the form lacks, and non-field errors, go above the form."""
    form = bound_form()
    add_service_errors(
        form, ValidationError({"pemda": "Other.", NON_FIELD_ERRORS: "All."})
    )
    assert form.non_field_errors() == ["Other.", "All."]


def test_an_error_without_fields_goes_form_wide():
    """A plain ValidationError (a message or a list) is a form-wide error."""
    form = bound_form()
    add_service_errors(form, ValidationError(["Closed.", "Too late."]))
    assert form.non_field_errors() == ["Closed.", "Too late."]


def test_field_map_points_a_service_field_at_a_form_field():
    """``field_map`` shows a service's field on the form field that edits it."""
    form = bound_form()
    add_service_errors(
        form,
        ValidationError({"tie_order": "Each criterion once."}),
        field_map={"tie_order": "first_tie"},
    )
    assert form.errors["first_tie"] == ["Each criterion once."]


def test_date_input_is_a_native_picker_in_iso_format():
    """The date widget renders type=date with an ISO value the browser accepts."""
    html = DateInput().render("on", "2026-03-02")
    assert 'type="date"' in html
    assert 'value="2026-03-02"' in html


class NoteForm(SubmissionKeyForm):
    key_error = "Bad key."
    text = forms.CharField()
    photo = forms.FileField(required=False)


def sent(request, text: str) -> uuid.UUID:
    form = NoteForm({"key": str(uuid.uuid4()), "text": text}, request=request)
    assert form.is_valid(), form.errors
    return form.cleaned_data["key"]


def test_submission_key_form_recognises_the_same_text_in_one_session(rf):
    """Built with the request, the form cleans a resend to the first key."""
    request = rf.post("/objection/7/")
    request.session = {}
    first = sent(request, "Data palsu")
    assert sent(request, "Data  palsu") == first
    assert sent(request, "Data lain") != first
    other_citizen = rf.post("/objection/7/")
    other_citizen.session = {}
    assert sent(other_citizen, "Data palsu") != first


def test_submission_key_form_without_request_keeps_the_sent_key():
    """Without the request the key is the one sent, as before."""
    key = uuid.uuid4()
    form = NoteForm({"key": str(key), "text": "Data palsu"})
    assert form.is_valid() and form.cleaned_data["key"] == key


@pytest.mark.django_db
@pytest.mark.parametrize("junk", ["9" * 19, "-" + "9" * 19, "1" * 5000, "abc"])
def test_model_multiple_choice_refuses_an_id_no_key_holds(junk):
    """A 19-digit id is "not a valid value" like any other junk, not an overflow."""
    from django.contrib.auth.models import Group

    field = ModelMultipleChoiceField(queryset=Group.objects.all())
    with pytest.raises(ValidationError) as error:
        field.clean([junk])
    assert error.value.code == "invalid_pk_value"
