"""Staff accounts and their bearer tokens."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class StaffUser(Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=64)
    password_hash = fields.CharField(max_length=256)
    roles = fields.JSONField(default=list)  # values of accounts.roles.Role
    region: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "liaoyi.Region", related_name="staff", on_delete=fields.RESTRICT
    )
    department: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Department", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    hall: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "liaoyi.Hall", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff_user"


class AccessToken(Model):
    """A bearer token (only its sha256 is stored). Revoked or expired tokens stop working."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "liaoyi.StaffUser", related_name="tokens", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "access_token"
