from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    """A bundle's results delivered together (one pickup or one parcel) and its one rating."""

    dependencies = [('liaoyi', '0003_bundles')]

    initial = False

    operations = [
        ops.AddField(
            model_name='CaseBundle',
            name='result_method',
            field=fields.CharField(null=True, max_length=12),
        ),
        ops.AddField(
            model_name='CaseBundle',
            name='tracking_number',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AddField(
            model_name='CaseBundle',
            name='results_issued_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='bundle_id',
            field=fields.BigIntField(null=True, db_index=True),
        ),
    ]
