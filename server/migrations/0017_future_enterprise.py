from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0016_statistics_daily')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Case',
            name='future_enterprise',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
