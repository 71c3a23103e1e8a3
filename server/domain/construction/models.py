"""The construction project (工程建设项目) a construction-approval bundle is for: one row per
bundle, given with the application, with the budgets of its investment type pinned from the theme
version it was applied under (a later theme version never changes a running project's budgets)."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class ConstructionProject(Model):
    """项目代码, type, unit and site of a bundle's project, and its pinned budgets in working days."""

    id = fields.IntField(primary_key=True)
    bundle: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "liaoyi.CaseBundle", related_name="project", on_delete=fields.RESTRICT
    )
    bundle_id: int
    code = fields.CharField(max_length=24, db_index=True)  # 2025-371500-47-01-000123
    investment_type = fields.CharField(max_length=12)  # government | social
    unit_name = fields.CharField(max_length=128)  # the applying enterprise (项目单位)
    unit_credit_code = fields.CharField(max_length=18, default="")
    site = fields.CharField(max_length=200)  # 建设地点
    # the budgets of its type, pinned: whole process, main process (the stages in main_stages), each stage's share
    total_days = fields.IntField()
    main_days = fields.IntField()
    stage_days: fields.JSONField[dict[str, int]] = fields.JSONField(default=dict)  # stage key -> working days
    main_stages: fields.JSONField[list[str]] = fields.JSONField(default=list)
    intermediary: fields.JSONField[list[str]] = fields.JSONField(default=list)  # item keys of 中介服务
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "construction_project"
