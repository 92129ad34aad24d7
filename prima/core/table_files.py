"""Reading a CSV or XLSX file named on the command line, for ``prima ikm`` and
``prima ipp``: the bounded reader of ``prima.core.tabular`` with Indonesian messages,
the language of the people who run the commands.

Pure module: no Django import, because ``prima.cli`` dispatches both commands before
Django settings are touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prima.core.tabular import Limits, Problem, Rows, TableLimit, read_rows

# An analyst's export may hold several years of answers, but never more rows than
# Excel itself allows; the bounds keep a hostile or broken file from running forever.
LIMITS = Limits(
    max_bytes=50 * 1024 * 1024,
    max_rows=1_048_575,
    max_columns=200,
    max_cell_chars=32_767,
)


class InputError(Exception):
    """The file cannot be used; ``messages`` says why, one line each."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = tuple(messages)


def is_blank(cell: object) -> bool:
    """Return whether a cell holds nothing but whitespace."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def limit_message(path: Path, exc: TableLimit) -> str:
    """Return the Indonesian message of a limit the file passed."""
    where = f"baris {exc.row}" + (f", kolom {exc.column}" if exc.column else "")
    messages = {
        Problem.TOO_LARGE: f"berkas lebih dari {exc.limit // (1024 * 1024)} MB",
        Problem.UNZIPPED_TOO_LARGE: (
            f"isi XLSX lebih dari {exc.limit // (1024 * 1024)} MB setelah dibuka"
        ),
        Problem.UNKNOWN_TYPE: (
            f"jenis berkas '{path.suffix}' tidak dikenal, gunakan .csv atau .xlsx"
        ),
        Problem.NOT_CSV: "bukan berkas teks CSV",
        Problem.NOT_XLSX: "bukan berkas XLSX yang dapat dibaca",
        Problem.TOO_MANY_ROWS: (
            f"lebih dari {exc.limit} baris di bawah judul (baris kosong ikut dihitung)"
        ),
        Problem.TOO_MANY_COLUMNS: f"{where}: lebih dari {exc.limit} kolom",
        Problem.CELL_TOO_LONG: f"{where}: isi sel lebih dari {exc.limit} karakter",
    }
    return f"{path}: {messages[exc.problem]}"


def read_file_rows(path: Path, limits: Limits = LIMITS) -> Rows:
    """Return the rows of the CSV or XLSX file at ``path``, within ``limits``.

    Raise ``InputError`` with an Indonesian message when the file is missing,
    unreadable, of another type or beyond a limit.
    """
    if not path.exists():
        raise InputError([f"{path}: berkas tidak ditemukan"])
    if not path.is_file():
        raise InputError([f"{path}: bukan berkas"])
    try:
        if path.stat().st_size > limits.max_bytes:
            raise TableLimit(Problem.TOO_LARGE, limit=limits.max_bytes)
        data = path.read_bytes()
    except OSError as error:
        raise InputError([f"{path}: tidak dapat dibaca ({error.strerror})"]) from None
    except TableLimit as exc:
        raise InputError([limit_message(path, exc)]) from None
    try:
        return read_rows(path.name, data, limits)
    except TableLimit as exc:
        raise InputError([limit_message(path, exc)]) from None
