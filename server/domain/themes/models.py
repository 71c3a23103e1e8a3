"""Theme and service-menu tables.

A :class:`Theme` is one themed service (一件事) of a region; what it says lives in numbered
:class:`ThemeVersion` rows (stages, items and questionnaire as one document each), so that a
bundle can pin the version it was applied under. The service menu is a sequence of
:class:`ServiceMenuVersion` rows, the newest published one in force.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Theme(Model):
    """One themed service of one region, maintained by the catalogue admins of that region."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=48, unique=True)
    region_code = fields.CharField(max_length=12)
    region_path = fields.CharField(max_length=128)  # for scoping editors: a prefix match
    status = fields.CharField(max_length=12, default="draft")  # draft|active|suspended|cancelled
    # plain ids, not foreign keys (theme ↔ version would be a cycle), as for service items
    published_version_id = fields.IntField(null=True)
    draft_version_id = fields.IntField(null=True)
    status_reason = fields.TextField(default="")
    status_changed_at = fields.DatetimeField(null=True)
    status_changed_by_id = fields.IntField(null=True)
    seed_hash = fields.CharField(max_length=64, null=True)
    row_version = fields.IntField(default=1)  # optimistic concurrency: UPDATE … WHERE row_version = ?
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "theme"
        indexes = (Index(fields=("status",)), Index(fields=("region_path",)))


class ThemeVersion(Model):
    """What a theme says at one point in time. Published versions are never edited."""

    id = fields.IntField(primary_key=True)
    theme: fields.ForeignKeyRelation[Theme] = fields.ForeignKeyField(
        "liaoyi.Theme", related_name="versions", on_delete=fields.CASCADE
    )
    theme_id: int
    number = fields.IntField()
    status = fields.CharField(max_length=12, default="draft")  # draft|published|superseded
    is_current = fields.BooleanField(default=False)  # the published one, or the draft of a new theme
    change_note = fields.TextField(default="")
    name = fields.CharField(max_length=64)
    audience = fields.CharField(max_length=12)  # person | enterprise
    life_stage = fields.CharField(max_length=16)
    founds_entity = fields.BooleanField(default=False)  # the bundle registers the enterprise itself
    lead_department_code = fields.CharField(max_length=24)
    cooperating_department_codes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    budget_value = fields.IntField()
    budget_unit = fields.CharField(max_length=12)  # working_day | working_hour
    max_visits = fields.IntField(default=1)
    keywords: fields.JSONField[list[str]] = fields.JSONField(default=list)
    guide: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    questions: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    stages: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    # time budgets by investment type (工程建设项目审批): {type: {total, main}} in working days
    budgets: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # denormalised search columns, as on item versions (catalog/search.py)
    s_name = fields.CharField(max_length=64)
    s_name_py = fields.CharField(max_length=256)
    s_name_ab = fields.CharField(max_length=64)
    s_kw = fields.TextField(default="")
    s_text = fields.TextField(default="")
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    published_at = fields.DatetimeField(null=True)
    published_by_id = fields.IntField(null=True)

    class Meta:
        table = "theme_version"
        unique_together = (("theme", "number"),)
        indexes = (Index(fields=("is_current", "audience", "life_stage")),)


class ServiceMenuVersion(Model):
    """One version of the service menu of the city (菜单式服务), the newest published one in force."""

    id = fields.IntField(primary_key=True)
    number = fields.IntField(unique=True)
    status = fields.CharField(max_length=12, default="published")  # published | superseded
    # [{key, title, category, description, items: [basic codes], themes: [theme codes]}] in order
    entries: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    change_note = fields.TextField(default="")
    seed_hash = fields.CharField(max_length=64, null=True)
    published_at = fields.DatetimeField(auto_now_add=True)
    published_by_id = fields.IntField(null=True)

    class Meta:
        table = "service_menu_version"
        ordering = ["-number"]
