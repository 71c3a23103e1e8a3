"""The personal-data access log, for auditors and city admins."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.accounts import privacy
from server.domain.accounts.errors import INVALID
from server.domain.errors import DomainError
from server.graphql.context import Info
from server.graphql.core.permissions import IsStaff
from server.graphql.core.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build,
    optional_domain_id,
    page_slice,
)
from server.graphql.privacy.permissions import CanReadAccessLog
from server.graphql.privacy.types import PersonalDataAccess, PersonalDataAccessFilter, subject_of


def _domain_filter(f: PersonalDataAccessFilter | None) -> privacy.LogFilter:
    if f is None:
        return privacy.LogFilter()
    kind = f.subject_kind.value if f.subject_kind else None
    subject_id = None
    if f.subject_id is not None:
        id_kind, subject_id = subject_of(f.subject_id)
        if not id_kind or (kind is not None and kind != id_kind):
            raise DomainError(INVALID, "被查看主体的全局 ID 不正确", ["filter", "subjectId"])
        kind = id_kind
    viewer = optional_domain_id(f.viewer_staff_id, "StaffUser")  # another type matches nothing
    return privacy.LogFilter(subject_kind=kind, subject_id=subject_id, viewer_staff_id=viewer,
                             since=f.since, until=f.until)


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="个人信息访问日志（谁、何时、看了谁的哪些信息、为什么），最新的在前；"
        "限审计员和管理员，只含本区划及下级工作人员的查看记录",
        permission_classes=[IsStaff, CanReadAccessLog],
    )
    async def personal_data_access_log(
        self, info: Info,
        filter: Annotated[PersonalDataAccessFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[PersonalDataAccess]:
        actor, flt = info.context.actor, _domain_filter(filter)

        async def fetch(offset: int, limit: int) -> list[PersonalDataAccess]:
            rows = await privacy.access_log(actor=actor, flt=flt, offset=offset, limit=limit)
            return [PersonalDataAccess.of(r) for r in rows]

        return await build(
            win=page_slice(first, after, last, before), fetch=fetch,
            count=lambda: privacy.access_log_count(actor=actor, flt=flt),
        )
