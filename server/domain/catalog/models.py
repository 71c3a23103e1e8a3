"""Catalogue tables.

An item (:class:`ServiceItem`) is one implementation of a basic code by one department; what it
says (the ten 三级十同 elements, situations, materials, guide) lives in numbered
:class:`ItemVersion` rows so that a case can pin the version it was accepted under.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Region(Model):
    """An administrative division (GB/T 2260), a development zone (local code), a town or village."""

    code = fields.CharField(max_length=12, primary_key=True)
    name = fields.CharField(max_length=64)
    level = fields.CharField(max_length=2, db_index=True)  # 01 national … 06 village
    kind = fields.CharField(max_length=8)  # gb2260 | local | stats
    parent: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "liaoyi.Region", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    parent_id: str | None
    # materialised path of codes from the root, "/100000/370000/371500/" — scoping is a prefix match
    path = fields.CharField(max_length=128, db_index=True)
    valid_from = fields.DateField(null=True)
    valid_to = fields.DateField(null=True)
    successor: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "liaoyi.Region", related_name="predecessors", null=True, on_delete=fields.RESTRICT
    )
    successor_id: str | None

    class Meta:
        table = "region"
        ordering = ["code"]


class Department(Model):
    code = fields.CharField(max_length=24, primary_key=True)
    name = fields.CharField(max_length=64)
    short_name = fields.CharField(max_length=32)
    kind = fields.CharField(max_length=16)
    credit_code = fields.CharField(max_length=18, null=True)
    region: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "liaoyi.Region", related_name="departments", on_delete=fields.RESTRICT
    )
    region_id: str

    class Meta:
        table = "department"
        ordering = ["code"]


class Hall(Model):
    code = fields.CharField(max_length=24, primary_key=True)
    name = fields.CharField(max_length=64)
    region: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "liaoyi.Region", related_name="halls", on_delete=fields.RESTRICT
    )
    region_id: str
    address = fields.CharField(max_length=128)
    hours = fields.CharField(max_length=128)
    phone = fields.CharField(max_length=32)

    class Meta:
        table = "hall"
        ordering = ["code"]


class Window(Model):
    id = fields.IntField(primary_key=True)
    hall: fields.ForeignKeyRelation[Hall] = fields.ForeignKeyField(
        "liaoyi.Hall", related_name="windows", on_delete=fields.CASCADE
    )
    hall_id: str
    number = fields.CharField(max_length=8)
    name = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=24)
    department_codes: fields.JSONField[list[str]] = fields.JSONField(default=list)

    class Meta:
        table = "hall_window"
        unique_together = (("hall", "number"),)
        ordering = ["hall_id", "number"]


class ServiceItem(Model):
    """One implementation of a basic code by one department at one level."""

    id = fields.IntField(primary_key=True)
    basic_code = fields.CharField(max_length=12, db_index=True)
    implementation_code = fields.CharField(max_length=48, unique=True)
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "liaoyi.Department", related_name="items", on_delete=fields.RESTRICT
    )
    department_id: str
    region: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "liaoyi.Region", related_name="items", on_delete=fields.RESTRICT
    )
    region_id: str
    region_path = fields.CharField(max_length=128)  # copy of region.path, for scoped queries
    level = fields.CharField(max_length=2)  # implementing level, from the region
    status = fields.CharField(max_length=12, default="draft")  # draft|active|suspended|cancelled
    # plain ids, not foreign keys: item ↔ version would be a cycle the migration cannot order
    published_version_id = fields.IntField(null=True)
    draft_version_id = fields.IntField(null=True)
    status_reason = fields.TextField(default="")
    status_changed_at = fields.DatetimeField(null=True)
    status_changed_by_id = fields.IntField(null=True)
    seed_hash = fields.CharField(max_length=64, null=True)  # content hash of the seed it came from
    row_version = fields.IntField(default=1)  # optimistic concurrency: UPDATE … WHERE row_version = ?
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "service_item"
        unique_together = (("basic_code", "department"),)
        indexes = (Index(fields=("status", "level")), Index(fields=("region_path",)))


class ItemVersion(Model):
    """What an item says at one point in time. Published versions are never edited."""

    id = fields.IntField(primary_key=True)
    item: fields.ForeignKeyRelation[ServiceItem] = fields.ForeignKeyField(
        "liaoyi.ServiceItem", related_name="versions", on_delete=fields.CASCADE
    )
    item_id: int
    number = fields.IntField()
    status = fields.CharField(max_length=12, default="draft")  # draft|published|superseded
    # the version lists show: the published one, or the draft of a never-published item
    is_current = fields.BooleanField(default=False)
    change_kind = fields.CharField(max_length=12, default="add")  # add|change|split|merge|suspend|cancel
    change_note = fields.TextField(default="")
    # the ten 三级十同 elements (the code is the item's basic code)
    name = fields.CharField(max_length=128)
    item_type = fields.CharField(max_length=16)
    legal_basis = fields.TextField(default="")
    exercise_levels: fields.JSONField[list[str]] = fields.JSONField(default=list)
    acceptance_conditions = fields.TextField(default="")
    service_objects: fields.JSONField[list[str]] = fields.JSONField(default=list)
    statutory_limit = fields.IntField()
    statutory_unit = fields.CharField(max_length=12)
    committed_limit = fields.IntField()
    committed_unit = fields.CharField(max_length=12)
    fees: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    # the rest of the guide
    max_visits = fields.IntField(default=1)
    online = fields.BooleanField(default=False)
    instant = fields.BooleanField(default=False)
    high_frequency = fields.BooleanField(default=False)
    keywords: fields.JSONField[list[str]] = fields.JSONField(default=list)
    aliases: fields.JSONField[list[str]] = fields.JSONField(default=list)  # 俗称、别名 (catalog/finder.py)
    guide: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # what applying and deciding need (catalog/forms.py and the cases domain read them)
    form_fields: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)  # [{key, label, type, required, options, maxLength}]
    review_steps: fields.JSONField[list[str]] = fields.JSONField(default=list)  # names of the back-office steps, in order
    result_licence = fields.CharField(max_length=64, null=True)  # the e-licence an approval issues
    instant_rule: fields.JSONField[dict[str, Any] | None] = fields.JSONField(null=True)  # {code, version, conditions: […]} for 秒批 items
    # denormalised search columns (lower-case; see catalog/search.py)
    s_name = fields.CharField(max_length=128)
    s_name_py = fields.CharField(max_length=512)
    s_name_ab = fields.CharField(max_length=128)
    s_kw = fields.TextField(default="")
    s_text = fields.TextField(default="")
    s_objects = fields.CharField(max_length=160, default="")  # "|natural_person|enterprise|"
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    published_at = fields.DatetimeField(null=True)
    published_by_id = fields.IntField(null=True)

    class Meta:
        table = "item_version"
        unique_together = (("item", "number"),)
        indexes = (Index(fields=("is_current", "item_id")),)


class Situation(Model):
    """A handling situation (办理项/情形) of one item version: its own conditions and materials."""

    id = fields.IntField(primary_key=True)
    version: fields.ForeignKeyRelation[ItemVersion] = fields.ForeignKeyField(
        "liaoyi.ItemVersion", related_name="situations", on_delete=fields.CASCADE
    )
    version_id: int
    position = fields.IntField()
    name = fields.CharField(max_length=128)
    conditions = fields.TextField(default="")

    class Meta:
        table = "item_situation"
        ordering = ["version_id", "position"]


class Material(Model):
    id = fields.IntField(primary_key=True)
    situation: fields.ForeignKeyRelation[Situation] = fields.ForeignKeyField(
        "liaoyi.Situation", related_name="materials", on_delete=fields.CASCADE
    )
    situation_id: int
    position = fields.IntField()
    name = fields.CharField(max_length=128)
    form = fields.CharField(max_length=20)  # original|copy|original_and_copy
    copies = fields.IntField(default=1)
    media = fields.CharField(max_length=20)  # paper|electronic|paper_or_electronic
    necessity = fields.CharField(max_length=12)  # required|optional|deferrable
    sample_text = fields.TextField(default="")
    review_points = fields.TextField(default="")
    elicence = fields.CharField(max_length=64, null=True)
    shared_data = fields.BooleanField(default=False)
    source = fields.CharField(max_length=16, default="申请人自备")
    # the standard material this one is (材料互认: 居民身份证, 营业执照 …; SQB = the application form
    # generated from the filled-in form); a code of :class:`StandardMaterial`, or none
    standard_code = fields.CharField(max_length=8, null=True, db_index=True)

    class Meta:
        table = "item_material"
        ordering = ["situation_id", "position"]


class StandardMaterial(Model):
    """A material with one identity across items (一套材料, 材料互认), asked once per bundle.

    E.g. SFZ 居民身份证: a bundle asks for it once, whichever items need it. ``generated`` marks the
    application form (SQB), which the platform prints from the filled-in form instead of asking
    for an upload."""

    code = fields.CharField(max_length=8, primary_key=True)
    name = fields.CharField(max_length=64)
    elicence = fields.CharField(max_length=64, null=True)  # the e-licence type that stands for it
    generated = fields.BooleanField(default=False)
    note = fields.TextField(default="")

    class Meta:
        table = "standard_material"
        ordering = ["code"]


class SearchSynonym(Model):
    """A city-wide synonym of 聊易找: a word people type (``term``, normalised) and the words of the
    catalogue it means (``words``), e.g. 丢了 → 补领, 补办, 遗失. Edited by catalogue admins."""

    id = fields.IntField(primary_key=True)
    term = fields.CharField(max_length=32, unique=True)
    words: fields.JSONField[list[str]] = fields.JSONField(default=list)
    note = fields.CharField(max_length=128, default="")
    revision = fields.IntField(default=1)  # bumped on every edit (the search index's freshness stamp)
    updated_by_id = fields.IntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "search_synonym"
        ordering = ["term"]
