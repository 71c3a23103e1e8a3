from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0008_bundle_hour_warnings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CreditRecord',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject_kind', fields.CharField(max_length=12)),
                ('subject_code', fields.CharField(max_length=18)),
                ('subject_name', fields.CharField(default='', max_length=128)),
                ('kind', fields.CharField(max_length=24)),
                ('detail', fields.TextField(default='', unique=False)),
                ('authority', fields.CharField(default='', max_length=64)),
                ('valid_from', fields.DateField()),
                ('valid_until', fields.DateField(null=True)),
            ],
            options={'table': 'shared_credit', 'app': 'liaoyi', 'indexes': [Index(fields=['subject_code', 'kind'])], 'pk_attr': 'id', 'table_description': 'One entry of the credit base (信用库): a dishonesty list or an honour, for a person (by ID'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LegalPersonRecord',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('credit_code', fields.CharField(unique=True, max_length=18)),
                ('name', fields.CharField(max_length=128)),
                ('kind', fields.CharField(default='有限责任公司', max_length=32)),
                ('legal_representative', fields.CharField(max_length=64)),
                ('legal_rep_id_number', fields.CharField(default='', max_length=18)),
                ('address', fields.CharField(max_length=200)),
                ('registered_capital', fields.DecimalField(null=True, max_digits=14, decimal_places=2)),
                ('established_on', fields.DateField()),
                ('status', fields.CharField(default='存续', max_length=8)),
                ('business_scope', fields.TextField(default='', unique=False)),
                ('registration_authority', fields.CharField(default='', max_length=64)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'shared_legal_person', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'A market entity as the legal-person base (法人库, 市场主体登记) holds it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PopulationRecord',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('id_number', fields.CharField(unique=True, max_length=18)),
                ('name', fields.CharField(max_length=64)),
                ('gender', fields.CharField(max_length=2)),
                ('birth_date', fields.DateField()),
                ('ethnicity', fields.CharField(default='汉族', max_length=16)),
                ('household_address', fields.CharField(max_length=200)),
                ('household_region_code', fields.CharField(default='', max_length=12)),
                ('household_head', fields.CharField(default='', max_length=64)),
                ('relation_to_head', fields.CharField(default='户主', max_length=16)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'shared_population', 'app': 'liaoyi', 'pk_attr': 'id', 'table_description': 'A person as the population base (人口库, 公安户籍) holds them.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SharedDataPull',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('batch', fields.CharField(db_index=True, max_length=32)),
                ('base', fields.CharField(max_length=16)),
                ('mode', fields.CharField(default='local', max_length=8)),
                ('partner_code', fields.CharField(null=True, max_length=32)),
                ('subject_kind', fields.CharField(max_length=12)),
                ('subject_label', fields.CharField(max_length=160)),
                ('subject_citizen_id', fields.IntField(null=True)),
                ('subject_enterprise_id', fields.IntField(null=True)),
                ('purpose', fields.CharField(max_length=200)),
                ('case_id', fields.BigIntField(null=True)),
                ('case_number', fields.CharField(null=True, max_length=32)),
                ('bundle_id', fields.BigIntField(null=True)),
                ('bundle_number', fields.CharField(null=True, max_length=32)),
                ('region_code', fields.CharField(default='', max_length=12)),
                ('city_code', fields.CharField(default='', max_length=12)),
                ('county_code', fields.CharField(null=True, max_length=12)),
                ('caller_kind', fields.CharField(max_length=12)),
                ('caller_id', fields.IntField(null=True)),
                ('caller_label', fields.CharField(default='', max_length=96)),
                ('fields_asked', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('fields_returned', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('filled', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('found', fields.BooleanField(default=False)),
                ('error', fields.TextField(default='', unique=False)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'shared_data_pull', 'app': 'liaoyi', 'indexes': [Index(fields=['subject_citizen_id', 'id']), Index(fields=['subject_enterprise_id', 'id']), Index(fields=['city_code', 'id']), Index(fields=['county_code', 'id']), Index(fields=['case_id', 'id']), Index(fields=['bundle_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One read of one base for one subject (a pull), kept for the subject and for administrators:'},
            bases=['Model'],
        ),
    ]
