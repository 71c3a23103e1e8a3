from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0009_shared_data')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SignInFailure',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('liaoyi.StaffUser', source_field='user_id', db_constraint=True, to_field='id', related_name='sign_in_failures', on_delete=OnDelete.CASCADE)),
                ('address', fields.CharField(max_length=64)),
                ('failures', fields.IntField(default=0)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('succeeded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'sign_in_failure', 'app': 'liaoyi', 'unique_together': (('user', 'address'),), 'pk_attr': 'id', 'table_description': 'Sign-in of one staff account from one client address (issue 15): wrong passwords in a row,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TrackingGuard',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=32)),
                ('failures', fields.IntField(default=0)),
                ('window_started', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('locks', fields.IntField(default=0)),
            ],
            options={'table': 'tracking_guard', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'Wrong query codes sent for one case or bundle number through public tracking (trackCase,'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Case',
            name='request_digest',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddField(
            model_name='CaseBundle',
            name='request_digest',
            field=fields.CharField(null=True, max_length=64),
        ),
    ]
