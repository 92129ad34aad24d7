"""Rename the competition tables from ``innovations_*`` to ``competitions_*``.

A rename in place: no row is copied, and PostgreSQL keeps each table's identity
sequence, indexes and foreign keys (whose names still say ``innovations``; Django
never looks them up by name).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('competitions', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='call', table=None),
        migrations.AlterModelTable(name='callstage', table=None),
        migrations.AlterModelTable(name='category', table=None),
        migrations.AlterModelTable(name='entry', table=None),
        migrations.AlterModelTable(name='assignment', table=None),
        migrations.AlterModelTable(name='objection', table=None),
        migrations.AlterModelTable(name='panelmember', table=None),
        migrations.AlterModelTable(name='scoresheet', table=None),
        migrations.AlterModelTable(name='scorechange', table=None),
        migrations.AlterModelTable(name='stageresult', table=None),
    ]
