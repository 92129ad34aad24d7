"""Tests of ``prima ikm FILE``, run as the real console script without Django settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from prima.surveys.ikm_cli import main

PRIMA = Path(sys.executable).parent / "prima"
HEADER = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]
FOUR_RESPONDENTS = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [2, 3, 2, 4, 3, 3, 3, 3, 2],
    [3, 2, 1, 4, 3, 4, 4, 3, 3],
]
NRR = ["3", "3", "5/2", "15/4", "13/4", "7/2", "7/2", "13/4", "3"]
EXPECTED_JSON = {
    "respondents": 4,
    "nrr": {f"u{i}": float(Fraction(v)) for i, v in enumerate(NRR, start=1)},
    "nrr_tertimbang": {
        f"u{i}": float(Fraction(v) / 9) for i, v in enumerate(NRR, start=1)
    },
    "ikm": float(Fraction(115, 36)),
    "ikm_konversi": float(Fraction(2875, 36)),
    "mutu": "B",
    "kinerja": "Baik",
    "weakest": ["u3"],
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


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


@pytest.fixture
def four_csv(tmp_path: Path) -> Path:
    lines = ["nama,u1,u2,u3,u4,u5,u6,u7,u8,u9"]
    lines += [
        f"R{i}," + ",".join(map(str, row)) for i, row in enumerate(FOUR_RESPONDENTS)
    ]
    return write_csv(tmp_path / "skm.csv", lines)


def test_json_from_csv_matches_worked_example(four_csv: Path) -> None:
    """The console script prints exactly the worked example's result as one JSON object."""
    completed = run_prima("ikm", four_csv, "--json")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("\n") == 1
    assert json.loads(completed.stdout) == EXPECTED_JSON
    assert completed.stderr == ""


def test_json_from_xlsx_matches_worked_example(tmp_path: Path) -> None:
    """XLSX numbers (4.0), text digits, odd header case, extra columns and gaps work."""
    header = ["No", " U1 ", "u2", "U3", "u4", "u5", "u6", "u7", "u8", "u9 ", "Saran"]
    rows: list[list[object]] = [header]
    for i, answers in enumerate(FOUR_RESPONDENTS, start=1):
        cells: list[object] = [i, float(answers[0]), str(answers[1]), *answers[2:]]
        rows.append([*cells, "baik"])
        rows.append([None] * len(header))  # an empty row between respondents
    path = write_xlsx(tmp_path / "skm.xlsx", rows)
    completed = run_prima("ikm", path, "--json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == EXPECTED_JSON


def test_legacy_weight_reproduces_old_spreadsheet(four_csv: Path) -> None:
    """--legacy-weight 0.111 gives the old spreadsheets' 79.78 (79.78125 unrounded)."""
    completed = run_prima("ikm", four_csv, "--json", "--legacy-weight", "0.111")
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert data["ikm_konversi"] == 79.78125
    assert data["ikm"] == 3.19125
    assert data["nrr_tertimbang"]["u4"] == float(Fraction("3.75") * Fraction("0.111"))
    assert data["nrr"] == EXPECTED_JSON["nrr"]


def test_table_output(four_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is a table of the unsur and the summary."""
    assert main([str(four_csv)]) == 0
    out = capsys.readouterr().out
    assert "U3 Waktu Penyelesaian" in out
    assert "62.50  D" in out
    assert "IKM (skala 25–100)   79.86" in out
    assert "IKM (skala 1–4)      3.1944" in out
    assert "Kinerja unit         Baik" in out
    assert "Unsur lemah (C/D)    U1, U2, U3, U9" in out
    assert "Bobot                1/9 per unsur" in out


def test_semicolon_csv_in_legacy_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ';' CSV saved by Excel in a legacy code page is read."""
    lines = ["Nama;u1;u2;u3;u4;u5;u6;u7;u8;u9"]
    lines += ["Désirée;" + ";".join(map(str, row)) for row in FOUR_RESPONDENTS]
    path = tmp_path / "excel.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert main([str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED_JSON


def test_bad_cells_are_all_reported_by_row_and_column(tmp_path: Path) -> None:
    """Every bad cell is named by row and column, with status 2 and no stdout."""
    path = write_csv(
        tmp_path / "bad.csv",
        [
            "u1,u2,u3,u4,u5,u6,u7,u8,u9",
            "4,4,4,4,4,4,4,4,4",
            "4,4,4,x,4,4,4,4,4",
            "",
            "5,4,4,4,4,4,4,2.5,",
        ],
    )
    completed = run_prima("ikm", path, "--json")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "prima ikm: baris 3, kolom u4: nilai 'x' bukan 1–4",
        "prima ikm: baris 5, kolom u1: nilai '5' bukan 1–4",
        "prima ikm: baris 5, kolom u8: nilai '2.5' bukan 1–4",
        "prima ikm: baris 5, kolom u9: kosong, harus 1–4",
    ]


def test_bad_xlsx_cells_use_spreadsheet_row_numbers(tmp_path: Path) -> None:
    """XLSX rows are numbered as a spreadsheet shows them, empty rows included."""
    rows: list[list[object]] = [
        HEADER,
        [4] * 9,
        [None] * 9,
        [4, 4, 4, 4.5, 4, 4, 4, 4, 4],
        [4, 4, 4, 4, 4, 4, True, 4, "empat"],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    completed = run_prima("ikm", path)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "prima ikm: baris 4, kolom u4: nilai '4.5' bukan 1–4",
        "prima ikm: baris 5, kolom u7: nilai 'True' bukan 1–4",
        "prima ikm: baris 5, kolom u9: nilai 'empat' bukan 1–4",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "berkas tidak ditemukan"),
        ("skm.txt", "u1,u2\n", "jenis berkas '.txt' tidak dikenal"),
        (
            "nocol.csv",
            "u1,u2,u3,u4,u6,u7,u8\n4,4,4,4,4,4,4\n",
            "baris 1 (judul): kolom u5, u9 tidak ditemukan",
        ),
        (
            "twice.csv",
            "u1,u2,u3,u4,u5,u6,u7,u8,u9,U1\n" + ",".join("4" * 10) + "\n",
            "baris 1: kolom u1 muncul lebih dari sekali",
        ),
        ("header-only.csv", "u1,u2,u3,u4,u5,u6,u7,u8,u9\n\n", "tidak ada baris data"),
        ("empty.csv", "", "berkas kosong"),
        ("broken.xlsx", "not a zip", "bukan berkas XLSX yang dapat dibaca"),
        (
            "long.csv",
            "u1,u2,u3,u4,u5,u6,u7,u8,u9,catatan\n4,4,4,4,4,4,4,4,4," + "x" * 131_073,
            "long.csv: baris 2: isi sel lebih dari 32767 karakter",
        ),
        (
            "wide.csv",
            "u1,u2,u3,u4,u5,u6,u7,u8,u9" + ",x" * 200 + "\n",
            "wide.csv: baris 1: lebih dari 200 kolom",
        ),
    ],
)
def test_bad_files_exit_2_with_nothing_on_stdout(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str | None,
    message: str,
) -> None:
    """An unusable file exits 2, explains why on stderr and prints no result."""
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main([str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_bad_file_through_console_script(tmp_path: Path) -> None:
    """The console script passes the exit status 2 through."""
    completed = run_prima("ikm", tmp_path / "missing.xlsx")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "missing.xlsx: berkas tidak ditemukan" in completed.stderr


@pytest.mark.parametrize("weight", ["0", "1.5", "abc"])
def test_bad_legacy_weight_is_a_usage_error(
    four_csv: Path, capsys: pytest.CaptureFixture[str], weight: str
) -> None:
    """A legacy weight outside (0, 1] is refused by argparse with status 2."""
    with pytest.raises(SystemExit) as exit_info:
        main([str(four_csv), "--legacy-weight", weight])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--legacy-weight" in captured.err


def test_ikm_command_never_imports_django(four_csv: Path) -> None:
    """In a fresh interpreter, prima ikm runs without loading Django at all."""
    code = (
        "import sys\n"
        "from prima.cli import main\n"
        "try:\n"
        f"    main(['prima', 'ikm', {str(four_csv)!r}, '--json'])\n"
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
