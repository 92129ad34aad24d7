"""The PEKPPP instrument as data (PermenPANRB 29/2022 jo. 4/2023 and its Pedoman).

The aspects, indicators, weights and score descriptors change between years, so the
instrument is a versioned JSON document (``instruments/<year>.json``), never code:

    {"format": 1, "year": 2023, "version": "2023", "title": "…", "w_users": "0",
     "aspects": [{"code": "A", "name": "…", "weight": "0.24",
                  "indicators": [{"number": 1, "code": "A1", "name": "…",
                                  "weight": "0.17",
                                  "descriptors": {"0": "…", …, "5": "…"}}, …]}, …],
     "user_statements": [{"code": "U01", "aspect": "A", "text": "…"}, …]}

A weight is a decimal written as a string (``"0.17"``) or a JSON number, read exactly
(``Decimal``). ``load`` refuses a document unless the aspect weights sum to exactly 1,
each aspect's indicator weights sum to exactly 1, every indicator has the six
descriptors 0–5, aspect codes, indicator numbers and codes and statement codes are
unique, every F-03 user statement names an existing aspect and ``w_users`` (the share
of the users' index in the IPP, pekppp.md) lies in [0, 1]. Each problem names its JSON
path (``aspects[2].indicators[1].weight``) and the line it starts on.

Pure module: standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

FORMAT = 1
SCORES = tuple(range(6))  # every indicator is scored 0–5
INSTRUMENTS = Path(__file__).resolve().parent / "instruments"


@dataclass(frozen=True)
class Indicator:
    number: int
    code: str
    name: str
    weight: Decimal
    descriptors: tuple[str, ...]  # index = score 0–5


@dataclass(frozen=True)
class Aspect:
    code: str
    name: str
    weight: Decimal
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Statement:
    """One F-03 statement the unit's users score 0–5, feeding one aspect."""

    code: str
    aspect: str
    text: str


@dataclass(frozen=True)
class Instrument:
    year: int
    version: str
    title: str
    w_users: Decimal
    aspects: tuple[Aspect, ...]
    statements: tuple[Statement, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Return every indicator, in the instrument's order."""
        return tuple(i for aspect in self.aspects for i in aspect.indicators)

    def aspect(self, code: str) -> Aspect:
        """Return the aspect with ``code``; KeyError when there is none."""
        for aspect in self.aspects:
            if aspect.code == code:
                return aspect
        raise KeyError(code)


class Problem(Enum):
    """What is wrong at one place of an instrument document."""

    NOT_JSON = "not_json"
    MISSING = "missing"
    WRONG_TYPE = "wrong_type"
    NOT_DECIMAL = "not_decimal"
    OUT_OF_RANGE = "out_of_range"
    WEIGHTS_NOT_ONE = "weights_not_one"
    DESCRIPTORS = "descriptors"
    DUPLICATE = "duplicate"
    UNKNOWN_ASPECT = "unknown_aspect"
    EMPTY = "empty"
    FORMAT = "format"


# Indonesian, the language of the people who keep the instrument (as ``prima ikm``).
MESSAGES: Mapping[Problem, str] = {
    Problem.NOT_JSON: "bukan JSON yang sah: {detail}",
    Problem.MISSING: "wajib diisi",
    Problem.WRONG_TYPE: "harus {detail}",
    Problem.NOT_DECIMAL: 'harus angka desimal, misalnya "0.17"',
    Problem.OUT_OF_RANGE: "harus antara 0 dan 1",
    Problem.WEIGHTS_NOT_ONE: "jumlah bobot {detail}, harus tepat 1",
    Problem.DESCRIPTORS: "harus memuat deskriptor nilai 0, 1, 2, 3, 4 dan 5 ({detail})",
    Problem.DUPLICATE: "{detail} sudah dipakai sebelumnya",
    Problem.UNKNOWN_ASPECT: "aspek {detail} tidak ada di instrumen",
    Problem.EMPTY: "tidak boleh kosong",
    Problem.FORMAT: "format {detail} tidak dikenal, harus 1",
}


@dataclass(frozen=True)
class Issue:
    """One problem: where (JSON path, line or 0 when unknown) and what."""

    path: str
    line: int
    problem: Problem
    detail: str = ""

    def message(self) -> str:
        """Return the problem in Indonesian, starting with where it is."""
        where = self.path or "dokumen"
        if self.line:
            where = f"baris {self.line}, {where}"
        return f"{where}: {MESSAGES[self.problem].format(detail=self.detail)}"


class InstrumentError(ValueError):
    """The document is no valid instrument; ``issues`` lists every problem."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        super().__init__("\n".join(issue.message() for issue in issues))
        self.issues = tuple(issues)


def load(text: str) -> Instrument:
    """Return the instrument a JSON document describes, or raise InstrumentError."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InstrumentError(
            [Issue("", error.lineno, Problem.NOT_JSON, error.msg)]
        ) from None
    checker = _Checker(_positions(text), text)
    instrument = checker.instrument(data)
    if checker.issues or instrument is None:
        raise InstrumentError(checker.issues)
    return instrument


def load_file(path: Path) -> Instrument:
    """Return the instrument of a JSON file, or raise InstrumentError (OSError when
    the file cannot be read)."""
    return load(path.read_text(encoding="utf-8"))


def shipped() -> dict[str, Path]:
    """Return the instrument files shipped with Prima, by file stem (the version)."""
    return {p.stem: p for p in sorted(INSTRUMENTS.glob("*.json"))}


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            return None
    else:
        return None
    return result if result.is_finite() else None


class _Checker:
    """Walk a parsed document, collecting every issue with its path and line."""

    def __init__(self, positions: Mapping[str, int], text: str) -> None:
        self.positions = positions
        self.source = text
        self.issues: list[Issue] = []

    def add(self, path: str, problem: Problem, detail: str = "") -> None:
        offset = self.positions.get(path)
        line = self.source.count("\n", 0, offset) + 1 if offset is not None else 0
        self.issues.append(Issue(path, line, problem, detail))

    def field(self, data: Mapping[str, Any], path: str, key: str, kind: type) -> Any:
        """Return ``data[key]`` when it is a ``kind``, else None with an issue."""
        where = f"{path}.{key}" if path else key
        if key not in data:
            # Point at the object that lacks the key.
            self.issues.append(Issue(where, self._line(path), Problem.MISSING))
            return None
        value = data[key]
        names = {str: "teks", int: "bilangan bulat", list: "daftar", dict: "objek"}
        if isinstance(value, bool) or not isinstance(value, kind):
            self.add(where, Problem.WRONG_TYPE, names[kind])
            return None
        if isinstance(value, str) and not value.strip():
            self.add(where, Problem.EMPTY)
            return None
        return value

    def text(self, data: Mapping[str, Any], path: str, key: str) -> str | None:
        value: str | None = self.field(data, path, key, str)
        return value

    def integer(self, data: Mapping[str, Any], path: str, key: str) -> int | None:
        value: int | None = self.field(data, path, key, int)
        return value

    def _line(self, path: str) -> int:
        offset = self.positions.get(path, 0)
        return self.source.count("\n", 0, offset) + 1

    def weight(self, data: Mapping[str, Any], path: str, key: str) -> Decimal | None:
        where = f"{path}.{key}" if path else key
        if key not in data:
            self.issues.append(Issue(where, self._line(path), Problem.MISSING))
            return None
        value = _decimal(data[key])
        if value is None:
            self.add(where, Problem.NOT_DECIMAL)
        elif not 0 <= value <= 1:
            self.add(where, Problem.OUT_OF_RANGE)
            return None
        return value

    def unique(self, seen: set[object], value: object, path: str) -> None:
        if value in seen:
            self.add(path, Problem.DUPLICATE, str(value))
        seen.add(value)

    def sums_to_one(self, weights: list[Decimal | None], path: str) -> None:
        if None in weights or not weights:
            return
        total = sum((w for w in weights if w is not None), Decimal(0))
        if total != 1:
            self.add(path, Problem.WEIGHTS_NOT_ONE, str(total))

    def instrument(self, data: object) -> Instrument | None:
        if not isinstance(data, dict):
            self.add("", Problem.WRONG_TYPE, "objek")
            return None
        version = data.get("format")
        if version != FORMAT:
            self.add("format", Problem.FORMAT, str(version))
        year = self.integer(data, "", "year")
        label = self.text(data, "", "version")
        title = self.text(data, "", "title")
        w_users = self.weight(data, "", "w_users")
        aspects = self.aspects(data)
        statements = self.statements(data, {a.code for a in aspects or ()})
        if (
            self.issues
            or year is None
            or label is None
            or title is None
            or w_users is None
            or aspects is None
            or statements is None
        ):
            return None
        return Instrument(year, label, title, w_users, aspects, statements)

    def aspects(self, data: Mapping[str, Any]) -> tuple[Aspect, ...] | None:
        items = self.field(data, "", "aspects", list)
        if items is None:
            return None
        if not items:
            self.add("aspects", Problem.EMPTY)
            return None
        aspects: list[Aspect] = []
        weights: list[Decimal | None] = []
        codes: set[object] = set()
        numbers: set[object] = set()
        indicator_codes: set[object] = set()
        for index, item in enumerate(items):
            path = f"aspects[{index}]"
            if not isinstance(item, dict):
                self.add(path, Problem.WRONG_TYPE, "objek")
                continue
            code = self.text(item, path, "code")
            if code is not None:
                self.unique(codes, code, f"{path}.code")
            name = self.text(item, path, "name")
            weight = self.weight(item, path, "weight")
            weights.append(weight)
            indicators = self.indicators(item, path, numbers, indicator_codes)
            if code and name and weight is not None and indicators is not None:
                aspects.append(Aspect(code, name, weight, indicators))
        self.sums_to_one(weights, "aspects")
        return tuple(aspects)

    def indicators(
        self,
        data: Mapping[str, Any],
        path: str,
        numbers: set[object],
        codes: set[object],
    ) -> tuple[Indicator, ...] | None:
        items = self.field(data, path, "indicators", list)
        if items is None:
            return None
        if not items:
            self.add(f"{path}.indicators", Problem.EMPTY)
            return None
        indicators: list[Indicator] = []
        weights: list[Decimal | None] = []
        for index, item in enumerate(items):
            where = f"{path}.indicators[{index}]"
            if not isinstance(item, dict):
                self.add(where, Problem.WRONG_TYPE, "objek")
                weights.append(None)
                continue
            number = self.integer(item, where, "number")
            if number is not None:
                self.unique(numbers, number, f"{where}.number")
            code = self.text(item, where, "code")
            if code is not None:
                self.unique(codes, code, f"{where}.code")
            name = self.text(item, where, "name")
            weight = self.weight(item, where, "weight")
            weights.append(weight)
            descriptors = self.descriptors(item, where)
            if (
                number is not None
                and code
                and name
                and weight is not None
                and descriptors is not None
            ):
                indicators.append(Indicator(number, code, name, weight, descriptors))
        self.sums_to_one(weights, f"{path}.indicators")
        return tuple(indicators)

    def descriptors(self, data: Mapping[str, Any], path: str) -> tuple[str, ...] | None:
        items = self.field(data, path, "descriptors", dict)
        if items is None:
            return None
        where = f"{path}.descriptors"
        wanted = [str(score) for score in SCORES]
        missing = [k for k in wanted if k not in items]
        extra = sorted(k for k in items if k not in wanted)
        if missing or extra:
            detail = ", ".join(
                ([f"tidak ada {', '.join(missing)}"] if missing else [])
                + ([f"tidak dikenal {', '.join(extra)}"] if extra else [])
            )
            self.add(where, Problem.DESCRIPTORS, detail)
            return None
        texts = [self.text(items, where, key) for key in wanted]
        return tuple(t for t in texts if t is not None) if None not in texts else None

    def statements(
        self, data: Mapping[str, Any], aspect_codes: set[str]
    ) -> tuple[Statement, ...] | None:
        items = self.field(data, "", "user_statements", list)
        if items is None:
            return None
        statements: list[Statement] = []
        codes: set[object] = set()
        for index, item in enumerate(items):
            path = f"user_statements[{index}]"
            if not isinstance(item, dict):
                self.add(path, Problem.WRONG_TYPE, "objek")
                continue
            code = self.text(item, path, "code")
            if code is not None:
                self.unique(codes, code, f"{path}.code")
            aspect = self.text(item, path, "aspect")
            if aspect is not None and aspect not in aspect_codes:
                self.add(f"{path}.aspect", Problem.UNKNOWN_ASPECT, aspect)
                aspect = None
            text = self.text(item, path, "text")
            if code and aspect and text:
                statements.append(Statement(code, aspect, text))
        return tuple(statements)


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _positions(text: str) -> dict[str, int]:
    """Return where each JSON path of a valid JSON ``text`` starts (its key, or the
    value of an array item), as an offset into the text."""
    positions: dict[str, int] = {}

    def skip(i: int) -> int:
        match = _WHITESPACE.match(text, i)
        assert match is not None
        return match.end()

    def value(i: int, path: str) -> int:
        i = skip(i)
        positions.setdefault(path, i)
        char = text[i]
        if char == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                start = i
                key, i = _DECODER.raw_decode(text, i)
                child = f"{path}.{key}" if path else str(key)
                positions[child] = start
                i = skip(i) + 1  # the colon
                i = skip(value(i, child))
                if text[i] == "}":
                    return i + 1
                i = skip(i + 1)  # the comma
        if char == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = skip(value(i, f"{path}[{index}]"))
                if text[i] == "]":
                    return i + 1
                i += 1
                index += 1
        end: int = _DECODER.raw_decode(text, i)[1]
        return end

    value(0, "")
    return positions
