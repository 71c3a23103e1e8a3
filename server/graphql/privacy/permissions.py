"""Who may call the personal-data fields at all (the domain checks again, and scopes by region)."""

from __future__ import annotations

from server.domain.accounts import privacy
from server.domain.accounts.roles import Actor
from server.graphql.core.permissions import ActorPermission


class CanReadAccessLog(ActorPermission):
    """Auditors and city admins."""

    message = "只有审计员和管理员可以查阅个人信息访问日志"

    def allows(self, actor: Actor) -> bool:
        return bool(privacy.may_read_log(actor))
