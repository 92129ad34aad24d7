"""Writes of the PEKPPP evaluations; see models.py for the rules' sources."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from prima.evaluations import instrument as instrument_data
from prima.evaluations.models import Instrument, instrument_errors


@transaction.atomic
def instrument_load(
    *, definition: str, replace: bool = False
) -> tuple[Instrument, bool]:
    """Store the instrument a JSON document describes; return it and whether it was
    stored (an existing version is kept unless ``replace``).

    Raise ValidationError naming every problem of the document.
    """
    try:
        parsed = instrument_data.load(definition)
    except instrument_data.InstrumentError as error:
        raise ValidationError({"definition": instrument_errors(error)}) from None
    row = Instrument.objects.select_for_update().filter(version=parsed.version).first()
    if row is not None and (not replace or row.definition == definition):
        return row, False
    row = row or Instrument()
    row.definition = definition
    row.version, row.year, row.title = parsed.version, parsed.year, parsed.title
    row.full_clean()
    row.save()
    return row, True
