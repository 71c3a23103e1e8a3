"""Who can sign in: staff, citizens (and the enterprises they act for), partner systems.

Secrets are never stored: passwords as argon2 hashes, tokens, SMS codes and API keys as sha256.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class StaffUser(Model):
    """A staff account. role_tags repeats roles as |a|b| so that a role filter is a LIKE on both databases."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=64)
    password_hash = fields.CharField(max_length=256)
    roles: fields.JSONField[list[str]] = fields.JSONField(default=list)  # values of accounts.roles.Role
    role_tags = fields.CharField(max_length=256, default="")  # kept in step with roles by accounts.service
    region: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.Region", related_name="staff", on_delete=fields.RESTRICT
    )
    region_id: str
    department: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Department", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    department_id: str | None
    hall: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Hall", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    hall_id: str | None
    is_active = fields.BooleanField(default=True)
    failed_logins = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    disabled_at = fields.DatetimeField(null=True)
    disabled_reason = fields.TextField(default="")
    disabled_by_id = fields.IntField(null=True)

    class Meta:
        table = "staff_user"


class Citizen(Model):
    """A natural person signed in with a phone number, real name verified against the ID number."""

    id = fields.IntField(primary_key=True)
    phone = fields.CharField(max_length=11, unique=True)
    name = fields.CharField(max_length=64, null=True)
    id_number = fields.CharField(max_length=18, null=True, unique=True)
    birth_date = fields.DateField(null=True)
    sex = fields.CharField(max_length=1, null=True)  # M | F, from the ID number
    verified_at = fields.DatetimeField(null=True)
    dishonest = fields.BooleanField(default=False)  # on a dishonesty list (失信)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "citizen"


class Enterprise(Model):
    id = fields.IntField(primary_key=True)
    credit_code = fields.CharField(max_length=18, unique=True)
    name = fields.CharField(max_length=128)
    legal_rep_name = fields.CharField(max_length=64)
    legal_rep_id_number = fields.CharField(max_length=18)
    legal_rep: fields.ForeignKeyNullableRelation[Citizen] = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="represented", null=True, on_delete=fields.SET_NULL
    )
    legal_rep_id: int | None
    region: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Region", related_name="enterprises", null=True, on_delete=fields.RESTRICT
    )
    region_id: str | None
    dishonest = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise"


class EnterpriseOperator(Model):
    """A citizen who may act for an enterprise, added (and removed) by its legal representative."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "liaoyi.Enterprise", related_name="operators", on_delete=fields.CASCADE
    )
    enterprise_id: int
    citizen: fields.ForeignKeyRelation[Citizen] = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="operates", on_delete=fields.CASCADE
    )
    citizen_id: int
    added_by_id = fields.IntField()
    added_at = fields.DatetimeField(auto_now_add=True)
    removed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "enterprise_operator"
        indexes = (Index(fields=("citizen_id", "removed_at")),)


class CreditCodeException(Model):
    """An early legal credit code whose check character fails GB 32100, admitted by an admin."""

    code = fields.CharField(max_length=18, primary_key=True)
    reason = fields.TextField()
    added_by_id = fields.IntField()
    added_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "credit_code_exception"


class SmsCode(Model):
    id = fields.IntField(primary_key=True)
    phone = fields.CharField(max_length=11, db_index=True)
    code_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    attempts = fields.IntField(default=0)
    consumed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "sms_code"


class AccessToken(Model):
    """A short-lived bearer token of a staff member or a citizen (only its sha256 is stored)."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyNullableRelation[StaffUser] = fields.ForeignKeyField(
        "liaoyi.StaffUser", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    citizen: fields.ForeignKeyNullableRelation[Citizen] = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    citizen_id: int | None
    family = fields.CharField(max_length=32, db_index=True)  # shared with the refresh token chain
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "access_token"


class RefreshToken(Model):
    """Exchanged once for a new access and refresh token. Reusing a spent one revokes the family."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyNullableRelation[StaffUser] = fields.ForeignKeyField(
        "liaoyi.StaffUser", related_name="refresh_tokens", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    citizen: fields.ForeignKeyNullableRelation[Citizen] = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="refresh_tokens", null=True, on_delete=fields.CASCADE
    )
    citizen_id: int | None
    family = fields.CharField(max_length=32, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class ApiKey(Model):
    """A partner system key: shown once, stored hashed, revocable, with a scope."""

    id = fields.IntField(primary_key=True)
    prefix = fields.CharField(max_length=16, unique=True)  # public part, "lyk_" + 8 characters
    secret_hash = fields.CharField(max_length=64)
    name = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=16)  # county_system | bank | utility | province
    region: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Region", related_name="api_keys", null=True, on_delete=fields.RESTRICT
    )
    region_id: str | None
    partner_code = fields.CharField(max_length=32, null=True)  # the bank or utility it stands for
    window_id = fields.IntField(null=True)  # a hall_device key: the window its evaluator stands at
    created_by_id = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by_id = fields.IntField(null=True)

    class Meta:
        table = "api_key"


class Mandate(Model):
    """帮办代办: an agent acts for a principal (a citizen or an enterprise), for items, until a date."""

    id = fields.IntField(primary_key=True)
    principal_citizen: fields.ForeignKeyNullableRelation[Citizen] = fields.ForeignKeyField(
        "liaoyi.Citizen", related_name="mandates_given", null=True, on_delete=fields.CASCADE
    )
    principal_citizen_id: int | None
    principal_enterprise: fields.ForeignKeyNullableRelation[Enterprise] = fields.ForeignKeyField(
        "liaoyi.Enterprise", related_name="mandates_given", null=True, on_delete=fields.CASCADE
    )
    principal_enterprise_id: int | None
    agent: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "liaoyi.StaffUser", related_name="mandates", on_delete=fields.RESTRICT
    )
    agent_id: int
    all_items = fields.BooleanField(default=False)
    basic_codes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    valid_from = fields.DateField()
    valid_to = fields.DateField()
    note = fields.TextField(default="")
    created_by_id = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by_id = fields.IntField(null=True)
    revoked_reason = fields.TextField(default="")

    class Meta:
        table = "mandate"
        indexes = (Index(fields=("agent_id", "valid_to")),)


class AccessLog(Model):
    """An unmasked view of personal data: who saw whose what, when and why."""

    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    viewer_staff_id = fields.IntField(null=True)
    viewer_label = fields.CharField(max_length=96)
    viewer_region_path = fields.CharField(max_length=128, null=True)
    subject_kind = fields.CharField(max_length=16)  # citizen | enterprise | staff
    subject_id = fields.IntField()
    fields_shown: fields.JSONField[list[str]] = fields.JSONField(default=list)
    reason = fields.TextField()
    request_id = fields.CharField(max_length=64, default="-")

    class Meta:
        table = "access_log"
        indexes = (Index(fields=("subject_kind", "subject_id")),)


class SignInFailure(Model):
    """Sign-in of one staff account from one client address (issue 15): wrong passwords in a row,
    and when it last signed in there. Five wrong passwords in a row lock the account *from that
    address* for a while: a stranger who guesses at a known user name locks only their own address
    out, and the owner still signs in from their own desk (an address with a recent success is also
    spared the account's per-minute budget, which strangers share)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "liaoyi.StaffUser", related_name="sign_in_failures", on_delete=fields.CASCADE
    )
    user_id: int
    address = fields.CharField(max_length=64)  # the client address as the server sees it (trusted proxies applied)
    failures = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    last_at = fields.DatetimeField()
    succeeded_at = fields.DatetimeField(null=True)  # the last successful sign-in from this address

    class Meta:
        table = "sign_in_failure"
        unique_together = (("user", "address"),)
