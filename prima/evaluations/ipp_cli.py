"""``prima ipp FILE``: the Indeks Pelayanan Publik of one unit's scores, without a database.

FILE is a CSV or XLSX file whose first non-empty row names the columns; the columns
``indikator`` (the indicator number, 1–30 in the 2023 instrument) and ``nilai`` (the
score, a whole number 0–5) hold one row per indicator, every indicator exactly once;
other columns are ignored. The file is read through the bounded reader of every import
(``prima.core.tabular``, with ``prima ikm``'s limits). The instrument is the newest
one shipped with Prima (``prima/evaluations/instruments/``) or the JSON file given with
``--instrument``; the computation is ``prima.evaluations.ipp.compute``.

Messages are in Indonesian, as ``prima ikm``'s. A bad file or instrument exits with
status 2, names every bad cell by row and column on stderr, and prints nothing on
stdout.

This module must never import Django: ``prima.cli`` dispatches ``ipp`` here before
Django settings are touched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from prima.core.table_files import InputError, is_blank
from prima.core.table_files import read_file_rows as read_table
from prima.evaluations import instrument as instrument_data
from prima.evaluations.instrument import Instrument, InstrumentError
from prima.evaluations.ipp import IppResult, compute, round_ipp

EXIT_BAD_INPUT = 2
INDICATOR = "indikator"
SCORE = "nilai"
_WHOLE = re.compile(r"\d+(?:\.0*)?")


def _whole(cell: object) -> int | None:
    """Return the whole number a cell holds, or None when it holds anything else."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() else None
    if isinstance(cell, str) and _WHOLE.fullmatch(cell.strip()):
        return int(float(cell.strip()))
    return None


def _show(cell: object) -> str:
    if is_blank(cell):
        return "kosong"
    return repr(cell) if isinstance(cell, str) else f"'{cell}'"


def _header(number: int, cells: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    errors: list[str] = []
    for index, cell in enumerate(cells):
        name = str(cell).strip().lower() if cell is not None else ""
        if name not in (INDICATOR, SCORE):
            continue
        if name in found:
            errors.append(f"baris {number}: kolom {name} muncul lebih dari sekali")
        found[name] = index
    missing = [c for c in (INDICATOR, SCORE) if c not in found]
    if missing:
        errors.append(
            f"baris {number} (judul): kolom {', '.join(missing)} tidak ditemukan; "
            f"dibutuhkan {INDICATOR} dan {SCORE}"
        )
    if errors:
        raise InputError(errors)
    return found


def read_scores(path: Path, instrument: Instrument) -> dict[int, int]:
    """Return the score of each indicator number a CSV or XLSX file holds.

    Raise ``InputError`` listing every problem: unreadable file, missing columns,
    an indicator that is no number of the instrument or appears twice, a score that
    is not a whole number 0–5, or an indicator without a row.
    """
    rows = read_table(path)
    numbers = {i.number for i in instrument.indicators}
    header: dict[str, int] | None = None
    scores: dict[int, int] = {}
    seen_on: dict[int, int] = {}
    errors: list[str] = []
    for row, cells in rows:
        if header is None:
            header = _header(row, cells)
            continue
        found = [
            cells[header[c]] if header[c] < len(cells) else None
            for c in (INDICATOR, SCORE)
        ]
        number, score = (_whole(cell) for cell in found)
        if number is None or number not in numbers:
            errors.append(
                f"baris {row}, kolom {INDICATOR}: {_show(found[0])} bukan nomor "
                f"indikator instrumen {instrument.version} "
                f"({min(numbers)}–{max(numbers)})"
            )
        elif number in seen_on:
            errors.append(
                f"baris {row}, kolom {INDICATOR}: indikator {number} sudah ada di "
                f"baris {seen_on[number]}"
            )
            number = None
        else:
            seen_on[number] = row
        if score is None:
            errors.append(
                f"baris {row}, kolom {SCORE}: {_show(found[1])} bukan bilangan bulat 0–5"
            )
        elif not 0 <= score <= 5:
            errors.append(f"baris {row}, kolom {SCORE}: nilai {score} di luar 0–5")
        elif number is not None and number in numbers:
            scores[number] = score
    if header is None:
        raise InputError([f"{path}: berkas kosong, tidak ada baris judul"])
    missing = sorted(numbers - set(seen_on))
    if missing:
        errors.append(
            f"kolom {INDICATOR}: tidak ada baris untuk indikator "
            + ", ".join(map(str, missing))
        )
    if errors:
        raise InputError(errors)
    return scores


def load_instrument(path: Path | None) -> Instrument:
    """Return the instrument of ``path``, or the newest shipped one when None."""
    if path is None:
        shipped = instrument_data.shipped()
        path = shipped[max(shipped)]
    try:
        return instrument_data.load_file(path)
    except OSError as error:
        raise InputError([f"{path}: tidak dapat dibaca ({error.strerror})"]) from None
    except UnicodeDecodeError:
        raise InputError([f"{path}: bukan teks UTF-8"]) from None
    except InstrumentError as error:
        raise InputError(
            [f"{path}: {issue.message()}" for issue in error.issues]
        ) from None


def as_json(result: IppResult) -> dict[str, object]:
    """Return the result as the JSON object ``--json`` prints: the aspect values in
    full precision, the IPP rounded to two decimals."""
    return {
        "aspects": {code: float(value) for code, value in result.aspects.items()},
        "ipp": float(result.ipp),
        "kategori": result.kategori,
        "predikat": result.predikat,
    }


def as_table(instrument: Instrument, result: IppResult) -> str:
    """Return the result as a plain-text table for a terminal."""
    width = max(len(a.name) for a in instrument.aspects) + 4
    lines = [f"{'Aspek':<{width}} {'Bobot':>6} {'Nilai':>6}"]
    for aspect in instrument.aspects:
        label = f"{aspect.code} {aspect.name}"
        value = round_ipp(result.aspects[aspect.code])
        lines.append(f"{label:<{width}} {aspect.weight:>6} {value:>6}")
    summary = [
        ("Instrumen", instrument.title),
        ("IPP (tepat)", str(result.ipp_exact.normalize())),
        ("IPP", str(result.ipp)),
        ("Kategori", result.kategori),
        ("Predikat", result.predikat),
    ]
    lines.append("")
    lines.extend(f"{name:<12} {value}" for name, value in summary)
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``prima ipp``."""
    parser = argparse.ArgumentParser(
        prog="prima ipp",
        description=(
            "Hitung Indeks Pelayanan Publik (PEKPPP, PermenPANRB 29/2022) dari berkas "
            "CSV atau XLSX berkolom indikator dan nilai, satu baris per indikator, "
            "nilai 0–5."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="berkas .csv atau .xlsx"
    )
    parser.add_argument(
        "--instrument",
        type=Path,
        metavar="FILE",
        help="berkas JSON instrumen; tanpa ini dipakai instrumen terbaru bawaan Prima",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="cetak satu objek JSON (nilai aspek tidak dibulatkan) alih-alih tabel",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``prima ipp`` and return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        instrument = load_instrument(args.instrument)
        scores = read_scores(args.file, instrument)
    except InputError as error:
        for message in error.messages:
            print(f"prima ipp: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = compute(instrument, scores)
    if args.json:
        print(json.dumps(as_json(result)))
    else:
        print(as_table(instrument, result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
