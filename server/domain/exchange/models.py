"""The signed exchange's rows: the systems the platform exchanges with, and every message both ways."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class PartnerKind(StrEnum):
    PROVINCE = "province"  # 省级政务服务平台 (delegated intake: it decides)
    COUNTY = "county"  # a county system (市县同权, 代为收件)
    BANK = "bank"  # 政银合作: account opening
    UTILITY = "utility"  # water, power, gas, network
    SEAL_CARVER = "seal_carver"  # 公章刻制
    OTHER = "other"


PARTNER_KINDS = {
    PartnerKind.PROVINCE: "省级政务服务平台", PartnerKind.COUNTY: "县（市、区）政务服务系统", PartnerKind.BANK: "银行",
    PartnerKind.UTILITY: "水电气网公共服务企业", PartnerKind.SEAL_CARVER: "公章刻制企业", PartnerKind.OTHER: "其他合作单位",
}


class Partner(Model):
    """A system the platform exchanges signed messages with: where to post, with which keys (two at
    once during a rotation: the newest signs, both verify), how long to wait, what routes to it."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)  # as on a routed case (Case.partner_code) and its API key
    name = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=16)  # PartnerKind
    region_code = fields.CharField(max_length=12)  # whose admins manage it and read its log
    base_url = fields.CharField(max_length=255)  # messages are POSTed here
    # [{"id": "k2", "secret": "whsec_…", "created_at": iso}], newest first; at most two
    keys: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    timeout_seconds = fields.FloatField(default=5.0)  # the whole attempt, at most MAX_TIMEOUT_SECONDS
    max_attempts = fields.IntField(default=8)
    # which items route to it: basic codes (Case.basic_code); a case of such an item, accepted in
    # the partner's region, is forwarded to it
    routes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "exchange_partner"


class Direction(StrEnum):
    OUT = "out"
    IN = "in"


class MessageStatus(StrEnum):
    # outbound
    PENDING = "pending"  # written with the move; waiting for (another) attempt
    SENDING = "sending"  # an attempt is under way (claimed)
    DELIVERED = "delivered"  # the peer answered 2xx
    DEAD = "dead"  # refused by the peer or out of attempts: an admin may retry it
    # inbound
    APPLIED = "applied"  # verified and applied to its case
    IGNORED = "ignored"  # verified, but nothing to change (out of order, already so)
    REFUSED = "refused"  # not verified (signature, timestamp, partner, replay) or not applicable: never applied


class ExchangeMessage(Model):
    """One message to or from a partner, kept as the exchange log. Outbound rows are written in the
    transaction of the move that causes them and delivered afterwards (the outbox pattern);
    inbound rows record what arrived, whether it verified, and what it did. Bodies are kept with
    personal data masked once delivered or applied (``body``); an outbound body waiting for delivery
    is kept whole in ``pending_body`` and dropped when it is delivered."""

    id = fields.BigIntField(primary_key=True)
    message_id = fields.CharField(max_length=64)  # the Standard Webhooks ``webhook-id``
    direction = fields.CharField(max_length=3)  # Direction
    partner_code = fields.CharField(max_length=32)
    event = fields.CharField(max_length=48)
    case_id = fields.BigIntField(null=True)
    case_number = fields.CharField(max_length=32, default="")
    region_code = fields.CharField(max_length=12, default="")  # the partner's, for scoping the log
    body: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)  # masked
    pending_body = fields.TextField(null=True)  # the exact bytes to send (outbound, until delivered)
    digest = fields.CharField(max_length=64)  # sha256 of the exact body bytes
    status = fields.CharField(max_length=10)  # MessageStatus
    verification = fields.CharField(max_length=24, default="")  # inbound: ok | bad_signature | stale | …
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    answer_status = fields.IntField(null=True)  # the HTTP status the peer answered (out) or we answered (in)
    answer: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "exchange_message"
        unique_together = (("direction", "partner_code", "message_id"),)
        indexes = (Index(fields=("status", "next_attempt_at")), Index(fields=("case_id", "id")),
                   Index(fields=("region_code", "id")))


class DifferenceKind(StrEnum):
    STATUS = "status"  # the peer reports another status than the case has (an answer lost or not yet sent)
    UNKNOWN_TO_PEER = "unknown_to_peer"  # delivered to the peer, yet the peer does not know the case
    UNDELIVERED = "undelivered"  # the case's message to the peer is dead: it never arrived
    UNREACHABLE = "unreachable"  # the peer did not answer the status query at all


class ReconciliationRun(Model):
    """One comparison of the open cases routed to a partner with the partner's own view (nightly,
    or started by an admin): how many were compared and how many differ."""

    id = fields.BigIntField(primary_key=True)
    partner_code = fields.CharField(max_length=32)
    region_code = fields.CharField(max_length=12, default="")  # the partner's, for scoping
    trigger = fields.CharField(max_length=8, default="nightly")  # nightly | admin
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    checked = fields.IntField(default=0)
    differences = fields.IntField(default=0)
    error = fields.TextField(default="")

    class Meta:
        table = "exchange_reconciliation"
        indexes = (Index(fields=("partner_code", "id")), Index(fields=("region_code", "id")))


class ExchangeDifference(Model):
    """A case on which the platform and a partner disagree, found by a reconciliation. It is reported,
    never applied: the case changes only through a verified answer or a person's decision. One open
    row per case and kind: a later run that sees it again updates it, one that sees agreement closes it."""

    id = fields.BigIntField(primary_key=True)
    run_id = fields.BigIntField()  # the run that last saw it
    partner_code = fields.CharField(max_length=32)
    region_code = fields.CharField(max_length=12, default="")
    case_id = fields.BigIntField()
    case_number = fields.CharField(max_length=32, default="")
    kind = fields.CharField(max_length=16)  # DifferenceKind
    ours = fields.CharField(max_length=24)  # the case's status here
    theirs = fields.CharField(max_length=24, default="")  # the peer's status ("" when it gave none)
    detail = fields.TextField(default="")
    first_seen_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)
    closed_by_id = fields.IntField(null=True)  # the admin who closed it; null when a run saw agreement
    closed_by_name = fields.CharField(max_length=64, default="")
    note = fields.TextField(default="")

    class Meta:
        table = "exchange_difference"
        indexes = (Index(fields=("region_code", "closed_at", "id")), Index(fields=("case_id", "kind")))
