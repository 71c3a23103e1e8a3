from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0011_construction')]

    initial = False

    operations = [
        ops.CreateModel(
            name='BundleParty',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('bundle', fields.ForeignKeyField('liaoyi.CaseBundle', source_field='bundle_id', db_constraint=True, to_field='id', related_name='parties', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharField(max_length=12)),
                ('basic_code', fields.CharField(max_length=12)),
                ('name', fields.CharField(max_length=64)),
                ('id_number', fields.CharField(max_length=18)),
                ('citizen_id', fields.IntField(null=True)),
                ('confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'bundle_party', 'app': 'liaoyi', 'unique_together': (('bundle', 'role'),), 'indexes': [Index(fields=['id_number'])], 'pk_attr': 'id', 'table_description': 'A party to a bundle who is not its applicant: the seller (出卖人) of a second-hand house,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BundleVisit',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('bundle', fields.ForeignKeyField('liaoyi.CaseBundle', source_field='bundle_id', db_constraint=True, to_field='id', related_name='visits', on_delete=OnDelete.CASCADE)),
                ('case_id', fields.BigIntField(unique=True)),
                ('appointment_id', fields.BigIntField()),
                ('status', fields.CharField(default='booked', max_length=12)),
                ('booked_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('verified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('verified_by_id', fields.IntField(null=True)),
            ],
            options={'table': 'bundle_visit', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': "现场核验: the one visit of a bundle's item (the transfer registration) after its online"},
            bases=['Model'],
        ),
    ]
