"""Take over the competition models from ``prima.innovations`` with their rows.

The state gains the models exactly as ``innovations/0002_objections.py`` left them,
on their old tables, and the database is not touched: ``0002_tables`` then renames
the tables. The content types move here too, so the models' permissions, the groups
and users holding them, and the admin log entries that point to competition rows
stay attached.
"""

import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


MODELS = [
    "call",
    "callstage",
    "category",
    "entry",
    "assignment",
    "objection",
    "panelmember",
    "scoresheet",
    "scorechange",
    "stageresult",
]


def _move(apps, source: str, target: str) -> None:
    # A row the target app already has (content types are made after a migrate run,
    # so only a half-finished earlier run leaves one) keeps its place: moving the
    # source row onto it would break the unique (app_label, model).
    content_type = apps.get_model("contenttypes", "ContentType")
    taken = set(
        content_type.objects.filter(app_label=target, model__in=MODELS).values_list(
            "model", flat=True
        )
    )
    content_type.objects.filter(app_label=source, model__in=MODELS).exclude(
        model__in=taken
    ).update(app_label=target)


def move_content_types(apps, schema_editor) -> None:
    _move(apps, "innovations", "competitions")


def move_content_types_back(apps, schema_editor) -> None:
    _move(apps, "competitions", "innovations")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('innovations', '0003_competitions_moved_out'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Call',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('deadline', models.DateTimeField(verbose_name='submission deadline')),
                        ('status', models.CharField(choices=[('draft', 'Being prepared'), ('open', 'Open for proposals'), ('judging', 'Screening and judging'), ('finished', 'Results published')], default='draft', max_length=10, verbose_name='status')),
                        ('weight_kebaruan', models.DecimalField(decimal_places=3, default=Decimal('0.25'), max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='weight: novelty')),
                        ('weight_efektif', models.DecimalField(decimal_places=3, default=Decimal('0.20'), max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='weight: effective')),
                        ('weight_bermanfaat', models.DecimalField(decimal_places=3, default=Decimal('0.25'), max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='weight: beneficial')),
                        ('weight_mudah_disebarkan', models.DecimalField(decimal_places=3, default=Decimal('0.15'), max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='weight: replicable')),
                        ('weight_berkelanjutan', models.DecimalField(decimal_places=3, default=Decimal('0.15'), max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('1'))], verbose_name='weight: sustainable')),
                        ('scale_min', models.PositiveSmallIntegerField(default=1, verbose_name='lowest score')),
                        ('scale_max', models.PositiveSmallIntegerField(default=10, verbose_name='highest score')),
                        ('tie_order', models.CharField(default='bermanfaat,efektif,kebaruan,berkelanjutan,mudah_disebarkan', help_text='Criteria compared in this order when totals are equal.', max_length=120, verbose_name='tie order')),
                        ('min_years_umum', models.PositiveSmallIntegerField(default=2, verbose_name='years applied, general and special proposals')),
                        ('min_years_replikasi', models.PositiveSmallIntegerField(default=1, verbose_name='years applied, replication proposals')),
                        ('max_umum_per_opd', models.PositiveSmallIntegerField(default=10, verbose_name='general proposals per OPD at most')),
                        ('max_replikasi_per_opd', models.PositiveSmallIntegerField(default=5, verbose_name='replication proposals per OPD at most')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='results published at')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('pemda', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='innovation_calls', to='organisations.pemda', verbose_name='Pemda')),
                    ],
                    options={
                        'db_table': 'innovations_call',
                        'verbose_name': 'innovation competition',
                        'verbose_name_plural': 'innovation competitions',
                        'ordering': ['-year', '-deadline'],
                    },
                ),
                migrations.CreateModel(
                    name='CallStage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order', models.PositiveSmallIntegerField(verbose_name='order')),
                        ('name', models.CharField(max_length=80, verbose_name='name')),
                        ('advance', models.PositiveIntegerField(help_text='The best this many go on to the next stage (or win, in the last).', verbose_name='how many advance')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                        ('objection_days', models.PositiveSmallIntegerField(default=0, help_text='Public objection window after this stage, in calendar days.', verbose_name='public objection days')),
                        ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stages', to='competitions.call')),
                    ],
                    options={
                        'db_table': 'innovations_callstage',
                        'verbose_name': 'stage',
                        'verbose_name_plural': 'stages',
                        'ordering': ['call', 'order'],
                    },
                ),
                migrations.CreateModel(
                    name='Category',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('group', models.CharField(choices=[('umum', 'General'), ('replikasi', 'Replication'), ('khusus', 'Special (an earlier winner developed further)')], default='umum', max_length=10, verbose_name='proposal group')),
                        ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='categories', to='competitions.call')),
                    ],
                    options={
                        'db_table': 'innovations_category',
                        'verbose_name': 'category',
                        'verbose_name_plural': 'categories',
                        'ordering': ['id'],
                    },
                ),
                migrations.CreateModel(
                    name='Entry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('submitted_at', models.DateTimeField(verbose_name='submitted at')),
                        ('screening', models.CharField(choices=[('pending', 'Awaiting screening'), ('accepted', 'Passed screening'), ('rejected', 'Rejected at screening')], default='pending', max_length=10, verbose_name='screening')),
                        ('reject_reason', models.CharField(blank=True, choices=[('too_young', 'Not applied long enough'), ('incomplete', 'Incomplete proposal'), ('meaningless', 'Answers without substance'), ('duplicate', 'Duplicate title'), ('quota', "Over the OPD's quota"), ('other', 'Other reason')], max_length=12, verbose_name='reason')),
                        ('screening_note', models.TextField(blank=True, verbose_name='screening note')),
                        ('screened_at', models.DateTimeField(blank=True, null=True)),
                        ('eliminated', models.BooleanField(default=False, verbose_name='eliminated')),
                        ('final_rank', models.PositiveIntegerField(blank=True, null=True, verbose_name='final rank')),
                        ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='competitions.call')),
                        ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competitions.category', verbose_name='category')),
                        ('innovation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='innovations.innovation')),
                        ('screened_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('stage', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='competitions.callstage', verbose_name='stage')),
                        ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'innovations_entry',
                        'verbose_name': 'proposal',
                        'verbose_name_plural': 'proposals',
                        'ordering': ['submitted_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Assignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('assigned_at', models.DateTimeField(auto_now_add=True)),
                        ('assigned_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('juri', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='juri_assignments', to=settings.AUTH_USER_MODEL, verbose_name='juri')),
                        ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='competitions.callstage')),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='competitions.entry')),
                    ],
                    options={
                        'db_table': 'innovations_assignment',
                        'verbose_name': 'juri assignment',
                        'verbose_name_plural': 'juri assignments',
                    },
                ),
                migrations.CreateModel(
                    name='Objection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(blank=True, max_length=150, verbose_name='name')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('text', models.TextField(max_length=3000, verbose_name='objection')),
                        ('submission_key', models.UUIDField(unique=True, verbose_name='submission key')),
                        ('submitted_at', models.DateTimeField(verbose_name='submitted at')),
                        ('status', models.CharField(choices=[('pending', 'Awaiting a decision'), ('upheld', 'Upheld: the proposal is eliminated'), ('dismissed', 'Dismissed')], default='pending', max_length=10, verbose_name='status')),
                        ('answer', models.TextField(blank=True, verbose_name='answer')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='objections', to='competitions.entry')),
                        ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='objections', to='competitions.callstage')),
                    ],
                    options={
                        'db_table': 'innovations_objection',
                        'verbose_name': 'public objection',
                        'verbose_name_plural': 'public objections',
                        'ordering': ['submitted_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='PanelMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('affiliation', models.CharField(blank=True, max_length=200, verbose_name='affiliation')),
                        ('affiliation_opd', models.ForeignKey(blank=True, help_text='Leave empty for a juri from outside the Pemda (academic, expert).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.perangkatdaerah', verbose_name='own OPD')),
                        ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='panel', to='competitions.call')),
                        ('juri', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='panels', to=settings.AUTH_USER_MODEL, verbose_name='juri')),
                    ],
                    options={
                        'db_table': 'innovations_panelmember',
                        'verbose_name': 'juri',
                        'verbose_name_plural': 'juri panel',
                    },
                ),
                migrations.CreateModel(
                    name='ScoreSheet',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('scores', models.JSONField(verbose_name='scores')),
                        ('comment', models.TextField(blank=True, verbose_name='comment')),
                        ('submitted_at', models.DateTimeField(verbose_name='submitted at')),
                        ('assignment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='sheet', to='competitions.assignment')),
                    ],
                    options={
                        'db_table': 'innovations_scoresheet',
                        'verbose_name': 'score sheet',
                        'verbose_name_plural': 'score sheets',
                    },
                ),
                migrations.CreateModel(
                    name='ScoreChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('changed_at', models.DateTimeField(auto_now_add=True)),
                        ('reason', models.TextField(verbose_name='reason')),
                        ('before', models.JSONField()),
                        ('after', models.JSONField()),
                        ('changed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('sheet', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='competitions.scoresheet')),
                    ],
                    options={
                        'db_table': 'innovations_scorechange',
                        'verbose_name': 'score change',
                        'verbose_name_plural': 'score changes',
                        'ordering': ['changed_at'],
                    },
                ),
                migrations.CreateModel(
                    name='StageResult',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('score', models.DecimalField(decimal_places=4, max_digits=7, verbose_name='score')),
                        ('criterion_means', models.JSONField()),
                        ('juri_count', models.PositiveSmallIntegerField()),
                        ('rank', models.PositiveIntegerField(verbose_name='rank')),
                        ('advanced', models.BooleanField(verbose_name='advanced')),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='competitions.entry')),
                        ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='competitions.callstage')),
                    ],
                    options={
                        'db_table': 'innovations_stageresult',
                        'verbose_name': 'stage result',
                        'verbose_name_plural': 'stage results',
                        'ordering': ['stage', 'rank'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='callstage',
                    constraint=models.UniqueConstraint(fields=('call', 'order'), name='one_stage_per_order'),
                ),
                migrations.AddConstraint(
                    model_name='entry',
                    constraint=models.UniqueConstraint(fields=('call', 'innovation'), name='one_entry_per_innovation'),
                ),
                migrations.AddConstraint(
                    model_name='assignment',
                    constraint=models.UniqueConstraint(fields=('entry', 'stage', 'juri'), name='one_assignment_per_juri'),
                ),
                migrations.AddConstraint(
                    model_name='panelmember',
                    constraint=models.UniqueConstraint(fields=('call', 'juri'), name='one_seat_per_juri'),
                ),
                migrations.AddConstraint(
                    model_name='stageresult',
                    constraint=models.UniqueConstraint(fields=('stage', 'entry'), name='one_result_per_stage'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
