from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0014_complaints_assistance')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RatingToken',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('case_id', fields.BigIntField(db_index=True)),
                ('purpose', fields.CharField(max_length=8)),
                ('nonce', fields.CharField(max_length=24)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'rating_token', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'A signed, single-use, expiring token that lets a person rate a case without signing in: the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Rectification',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rating', fields.OneToOneField('liaoyi.CaseRating', source_field='rating_id', db_constraint=True, to_field='id', related_name='rectification', on_delete=OnDelete.CASCADE)),
                ('case_id', fields.BigIntField()),
                ('department_code', fields.CharField(max_length=24)),
                ('region_code', fields.CharField(max_length=12)),
                ('hall_code', fields.CharField(null=True, max_length=24)),
                ('status', fields.CharField(default='pending', max_length=16)),
                ('due_date', fields.DateField()),
                ('extended', fields.BooleanField(default=False)),
                ('card', fields.CharField(null=True, max_length=8)),
                ('measures', fields.TextField(default='', unique=False)),
                ('reason', fields.TextField(default='', unique=False)),
                ('review', fields.CharField(null=True, max_length=12)),
                ('review_note', fields.TextField(default='', unique=False)),
                ('reviewed_by_id', fields.IntField(null=True)),
                ('handled_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rectification', 'app': 'liaoyi', 'indexes': [Index(fields=['department_code', 'status']), Index(fields=['status', 'due_date'])], 'pk_attr': 'id', 'table_description': "差评整改: a bad rating (★1–2) assigned to the responsible department (and the window's hall),"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RatingRevisit',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rectification', fields.OneToOneField('liaoyi.Rectification', source_field='rectification_id', db_constraint=True, to_field='id', related_name='revisit', on_delete=OnDelete.CASCADE)),
                ('satisfaction', fields.IntField()),
                ('method', fields.CharField(max_length=12)),
                ('note', fields.TextField(default='', unique=False)),
                ('by_id', fields.IntField()),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rating_revisit', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': '回访: the person who gave a real-name bad rating is asked how the fix went.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WindowService',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('window_id', fields.IntField()),
                ('hall_code', fields.CharField(max_length=24)),
                ('case_id', fields.BigIntField()),
                ('served_by_id', fields.IntField()),
                ('served_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'window_service', 'app': 'liaoyi', 'indexes': [Index(fields=['window_id', 'served_at'])], 'pk_attr': 'id', 'table_description': "A case served at a window (the clerk called it there): the hall's evaluator device at that"},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='ApiKey',
            name='window_id',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='dimension_set',
            field=fields.CharField(default='online', max_length=12),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='dimension_version',
            field=fields.IntField(default=1),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='excluded',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='excluded_reason',
            field=fields.TextField(default='', unique=False),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='follow_up_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='follow_up_comment',
            field=fields.TextField(default='', unique=False),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='follow_up_level',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='hall_code',
            field=fields.CharField(null=True, max_length=24),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='item_id',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='scores',
            field=fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='window_id',
            field=fields.IntField(null=True),
        ),
    ]
