from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0012_bundle_parties')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ItemVersion',
            name='aliases',
            field=fields.JSONField(default=list),
        ),
        ops.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('term', fields.CharField(unique=True, max_length=32)),
                ('words', fields.JSONField(default=list)),
                ('note', fields.CharField(default='', max_length=128)),
                ('revision', fields.IntField(default=1)),
                ('updated_by_id', fields.IntField(null=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'search_synonym', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'A city-wide synonym of 聊易找: a word people type (``term``, normalised) and the words of the'},
            bases=['Model'],
        ),
    ]
