"""Public forms of innovations: the library's search and filter GET form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from prima.innovations.library import MAX_WORDS, LibraryFilter
from prima.innovations.models import Sector, Stage
from prima.organisations.models import Pemda
from prima.surveys.models import UNSUR_CHOICES


def _with_all(choices, label) -> list[tuple[str, str]]:
    return [("", label), *choices]


class LibraryForm(forms.Form):
    """Search words and filters; every field is optional and validated on its own."""

    q = forms.CharField(
        label=_("Words in the title, problem or solution"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    unsur = forms.ChoiceField(
        label=_("Targeted SKM unsur"),
        choices=_with_all(UNSUR_CHOICES, _("Any unsur")),
        required=False,
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=_with_all(Sector.choices, _("Any sector")),
        required=False,
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=_with_all(Stage.choices, _("Any stage")),
        required=False,
    )
    pemda = forms.ModelChoiceField(
        label=_("Pemda"),
        queryset=Pemda.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Every Pemda"),
        required=False,
    )

    def __init__(self, *args, pemda_choices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Formatted here, not at import, so the help follows the active language.
        self.fields["q"].help_text = gettext("At most %(count)d words are used.") % {
            "count": MAX_WORDS
        }
        if pemda_choices is not None:
            self.fields["pemda"].queryset = pemda_choices

    def filters(self) -> LibraryFilter:
        """Return the filter of the fields that validated; a bad field is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return LibraryFilter(
            q=(data.get("q") or "").strip(),
            unsur=data.get("unsur") or "",
            sector=data.get("sector") or "",
            stage=data.get("stage") or "",
            pemda=data.get("pemda"),
        )
