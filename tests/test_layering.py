"""Layering: no module of ``prima/`` imports a package of a higher layer.

The layer table and the rules are in tests/layering.py; this runs them on the tree,
and on synthetic trees to show that they catch what they must.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layering import (
    LAYERS,
    ROOT,
    layer_of,
    layering_violations,
    pure_module_files,
    pure_violations,
)

# --- The rules on the tree ---------------------------------------------------------


def test_no_module_imports_a_higher_layer():
    violations = layering_violations(ROOT, layer_of())
    assert not violations, "\n".join(map(str, violations))


def test_every_pure_module_exists():
    files = pure_module_files()
    assert files, "[tool.mypy] files in pyproject.toml lists the pure modules"
    missing = [f for f in files if not (ROOT / f).is_file()]
    assert not missing, f"pure modules listed in pyproject.toml but missing: {missing}"


def test_pure_modules_import_no_django_and_no_impure_prima():
    violations = pure_violations(ROOT, pure_module_files())
    assert not violations, "\n".join(map(str, violations))


# --- The checker itself, on synthetic trees ----------------------------------------


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


TINY_LAYERS = {"prima": 0, "core": 0, "low": 1, "high": 2, "twin_a": 3, "twin_b": 3}


def tiny_tree(root: Path, extra: dict[str, str]) -> None:
    write(
        root,
        {
            "prima/__init__.py": "",
            "prima/core/__init__.py": "",
            "prima/low/__init__.py": "",
            "prima/high/__init__.py": "from prima.low import models\n",
            "prima/high/models.py": "from ..core import x\nimport prima.low\n",
            "prima/twin_a/__init__.py": "",
            "prima/twin_b/__init__.py": "",
            **extra,
        },
    )


def test_checker_passes_a_tree_that_imports_only_downwards(tmp_path):
    tiny_tree(tmp_path, {})
    assert layering_violations(tmp_path, TINY_LAYERS) == []


def test_checker_reports_a_module_level_import_of_a_higher_layer(tmp_path):
    tiny_tree(
        tmp_path, {"prima/low/views.py": "import os\n\nfrom prima.high import models\n"}
    )
    [violation] = layering_violations(tmp_path, TINY_LAYERS)
    assert (violation.path, violation.line) == ("prima/low/views.py", 3)
    assert (violation.importer, violation.imported) == ("low", "high")
    assert str(violation) == (
        "prima/low/views.py:3: low imports high (layer 2 above layer 1)"
    )


def test_checker_reports_function_local_and_relative_imports(tmp_path):
    tiny_tree(
        tmp_path,
        {
            "prima/low/selectors.py": (
                "def f():\n    from prima.high.models import Thing\n    return Thing\n"
            ),
            "prima/low/tests/test_x.py": "from ...high import models\n",
            "prima/core/util.py": "import prima.low.models as m\n",
            "prima/low/testing.py": "from prima import high\n",
        },
    )
    found = {
        (v.path, v.line, v.importer, v.imported)
        for v in layering_violations(tmp_path, TINY_LAYERS)
    }
    assert found == {
        ("prima/low/selectors.py", 2, "low", "high"),
        ("prima/low/tests/test_x.py", 1, "low", "high"),
        ("prima/core/util.py", 1, "core", "low"),
        ("prima/low/testing.py", 1, "low", "high"),
    }


def test_checker_reports_siblings_and_unplaced_packages(tmp_path):
    tiny_tree(
        tmp_path,
        {
            "prima/twin_a/views.py": "from prima.twin_b import selectors\n",
            "prima/newapp/__init__.py": "",
        },
    )
    found = {
        (v.path, v.importer, v.imported, v.reason)
        for v in layering_violations(tmp_path, TINY_LAYERS)
    }
    assert found == {
        ("prima/twin_a/views.py", "twin_a", "twin_b", "both in layer 3"),
        ("prima/newapp/__init__.py", "newapp", "-", "package not in LAYERS"),
    }


def test_checker_reports_django_and_impure_imports_in_pure_modules(tmp_path):
    write(
        tmp_path,
        {
            "prima/__init__.py": "",
            "prima/low/__init__.py": "",
            "prima/low/rules.py": "from prima.low.other import CONSTANT\n",
            "prima/low/other.py": "CONSTANT = 1\n",
            "prima/low/calc.py": (
                "from decimal import Decimal\n"
                "from prima.low.rules import x\n"
                "def f():\n"
                "    from django.utils import timezone\n"
                "    from prima.low import models\n"
            ),
            "prima/low/models.py": "",
        },
    )
    pure = ["prima/low/rules.py", "prima/low/calc.py"]
    found = {(v.path, v.line, v.imported) for v in pure_violations(tmp_path, pure)}
    assert found == {
        ("prima/low/rules.py", 1, "prima.low.other"),
        ("prima/low/calc.py", 4, "django.utils"),
        ("prima/low/calc.py", 5, "prima.low.models"),
    }


@pytest.mark.parametrize("package", [p for layer in LAYERS for p in layer])
def test_layers_name_each_package_once(package):
    assert sum(package in layer for layer in LAYERS) == 1
