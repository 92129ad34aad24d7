"""Tests of the shared form pieces."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from prima.core.forms import DateInput, add_service_errors


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
