from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0005_exchange')]

    initial = False

    operations = [
        ops.AddField(
            model_name='InboxMessage',
            name='bundle_id',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Outbox',
            name='bundle_id',
            field=fields.BigIntField(null=True),
        ),
    ]
