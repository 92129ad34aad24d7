"""Layering: no module of ``prima/`` imports a package of a higher layer.

``LAYERS`` below is the one table of the layers, bottom up; a new app is one more
entry. A package may import its own modules and any package of a lower layer; packages
that share a layer may not import each other. Every import counts: at module level or
inside a function, ``import x``, ``from x import y`` and relative imports. A package's
tests (``prima/<app>/tests/``, ``prima/<app>/testing.py``) follow the same rule as the
package. The cross-app suites in the top-level ``tests/`` are outside the rule.

The pure regulation modules (listed once, as ``[tool.mypy] files`` in pyproject.toml)
import neither Django nor any module of ``prima`` but other pure modules.

Not seen here: dynamic imports (``importlib``) and lazy model references such as
``ForeignKey("app.Model")``, which Django resolves by name.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRIMA = ROOT / "prima"

# Bottom up. ``reports`` holds renderers (PDF, XLSX, SVG) that every app uses and
# imports only ``core``. ``prima`` stands for the package's own ``__init__.py``; ``cli``
# (``prima/cli.py``, the console script) dispatches to any app and sits on top.
LAYERS: list[tuple[str, ...]] = [
    ("prima", "core"),
    ("reports",),
    ("accounts",),
    ("organisations",),
    ("standards",),
    ("complaints",),
    ("surveys",),
    ("innovations",),
    ("competitions",),
    ("programmes", "evaluations", "queues"),
    ("portal", "api"),
    ("demo",),
    ("cli",),
]


def layer_of() -> dict[str, int]:
    """Return each package's layer index, 0 at the bottom."""
    index: dict[str, int] = {}
    for level, packages in enumerate(LAYERS):
        for package in packages:
            assert package not in index, f"{package} appears twice in LAYERS"
            index[package] = level
    return index


@dataclass(frozen=True)
class Import:
    """One import statement's target module, as an absolute dotted name."""

    module: str
    line: int


def module_name(path: Path, root: Path) -> str:
    """Return the dotted name of a module file below ``root`` (the directory of ``prima``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(module: str, root: Path) -> bool:
    """Return whether a dotted name is a module file or package below ``root``."""
    path = root.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or path.is_dir()


def imports_of(path: Path, root: Path) -> list[Import]:
    """Return every module ``path`` imports, at any depth of the file, made absolute.

    ``from package import name`` counts as an import of ``package.name`` when that is a
    module of the tree (``from prima import surveys``), else of ``package``.
    """
    tree = ast.parse(path.read_bytes(), filename=str(path))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                is_sub = alias.name != "*" and is_module(submodule, root)
                found.append(Import(submodule if is_sub else target, node.lineno))
    return found


def package_of(module: str) -> str | None:
    """Return the layer name of a ``prima`` module, or None outside ``prima``."""
    parts = module.split(".")
    if parts[0] != "prima":
        return None
    if len(parts) == 1:
        return "prima"
    return parts[1]


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    importer: str
    imported: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.imported} ({self.reason})"


def layering_violations(root: Path, layers: dict[str, int]) -> list[Violation]:
    """Return every import in ``root/prima`` of a higher or sibling layer's package.

    A package missing from ``layers`` is reported too: each app must be placed.
    """
    violations: list[Violation] = []
    for path in sorted((root / "prima").rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            # Generated; a migration names the models it depends on by app label.
            continue
        importer = package_of(module_name(path, root))
        assert importer is not None
        relative = str(path.relative_to(root))
        if importer not in layers:
            violations.append(
                Violation(relative, 1, importer, "-", "package not in LAYERS")
            )
            continue
        for imp in imports_of(path, root):
            imported = package_of(imp.module)
            if imported is None or imported == importer:
                continue
            if imported not in layers:
                violations.append(
                    Violation(relative, imp.line, importer, imported, "not in LAYERS")
                )
            elif layers[imported] > layers[importer]:
                violations.append(
                    Violation(
                        relative,
                        imp.line,
                        importer,
                        imported,
                        f"layer {layers[imported]} above layer {layers[importer]}",
                    )
                )
            elif layers[imported] == layers[importer] and importer != "prima":
                violations.append(
                    Violation(
                        relative,
                        imp.line,
                        importer,
                        imported,
                        f"both in layer {layers[importer]}",
                    )
                )
    return sorted(set(violations), key=lambda v: (v.path, v.line, v.imported))


def pure_module_files(root: Path = ROOT) -> list[str]:
    """Return the pure modules: the files ``mypy --strict`` checks (pyproject.toml)."""
    with (root / "pyproject.toml").open("rb") as file:
        return list(tomllib.load(file)["tool"]["mypy"]["files"])


def pure_violations(root: Path, files: list[str]) -> list[Violation]:
    """Return imports in the pure modules of Django or of a non-pure ``prima`` module."""
    pure = {module_name(root / f, root) for f in files}
    violations: list[Violation] = []
    for file in files:
        path = root / file
        for imp in imports_of(path, root):
            top = imp.module.split(".")[0]
            if top == "django":
                reason = "a pure module imports nothing of Django"
            elif top == "prima" and imp.module not in pure:
                reason = "not a pure module"
            else:
                continue
            violations.append(
                Violation(file, imp.line, module_name(path, root), imp.module, reason)
            )
    return sorted(set(violations), key=lambda v: (v.path, v.line, v.imported))


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
