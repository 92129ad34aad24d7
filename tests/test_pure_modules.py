"""Guard: the pure regulation modules load without Django or any third-party package.

tests/test_layering.py checks their import statements (tests/layering.py); this runs each in a fresh
interpreter, so an import hidden in a package ``__init__`` is caught too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.layering import module_name, pure_module_files

ROOT = Path(__file__).resolve().parent.parent
# The one list is ``[tool.mypy] files`` in pyproject.toml.
PURE_MODULES = [module_name(ROOT / f, ROOT) for f in pure_module_files()]

# Run in a fresh interpreter so that modules the test run already loaded do not hide
# an import; print the top-level packages the import added beyond the standard library.
PROBE = """
import importlib, sys
before = set(sys.modules)
module = importlib.import_module({name!r})
assert module.__doc__, "a pure module states its regulation and formula"
added = {{m.split(".")[0] for m in set(sys.modules) - before}}
added = {{m for m in added if not m.startswith("_sysconfigdata")}}
print(" ".join(sorted(added - set(sys.stdlib_module_names) - {{"prima"}})))
print("django" in sys.modules)
"""


@pytest.mark.parametrize("name", PURE_MODULES)
def test_pure_module_imports_only_the_standard_library(name: str) -> None:
    """Importing a pure module loads neither Django nor any non-stdlib package."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(name=name)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    third_party, django_loaded = completed.stdout.splitlines()
    assert django_loaded == "False"
    assert third_party == ""
