"""Store the instrument shipped with Prima, so that every installation can open a
PEKPPP cycle right after ``migrate`` (``prima instruments-load`` adds later ones)."""

import json
from pathlib import Path

from django.db import migrations

SHIPPED = Path(__file__).resolve().parent.parent / "instruments" / "2023.json"


def load_shipped(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    text = SHIPPED.read_text(encoding="utf-8")
    head = json.loads(text)
    Instrument.objects.get_or_create(
        version=head["version"],
        defaults={"year": head["year"], "title": head["title"], "definition": text},
    )


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(load_shipped, migrations.RunPython.noop)]
