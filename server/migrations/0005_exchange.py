from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0004_bundle_results')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ExchangeMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('message_id', fields.CharField(max_length=64)),
                ('direction', fields.CharField(max_length=3)),
                ('partner_code', fields.CharField(max_length=32)),
                ('event', fields.CharField(max_length=48)),
                ('case_id', fields.BigIntField(null=True)),
                ('case_number', fields.CharField(default='', max_length=32)),
                ('region_code', fields.CharField(default='', max_length=12)),
                ('body', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('pending_body', fields.TextField(null=True, unique=False)),
                ('digest', fields.CharField(max_length=64)),
                ('status', fields.CharField(max_length=10)),
                ('verification', fields.CharField(default='', max_length=24)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('claimed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('answer_status', fields.IntField(null=True)),
                ('answer', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'exchange_message', 'app': 'liaoyi', 'unique_together': (('direction', 'partner_code', 'message_id'),), 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['case_id', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': 'One message to or from a partner, kept as the exchange log. Outbound rows are written in the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Partner',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=32)),
                ('name', fields.CharField(max_length=64)),
                ('kind', fields.CharField(max_length=16)),
                ('region_code', fields.CharField(max_length=12)),
                ('base_url', fields.CharField(max_length=255)),
                ('keys', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('timeout_seconds', fields.FloatField(default=5.0)),
                ('max_attempts', fields.IntField(default=8)),
                ('routes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'exchange_partner', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'A system the platform exchanges signed messages with: where to post, with which keys (two at'},
            bases=['Model'],
        ),
    ]
