"""Case tables: the case (办件), its materials, its timeline, and the evidence it can reuse.

A case pins the item version it was submitted under. Parent cases own sub-cases (themed "one
thing" bundles), and a case can carry the reference of another platform it was forwarded to or
from (delegated intake). Every change of state goes through :mod:`server.domain.cases.flow`, which
bumps ``row_version`` with a conditional update, so two concurrent transitions have one winner.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Case(Model):
    """One application (办件) for one item, from draft to completion."""

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=32, null=True, unique=True)  # given at submission
    query_code = fields.CharField(max_length=8, null=True)  # public tracking code (查询码)
    idempotency_key = fields.CharField(max_length=96, null=True, unique=True)  # "<who>:<client key>"
    request_digest = fields.CharField(max_length=64, null=True)  # SHA-256 of the request the key came with
    status = fields.CharField(max_length=24, default="draft")  # states.Status
    channel = fields.CharField(max_length=12)  # online | window | agent | province
    # what is applied for, pinned
    item: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.ServiceItem", related_name="cases", on_delete=fields.RESTRICT
    )
    item_id: int
    version: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.ItemVersion", related_name="cases", on_delete=fields.RESTRICT
    )
    version_id: int
    situation: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Situation", related_name="cases", null=True, on_delete=fields.RESTRICT
    )
    situation_id: int | None
    item_name = fields.CharField(max_length=128)
    basic_code = fields.CharField(max_length=12)
    # where it is handled: scoping columns, copied from the item and the hall (equality, indexable)
    department_code = fields.CharField(max_length=24)
    region_code = fields.CharField(max_length=12)
    city_code = fields.CharField(max_length=12)  # the city-level region above it, or its own
    county_code = fields.CharField(max_length=12, null=True)  # the county-level region, if any
    hall_code = fields.CharField(max_length=24, null=True)
    partner_code = fields.CharField(max_length=32, null=True)  # a bank or utility it is routed to
    # themed bundles and delegated intake: the shape, not the flows
    parent: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "liaoyi.Case", related_name="sub_cases", null=True, on_delete=fields.RESTRICT
    )
    parent_id: int | None
    # a sub-case of a themed bundle (主题式“一件事”): the bundle and the stage it belongs to
    bundle: fields.ForeignKeyNullableRelation[CaseBundle] = fields.ForeignKeyField(
        "liaoyi.CaseBundle", related_name="sub_cases", null=True, on_delete=fields.RESTRICT
    )
    bundle_id: int | None
    bundle_stage = fields.IntField(null=True)  # 1-based
    forwarded_platform = fields.CharField(max_length=32, null=True)
    forwarded_number = fields.CharField(max_length=64, null=True)
    # who applies, and who acted
    applicant_kind = fields.CharField(max_length=12)  # citizen | enterprise
    applicant_citizen: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="cases", null=True, on_delete=fields.RESTRICT
    )
    applicant_citizen_id: int | None
    applicant_enterprise: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Enterprise", related_name="cases", null=True, on_delete=fields.RESTRICT
    )
    applicant_enterprise_id: int | None
    applicant_name = fields.CharField(max_length=128)
    contact_phone = fields.CharField(max_length=11, default="")
    contact_citizen_id = fields.IntField(null=True)  # the person who applied (self, or for the enterprise)
    submitted_by_staff_id = fields.IntField(null=True)  # clerk (walk-in) or agent
    mandate_id = fields.IntField(null=True)
    form_data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # a registration that founds an enterprise (设立登记), received at the window before the enterprise
    # exists: {"name", "kind", "address"} of the enterprise to be (cases/window.py); the applicant is
    # the person, its 经营者/投资人, and cases/founding.py founds it under this name when it is approved
    future_enterprise: fields.JSONField[dict[str, Any] | None] = fields.JSONField(null=True)
    # working time
    submitted_at = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    decided_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    committed_limit = fields.IntField(default=0)  # the pinned version's committed limit
    committed_unit = fields.CharField(max_length=12, default="working_day")
    working_days_used = fields.IntField(null=True)  # accepted → completed, off-clock days excluded
    deadline = fields.DateField(null=True)  # committed limit, pauses and extensions applied
    statutory_deadline = fields.DateField(null=True)
    warn_on = fields.DateField(null=True)  # first day of the yellow warning
    extension_days = fields.IntField(default=0)
    pauses: fields.JSONField[list[list[Any]]] = fields.JSONField(default=list)  # [[start, end, reason], …] off the clock
    paused_since = fields.DateField(null=True)
    resume_status = fields.CharField(max_length=24, null=True)  # where a suspended case goes back to
    supply_by = fields.DateField(null=True)  # 容缺 or 补正 deadline
    correction_sent = fields.BooleanField(default=False)  # 补正 is told once
    correction_note = fields.TextField(default="")
    # review
    review_step = fields.IntField(default=0)
    claimed_by_id = fields.IntField(null=True)
    decision = fields.CharField(max_length=12, null=True)  # approved | denied | rejected
    decision_reason = fields.TextField(default="")
    instant_rule = fields.CharField(max_length=64, null=True)  # "<code>@v<version>" of an instant approval
    # result
    result_method = fields.CharField(max_length=12, null=True)  # pickup | postal | electronic
    tracking_number = fields.CharField(max_length=32, null=True)
    # scheduled work remembers what it already said
    warned_yellow = fields.BooleanField(default=False)
    warned_red = fields.BooleanField(default=False)
    row_version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "service_case"
        indexes = (
            Index(fields=("department_code", "status", "deadline", "id")),
            Index(fields=("hall_code", "status", "id")),
            Index(fields=("county_code", "status", "id")),
            Index(fields=("city_code", "status", "id")),
            Index(fields=("applicant_citizen_id", "id")),
            Index(fields=("applicant_enterprise_id", "id")),
            Index(fields=("partner_code", "id")),
            Index(fields=("bundle_id", "bundle_stage", "id")),
            Index(fields=("status", "deadline")),
            # statistics read their period only (server.domain.cases.stats): one date index each
            Index(fields=("submitted_at",)),
            Index(fields=("accepted_at",)),
            Index(fields=("completed_at",)),
        )


class CaseDayStat(Model):
    """The day's figures of the cases of one place and department (statistics answer from these).

    One row per Beijing date × city × county × region × department × hall (empty strings where a
    case has no county or hall, so that the unique key holds). A case counts on the day it was
    submitted, the day it was accepted, and — once concluded (completed or denied) — the day it was
    concluded; ``ended`` counts every case whose ``completed_at`` falls on that day, concluded or
    not (withdrawn, rejected), as the plain query lists the rows of the cases it touched.
    :mod:`server.domain.cases.daily` keeps the rows current in the transaction of every transition
    (the difference between what the case counted before and after the move); ``python -m server
    rebuild-statistics`` recomputes them from the case table.
    """

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    city_code = fields.CharField(max_length=12)
    county_code = fields.CharField(max_length=12, default="")
    region_code = fields.CharField(max_length=12)
    department_code = fields.CharField(max_length=24)
    hall_code = fields.CharField(max_length=24, default="")
    submitted = fields.IntField(default=0)
    accepted = fields.IntField(default=0)
    ended = fields.IntField(default=0)  # completed_at on this day, whatever the status
    completed = fields.IntField(default=0)  # concluded (completed or denied) on this day
    completed_on_time = fields.IntField(default=0)
    used_days_sum = fields.IntField(default=0)  # working_days_used of the concluded, where known
    used_days_n = fields.IntField(default=0)  # how many of the concluded have working_days_used
    committed_sum = fields.IntField(default=0)  # committed_limit of the concluded

    class Meta:
        table = "case_day_stat"
        unique_together = (("day", "city_code", "county_code", "region_code", "department_code", "hall_code"),)
        indexes = (
            Index(fields=("county_code", "day")),
            Index(fields=("department_code", "day")),
        )


class CaseOpenStat(Model):
    """How many cases of one place and department are open now (their clock runs: accepted, under
    review, approved, result issued) with one deadline and one first yellow day: today's overdue
    (``deadline`` before today) and near-due (``warn_on`` reached, ``deadline`` not passed) figures
    are sums over these rows, whatever the number of cases. No deadline or yellow day is stored as
    9999-12-31 (never overdue, never yellow), so that the unique key holds. Kept by
    :mod:`server.domain.cases.daily` as ``case_day_stat`` is."""

    id = fields.BigIntField(primary_key=True)
    city_code = fields.CharField(max_length=12)
    county_code = fields.CharField(max_length=12, default="")
    region_code = fields.CharField(max_length=12)
    department_code = fields.CharField(max_length=24)
    hall_code = fields.CharField(max_length=24, default="")
    deadline = fields.DateField()
    warn_on = fields.DateField()
    cases = fields.IntField(default=0)

    class Meta:
        table = "case_open_stat"
        unique_together = (("city_code", "county_code", "region_code", "department_code", "hall_code", "deadline",
                            "warn_on"),)


class CaseBundle(Model):
    """A themed "one thing" application (主题式服务, 一件事): the parent of one sub-case per item.

    It has its own table, so that statistics and queues, which read the case table, count each item
    once. Its status is never stored: :func:`server.domain.cases.states.parent_status` derives it
    from the sub-cases. ``open_stage`` moves only by a conditional UPDATE on this row, inside the
    transaction of the sub-case move that ends a stage (:mod:`server.domain.cases.bundle_flow`).
    """

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)
    query_code = fields.CharField(max_length=8)
    idempotency_key = fields.CharField(max_length=96, null=True, unique=True)  # "<who>:<client key>"
    request_digest = fields.CharField(max_length=64, null=True)  # SHA-256 of the request the key came with
    channel = fields.CharField(max_length=12)  # online | window | agent
    # the theme, pinned
    theme_id = fields.IntField()
    theme_version: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.ThemeVersion", related_name="bundles", on_delete=fields.RESTRICT
    )
    theme_version_id: int
    theme_code = fields.CharField(max_length=48)
    theme_version_number = fields.IntField()
    theme_name = fields.CharField(max_length=64)
    lead_department_code = fields.CharField(max_length=24)
    # where: the scoping columns of its cases (the lead department's region, the hall)
    region_code = fields.CharField(max_length=12)
    city_code = fields.CharField(max_length=12)
    county_code = fields.CharField(max_length=12, null=True)
    hall_code = fields.CharField(max_length=24, null=True)
    # who applies, and who acted (as on a case)
    applicant_kind = fields.CharField(max_length=12)  # citizen | enterprise
    applicant_citizen: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="bundles", null=True, on_delete=fields.RESTRICT
    )
    applicant_citizen_id: int | None
    applicant_enterprise: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Enterprise", related_name="bundles", null=True, on_delete=fields.RESTRICT
    )
    applicant_enterprise_id: int | None
    applicant_name = fields.CharField(max_length=128)
    contact_phone = fields.CharField(max_length=11, default="")
    contact_citizen_id = fields.IntField(null=True)
    submitted_by_staff_id = fields.IntField(null=True)  # clerk (walk-in) or agent
    mandate_id = fields.IntField(null=True)
    # what was asked and answered: the questionnaire, the merged form, the resolved plan
    answers: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    form_data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # [{stage, name, items: [{key, item_id, situation_id, name, department_code, depends_on: [keys]}]}]
    plan: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    # the one set of materials: {bundle material key: {upload_id, name}} as submitted once
    materials: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    stages = fields.IntField()
    open_stage = fields.IntField(default=1)
    # working time: the theme's budget, its deadline from the calendar once accepted
    budget_value = fields.IntField()
    budget_unit = fields.CharField(max_length=12)  # working_day | working_hour
    submitted_at = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    deadline = fields.DateField(null=True)
    # the hall's supervisors were told once half the budget's working hours were used, and once all
    # (set by a conditional UPDATE with the messages: reminders.bundle_hour_warnings)
    warned_half = fields.BooleanField(default=False)
    warned_over = fields.BooleanField(default=False)
    withdrawn_at = fields.DatetimeField(null=True)
    withdraw_reason = fields.TextField(default="")
    # the results, delivered together: one pickup or one parcel for every approved item
    result_method = fields.CharField(max_length=12, null=True)  # pickup | postal | electronic
    tracking_number = fields.CharField(max_length=32, null=True)
    results_issued_at = fields.DatetimeField(null=True)
    row_version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "case_bundle"
        indexes = (
            Index(fields=("hall_code", "id")),
            Index(fields=("city_code", "id")),
            Index(fields=("county_code", "id")),
            Index(fields=("applicant_citizen_id", "id")),
            Index(fields=("applicant_enterprise_id", "id")),
        )


class CaseMaterial(Model):
    """One material of the case's situation, and how it was satisfied."""

    id = fields.BigIntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "liaoyi.Case", related_name="materials", on_delete=fields.CASCADE
    )
    case_id: int
    material: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.Material", related_name="case_materials", on_delete=fields.RESTRICT
    )
    material_id: int
    position = fields.IntField()
    name = fields.CharField(max_length=128)
    necessity = fields.CharField(max_length=12)  # required | optional | deferrable
    # pending | provided | exempt (shared data, 免提交) | reused (e-licence or verified) | missing (容缺)
    state = fields.CharField(max_length=12, default="pending")
    trust = fields.CharField(max_length=1, null=True)  # A e-licence, B verified at a window, C upload, D declared
    upload_id = fields.BigIntField(null=True)
    elicence_id = fields.BigIntField(null=True)
    verified_id = fields.BigIntField(null=True)
    checked_by_id = fields.IntField(null=True)  # the clerk who checked it against its review points
    checked_at = fields.DatetimeField(null=True)
    check_note = fields.TextField(default="")
    supply_note = fields.TextField(default="")  # how to supply it (容缺 / 补正 notice)

    class Meta:
        table = "case_material"
        ordering = ["case_id", "position"]
        unique_together = (("case", "material"),)


class CaseEvent(Model):
    """One entry of the timeline: who, when, from, to, why (限时办结, 责任倒查)."""

    id = fields.BigIntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "liaoyi.Case", related_name="events", on_delete=fields.CASCADE
    )
    case_id: int
    at = fields.DatetimeField()
    action = fields.CharField(max_length=32)
    from_status = fields.CharField(max_length=24, null=True)
    to_status = fields.CharField(max_length=24)
    reason = fields.TextField(default="")
    actor_kind = fields.CharField(max_length=12)  # citizen | staff | partner | system
    actor_id = fields.IntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    on_behalf_citizen_id = fields.IntField(null=True)  # an agent acting under a mandate
    mandate_id = fields.IntField(null=True)
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "case_event"
        ordering = ["case_id", "id"]
        indexes = (Index(fields=("case_id", "id")),)  # a case's timeline (Tortoise indexes no FK by itself)


class CaseCounter(Model):
    """The last sequence number given to a case of one region on one day."""

    id = fields.IntField(primary_key=True)
    region_code = fields.CharField(max_length=12)
    day = fields.CharField(max_length=8)  # YYYYMMDD
    last_seq = fields.IntField(default=0)

    class Meta:
        table = "case_counter"
        unique_together = (("region_code", "day"),)


class Upload(Model):
    """A file someone uploaded: stored by the storage backend under ``storage_key``."""

    id = fields.BigIntField(primary_key=True)
    sha256 = fields.CharField(max_length=64, db_index=True)
    size = fields.BigIntField()
    content_type = fields.CharField(max_length=64)
    filename = fields.CharField(max_length=128)
    storage_key = fields.CharField(max_length=128)
    owner_citizen_id = fields.IntField(null=True)
    owner_staff_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "upload"


class ELicence(Model):
    """An electronic licence (电子证照) issued to a person or an enterprise: trust level A."""

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=48, unique=True)
    kind = fields.CharField(max_length=64)  # 营业执照, 不动产权证书 … the name materials refer to
    holder_citizen_id = fields.IntField(null=True)
    holder_enterprise_id = fields.IntField(null=True)
    holder_name = fields.CharField(max_length=128)
    department_code = fields.CharField(max_length=24)
    case_id = fields.BigIntField(null=True)
    issued_at = fields.DatetimeField()
    valid_to = fields.DateField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    data: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "elicence"
        indexes = (Index(fields=("holder_citizen_id", "kind")), Index(fields=("holder_enterprise_id", "kind")))


class VerifiedMaterial(Model):
    """A material a clerk checked at a window (trust level B): reused without asking again."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128)  # the material's name, what later items ask for
    holder_citizen_id = fields.IntField(null=True)
    holder_enterprise_id = fields.IntField(null=True)
    upload_id = fields.BigIntField(null=True)
    case_id = fields.BigIntField(null=True)
    verified_by_id = fields.IntField()
    verified_at = fields.DatetimeField()
    valid_to = fields.DateField(null=True)

    class Meta:
        table = "verified_material"
        indexes = (Index(fields=("holder_citizen_id", "name")), Index(fields=("holder_enterprise_id", "name")))


class CaseRating(Model):
    """One rating per case (好差评): five levels, the channel it came by, or the default given when
    the applicant did not rate within the configured number of natural days."""

    id = fields.BigIntField(primary_key=True)
    case: fields.OneToOneNullableRelation[Case] = fields.OneToOneField(
        "liaoyi.Case", related_name="rating", on_delete=fields.CASCADE, null=True
    )
    case_id: int | None
    # or an assistance request (帮办代办, issue 18), rated like a case once the person confirmed it
    assistance_request_id = fields.BigIntField(null=True, unique=True)
    level = fields.IntField()  # 5 非常满意 … 1 非常不满意
    channel = fields.CharField(max_length=12)  # app | web | sms | window | qr | default
    comment = fields.TextField(default="")
    citizen_id = fields.IntField(null=True)
    department_code = fields.CharField(max_length=24)
    region_code = fields.CharField(max_length=12)
    bundle_id = fields.BigIntField(null=True, db_index=True)  # rated once for the whole bundle (一件事)
    rated_at = fields.DatetimeField()
    # the national dimension set it was given on (ratings.DIMENSION_SETS): online | window, versioned;
    # scores: {dimension key: 1..5}; empty for the default rating
    dimension_set = fields.CharField(max_length=12, default="online")
    dimension_version = fields.IntField(default=1)
    scores: fields.JSONField[dict[str, int]] = fields.JSONField(default=dict)
    # the rated parties besides the department: the item, the hall and the window that served it
    item_id = fields.IntField(null=True)
    hall_code = fields.CharField(max_length=24, null=True)
    window_id = fields.IntField(null=True)
    # 追加评价: one follow-up by the same person within settings.rating_follow_up_days
    follow_up_level = fields.IntField(null=True)
    follow_up_comment = fields.TextField(default="")
    follow_up_at = fields.DatetimeField(null=True)
    # an upheld appeal (申诉复核) takes the rating out of the measures; the row stays
    excluded = fields.BooleanField(default=False)
    excluded_reason = fields.TextField(default="")

    class Meta:
        table = "case_rating"
        indexes = (Index(fields=("department_code", "rated_at")),)


class RatingToken(Model):
    """A signed, single-use, expiring token that lets a person rate a case without signing in: the
    SMS link sent at completion (purpose sms) and the QR code printed on the result (purpose qr);
    or a bundle, by the SMS link sent when its last item ends (purpose sms, bundle_id set).
    The token names this row and carries an HMAC of it; the row says whether it was used."""

    id = fields.BigIntField(primary_key=True)
    case_id = fields.BigIntField(db_index=True, null=True)  # a case's token, or
    bundle_id = fields.BigIntField(db_index=True, null=True)  # a bundle's (一件事: rated once as a whole)
    purpose = fields.CharField(max_length=8)  # sms | qr
    nonce = fields.CharField(max_length=24)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "rating_token"


class WindowService(Model):
    """A case served at a window (the clerk called it there): the hall's evaluator device at that
    window rates the latest one."""

    id = fields.BigIntField(primary_key=True)
    window_id = fields.IntField()
    hall_code = fields.CharField(max_length=24)
    case_id = fields.BigIntField()
    served_by_id = fields.IntField()
    served_at = fields.DatetimeField()

    class Meta:
        table = "window_service"
        indexes = (Index(fields=("window_id", "served_at")),)


class Rectification(Model):
    """差评整改: a bad rating (★1–2) assigned to the responsible department (and the window's hall),
    due in settings.rectification_days working days; pending → in_progress → done | unable (a
    supervisor reviews) | appealed (the city reviews: upheld takes the rating out of the measures,
    rejected sends it back to in_progress); one extension; yellow and red cards when late."""

    id = fields.BigIntField(primary_key=True)
    rating: fields.OneToOneRelation[CaseRating] = fields.OneToOneField(
        "liaoyi.CaseRating", related_name="rectification", on_delete=fields.CASCADE
    )
    rating_id: int
    case_id = fields.BigIntField(null=True)  # the rated case, or
    assistance_request_id = fields.BigIntField(null=True, db_index=True)  # the rated assistance request
    department_code = fields.CharField(max_length=24)  # empty for an assistance request: the hall answers
    region_code = fields.CharField(max_length=12)
    hall_code = fields.CharField(max_length=24, null=True)
    status = fields.CharField(max_length=16, default="pending")  # rectification.STATUSES
    due_date = fields.DateField()
    extended = fields.BooleanField(default=False)
    card = fields.CharField(max_length=8, null=True)  # yellow | red, when late
    measures = fields.TextField(default="")  # what was done (整改措施)
    reason = fields.TextField(default="")  # unable / appeal reason
    review = fields.CharField(max_length=12, null=True)  # unable: accepted | refused; appeal: upheld | rejected
    review_note = fields.TextField(default="")
    reviewed_by_id = fields.IntField(null=True)
    handled_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField()
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "rectification"
        indexes = (Index(fields=("department_code", "status")), Index(fields=("status", "due_date")))


class RatingRevisit(Model):
    """回访: the person who gave a real-name bad rating is asked how the fix went."""

    id = fields.BigIntField(primary_key=True)
    rectification: fields.OneToOneRelation[Rectification] = fields.OneToOneField(
        "liaoyi.Rectification", related_name="revisit", on_delete=fields.CASCADE
    )
    rectification_id: int
    satisfaction = fields.IntField()  # 1..5, the person's satisfaction with the fix
    method = fields.CharField(max_length=12)  # phone | sms | visit
    note = fields.TextField(default="")
    by_id = fields.IntField()
    at = fields.DatetimeField()

    class Meta:
        table = "rating_revisit"


class TrackingGuard(Model):
    """Wrong query codes sent for one case or bundle number through public tracking (trackCase,
    trackBundle), shared by every server process (issue 15). After a few failures within the window
    the number's public tracking is locked for a while, whatever the address asking; the lock is
    logged and the hall's staff are told once per lock."""

    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)
    failures = fields.IntField(default=0)  # within the current window
    window_started = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    locks = fields.IntField(default=0)  # how often it has been locked

    class Meta:
        table = "tracking_guard"


class BundleParty(Model):
    """A party to a bundle who is not its applicant: the seller (出卖人) of a second-hand house,
    named in the merged form by the buyer (or their agent) and confirming the transfer themself,
    signed in and real-name verified with that ID number (:mod:`server.domain.cases.realestate`)."""

    id = fields.BigIntField(primary_key=True)
    bundle: fields.ForeignKeyRelation[CaseBundle] = fields.ForeignKeyField(
        "liaoyi.CaseBundle", related_name="parties", on_delete=fields.CASCADE
    )
    bundle_id: int
    role = fields.CharField(max_length=12)  # seller
    basic_code = fields.CharField(max_length=12)  # the item whose decision waits for the confirmation
    name = fields.CharField(max_length=64)
    id_number = fields.CharField(max_length=18)
    citizen_id = fields.IntField(null=True)  # who confirmed (their account)
    confirmed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "bundle_party"
        unique_together = (("bundle", "role"),)
        indexes = (Index(fields=("id_number",)),)


class BundleVisit(Model):
    """现场核验: the one visit of a bundle's item (the transfer registration) after its online
    review — an appointment booked by the applicant, verified on site by the department."""

    id = fields.BigIntField(primary_key=True)
    bundle: fields.ForeignKeyRelation[CaseBundle] = fields.ForeignKeyField(
        "liaoyi.CaseBundle", related_name="visits", on_delete=fields.CASCADE
    )
    bundle_id: int
    case_id = fields.BigIntField(unique=True)  # the sub-case verified
    appointment_id = fields.BigIntField()
    status = fields.CharField(max_length=12, default="booked")  # booked | verified
    booked_at = fields.DatetimeField()
    verified_at = fields.DatetimeField(null=True)
    verified_by_id = fields.IntField(null=True)

    class Meta:
        table = "bundle_visit"
