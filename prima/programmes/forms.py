"""Forms of the programme pages: shape only; the rules are in ``services``."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField
from prima.organisations.models import PerangkatDaerah, Unit
from prima.programmes.models import (
    AttendanceStatus,
    Facilitator,
    Participant,
    Programme,
    Session,
    Stage,
)


def _formfield(field, **kwargs):
    """Read a link typed without a scheme as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ProgrammeForm(forms.ModelForm):
    """A programme's facts; on creation also who organises it."""

    organiser = forms.ChoiceField(label=_("Organiser"))

    class Meta:
        model = Programme
        formfield_callback = _formfield
        fields = [
            "kind",
            "title",
            "description",
            "starts_on",
            "ends_on",
            "venue",
            "online_link",
            "target_opds",
            "target_units",
            "attendance_threshold",
            "late_after_minutes",
        ]
        # The core field refuses an id no key can hold before it reaches the query.
        field_classes = {
            "target_opds": ModelMultipleChoiceField,
            "target_units": ModelMultipleChoiceField,
        }
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "target_opds": forms.CheckboxSelectMultiple,
            "target_units": forms.SelectMultiple(attrs={"size": 6}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "target_opds": _("Leave both empty to open the programme to every OPD."),
        }

    def __init__(self, *args, organisers=None, pemda=None, **kwargs):
        """``organisers``: (key, label, Pemda, OPD or None) the user may organise as,
        on creation; ``pemda``: the programme's Pemda when it exists."""
        super().__init__(*args, **kwargs)
        self.organisers = {key: (p, opd) for key, _label, p, opd in organisers or []}
        if organisers:
            self.fields["organiser"].choices = [(k, v) for k, v, _p, _o in organisers]
        else:
            del self.fields["organiser"]
        pemda_ids = {p.pk for p, _opd in self.organisers.values()}
        if pemda is not None:
            pemda_ids = {pemda.pk}
        self.fields["target_opds"].queryset = PerangkatDaerah.objects.filter(
            pemda__in=pemda_ids
        ).order_by("name")
        self.fields["target_units"].queryset = Unit.objects.filter(
            pemda__in=pemda_ids, active=True
        ).order_by("name")

    def organiser_choice(self):
        """Return the (Pemda, OPD or None) chosen as organiser."""
        return self.organisers[self.cleaned_data["organiser"]]


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["due_on", "deliverable"]
        widgets = {"due_on": DateInput()}


class FacilitatorForm(forms.ModelForm):
    class Meta:
        model = Facilitator
        fields = ["name", "institution", "institution_name"]


class NominateForm(forms.Form):
    user = forms.ChoiceField(label=_("Staff member"))

    def __init__(self, *args, memberships=(), exclude=(), **kwargs):
        """``memberships``: the staff one may nominate; ``exclude``: user ids
        already nominated."""
        super().__init__(*args, **kwargs)
        seen: dict[int, str] = {}
        for m in memberships:
            if m.user_id in exclude:
                continue
            place = m.unit or m.opd
            name = str(m.user)
            seen.setdefault(m.user_id, f"{name} — {place}")
        self.fields["user"].choices = sorted(seen.items(), key=lambda kv: kv[1])


class DecideForm(forms.Form):
    accept = forms.BooleanField(required=False)


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120)
    unit = forms.ModelChoiceField(label=_("Service unit"), queryset=Unit.objects.none())

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programme is not None:
            self.fields["unit"].queryset = Unit.objects.filter(
                pemda=programme.pemda, active=True
            ).order_by("name")


class TeamMemberForm(forms.Form):
    participant = forms.ModelChoiceField(
        label=_("Participant"), queryset=Participant.objects.none()
    )

    def __init__(self, *args, participants=None, **kwargs):
        super().__init__(*args, **kwargs)
        if participants is not None:
            self.fields["participant"].queryset = participants


class MentorForm(forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor"), queryset=Participant.objects.none()
    )

    def __init__(self, *args, mentors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mentors is not None:
            self.fields["mentor"].queryset = mentors


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker in the format the browser sends."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        formfield_callback = _formfield
        fields = [
            "title",
            "method",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "facilitator",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = (
            programme.facilitators.all() if programme else Facilitator.objects.none()
        )


class AttendanceRowForm(forms.Form):
    """One participant's row of the organiser's attendance sheet."""

    status = forms.ChoiceField(
        label=_("Attendance"),
        choices=[("", _("Not recorded")), *AttendanceStatus.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    remark = forms.CharField(label=_("Remark"), max_length=200, required=False)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A PDF document (export slides as PDF), at most 5 MB."),
    )
    link = forms.URLField(label=_("Or a link"), required=False, assume_scheme="https")
