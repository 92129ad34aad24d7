"""``prima ikm FILE``: the IKM of a spreadsheet of survey answers, without a database.

For analysts who only have an export: FILE is a CSV or XLSX file whose first non-empty
row names the columns; the columns ``u1`` … ``u9`` (any case, spaces around ignored)
hold one answer 1–4 per respondent, other columns are ignored, and empty rows are
skipped. Only the first worksheet of an XLSX file is read, through the bounded
reader every import uses (``prima.core.table_files``), within limits no real export
reaches: 50 MB, Excel's own row count, 200 columns, 32 767 characters a cell. The
computation is ``prima.surveys.ikm.compute``.

Messages are in Indonesian, the language of the people who run the command. A bad
file exits with status 2, lists every bad cell by spreadsheet row (the header being
row 1 in the usual layout) and column on stderr, and prints nothing on stdout.

This module must never import Django: ``prima.cli`` dispatches ``ikm`` here before
Django settings are touched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from prima.core.table_files import InputError, is_blank, read_file_rows
from prima.surveys.ikm import (
    CODE_ORDER,
    EQUAL_WEIGHT,
    IkmResult,
    Unsur,
    compute_from_rows,
    convert,
    display_round,
)

EXIT_BAD_INPUT = 2
COLUMNS: dict[str, Unsur] = {u.lower(): u for u in CODE_ORDER}
_INTEGER_TEXT = re.compile(r"[1-4](?:\.0*)?")


def _score(cell: object) -> int | None:
    """Return the answer 1–4 a cell holds, or None when it holds anything else."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell if 1 <= cell <= 4 else None
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() and 1 <= cell <= 4 else None
    if isinstance(cell, str) and _INTEGER_TEXT.fullmatch(cell.strip()):
        return int(cell.strip()[0])
    return None


def _show(cell: object) -> str:
    if isinstance(cell, str):
        return repr(cell)
    return f"'{cell}'"


def read_answers(path: Path) -> list[dict[Unsur, int]]:
    """Return one answer mapping per data row of a CSV or XLSX file.

    Raise ``InputError`` listing every problem: unreadable file, missing columns,
    cells that are not an integer 1–4, or no data rows.
    """
    rows = read_file_rows(path)
    header: dict[Unsur, int] | None = None
    answers: list[dict[Unsur, int]] = []
    errors: list[str] = []
    for number, cells in rows:
        if header is None:
            header = _header(number, cells)
            continue
        row: dict[Unsur, int] = {}
        for unsur, index in header.items():
            cell = cells[index] if index < len(cells) else None
            column = unsur.lower()
            score = _score(cell)
            if score is not None:
                row[unsur] = score
            elif is_blank(cell):
                errors.append(f"baris {number}, kolom {column}: kosong, harus 1–4")
            else:
                errors.append(
                    f"baris {number}, kolom {column}: nilai {_show(cell)} bukan 1–4"
                )
        answers.append(row)
    if header is None:
        raise InputError([f"{path}: berkas kosong, tidak ada baris judul u1 … u9"])
    if errors:
        raise InputError(errors)
    if not answers:
        raise InputError([f"{path}: tidak ada baris data di bawah baris judul"])
    return answers


def _header(number: int, cells: Sequence[object]) -> dict[Unsur, int]:
    found: dict[Unsur, int] = {}
    errors: list[str] = []
    for index, cell in enumerate(cells):
        name = str(cell).strip().lower() if cell is not None else ""
        unsur = COLUMNS.get(name)
        if unsur is None:
            continue
        if unsur in found:
            errors.append(f"baris {number}: kolom {name} muncul lebih dari sekali")
        found[unsur] = index
    missing = [u.lower() for u in CODE_ORDER if u not in found]
    if missing:
        errors.append(
            f"baris {number} (judul): kolom {', '.join(missing)} tidak ditemukan; "
            "dibutuhkan u1 … u9"
        )
    if errors:
        raise InputError(errors)
    return {u: found[u] for u in CODE_ORDER}


def as_json(result: IkmResult) -> dict[str, object]:
    """Return the result as the JSON object ``--json`` prints (floats unrounded)."""
    return {
        "respondents": result.respondents,
        "nrr": {u.lower(): float(result.nrr[u]) for u in CODE_ORDER},
        "nrr_tertimbang": {
            u.lower(): float(result.weighted_nrr[u]) for u in CODE_ORDER
        },
        "ikm": float(result.skm),
        "ikm_konversi": float(result.ikm),
        "mutu": str(result.mutu),
        "kinerja": result.kinerja,
        "weakest": [u.lower() for u in result.weakest],
    }


def as_table(result: IkmResult) -> str:
    """Return the result as a plain-text table for a terminal."""
    width = max(len(u.nama) for u in CODE_ORDER) + 4
    lines = [
        f"{'Unsur':<{width}} {'NRR':>6} {'NRR tertimbang':>14} {'NRR×25':>7}  Mutu",
    ]
    for unsur in CODE_ORDER:
        label = f"{unsur} {unsur.nama}"
        lines.append(
            f"{label:<{width}} {display_round(result.nrr[unsur]):>6}"
            f" {display_round(result.weighted_nrr[unsur], 4):>14}"
            f" {display_round(convert(result.nrr[unsur])):>7}"
            f"  {result.unsur_mutu[unsur]}"
        )
    if result.legacy_weight is not None:
        weight = f"{result.legacy_weight} per unsur (bobot lama, bukan 1/9)"
    elif all(w == EQUAL_WEIGHT for w in result.weights.values()):
        weight = "1/9 per unsur"
    else:
        weight = "bobot khusus per unsur (jumlah 1)"
    weak = ", ".join(result.weak) or "-"
    weakest = ", ".join(f"{u} {u.nama}" for u in result.weakest)
    summary = [
        ("Responden", str(result.respondents)),
        ("Bobot", weight),
        ("IKM (skala 1–4)", str(display_round(result.skm, 4))),
        ("IKM (skala 25–100)", str(result.ikm_display)),
        ("Mutu pelayanan", str(result.mutu)),
        ("Kinerja unit", result.kinerja),
        ("Unsur lemah (C/D)", weak),
        ("Unsur terlemah", weakest),
    ]
    lines.append("")
    lines.extend(f"{name:<20} {value}" for name, value in summary)
    return "\n".join(lines)


def _legacy_weight(text: str) -> Decimal:
    try:
        weight = Decimal(text)
    except InvalidOperation:
        weight = Decimal("NaN")
    if not weight.is_finite() or not 0 < weight <= 1:
        raise argparse.ArgumentTypeError(
            f"bobot {text!r} harus angka desimal di atas 0 sampai 1, misalnya 0.111"
        )
    return weight


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``prima ikm``."""
    parser = argparse.ArgumentParser(
        prog="prima ikm",
        description=(
            "Hitung IKM (PermenPANRB 14/2017) dari berkas CSV atau XLSX berkolom "
            "u1 … u9, satu baris per responden, nilai 1–4."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="berkas .csv atau .xlsx"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="cetak satu objek JSON (angka tidak dibulatkan) alih-alih tabel",
    )
    parser.add_argument(
        "--legacy-weight",
        type=_legacy_weight,
        metavar="W",
        help="bobot lama W (misalnya 0.111) untuk tiap unsur, bukan 1/9 persis; "
        "hanya untuk mencocokkan spreadsheet lama",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``prima ikm`` and return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        answers = read_answers(args.file)
    except InputError as error:
        for message in error.messages:
            print(f"prima ikm: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = compute_from_rows(answers, legacy_weight=args.legacy_weight)
    if args.json:
        print(json.dumps(as_json(result)))
    else:
        print(as_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
