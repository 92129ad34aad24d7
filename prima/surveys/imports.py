"""Import of paper SKM forms from a CSV or XLSX file, all or nothing.

Columns (header row first, names case-insensitive): ``tanggal`` (YYYY-MM-DD,
DD/MM/YYYY or an Excel date), ``kode_layanan`` (a service code of the unit),
``u1`` … ``u9`` (1–4, in code order), and optionally ``jenis_kelamin`` (L/P),
``usia``, ``pendidikan``, ``pekerjaan`` (the stored choice values) and ``saran``.

Every row is validated before anything is stored; one bad cell stores nothing. The
rows are then stored through ``response_submit`` in one transaction, each with a key
derived from the unit, the file's SHA-256 and the row number, so uploading the same
file again stores nothing twice.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.tables import CellError, Table, TableRefused, cell_date, cell_text
from prima.core.tables import read_table as read_file_table
from prima.organisations.models import Layanan, Unit
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import Channel, Education, Gender, Occupation
from prima.surveys.services import response_submit

MAX_BYTES = 5 * 1024 * 1024
# Every row goes through ``response_submit`` (about a dozen queries with its rollups),
# so a file is bounded to keep the request within tens of seconds: 2 000 rows take
# about 9 s on SQLite. A unit never needs more: Krejcie–Morgan asks at most 384
# respondents per period.
MAX_ROWS = 5_000
# A file imported in the background (prima.jobs) may hold this many forms.
LARGE_MAX_ROWS = 200_000
LARGE_MAX_BYTES = 40 * 1024 * 1024
# Sixteen columns are read; the longest cell is a suggestion, which the online form
# (``intake_forms.SurveyForm``) limits to 2 000 characters.
MAX_COLUMNS = 60
MAX_CELL_CHARS = 2_000
#: Fixed namespace of the idempotency keys of imported rows; never change it, or a
#: file imported before the change would be stored again.
NAMESPACE = uuid.UUID("6f1c9a52-4f0e-4d8e-9a63-2b7f0c5d1e44")

SCORE_COLUMNS = [u.value.lower() for u in CODE_ORDER]
REQUIRED_COLUMNS = ["tanggal", "kode_layanan", *SCORE_COLUMNS]
OPTIONAL_COLUMNS = ["jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran"]
CHOICES = {
    "jenis_kelamin": {v.lower(): v for v in Gender.values},
    "pendidikan": {v.lower(): v for v in Education.values},
    "pekerjaan": {v.lower(): v for v in Occupation.values},
}
PROFILE_FIELDS = {
    "jenis_kelamin": "gender",
    "usia": "age",
    "pendidikan": "education",
    "pekerjaan": "occupation",
}


# The file as a whole cannot be read: too large, wrong type, too many rows.
ImportRefused = TableRefused


@dataclass(frozen=True)
class CleanRow:
    number: int
    layanan: Layanan
    service_date: date
    scores: dict[str, int]
    profile: dict[str, Any]
    suggestion: str


@dataclass
class ImportResult:
    """What an import did: rows stored now, rows already stored, or the bad cells."""

    rows: int = 0
    imported: int = 0
    already: int = 0
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(name: str, data: bytes, *, large: bool = False) -> Table:
    """Return the file's non-blank rows (header first), each with its row number;
    ``large`` files (imported in the background) may be bigger."""
    return read_file_table(
        name,
        data,
        max_bytes=LARGE_MAX_BYTES if large else MAX_BYTES,
        max_rows=LARGE_MAX_ROWS if large else MAX_ROWS,
        max_columns=MAX_COLUMNS,
        max_cell_chars=MAX_CELL_CHARS,
    )


_text = cell_text


def _parse_date(value: Any, today: date) -> date:
    day = cell_date(value)
    if day > today:
        raise ValueError(_("The date is in the future."))
    return day


def _parse_int(value: Any, low: int, high: int) -> int:
    text = _text(value)
    try:
        number = int(text)
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a whole number from %(low)d to %(high)d.")
            % {"value": text, "low": low, "high": high}
        ) from None
    if not low <= number <= high:
        raise ValueError(
            _("%(value)d is outside %(low)d–%(high)d.")
            % {"value": number, "low": low, "high": high}
        )
    return number


def _header(row: list[Any], number: int) -> tuple[dict[str, int], list[CellError]]:
    names = [_text(cell).lower() for cell in row]
    index = {name: i for i, name in enumerate(names) if name}
    errors = [
        CellError(number, column, _("This required column is missing."))
        for column in REQUIRED_COLUMNS
        if column not in index
    ]
    return index, errors


def _clean_row(
    number: int, cells: dict[str, Any], layanan: dict[str, Layanan], today: date
) -> tuple[CleanRow | None, list[CellError]]:
    errors: list[CellError] = []
    values: dict[str, Any] = {}

    def check(column: str, parse) -> None:
        try:
            values[column] = parse(cells.get(column))
        except ValueError as exc:
            errors.append(CellError(number, column, str(exc)))

    def service(value: Any) -> Layanan:
        code = _text(value)
        if not code:
            raise ValueError(_("The service code is missing."))
        if code.upper() not in layanan:
            raise ValueError(
                _("“%(code)s” is not a service code of this unit.") % {"code": code}
            )
        return layanan[code.upper()]

    def choice(column: str):
        def parse(value: Any) -> str:
            text = _text(value)
            if text and text.lower() not in CHOICES[column]:
                allowed = ", ".join(CHOICES[column].values())
                raise ValueError(
                    _("“%(value)s” is not one of: %(allowed)s.")
                    % {"value": text, "allowed": allowed}
                )
            return CHOICES[column].get(text.lower(), "")

        return parse

    check("tanggal", lambda v: _parse_date(v, today))
    check("kode_layanan", service)
    for column in SCORE_COLUMNS:
        check(column, lambda v: _parse_int(v, 1, 4))
    for column in ("jenis_kelamin", "pendidikan", "pekerjaan"):
        check(column, choice(column))
    check("usia", lambda v: _parse_int(v, 1, 120) if _text(v) else None)
    if errors:
        return None, errors
    return (
        CleanRow(
            number=number,
            layanan=values["kode_layanan"],
            service_date=values["tanggal"],
            scores={c.upper(): values[c] for c in SCORE_COLUMNS},
            profile={PROFILE_FIELDS[c]: values[c] for c in PROFILE_FIELDS},
            suggestion=_text(cells.get("saran")),
        ),
        [],
    )


def validate_rows(
    table: Table, *, unit: Unit, today: date
) -> tuple[list[CleanRow], list[CellError]]:
    """Return the clean rows and every bad cell of a table whose first row is the
    header (see ``read_table``)."""
    if not table:
        return [], [CellError(1, "", _("The file is empty."))]
    header_number, header = table[0]
    index, errors = _header(header, header_number)
    if errors:
        return [], errors
    layanan = {
        obj.code.upper(): obj
        for obj in Layanan.objects.filter(unit=unit).select_related("unit")
    }
    clean: list[CleanRow] = []
    for number, row in table[1:]:
        cells = {
            column: row[i] if i < len(row) else None for column, i in index.items()
        }
        good, bad = _clean_row(number, cells, layanan, today)
        errors += bad
        if good is not None:
            clean.append(good)
    if not clean and not errors:
        errors.append(CellError(header_number + 1, "", _("The file has no data rows.")))
    return clean, errors


class _Rollback(Exception):
    pass


def responses_import(
    *,
    unit: Unit,
    name: str,
    data: bytes,
    today: date | None = None,
    large: bool = False,
) -> ImportResult:
    """Validate every row of a paper-form file and store all of them, or none.

    Raise ``ImportRefused`` when the file cannot be read at all. ``large`` allows
    the background import's bigger files (``LARGE_MAX_ROWS``).
    """
    today = today or timezone.localdate()
    table = read_table(name, data, large=large)
    clean, errors = validate_rows(table, unit=unit, today=today)
    result = ImportResult(rows=len(clean), errors=errors)
    if errors:
        return result
    digest = hashlib.sha256(data).hexdigest()
    try:
        with transaction.atomic():
            for row in clean:
                try:
                    _, created = response_submit(
                        layanan=row.layanan,
                        scores=row.scores,
                        idempotency_key=uuid.uuid5(
                            NAMESPACE, f"{unit.pk}:{digest}:{row.number}"
                        ),
                        channel=Channel.PAPER,
                        service_date=row.service_date,
                        profile=row.profile,
                        suggestion=row.suggestion,
                    )
                except ValidationError as exc:
                    result.errors.append(
                        CellError(row.number, "", "; ".join(exc.messages))
                    )
                    raise _Rollback from exc
                if created:
                    result.imported += 1
                else:
                    result.already += 1
    except _Rollback:
        result.imported = result.already = 0
    return result
