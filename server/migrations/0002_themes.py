from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ServiceMenuVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.IntField(unique=True)),
                ('status', fields.CharField(default='published', max_length=12)),
                ('entries', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('change_note', fields.TextField(default='', unique=False)),
                ('seed_hash', fields.CharField(null=True, max_length=64)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('published_by_id', fields.IntField(null=True)),
            ],
            options={'table': 'service_menu_version', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'One version of the service menu of the city (菜单式服务), the newest published one in force.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StandardMaterial',
            fields=[
                ('code', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=8)),
                ('name', fields.CharField(max_length=64)),
                ('elicence', fields.CharField(null=True, max_length=64)),
                ('generated', fields.BooleanField(default=False)),
                ('note', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'standard_material', 'app': 'liaoyi', 'pk_attr': 'code', 'table_description': 'A material with one identity across items (一套材料, 材料互认), asked once per bundle.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Theme',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=48)),
                ('region_code', fields.CharField(max_length=12)),
                ('region_path', fields.CharField(max_length=128)),
                ('status', fields.CharField(default='draft', max_length=12)),
                ('published_version_id', fields.IntField(null=True)),
                ('draft_version_id', fields.IntField(null=True)),
                ('status_reason', fields.TextField(default='', unique=False)),
                ('status_changed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('status_changed_by_id', fields.IntField(null=True)),
                ('seed_hash', fields.CharField(null=True, max_length=64)),
                ('row_version', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'theme', 'app': 'liaoyi', 'indexes': [Index(fields=['status']), Index(fields=['region_path'])], 'pk_attr': 'id', 'table_description': 'One themed service of one region, maintained by the catalogue admins of that region.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ThemeVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('theme', fields.ForeignKeyField('liaoyi.Theme', source_field='theme_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('status', fields.CharField(default='draft', max_length=12)),
                ('is_current', fields.BooleanField(default=False)),
                ('change_note', fields.TextField(default='', unique=False)),
                ('name', fields.CharField(max_length=64)),
                ('audience', fields.CharField(max_length=12)),
                ('life_stage', fields.CharField(max_length=16)),
                ('founds_entity', fields.BooleanField(default=False)),
                ('lead_department_code', fields.CharField(max_length=24)),
                ('cooperating_department_codes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('budget_value', fields.IntField()),
                ('budget_unit', fields.CharField(max_length=12)),
                ('max_visits', fields.IntField(default=1)),
                ('keywords', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('guide', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('questions', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('stages', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('s_name', fields.CharField(max_length=64)),
                ('s_name_py', fields.CharField(max_length=256)),
                ('s_name_ab', fields.CharField(max_length=64)),
                ('s_kw', fields.TextField(default='', unique=False)),
                ('s_text', fields.TextField(default='', unique=False)),
                ('created_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('published_by_id', fields.IntField(null=True)),
            ],
            options={'table': 'theme_version', 'app': 'liaoyi', 'unique_together': (('theme', 'number'),), 'indexes': [Index(fields=['is_current', 'audience', 'life_stage'])], 'pk_attr': 'id', 'table_description': 'What a theme says at one point in time. Published versions are never edited.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Material',
            name='standard_code',
            field=fields.CharField(null=True, db_index=True, max_length=8),
        ),
    ]
