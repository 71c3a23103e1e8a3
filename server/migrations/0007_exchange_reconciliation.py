from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0006_notification_bundle')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ExchangeDifference',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('run_id', fields.BigIntField()),
                ('partner_code', fields.CharField(max_length=32)),
                ('region_code', fields.CharField(default='', max_length=12)),
                ('case_id', fields.BigIntField()),
                ('case_number', fields.CharField(default='', max_length=32)),
                ('kind', fields.CharField(max_length=16)),
                ('ours', fields.CharField(max_length=24)),
                ('theirs', fields.CharField(default='', max_length=24)),
                ('detail', fields.TextField(default='', unique=False)),
                ('first_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_by_id', fields.IntField(null=True)),
                ('closed_by_name', fields.CharField(default='', max_length=64)),
                ('note', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'exchange_difference', 'app': 'liaoyi', 'indexes': [Index(fields=['region_code', 'closed_at', 'id']), Index(fields=['case_id', 'kind'])], 'pk_attr': 'id', 'table_description': 'A case on which the platform and a partner disagree, found by a reconciliation. It is reported,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ReconciliationRun',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('partner_code', fields.CharField(max_length=32)),
                ('region_code', fields.CharField(default='', max_length=12)),
                ('trigger', fields.CharField(default='nightly', max_length=8)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('checked', fields.IntField(default=0)),
                ('differences', fields.IntField(default=0)),
                ('error', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'exchange_reconciliation', 'app': 'liaoyi', 'indexes': [Index(fields=['partner_code', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': "One comparison of the open cases routed to a partner with the partner's own view (nightly,"},
            bases=['Model'],
        ),
    ]
