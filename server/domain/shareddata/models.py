"""The local copies of the base databases (基础库) the reform names, and the log of every pull.

Population (人口库), legal persons (法人库) and credit (信用库) are tables here, filled by the seeds;
e-licences (电子证照库) are the cases domain's :class:`~server.domain.cases.models.ELicence` table.
Domain code never reads these tables itself: it asks :func:`server.domain.shareddata.service.pull`,
which goes through the configured source (these tables, or a remote base over the signed exchange)
and writes one :class:`SharedDataPull` row per base asked (PIPL: purpose, case, caller, fields).
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class PopulationRecord(Model):
    """A person as the population base (人口库, 公安户籍) holds them."""

    id = fields.IntField(primary_key=True)
    id_number = fields.CharField(max_length=18, unique=True)  # GB 11643
    name = fields.CharField(max_length=64)
    gender = fields.CharField(max_length=2)  # 男 | 女
    birth_date = fields.DateField()
    ethnicity = fields.CharField(max_length=16, default="汉族")
    household_address = fields.CharField(max_length=200)  # 户籍地址
    household_region_code = fields.CharField(max_length=12, default="")  # 户籍所在区划
    household_head = fields.CharField(max_length=64, default="")  # 户主姓名
    relation_to_head = fields.CharField(max_length=16, default="户主")  # 与户主关系
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "shared_population"


class LegalPersonRecord(Model):
    """A market entity as the legal-person base (法人库, 市场主体登记) holds it."""

    id = fields.IntField(primary_key=True)
    credit_code = fields.CharField(max_length=18, unique=True)  # GB 32100
    name = fields.CharField(max_length=128)
    kind = fields.CharField(max_length=32, default="有限责任公司")  # 市场主体类型
    legal_representative = fields.CharField(max_length=64)
    legal_rep_id_number = fields.CharField(max_length=18, default="")
    address = fields.CharField(max_length=200)  # 住所
    registered_capital = fields.DecimalField(max_digits=14, decimal_places=2, null=True)  # 万元
    established_on = fields.DateField()
    status = fields.CharField(max_length=8, default="存续")  # 存续 | 在业 | 吊销 | 注销 | 迁出
    business_scope = fields.TextField(default="")
    registration_authority = fields.CharField(max_length=64, default="")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "shared_legal_person"


class CreditRecord(Model):
    """One entry of the credit base (信用库): a dishonesty list or an honour, for a person (by ID
    number) or an entity (by credit code), valid until a date or open-ended."""

    id = fields.IntField(primary_key=True)
    subject_kind = fields.CharField(max_length=12)  # person | enterprise
    subject_code = fields.CharField(max_length=18)  # the ID number or the unified social credit code
    subject_name = fields.CharField(max_length=128, default="")
    kind = fields.CharField(max_length=24)  # rules.CREDIT_KINDS: dishonest_debtor | tax_violation | honour
    detail = fields.TextField(default="")
    authority = fields.CharField(max_length=64, default="")  # 认定单位
    valid_from = fields.DateField()
    valid_until = fields.DateField(null=True)  # null: until removed

    class Meta:
        table = "shared_credit"
        indexes = (Index(fields=("subject_code", "kind")),)


class SharedDataPull(Model):
    """One read of one base for one subject (a pull), kept for the subject and for administrators:
    which base, whose data (masked), why (in Chinese), for which case or bundle, by whom, which
    fields came back, whether anything was found. The subject's own ids let a person ask who read
    their data; the region columns scope the log for administrators as cases are scoped."""

    id = fields.BigIntField(primary_key=True)
    batch = fields.CharField(max_length=32, db_index=True)  # the pulls of one application step
    base = fields.CharField(max_length=16)  # rules.Base
    mode = fields.CharField(max_length=8, default="local")  # local | remote
    partner_code = fields.CharField(max_length=32, null=True)  # the remote base's partner
    subject_kind = fields.CharField(max_length=12)  # person | enterprise
    subject_label = fields.CharField(max_length=160)  # masked: 张*（3715**********1234）
    subject_citizen_id = fields.IntField(null=True)
    subject_enterprise_id = fields.IntField(null=True)
    purpose = fields.CharField(max_length=200)
    case_id = fields.BigIntField(null=True)
    case_number = fields.CharField(max_length=32, null=True)
    bundle_id = fields.BigIntField(null=True)
    bundle_number = fields.CharField(max_length=32, null=True)
    region_code = fields.CharField(max_length=12, default="")
    city_code = fields.CharField(max_length=12, default="")
    county_code = fields.CharField(max_length=12, null=True)
    caller_kind = fields.CharField(max_length=12)  # citizen | staff | partner | system
    caller_id = fields.IntField(null=True)
    caller_label = fields.CharField(max_length=96, default="")
    fields_asked: fields.JSONField[list[str]] = fields.JSONField(default=list)
    fields_returned: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # form keys the pull filled in: {form key: base field}
    filled: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    found = fields.BooleanField(default=False)
    error = fields.TextField(default="")  # why the base could not answer (a remote base down)
    at = fields.DatetimeField()

    class Meta:
        table = "shared_data_pull"
        indexes = (
            Index(fields=("subject_citizen_id", "id")),
            Index(fields=("subject_enterprise_id", "id")),
            Index(fields=("city_code", "id")),
            Index(fields=("county_code", "id")),
            Index(fields=("case_id", "id")),
            Index(fields=("bundle_id", "id")),
        )
