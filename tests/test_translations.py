"""The Indonesian catalog is complete, well formed and current; both languages render.

Indonesian ("id") is the default language and every user-facing string is an English
msgid, so an untranslated or fuzzy entry shows English to Indonesian users, and a
string missing from the catalog does the same. These tests need gettext (msgfmt,
xgettext) but no database, and never write into ``prima/locale``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "prima" / "locale"
ID_PO = LOCALE_DIR / "id" / "LC_MESSAGES" / "django.po"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"

# The same directories `make messages` passes to makemessages with --ignore.
MAKEMESSAGES_IGNORE = (".venv", "var", ".git", "node_modules", "e2e", "bench", "build")
# Not copied for the extraction either: caches and build output hold no msgid.
COPY_IGNORE = (
    *MAKEMESSAGES_IGNORE,
    "__pycache__",
    "*.egg-info",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "test-results",
    "*.po",
    "*.mo",
    "*.pot",
)


# --- A small .po reader: enough for the catalogs makemessages writes. ---------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def __str__(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt else ""
        return f"line {self.line}: {self.msgid!r}{context}"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$')


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def read_po(path: Path) -> tuple[Entry, list[Entry]]:
    """Return the header entry and the other live entries; obsolete ``#~`` ones are skipped."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int | None] | None = None

    def finish() -> None:
        nonlocal entry, target
        if target is not None:
            entries.append(entry)
        entry, target = Entry(), None

    lines = path.read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            finish()
            continue
        if line.startswith("#"):
            if target is not None and target[0] == "msgstr":
                finish()
            if line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, text = match.groups()
            if keyword == "msgctxt" or (
                keyword == "msgid" and target is not None and target[0] == "msgstr"
            ):
                finish()
            name = "msgstr" if keyword.startswith("msgstr") else keyword
            target = (name, int(index) if index is not None else None)
            if name == "msgid":
                entry.line = number
            if name == "msgstr":
                entry.msgstr[target[1] or 0] = _unquote(text)
            else:
                setattr(entry, name, _unquote(text))
        elif line.startswith('"') and line.endswith('"') and target is not None:
            name, index = target
            if name == "msgstr":
                entry.msgstr[index or 0] += _unquote(line[1:-1])
            else:
                setattr(
                    entry, name, (getattr(entry, name) or "") + _unquote(line[1:-1])
                )
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    headers = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    assert len(headers) == 1, f"{path}: expected exactly one header entry"
    return headers[0], [e for e in entries if e is not headers[0]]


def header_fields(header: Entry) -> dict[str, str]:
    fields = {}
    for line in header.msgstr[0].splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


def require(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} not found: install GNU gettext (e.g. apt-get install gettext)"
    return path


# --- (a) The Indonesian catalog is complete and well formed. ------------------------


def test_id_catalog_header():
    header, _entries = read_po(ID_PO)
    fields = header_fields(header)
    assert "fuzzy" not in header.flags, "the header of the id catalog is fuzzy"
    assert fields["Language"] == "id"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == "nplurals=1; plural=0;"


def test_en_catalog_header():
    """English is the msgid itself, but its catalog must still be a valid one."""
    header, _entries = read_po(EN_PO)
    fields = header_fields(header)
    assert "fuzzy" not in header.flags, "the header of the en catalog is fuzzy"
    assert fields["Language"] == "en"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_every_id_entry_is_translated_and_not_fuzzy():
    _header, entries = read_po(ID_PO)
    assert len(entries) > 100, "the id catalog looks empty"
    untranslated = [
        str(e) for e in entries if not e.msgstr or not all(e.msgstr.values())
    ]
    fuzzy = [str(e) for e in entries if "fuzzy" in e.flags]
    wrong_plurals = [
        str(e) for e in entries if e.msgid_plural is not None and set(e.msgstr) != {0}
    ]
    assert not untranslated, "untranslated in id:\n" + "\n".join(untranslated)
    assert not fuzzy, "fuzzy in id (check, then drop the flag):\n" + "\n".join(fuzzy)
    assert not wrong_plurals, (
        "Indonesian has one plural form; fill msgstr[0] only:\n"
        + "\n".join(wrong_plurals)
    )


# %(name)s, %s, %d, %.1f ... ; {name} ; and HTML tags must survive translation.
_PLACEHOLDER = re.compile(
    r"%(?:\([^)]+\))?[-#0+]*\d*(?:\.\d+)?[sdifrxX]|\{[A-Za-z_][\w.]*\}|</?[A-Za-z][^>]*>"
)


def test_id_translations_keep_placeholders_and_html():
    _header, entries = read_po(ID_PO)
    broken = []
    for e in entries:
        source = e.msgid_plural if e.msgid_plural is not None else e.msgid
        expected = Counter(_PLACEHOLDER.findall(source.replace("%%", "")))
        for index, text in e.msgstr.items():
            found = Counter(_PLACEHOLDER.findall(text.replace("%%", "")))
            if text and found != expected:
                broken.append(f"{e} msgstr[{index}]: {dict(found)} != {dict(expected)}")
    assert not broken, "placeholders or HTML changed:\n" + "\n".join(broken)


@pytest.mark.parametrize("po", [ID_PO, EN_PO], ids=["id", "en"])
def test_catalog_passes_msgfmt_check(po, tmp_path):
    """msgfmt accepts the catalog: header, format strings and plural forms."""
    msgfmt = require("msgfmt")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(po)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    if po == ID_PO:
        assert "untranslated" not in result.stderr, result.stderr
        assert "fuzzy" not in result.stderr, result.stderr


# --- (b) The catalogs hold every msgid of the code. ---------------------------------


def _ignore_for_copy(directory: str, names: list[str]) -> set[str]:
    ignored = set(shutil.ignore_patterns(*COPY_IGNORE)(directory, names))
    # Any virtual environment, whatever its name.
    ignored.update(
        name for name in names if (Path(directory) / name / "pyvenv.cfg").exists()
    )
    return ignored


CHECK_SETTINGS = '''\
"""Test settings that send makemessages output to this copy's locale directory."""
from pathlib import Path

from config.settings.test import *  # noqa: F403

LOCALE_PATHS = [Path(__file__).resolve().parent / "prima" / "locale"]
'''


@pytest.fixture(scope="module")
def extracted_catalogs(tmp_path_factory) -> dict[Path, Path]:
    """Run makemessages in a copy of the project; return real .po path -> fresh .po.

    The copy holds every file makemessages would scan in the checkout, without the
    catalogs, so the fresh .po files list exactly the msgids of the current code.
    Their paths mirror the real ones, also for any app that gets its own locale/.
    """
    require("xgettext")
    require("msgmerge")
    source = tmp_path_factory.mktemp("i18n") / "src"
    shutil.copytree(ROOT, source, ignore=_ignore_for_copy, symlinks=True)
    (source / "prima_i18n_check_settings.py").write_text(CHECK_SETTINGS)
    # The copy comes first on sys.path, so its config/ and settings are the ones used.
    python_path = [str(source), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(python_path),
        "DJANGO_SETTINGS_MODULE": "prima_i18n_check_settings",
    }
    command = [sys.executable, "manage.py", "makemessages", "-l", "id", "-l", "en"]
    command += [f"--ignore={name}" for name in MAKEMESSAGES_IGNORE]
    result = subprocess.run(
        command,
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    fresh = {
        ROOT / po.relative_to(source): po
        for po in source.rglob("locale/*/LC_MESSAGES/django.po")
    }
    assert ID_PO in fresh, (
        f"makemessages wrote no id catalog in the copy:\n{result.stdout}{result.stderr}"
    )
    return fresh


@pytest.mark.parametrize("language", ["id", "en"])
def test_catalog_is_up_to_date(extracted_catalogs, language):
    """No msgid of the code is missing: run `make messages`, then translate.

    Entries the code no longer uses are tolerated here; makemessages drops them.
    """
    problems = []
    for real, fresh in sorted(extracted_catalogs.items()):
        if real.parts[-3] != language:
            continue
        _h, wanted = read_po(fresh)
        have = {e.key for e in read_po(real)[1]} if real.exists() else set()
        missing = [e for e in wanted if e.key not in have]
        if missing:
            problems.append(f"{real.relative_to(ROOT)} lacks {len(missing)} msgid(s):")
            problems += [f"  {e.msgid!r}" for e in missing]
    assert not problems, "\n".join(
        [
            *problems,
            "Run `make messages`, translate the new id entries, commit the .po.",
        ]
    )


# --- (c) Both languages render through the compiled catalog. ------------------------


@pytest.fixture
def compiled_locale(tmp_path):
    """Compile the catalogs into a temporary LOCALE_PATHS and activate it.

    Compiling here tests the .po files as they are, whether or not
    ``make compilemessages`` ran since they last changed.
    """
    msgfmt = require("msgfmt")
    for po in (ID_PO, EN_PO):
        target = tmp_path / po.relative_to(LOCALE_DIR).with_suffix(".mo")
        target.parent.mkdir(parents=True)
        subprocess.run([msgfmt, "-o", str(target), str(po)], check=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield tmp_path


COMPONENTS_ID = {
    "persyaratan": "Persyaratan",
    "prosedur": "Sistem, Mekanisme, dan Prosedur",
    "jangka_waktu": "Jangka Waktu Pelayanan",
    "biaya": "Biaya/Tarif",
    "produk": "Produk Pelayanan",
    "penanganan_pengaduan": "Penanganan Pengaduan, Saran, dan Masukan",
    "dasar_hukum": "Dasar Hukum",
    "sarana_prasarana": "Sarana dan Prasarana",
    "kompetensi_pelaksana": "Kompetensi Pelaksana",
    "pengawasan_internal": "Pengawasan Internal",
    "jumlah_pelaksana": "Jumlah Pelaksana",
    "jaminan_pelayanan": "Jaminan Pelayanan",
    "jaminan_keamanan": "Jaminan Keamanan dan Keselamatan Pelayanan",
    "evaluasi_kinerja": "Evaluasi Kinerja Pelaksana",
}

KEY_STRINGS_ID = {
    "Free of charge": "Gratis",
    "Free": "Gratis",
    "Service standards": "Standar Pelayanan",
    "Maklumat Pelayanan": "Maklumat Pelayanan",
    "Perangkat Daerah": "Perangkat Daerah",
    "working days": "hari kerja",
    "Password": "Kata sandi",
    "Log in": "Masuk",
    "Log out": "Keluar",
}


def test_default_language_is_indonesian(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _name in settings.LANGUAGES] == ["id", "en"]


def test_component_labels_render_in_indonesian_and_english(compiled_locale):
    from prima.standards.models import COMPONENT_LABELS

    assert set(COMPONENT_LABELS) == set(COMPONENTS_ID)
    with translation.override("id"):
        rendered = {key: str(label) for key, label in COMPONENT_LABELS.items()}
    assert rendered == COMPONENTS_ID
    with translation.override("en"):
        english = {key: str(label) for key, label in COMPONENT_LABELS.items()}
    assert english["biaya"] == "Cost/tariff"
    assert english["jaminan_keamanan"] == "Security and safety guarantee"


@pytest.mark.parametrize(("msgid", "expected"), KEY_STRINGS_ID.items())
def test_key_strings(compiled_locale, msgid, expected):
    gettext = translation.gettext  # called with a variable: not extracted
    with translation.override("id"):
        assert gettext(msgid) == expected
    with translation.override("en"):
        assert gettext(msgid) == msgid


def test_roles_and_plurals(compiled_locale):
    from prima.core.roles import Role
    from prima.standards.models import DURATION_WORDS, DurationUnit

    words = DURATION_WORDS[DurationUnit.HARI_KERJA]
    with translation.override("id"):
        assert str(Role.ADMIN_PEMDA.label) == "Admin Pemda (Bagian Organisasi)"
        assert str(Role.PETUGAS_LOKET.label) == "Petugas loket"
        assert words % {"count": 1} == "1 hari kerja"
        assert words % {"count": 14} == "14 hari kerja"
    with translation.override("en"):
        assert str(Role.PETUGAS_LOKET.label) == "Counter officer"
        assert words % {"count": 1} == "1 working day"
        assert words % {"count": 14} == "14 working days"


def test_templates_render_in_both_languages(compiled_locale):
    template = Template(
        "{% load i18n %}{% translate 'Free of charge' %}|"
        "{% blocktranslate count counter=n with shown=n|floatformat:'g' %}"
        "{{ shown }} service{% plural %}{{ shown }} services{% endblocktranslate %}"
    )
    with translation.override("id"):
        assert template.render(Context({"n": 3})) == "Gratis|3 layanan"
        # Counts are grouped the Indonesian way.
        assert template.render(Context({"n": 12669})) == "Gratis|12.669 layanan"
    with translation.override("en"):
        assert template.render(Context({"n": 3})) == "Free of charge|3 services"
        assert template.render(Context({"n": 1})) == "Free of charge|1 service"
