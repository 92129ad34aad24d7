"""The layers of ``prima/`` and a checker of its imports (tests/test_layering.py).

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
    ("portal", "api", "dashboard", "jobs"),
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
