from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0013_search')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AssistanceRequest',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('citizen_id', fields.IntField()),
                ('enterprise_id', fields.IntField(null=True)),
                ('kind', fields.CharField(max_length=16)),
                ('hall_code', fields.CharField(max_length=24)),
                ('region_code', fields.CharField(max_length=12)),
                ('region_path', fields.CharField(max_length=128)),
                ('description', fields.TextField(unique=False)),
                ('preferred_day', fields.DateField(null=True)),
                ('address', fields.CharField(default='', max_length=128)),
                ('status', fields.CharField(default='requested', max_length=12)),
                ('agent_id', fields.IntField(null=True)),
                ('mandate_id', fields.IntField(null=True)),
                ('assigned_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('assigned_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('confirm_comment', fields.TextField(default='', unique=False)),
                ('cancel_reason', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'assistance_request', 'app': 'liaoyi', 'indexes': [Index(fields=['hall_code', 'status']), Index(fields=['agent_id', 'status']), Index(fields=['citizen_id'])], 'pk_attr': 'id', 'table_description': '帮办代办: a person or an enterprise asks the hall for help.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AssistanceContact',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('request', fields.ForeignKeyField('liaoyi.AssistanceRequest', source_field='request_id', db_constraint=True, to_field='id', related_name='contacts', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=8)),
                ('note', fields.TextField(unique=False)),
                ('agent_id', fields.IntField()),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'assistance_contact', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'One contact or visit the agent recorded for a request.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Complaint',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=20)),
                ('query_code', fields.CharField(max_length=8)),
                ('citizen_id', fields.IntField(null=True)),
                ('contact_name', fields.CharField(default='', max_length=32)),
                ('contact_phone', fields.CharField(default='', max_length=16)),
                ('channel', fields.CharField(max_length=8)),
                ('hotline_ref', fields.CharField(null=True, unique=True, max_length=40)),
                ('target_kind', fields.CharField(max_length=12)),
                ('target_ref', fields.CharField(max_length=40)),
                ('target_label', fields.CharField(max_length=128)),
                ('category', fields.CharField(max_length=16)),
                ('content', fields.TextField(unique=False)),
                ('attachment_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('region_code', fields.CharField(max_length=12)),
                ('region_path', fields.CharField(max_length=128)),
                ('hall_code', fields.CharField(null=True, max_length=24)),
                ('department_code', fields.CharField(null=True, max_length=24)),
                ('handler_id', fields.IntField(null=True)),
                ('status', fields.CharField(default='accepted', max_length=12)),
                ('deadline', fields.DateField()),
                ('extended', fields.BooleanField(default=False)),
                ('extension_reason', fields.TextField(default='', unique=False)),
                ('redo_count', fields.IntField(default=0)),
                ('supervised', fields.BooleanField(default=False)),
                ('supervision_note', fields.TextField(default='', unique=False)),
                ('handling_note', fields.TextField(default='', unique=False)),
                ('answer', fields.TextField(default='', unique=False)),
                ('first_answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('satisfied', fields.BooleanField(null=True)),
                ('revisit_note', fields.TextField(default='', unique=False)),
                ('yellow_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('red_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'complaint', 'app': 'liaoyi', 'indexes': [Index(fields=['status', 'deadline']), Index(fields=['region_path']), Index(fields=['handler_id', 'status']), Index(fields=['citizen_id'])], 'pk_attr': 'id', 'table_description': 'One complaint about a hall, a window, a department, a staff member or a case.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ComplaintEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('complaint', fields.ForeignKeyField('liaoyi.Complaint', source_field='complaint_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('action', fields.CharField(max_length=16)),
                ('from_status', fields.CharField(default='', max_length=12)),
                ('to_status', fields.CharField(max_length=12)),
                ('actor_kind', fields.CharField(max_length=12)),
                ('actor_id', fields.IntField(null=True)),
                ('note', fields.TextField(default='', unique=False)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'complaint_event', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'One step of a complaint: what happened, from which state to which, by whom.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HallExtraSlot',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('hall_code', fields.CharField(max_length=24)),
                ('day', fields.DateField()),
                ('start', fields.CharField(max_length=5)),
                ('end', fields.CharField(max_length=5)),
                ('kind', fields.CharField(max_length=16)),
                ('capacity', fields.IntField()),
                ('created_by_id', fields.IntField()),
            ],
            options={'table': 'hall_extra_slot', 'app': 'liaoyi', 'unique_together': (('hall_code', 'day', 'start'),), 'pk_attr': 'id', 'table_description': '延时、周末服务: one extra 30-minute slot a hall publishes, outside its regular hours or on a day off.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Appointment',
            name='attended_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Appointment',
            name='checked_in_by_id',
            field=fields.IntField(null=True),
        ),
    ]
