from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index


async def backfill(apps, schema_editor):
    """The daily statistics and the open cases of the cases already there (server.domain.cases.daily)."""
    from server.domain.cases import daily

    client = schema_editor.client
    dialect = str(client.capabilities.dialect)
    await client.execute_script(daily.rebuild_sql(dialect))
    await client.execute_script(daily.rebuild_open_sql(dialect))

class Migration(migrations.Migration):
    dependencies = [('liaoyi', '0015_ratings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CaseDayStat',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('day', fields.DateField()),
                ('city_code', fields.CharField(max_length=12)),
                ('county_code', fields.CharField(default='', max_length=12)),
                ('region_code', fields.CharField(max_length=12)),
                ('department_code', fields.CharField(max_length=24)),
                ('hall_code', fields.CharField(default='', max_length=24)),
                ('submitted', fields.IntField(default=0)),
                ('accepted', fields.IntField(default=0)),
                ('ended', fields.IntField(default=0)),
                ('completed', fields.IntField(default=0)),
                ('completed_on_time', fields.IntField(default=0)),
                ('used_days_sum', fields.IntField(default=0)),
                ('used_days_n', fields.IntField(default=0)),
                ('committed_sum', fields.IntField(default=0)),
            ],
            options={'table': 'case_day_stat', 'app': 'liaoyi', 'unique_together': (('day', 'city_code', 'county_code', 'region_code', 'department_code', 'hall_code'),), 'indexes': [Index(fields=['county_code', 'day']), Index(fields=['department_code', 'day'])], 'pk_attr': 'id', 'table_description': "The day's figures of the cases of one place and department (statistics answer from these)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseOpenStat',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('city_code', fields.CharField(max_length=12)),
                ('county_code', fields.CharField(default='', max_length=12)),
                ('region_code', fields.CharField(max_length=12)),
                ('department_code', fields.CharField(max_length=24)),
                ('hall_code', fields.CharField(default='', max_length=24)),
                ('deadline', fields.DateField()),
                ('warn_on', fields.DateField()),
                ('cases', fields.IntField(default=0)),
            ],
            options={'table': 'case_open_stat', 'app': 'liaoyi', 'unique_together': (('city_code', 'county_code', 'region_code', 'department_code', 'hall_code', 'deadline', 'warn_on'),), 'pk_attr': 'id', 'table_description': 'How many cases of one place and department are open now (their clock runs: accepted, under'},
            bases=['Model'],
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['submitted_at']),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['accepted_at']),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['completed_at']),
        ),
        ops.RunPython(backfill),
    ]
