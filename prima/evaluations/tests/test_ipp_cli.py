"""Tests of ``prima ipp FILE``, run as the real console script without Django settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from prima.evaluations import instrument
from prima.evaluations.ipp_cli import main

PRIMA = Path(sys.executable).parent / "prima"
WORKED = [5, 4, 3, 5, 4, 5, 3, 4, 3, 4, 4, 3, 3, 4, 5, 4, 4, 3, 3, 4]
WORKED += [4, 3, 4, 3, 4, 4, 3, 4, 3, 2]
EXPECTED_JSON = {
    "aspects": {"A": 4.27, "B": 3.6, "C": 3.84, "D": 3.5, "E": 3.75, "F": 2.5},
    "ipp": 3.68,
    "kategori": "B",
    "predikat": "Baik",
}


def run_prima(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script with no Django variables in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [str(PRIMA), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def worked_lines() -> list[str]:
    return ["indikator,nilai"] + [f"{i},{v}" for i, v in enumerate(WORKED, start=1)]


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_main(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_from_csv_matches_the_worked_example(tmp_path: Path) -> None:
    """The console script prints the worked example: A 4.27 … F 2.50, IPP 3.68, B."""
    path = write_csv(tmp_path / "skor.csv", worked_lines())
    completed = run_prima("ipp", path, "--json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == EXPECTED_JSON
    assert completed.stderr == ""


def test_only_the_ipp_is_rounded(tmp_path: Path, capsys) -> None:
    """The IPP 3.5938 prints as 3.59; the aspect values as they are."""
    lines = worked_lines()
    lines[1] = "1,4"  # A loses 0.17: 4.10; the IPP 3.676 - 0.0408 = 3.6352
    lines[16] = "16,3"  # C loses 0.23: 3.61; the IPP 3.6352 - 0.0414 = 3.5938
    code, out, _ = run_main(capsys, write_csv(tmp_path / "s.csv", lines), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["aspects"]["A"] == 4.1 and result["aspects"]["C"] == 3.61
    assert result["ipp"] == 3.59


def test_table_names_aspects_and_category(tmp_path: Path, capsys) -> None:
    """Without --json a table shows each aspect, the exact and rounded IPP, B, Baik."""
    code, out, _ = run_main(capsys, write_csv(tmp_path / "s.csv", worked_lines()))
    assert code == 0
    assert "A Kebijakan Pelayanan" in out and "4.27" in out
    assert "3.676" in out and "3.68" in out
    assert "Predikat     Baik" in out


def test_xlsx_with_extra_columns_in_any_order(tmp_path: Path, capsys) -> None:
    """An XLSX with a name column and the columns swapped gives the same result."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nilai", "Nama", " Indikator "])
    for number, score in enumerate(WORKED, start=1):
        sheet.append([score, f"indikator {number}", number])
    path = tmp_path / "skor.xlsx"
    workbook.save(path)
    code, out, err = run_main(capsys, path, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == EXPECTED_JSON


@pytest.mark.parametrize(
    ("row", "replacement", "message"),
    [
        (8, "8,6", "baris 9, kolom nilai: nilai 6 di luar 0–5"),
        (9, "9,abc", "baris 10, kolom nilai: 'abc' bukan bilangan bulat 0–5"),
        (9, "9,2.5", "baris 10, kolom nilai: '2.5' bukan bilangan bulat 0–5"),
        (9, "9,", "baris 10, kolom nilai: kosong bukan bilangan bulat 0–5"),
        (9, "x,3", "baris 10, kolom indikator: 'x' bukan nomor indikator"),
        (9, "31,3", "baris 10, kolom indikator: '31' bukan nomor indikator"),
        (12, "11,3", "baris 13, kolom indikator: indikator 11 sudah ada di baris 12"),
    ],
)
def test_a_bad_cell_exits_2_naming_row_and_column(
    tmp_path: Path, capsys, row: int, replacement: str, message: str
) -> None:
    """A bad score or indicator exits 2, prints nothing and names row and column."""
    lines = worked_lines()
    lines[row] = replacement
    code, out, err = run_main(capsys, write_csv(tmp_path / "s.csv", lines))
    assert (code, out) == (2, "")
    assert message in err


def test_a_missing_indicator_is_named(tmp_path: Path, capsys) -> None:
    """Without a row for indicator 30 the command exits 2 naming the indicator."""
    code, out, err = run_main(
        capsys, write_csv(tmp_path / "s.csv", worked_lines()[:-1])
    )
    assert (code, out) == (2, "")
    assert "kolom indikator: tidak ada baris untuk indikator 30" in err


def test_missing_columns_are_named(tmp_path: Path, capsys) -> None:
    """A header without nilai is refused on row 1."""
    code, _, err = run_main(capsys, write_csv(tmp_path / "s.csv", ["indikator,skor"]))
    assert code == 2
    assert "baris 1 (judul): kolom nilai tidak ditemukan" in err


def test_an_instrument_file_is_used_and_validated(tmp_path: Path, capsys) -> None:
    """--instrument reads another version, whose F 2.625 prints unrounded; a broken
    one exits 2 naming its path."""
    data = json.loads(instrument.shipped()["2023"].read_text(encoding="utf-8"))
    data["aspects"][5]["indicators"][0]["weight"] = "0.625"
    data["aspects"][5]["indicators"][1]["weight"] = "0.375"
    other = tmp_path / "lain.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    scores = write_csv(tmp_path / "s.csv", worked_lines())
    code, out, _ = run_main(capsys, scores, "--instrument", other, "--json")
    assert code == 0
    assert json.loads(out)["aspects"]["F"] == 2.625
    data["aspects"][5]["indicators"][1]["weight"] = "0.475"
    other.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, err = run_main(capsys, scores, "--instrument", other)
    assert (code, out) == (2, "")
    assert "aspects[5].indicators: jumlah bobot 1.100, harus tepat 1" in err


def test_ipp_command_never_imports_django(tmp_path: Path) -> None:
    """In a fresh interpreter, prima ipp runs without loading Django at all."""
    path = write_csv(tmp_path / "s.csv", worked_lines())
    code = (
        "import sys\n"
        "from prima.cli import main\n"
        "try:\n"
        f"    main(['prima', 'ipp', {str(path)!r}, '--json'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "assert 'django' not in sys.modules, 'django was imported'\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == EXPECTED_JSON
