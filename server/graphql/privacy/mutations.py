"""Seeing personal data whole: one mutation, logged by the domain in the same transaction."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.accounts import privacy
from server.graphql.accounts.types import AccountError
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanRevealPersonalData
from server.graphql.privacy.types import (
    PersonalDataField,
    RevealedValue,
    RevealPersonalDataInput,
    RevealPersonalDataPayload,
    subject_of,
)


@strawberry.type
class PrivacyMutation:
    @strawberry.mutation(
        description="查看完整的姓名、手机号码或身份证号码（或办件、主题办件申请表中的个人信息）："
        "限窗口受理、大厅负责人、审批、帮办代办人员和管理员，企业和工作人员限本区划，办件限本人经办范围；须说明原因，每次查看都记入访问日志供审计",
        permission_classes=[CanRevealPersonalData],
    )
    async def reveal_personal_data(
        self, info: Info, input: Annotated[RevealPersonalDataInput, strawberry.argument(description="本操作的输入")]
    ) -> RevealPersonalDataPayload:
        ctx = info.context
        kind, subject_id = subject_of(input.subject_id)
        values, errors = await attempt(
            lambda: privacy.reveal_values(
                actor=ctx.actor, subject_kind=kind, subject_id=subject_id, fields=[f.value for f in input.fields],
                reason=input.reason, request_id=ctx.request_id,
            ),
            AccountError,
        )
        if errors or values is None:
            return RevealPersonalDataPayload(errors=errors)
        return RevealPersonalDataPayload(values=[
            RevealedValue(field=PersonalDataField(v.field), label=v.label, value=v.value, key=v.key) for v in values
        ])
