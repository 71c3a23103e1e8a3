"""The outbox (one row per message to send) and the in-app inbox."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Channel(StrEnum):
    INBOX = "inbox"
    SMS = "sms"
    PUSH = "push"


class Status(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"  # a transient failure: tried again at next_attempt_at
    DEAD = "dead"  # gave up: an admin may retry it


class Outbox(Model):
    """One message to one recipient on one channel, written in the transaction of the change it reports."""

    id = fields.BigIntField(primary_key=True)
    event = fields.CharField(max_length=64)
    template = fields.CharField(max_length=64)
    template_version = fields.IntField()
    channel = fields.CharField(max_length=8)  # Channel
    citizen_id = fields.IntField(null=True)
    staff_id = fields.IntField(null=True)
    phone = fields.CharField(max_length=11, null=True)
    params: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    case_id = fields.BigIntField(null=True)  # the case the message is about, if any
    bundle_id = fields.BigIntField(null=True)  # the themed bundle it is about (一件事), if any
    urgent = fields.BooleanField(default=False)
    status = fields.CharField(max_length=10, default=Status.QUEUED.value)  # Status
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(default="")
    next_attempt_at = fields.DatetimeField()
    claimed_at = fields.DatetimeField(null=True)  # when the current attempt started (status sending)
    enqueued_at = fields.DatetimeField(null=True)  # handed to arq (or the in-process drainer)
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notification_outbox"
        indexes = (Index(fields=("status", "next_attempt_at")),)


class InboxMessage(Model):
    """A message in a citizen's or a staff member's in-app inbox (one per outbox row at most)."""

    id = fields.BigIntField(primary_key=True)
    citizen_id = fields.IntField(null=True)
    staff_id = fields.IntField(null=True)
    event = fields.CharField(max_length=64)
    title = fields.CharField(max_length=128)
    body = fields.TextField()
    read_at = fields.DatetimeField(null=True)
    outbox_id = fields.BigIntField(unique=True)
    case_id = fields.BigIntField(null=True)  # the case the message is about (the app opens it)
    bundle_id = fields.BigIntField(null=True)  # the themed bundle it is about (the app opens it)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notification_inbox"
        indexes = (Index(fields=("citizen_id", "id")), Index(fields=("staff_id", "id")))
