from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0010_abuse')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ConstructionProject',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('bundle', fields.OneToOneField('liaoyi.CaseBundle', source_field='bundle_id', db_constraint=True, to_field='id', related_name='project', on_delete=OnDelete.RESTRICT)),
                ('code', fields.CharField(db_index=True, max_length=24)),
                ('investment_type', fields.CharField(max_length=12)),
                ('unit_name', fields.CharField(max_length=128)),
                ('unit_credit_code', fields.CharField(default='', max_length=18)),
                ('site', fields.CharField(max_length=200)),
                ('total_days', fields.IntField()),
                ('main_days', fields.IntField()),
                ('stage_days', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('main_stages', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('intermediary', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'construction_project', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': "项目代码, type, unit and site of a bundle's project, and its pinned budgets in working days."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='ThemeVersion',
            name='budgets',
            field=fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
