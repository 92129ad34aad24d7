"""Tests of the stored instrument versions: the load command, the model's validation
and the operator's admin page."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from prima.accounts.testing import TEST_PASSWORD, make_account
from prima.evaluations import instrument
from prima.evaluations.models import Instrument
from prima.evaluations.services import instrument_load

pytestmark = pytest.mark.django_db

TEXT = instrument.shipped()["2023"].read_text(encoding="utf-8")


def with_bad_weight() -> str:
    data = json.loads(TEXT)
    data["aspects"][2]["indicators"][1]["weight"] = "abc"
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_the_command_loads_the_shipped_versions_once(capsys):
    """instruments_load stores 2023 once; run again it keeps the stored row."""
    call_command("instruments_load")
    call_command("instruments_load")
    row = Instrument.objects.get()
    assert (row.version, row.year) == ("2023", 2023)
    assert row.parsed().w_users == 0
    assert "2023 unchanged" in capsys.readouterr().out


def test_the_command_refuses_a_bad_file_naming_path_and_line(tmp_path):
    """A file with a weight that is no number stores nothing and names the place."""
    bad = tmp_path / "bad.json"
    bad.write_text(with_bad_weight(), encoding="utf-8")
    before = list(Instrument.objects.values_list("version", "definition"))
    with pytest.raises(CommandError, match=r"line \d+, aspects\[2\]\.indicators\[1\]"):
        call_command("instruments_load", str(bad))
    assert list(Instrument.objects.values_list("version", "definition")) == before


def test_migrate_stores_the_shipped_instrument():
    """Every installation can open a cycle after migrate: the data migration stores
    the shipped version, valid, with the file's text, once however often it runs.
    (Called directly: a flushing test elsewhere may have emptied the table.)"""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "prima.evaluations.migrations.0002_shipped_instrument"
    )
    Instrument.objects.all().delete()
    migration.load_shipped(apps, None)
    migration.load_shipped(apps, None)
    row = Instrument.objects.get()
    row.full_clean()
    assert row.definition == TEXT and (row.version, row.year) == ("2023", 2023)


def test_replace_stores_a_changed_version():
    """--replace swaps a stored version for a changed document of the same version."""
    instrument_load(definition=TEXT)
    changed = json.loads(TEXT)
    changed["w_users"] = "0.25"
    row, stored = instrument_load(definition=json.dumps(changed), replace=True)
    assert stored
    assert Instrument.objects.get().parsed().w_users == 0.25
    assert row.pk == Instrument.objects.get().pk


def test_the_model_refuses_an_invalid_document():
    """Instrument.full_clean names each problem of the definition."""
    with pytest.raises(ValidationError) as caught:
        Instrument(definition=with_bad_weight()).full_clean()
    [message] = caught.value.message_dict["definition"]
    assert "aspects[2].indicators[1].weight" in message
    assert "decimal number" in message


def _operator_client(client):
    operator = make_account(is_superuser=True, is_staff=True)
    client.login(username=operator.username, password=TEST_PASSWORD)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_operator_edits_a_version_in_the_admin(client):
    """The admin saves a valid definition and takes the year and title from it."""
    row, _ = instrument_load(definition=TEXT)
    changed = json.loads(TEXT)
    changed["title"] = "Instrumen 2023 (revisi)"
    url = reverse("admin:evaluations_instrument_change", args=[row.pk])
    response = _operator_client(client).post(
        url, {"definition": json.dumps(changed, ensure_ascii=False)}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.title == "Instrumen 2023 (revisi)"


def test_the_admin_refuses_an_invalid_definition(client):
    """An invalid definition is shown back with the path of the problem."""
    row, _ = instrument_load(definition=TEXT)
    url = reverse("admin:evaluations_instrument_change", args=[row.pk])
    response = _operator_client(client).post(url, {"definition": with_bad_weight()})
    assert response.status_code == 200
    assert "aspects[2].indicators[1].weight" in response.content.decode()
    row.refresh_from_db()
    assert row.definition == TEXT


def test_the_admin_refuses_a_second_row_of_a_stored_version(client):
    """Adding a version that is already stored is refused, not a database error."""
    instrument_load(definition=TEXT)
    url = reverse("admin:evaluations_instrument_add")
    response = _operator_client(client).post(url, {"definition": TEXT})
    assert response.status_code == 200
    assert "already stored" in response.content.decode()
    assert Instrument.objects.count() == 1


def test_an_instrument_used_by_a_cycle_is_fixed(client, org):
    """Once a cycle uses a version, the admin no longer changes it."""
    from prima.evaluations import testing

    cycle = testing.make_cycle(org.pemda, org.unit)
    url = reverse("admin:evaluations_instrument_change", args=[cycle.instrument.pk])
    changed = json.loads(TEXT)
    changed["title"] = "Instrumen 2023 (revisi)"
    _operator_client(client).post(url, {"definition": json.dumps(changed)})
    cycle.instrument.refresh_from_db()
    assert cycle.instrument.title != "Instrumen 2023 (revisi)"
