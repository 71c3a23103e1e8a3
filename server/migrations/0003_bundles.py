from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0002_themes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CaseBundle',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=32)),
                ('query_code', fields.CharField(max_length=8)),
                ('idempotency_key', fields.CharField(null=True, unique=True, max_length=96)),
                ('channel', fields.CharField(max_length=12)),
                ('theme_id', fields.IntField()),
                ('theme_version', fields.ForeignKeyField('liaoyi.ThemeVersion', source_field='theme_version_id', db_constraint=True, to_field='id', related_name='bundles', on_delete=OnDelete.RESTRICT)),
                ('theme_code', fields.CharField(max_length=48)),
                ('theme_version_number', fields.IntField()),
                ('theme_name', fields.CharField(max_length=64)),
                ('lead_department_code', fields.CharField(max_length=24)),
                ('region_code', fields.CharField(max_length=12)),
                ('city_code', fields.CharField(max_length=12)),
                ('county_code', fields.CharField(null=True, max_length=12)),
                ('hall_code', fields.CharField(null=True, max_length=24)),
                ('applicant_kind', fields.CharField(max_length=12)),
                ('applicant_citizen', fields.ForeignKeyField('liaoyi.Citizen', source_field='applicant_citizen_id', null=True, db_constraint=True, to_field='id', related_name='bundles', on_delete=OnDelete.RESTRICT)),
                ('applicant_enterprise', fields.ForeignKeyField('liaoyi.Enterprise', source_field='applicant_enterprise_id', null=True, db_constraint=True, to_field='id', related_name='bundles', on_delete=OnDelete.RESTRICT)),
                ('applicant_name', fields.CharField(max_length=128)),
                ('contact_phone', fields.CharField(default='', max_length=11)),
                ('contact_citizen_id', fields.IntField(null=True)),
                ('submitted_by_staff_id', fields.IntField(null=True)),
                ('mandate_id', fields.IntField(null=True)),
                ('answers', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('form_data', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('plan', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('materials', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('stages', fields.IntField()),
                ('open_stage', fields.IntField(default=1)),
                ('budget_value', fields.IntField()),
                ('budget_unit', fields.CharField(max_length=12)),
                ('submitted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('deadline', fields.DateField(null=True)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdraw_reason', fields.TextField(default='', unique=False)),
                ('row_version', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'case_bundle', 'app': 'liaoyi', 'indexes': [Index(fields=['hall_code', 'id']), Index(fields=['city_code', 'id']), Index(fields=['county_code', 'id']), Index(fields=['applicant_citizen_id', 'id']), Index(fields=['applicant_enterprise_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A themed "one thing" application (主题式服务, 一件事): the parent of one sub-case per item.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Case',
            name='bundle',
            field=fields.ForeignKeyField('liaoyi.CaseBundle', source_field='bundle_id', null=True, db_constraint=True, to_field='id', related_name='sub_cases', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='Case',
            name='bundle_stage',
            field=fields.IntField(null=True),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['bundle_id', 'bundle_stage', 'id']),
        ),
    ]
