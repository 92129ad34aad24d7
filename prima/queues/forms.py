"""Forms of the MPP queue pages: they validate shape; services hold the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField, SubmissionKeyForm
from prima.organisations.models import Layanan, Unit
from prima.queues.models import Agency, Priority, Service, Venue, Weekday
from prima.queues.notify import phone_number


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name",
            "address",
            "recall_seconds",
            "return_minutes",
            "notify_ahead",
            "active",
        ]


class AgencyForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Prima unit"), queryset=Unit.objects.none(), required=False
    )
    name = forms.CharField(
        label=_("or the name of an outside agency"), max_length=200, required=False
    )

    def __init__(self, *args, venue: Venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active().filter(
            pemda_id=venue.pemda_id
        )


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["agency", "layanan", "name", "prefix", "daily_quota", "cutoff"]
        widgets = {"cutoff": TimeInput()}

    def __init__(self, *args, venue: Venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(venue=venue)
        self.fields["layanan"].queryset = Layanan.objects.active().filter(
            pemda_id=venue.pemda_id
        )


class CounterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    name = forms.CharField(label=_("Name"), max_length=60)
    services = ModelMultipleChoiceField(
        label=_("Services"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, venue: Venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(venue=venue)
        self.fields["services"].queryset = Service.objects.filter(venue=venue)


class HoursForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=Weekday.choices, coerce=int
    )
    opens = forms.TimeField(label=_("Opens"), required=False, widget=TimeInput())
    closes = forms.TimeField(label=_("Closes"), required=False, widget=TimeInput())


class ClosureForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=200)


class KioskForm(forms.Form):
    name = forms.CharField(label=_("Device name"), max_length=100)


class PhoneField(forms.CharField):
    """An optional Indonesian phone number for the queue's messages, kept as +62…"""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Phone for WhatsApp/SMS (optional)"))
        super().__init__(max_length=20, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        number = phone_number(value)
        if number is None:
            raise forms.ValidationError(
                _("Enter a mobile number such as 0812 3456 7890, or leave it empty.")
            )
        return number


class TicketForm(SubmissionKeyForm):
    """The kiosk's choice: one service and, where it applies, a priority.

    Built without ``request``: two visitors at one kiosk choosing the same service
    are two tickets, so only the key (a double tap) makes a repeat.
    """

    key_error = _("Please take a ticket again.")
    service = forms.ModelChoiceField(queryset=Service.objects.none())
    priority = forms.ChoiceField(choices=Priority.choices, required=False)
    phone = PhoneField()

    def __init__(self, *args, venue: Venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.active().filter(venue=venue)


class TransferForm(forms.Form):
    to_service = forms.ModelChoiceField(
        label=_("Transfer to"), queryset=Service.objects.none()
    )

    def __init__(self, *args, venue: Venue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_service"].queryset = Service.objects.active().filter(
            venue=venue
        )


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Confirmation code"), max_length=12)


class BookingForm(SubmissionKeyForm):
    """The chosen slot; the service and day come with the page's address."""

    key_error = _("Please choose the slot again.")
    slot = forms.TimeField()
    phone = PhoneField()
