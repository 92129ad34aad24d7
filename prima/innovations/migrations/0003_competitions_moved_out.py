"""Hand the competition models to ``prima.competitions`` without touching a table.

The models leave this app's state only; their tables stay and become the
competitions app's in ``competitions/0001_initial.py``, which also moves their
content types (and so their permissions and admin log entries).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('innovations', '0002_objections'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='scoresheet',
                    name='assignment',
                ),
                migrations.RemoveField(
                    model_name='call',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='call',
                    name='pemda',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='call',
                ),
                migrations.RemoveField(
                    model_name='panelmember',
                    name='call',
                ),
                migrations.RemoveField(
                    model_name='category',
                    name='call',
                ),
                migrations.RemoveField(
                    model_name='callstage',
                    name='call',
                ),
                migrations.RemoveField(
                    model_name='stageresult',
                    name='stage',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='stage',
                ),
                migrations.RemoveField(
                    model_name='objection',
                    name='stage',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='category',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='innovation',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='screened_by',
                ),
                migrations.RemoveField(
                    model_name='entry',
                    name='submitted_by',
                ),
                migrations.RemoveField(
                    model_name='objection',
                    name='entry',
                ),
                migrations.RemoveField(
                    model_name='stageresult',
                    name='entry',
                ),
                migrations.RemoveField(
                    model_name='objection',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='panelmember',
                    name='affiliation_opd',
                ),
                migrations.RemoveField(
                    model_name='panelmember',
                    name='juri',
                ),
                migrations.RemoveField(
                    model_name='scorechange',
                    name='changed_by',
                ),
                migrations.RemoveField(
                    model_name='scorechange',
                    name='sheet',
                ),
                migrations.DeleteModel(
                    name='Assignment',
                ),
                migrations.DeleteModel(
                    name='Call',
                ),
                migrations.DeleteModel(
                    name='CallStage',
                ),
                migrations.DeleteModel(
                    name='Category',
                ),
                migrations.DeleteModel(
                    name='Entry',
                ),
                migrations.DeleteModel(
                    name='StageResult',
                ),
                migrations.DeleteModel(
                    name='Objection',
                ),
                migrations.DeleteModel(
                    name='PanelMember',
                ),
                migrations.DeleteModel(
                    name='ScoreChange',
                ),
                migrations.DeleteModel(
                    name='ScoreSheet',
                ),
            ],
        ),
    ]
