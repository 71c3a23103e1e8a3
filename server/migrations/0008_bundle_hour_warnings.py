from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0007_exchange_reconciliation')]

    initial = False

    operations = [
        ops.AddField(
            model_name='CaseBundle',
            name='warned_half',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='CaseBundle',
            name='warned_over',
            field=fields.BooleanField(default=False),
        ),
    ]
