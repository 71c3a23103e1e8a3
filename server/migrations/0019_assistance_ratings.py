from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0018_rating_token_bundles')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='CaseRating',
            name='case',
            field=fields.OneToOneField('liaoyi.Case', source_field='case_id', null=True, db_constraint=True, to_field='id', related_name='rating', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='CaseRating',
            name='assistance_request_id',
            field=fields.BigIntField(null=True, unique=True),
        ),
        ops.AlterField(
            model_name='Rectification',
            name='case_id',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Rectification',
            name='assistance_request_id',
            field=fields.BigIntField(null=True, db_index=True),
        ),
    ]
