from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0017_future_enterprise')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='RatingToken',
            name='case_id',
            field=fields.BigIntField(null=True, db_index=True),
        ),
        ops.AddField(
            model_name='RatingToken',
            name='bundle_id',
            field=fields.BigIntField(null=True, db_index=True),
        ),
    ]
