"""Every model change has its migration."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations(capsys):
    """``makemigrations --check --dry-run`` finds nothing to write."""
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    except SystemExit as exit_:
        out = capsys.readouterr().out
        pytest.fail(f"missing migrations (exit {exit_.code}):\n{out}")
