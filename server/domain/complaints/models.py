"""Tables of complaints (吐槽找茬) and assistance requests (帮办代办).

Scoping columns (region path, hall, department, handler) are plain copies, as on cases.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Complaint(Model):
    """One complaint about a hall, a window, a department, a staff member or a case."""

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True)  # TS + yyyymmdd + 6 digits
    query_code = fields.CharField(max_length=8)
    citizen_id = fields.IntField(null=True)  # the signed-in complainant; NULL when anonymous or hotline
    contact_name = fields.CharField(max_length=32, default="")
    contact_phone = fields.CharField(max_length=16, default="")
    channel = fields.CharField(max_length=8)  # app | hotline
    hotline_ref = fields.CharField(max_length=40, null=True, unique=True)  # the 12345 work order number
    target_kind = fields.CharField(max_length=12)  # hall | window | department | staff | case
    target_ref = fields.CharField(max_length=40)
    target_label = fields.CharField(max_length=128)
    category = fields.CharField(max_length=16)
    content = fields.TextField()
    attachment_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    region_code = fields.CharField(max_length=12)
    region_path = fields.CharField(max_length=128)
    hall_code = fields.CharField(max_length=24, null=True)
    department_code = fields.CharField(max_length=24, null=True)  # set at 转办
    handler_id = fields.IntField(null=True)
    status = fields.CharField(max_length=12, default="accepted")
    deadline = fields.DateField()
    extended = fields.BooleanField(default=False)
    extension_reason = fields.TextField(default="")
    redo_count = fields.IntField(default=0)
    supervised = fields.BooleanField(default=False)  # a 督办单 was issued
    supervision_note = fields.TextField(default="")
    handling_note = fields.TextField(default="")
    answer = fields.TextField(default="")
    first_answered_at = fields.DatetimeField(null=True)
    answered_at = fields.DatetimeField(null=True)
    satisfied = fields.BooleanField(null=True)
    revisit_note = fields.TextField(default="")
    yellow_at = fields.DatetimeField(null=True)
    red_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "complaint"
        indexes = (
            Index(fields=("status", "deadline")),
            Index(fields=("region_path",)),
            Index(fields=("handler_id", "status")),
            Index(fields=("citizen_id",)),
        )


class ComplaintEvent(Model):
    """One step of a complaint: what happened, from which state to which, by whom."""

    id = fields.BigIntField(primary_key=True)
    complaint: fields.ForeignKeyRelation[Complaint] = fields.ForeignKeyField(
        "liaoyi.Complaint", related_name="events", on_delete=fields.CASCADE
    )
    complaint_id: int
    action = fields.CharField(max_length=16)
    from_status = fields.CharField(max_length=12, default="")
    to_status = fields.CharField(max_length=12)
    actor_kind = fields.CharField(max_length=12)
    actor_id = fields.IntField(null=True)
    note = fields.TextField(default="")
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "complaint_event"


class AssistanceRequest(Model):
    """帮办代办: a person or an enterprise asks the hall for help."""

    id = fields.BigIntField(primary_key=True)
    citizen_id = fields.IntField()  # who asked (for themselves, or as the enterprise's representative)
    enterprise_id = fields.IntField(null=True)
    kind = fields.CharField(max_length=16)  # appointment | extended_hours | weekend | door_to_door | remote | startup
    hall_code = fields.CharField(max_length=24)
    region_code = fields.CharField(max_length=12)
    region_path = fields.CharField(max_length=128)
    description = fields.TextField()
    preferred_day = fields.DateField(null=True)
    address = fields.CharField(max_length=128, default="")
    status = fields.CharField(max_length=12, default="requested")  # requested | assigned | confirmed | cancelled
    agent_id = fields.IntField(null=True)
    mandate_id = fields.IntField(null=True)
    assigned_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    assigned_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    confirm_comment = fields.TextField(default="")
    cancel_reason = fields.TextField(default="")

    class Meta:
        table = "assistance_request"
        indexes = (Index(fields=("hall_code", "status")), Index(fields=("agent_id", "status")),
                   Index(fields=("citizen_id",)))


class AssistanceContact(Model):
    """One contact or visit the agent recorded for a request."""

    id = fields.BigIntField(primary_key=True)
    request: fields.ForeignKeyRelation[AssistanceRequest] = fields.ForeignKeyField(
        "liaoyi.AssistanceRequest", related_name="contacts", on_delete=fields.CASCADE
    )
    request_id: int
    kind = fields.CharField(max_length=8)  # phone | video | visit | hall
    note = fields.TextField()
    agent_id = fields.IntField()
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "assistance_contact"

