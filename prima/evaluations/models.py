"""PEKPPP evaluations of a Pemda's units (PermenPANRB 29/2022 jo. 4/2023).

The rules are in ``../shared/domain/pekppp.md``. The instrument of each year is data:
an ``Instrument`` row keeps one version's JSON document, validated by the pure
``instrument.py``; the index is computed by the pure ``ipp.py``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from prima.evaluations import instrument as instrument_data

# The pure loader describes its problems in Indonesian for the command line; the
# admin speaks the user's language, so each problem has its own msgid here.
PROBLEM_MESSAGES = {
    instrument_data.Problem.NOT_JSON: _("not valid JSON: %(detail)s"),
    instrument_data.Problem.MISSING: _("is required"),
    instrument_data.Problem.WRONG_TYPE: _("has the wrong type"),
    instrument_data.Problem.NOT_DECIMAL: _('must be a decimal number such as "0.17"'),
    instrument_data.Problem.OUT_OF_RANGE: _("must lie between 0 and 1"),
    instrument_data.Problem.WEIGHTS_NOT_ONE: _(
        "the weights sum to %(detail)s, not exactly 1"
    ),
    instrument_data.Problem.DESCRIPTORS: _(
        "must hold the descriptors of the scores 0, 1, 2, 3, 4 and 5"
    ),
    instrument_data.Problem.DUPLICATE: _("%(detail)s is used more than once"),
    instrument_data.Problem.UNKNOWN_ASPECT: _(
        "aspect %(detail)s is not in the instrument"
    ),
    instrument_data.Problem.EMPTY: _("may not be empty"),
    instrument_data.Problem.FORMAT: _("unknown format %(detail)s, expected 1"),
}


def instrument_errors(error: instrument_data.InstrumentError) -> list[ValidationError]:
    """Return one translated ValidationError per problem, naming its line and path."""
    errors = []
    for issue in error.issues:
        where = issue.path or _("document")
        problem = PROBLEM_MESSAGES[issue.problem]
        errors.append(
            ValidationError(
                _("line %(line)s, %(where)s: %(problem)s"),
                code=issue.problem.value,
                params={
                    "line": issue.line,
                    "where": where,
                    "problem": problem % {"detail": issue.detail},
                },
            )
        )
    return errors


class Instrument(models.Model):
    """One version of the PEKPPP instrument (aspects, indicators, weights,
    descriptors, F-03 statements and ``w_users``) as its validated JSON document."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    definition = models.TextField(
        _("definition (JSON)"),
        help_text=_(
            "Aspects, indicators, weights, score descriptors and F-03 statements; "
            "see prima/evaluations/instrument.py for the format."
        ),
    )
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        ordering = ["-year", "version"]
        verbose_name = _("PEKPPP instrument")
        verbose_name_plural = _("PEKPPP instruments")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Validate the document and take the version, year and title from it."""
        try:
            parsed = instrument_data.load(self.definition)
        except instrument_data.InstrumentError as error:
            raise ValidationError({"definition": instrument_errors(error)}) from None
        taken = Instrument.objects.exclude(pk=self.pk).filter(version=parsed.version)
        if taken.exists():
            raise ValidationError(
                {
                    "definition": _(
                        "Version %(version)s is already stored; change that one instead."
                    )
                    % {"version": parsed.version}
                }
            )
        self.version = parsed.version
        self.year = parsed.year
        self.title = parsed.title

    def parsed(self) -> instrument_data.Instrument:
        """Return the instrument this row holds."""
        return instrument_data.load(self.definition)
