"""The working-time calendar: one row per date that is not an ordinary day.

A plain Monday to Friday is a working day and a plain Saturday or Sunday is a rest day without any
row. Rows with no region are the national calendar, loaded from the ``chinesecalendar`` package
(public holidays with their names, and the weekend days made working by 调休). Rows with a region
are that region's overrides, set by its administrators, and apply to the region and everything
below it (the nearest region wins). See calendar/service.py for how deadlines use them.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

# kind of a day: workday and makeup_workday count as working days, holiday and weekend do not
KINDS = {
    "workday": "工作日",
    "holiday": "节假日",
    "makeup_workday": "调休上班日",
    "weekend": "周末休息日",
}
WORKING_KINDS = frozenset({"workday", "makeup_workday"})
SOURCES = {"chinesecalendar": "国务院办公厅节假日安排（chinesecalendar 数据包）", "admin": "管理员设置",
           "statutory": "《全国年节及纪念日放假办法》规定的法定假日（该年安排尚未公布，暂定）"}


class CalendarDay(Model):
    """One non-ordinary date: nationally (no region) or as a region's override."""

    id = fields.IntField(primary_key=True)
    # null: the national calendar; otherwise the region (and all below it) this override is for
    region: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Region", related_name="calendar_days", null=True, on_delete=fields.RESTRICT
    )
    region_id: str | None
    date = fields.DateField(db_index=True)
    kind = fields.CharField(max_length=16)  # workday | holiday | makeup_workday | weekend
    name = fields.CharField(max_length=64, default="")  # 国庆节, 春节调休上班 …
    source = fields.CharField(max_length=16)  # chinesecalendar | admin
    updated_by_id = fields.IntField(null=True)  # the staff member who set an override
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "calendar_day"
        unique_together = (("region", "date"),)
        ordering = ["date"]
