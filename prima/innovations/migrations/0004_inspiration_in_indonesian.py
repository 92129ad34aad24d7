"""Rewrite replication notes prefilled in English ("… by …") in Indonesian.

Until now the note took the language of whoever replicated (English for the demo
command), and readers of an Indonesian page saw "“X” by Disdukcapil, …".
"""

import re

from django.db import migrations

ENGLISH = re.compile(r"^“(?P<title>.*)” by (?P<owner>.*), (?P<where>.*)\.$", re.S)


def to_indonesian(apps, schema_editor):
    Innovation = apps.get_model("innovations", "Innovation")
    rows = Innovation.objects.filter(origin__isnull=False, inspirasi__contains="” by ")
    for innovation in rows.only("pk", "inspirasi"):
        match = ENGLISH.match(innovation.inspirasi)
        if match:
            innovation.inspirasi = "“{title}” oleh {owner}, {where}.".format(
                **match.groupdict()
            )
            innovation.save(update_fields=["inspirasi"])


class Migration(migrations.Migration):
    dependencies = [("innovations", "0003_competitions_moved_out")]

    operations = [migrations.RunPython(to_indonesian, migrations.RunPython.noop)]
