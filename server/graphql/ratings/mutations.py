"""好差评 and 差评整改 mutations: each checks who asks in the domain (role, scope, state)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.cases import ratings, rectification
from server.domain.cases.models import Rectification as RectificationRow
from server.graphql.cases.mutations import RateCasePayload, _run
from server.graphql.cases.types import CaseError, CaseRating
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import HasIdentity, IsCitizen, IsStaff
from server.graphql.core.relay import domain_id
from server.graphql.ratings.types import (
    FollowUpRatingPayload,
    RateBundleByLinkPayload,
    RatingScoreInput,
    Rectification,
    RectificationPayload,
    ServeCaseAtWindowPayload,
    scores_of,
)

Input = strawberry.argument(description="本操作的输入")


@strawberry.input(description="通过短信链接或二维码评价（不登录）")
class RateCaseByLinkInput:
    token: str = strawberry.field(description="链接中的令牌（一次有效，到期失效）")
    level: int = strawberry.field(description="等级 1 到 5")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）")
    scores: list[RatingScoreInput] | None = strawberry.field(default=None, description="各维度评分")


@strawberry.input(description="通过短信链接评价主题办件（一件事，不登录）")
class RateBundleByLinkInput:
    token: str = strawberry.field(description="链接中的令牌（一次有效，到期失效）")
    level: int = strawberry.field(description="等级 1 到 5")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）")


@strawberry.input(description="窗口评价器评价本窗口刚办理的办件")
class RateAtWindowInput:
    level: int = strawberry.field(description="等级 1 到 5")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）")
    scores: list[RatingScoreInput] | None = strawberry.field(default=None, description="各维度评分（窗口服务维度）")


@strawberry.input(description="追加评价")
class FollowUpRatingInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    level: int = strawberry.field(description="追加评价的等级 1 到 5")
    comment: str = strawberry.field(description="追加评价内容")


@strawberry.input(description="登记窗口正在办理的办件（评价器据此评价）")
class ServeCaseAtWindowInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    window_id: int = strawberry.field(description="窗口编号")


@strawberry.input(description="对整改单的操作（附说明）")
class RectificationInput:
    id: strawberry.ID = strawberry.field(description="整改单的全局 ID")
    text: str = strawberry.field(default="", description="整改措施、理由或意见")


@strawberry.input(description="审核无法整改或复核申诉")
class RectificationReviewInput:
    id: strawberry.ID = strawberry.field(description="整改单的全局 ID")
    approve: bool = strawberry.field(description="无法整改：true 认可；申诉：true 申诉成立")
    note: str = strawberry.field(description="审核意见")


@strawberry.input(description="延长整改期限（一次）")
class ExtendRectificationInput:
    id: strawberry.ID = strawberry.field(description="整改单的全局 ID")
    days: int = strawberry.field(description="延长的工作日数（1 到 10）")
    reason: str = strawberry.field(description="延期理由")


@strawberry.input(description="回访实名差评人")
class RecordRatingRevisitInput:
    id: strawberry.ID = strawberry.field(description="整改单的全局 ID")
    satisfaction: int = strawberry.field(description="对整改结果的满意度 1 到 5")
    method: str = strawberry.field(default="phone", description="phone 电话、sms 短信、visit 上门")
    note: str = strawberry.field(default="", description="回访记录")


def _rid(value: str) -> int:
    return domain_id(value, "Rectification")


async def _rect(action: Callable[[], Awaitable[RectificationRow]], actor: object) -> RectificationPayload:
    row, errors = await attempt(action, CaseError)
    if row is None:
        return RectificationPayload(errors=errors)
    return RectificationPayload(rectification=Rectification.of((await rectification.views([row]))[0]))


@strawberry.type
class RatingsMutation:
    @strawberry.mutation(description="通过短信链接或办件结果上的二维码评价：不登录，令牌一次有效")
    async def rate_case_by_link(self, info: Info, input: Annotated[RateCaseByLinkInput, Input]) -> RateCasePayload:
        return await _run(RateCasePayload, lambda: ratings.rate_by_token(
            token=input.token[:128], given=ratings.Given(input.level, input.comment, scores_of(input.scores)),
            settings=info.context.settings))

    @strawberry.mutation(description="通过主题办件办结时短信中的链接整体评价一次：不登录，令牌一次有效")
    async def rate_bundle_by_link(self, info: Info, input: Annotated[RateBundleByLinkInput, Input]
                                  ) -> RateBundleByLinkPayload:
        level = input.level
        row, errors = await attempt(lambda: ratings.rate_bundle_by_token(
            token=input.token[:128], given=ratings.Given(level, input.comment), settings=info.context.settings), CaseError)
        if row is None:
            return RateBundleByLinkPayload(errors=errors)
        return RateBundleByLinkPayload(rated=True, bundle_number=row.number, level=level)

    @strawberry.mutation(description="窗口评价器评价本窗口刚办理的办件：大厅评价器密钥（hall_device）",
                         permission_classes=[HasIdentity])
    async def rate_at_window(self, info: Info, input: Annotated[RateAtWindowInput, Input]) -> RateCasePayload:
        return await _run(RateCasePayload, lambda: ratings.rate_at_window(
            actor=info.context.actor, given=ratings.Given(input.level, input.comment, scores_of(input.scores)),
            settings=info.context.settings))

    @strawberry.mutation(description="追加评价：评价人，首次评价后规定天数内一次", permission_classes=[IsCitizen])
    async def follow_up_rating(self, info: Info, input: Annotated[FollowUpRatingInput, Input]) -> FollowUpRatingPayload:
        row, errors = await attempt(lambda: ratings.follow_up(
            actor=info.context.actor, case_id=domain_id(input.case_id, "Case"), level=input.level,
            comment=input.comment, settings=info.context.settings), CaseError)
        return FollowUpRatingPayload(rating=CaseRating.of(row) if row else None, errors=errors)

    @strawberry.mutation(description="登记本窗口正在办理的办件（窗口评价器对其评价）：综合窗口受理员", permission_classes=[IsStaff])
    async def serve_case_at_window(self, info: Info, input: Annotated[ServeCaseAtWindowInput, Input]
                                   ) -> ServeCaseAtWindowPayload:
        row, errors = await attempt(lambda: ratings.serve_at_window(
            actor=info.context.actor, case_id=domain_id(input.case_id, "Case"), window_id=input.window_id), CaseError)
        return ServeCaseAtWindowPayload(served=row is not None, errors=errors)

    @strawberry.mutation(description="开始整改：责任部门审批人员或大厅负责人", permission_classes=[IsStaff])
    async def start_rectification(self, info: Info, input: Annotated[RectificationInput, Input]) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.start(actor=a, rect_id=_rid(input.id)), a)

    @strawberry.mutation(description="整改完成（附整改措施）：责任部门审批人员或大厅负责人", permission_classes=[IsStaff])
    async def finish_rectification(self, info: Info, input: Annotated[RectificationInput, Input]) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.finish(actor=a, rect_id=_rid(input.id), measures=input.text), a)

    @strawberry.mutation(description="报告无法整改（附理由，由大厅负责人或管理员审核）", permission_classes=[IsStaff])
    async def report_unable_to_rectify(self, info: Info, input: Annotated[RectificationInput, Input]
                                       ) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.report_unable(actor=a, rect_id=_rid(input.id), reason=input.text), a)

    @strawberry.mutation(description="审核无法整改：大厅负责人或管理员", permission_classes=[IsStaff])
    async def review_unable_to_rectify(self, info: Info, input: Annotated[RectificationReviewInput, Input]
                                       ) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.review_unable(actor=a, rect_id=_rid(input.id), accept=input.approve,
                                                               note=input.note), a)

    @strawberry.mutation(description="申诉差评无效（申诉复核，由市级管理员复核）：责任部门审批人员或大厅负责人",
                         permission_classes=[IsStaff])
    async def appeal_rating(self, info: Info, input: Annotated[RectificationInput, Input]) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.appeal(actor=a, rect_id=_rid(input.id), reason=input.text), a)

    @strawberry.mutation(description="复核申诉：市级管理员；成立则该评价不计入统计（不删除）", permission_classes=[IsStaff])
    async def review_rating_appeal(self, info: Info, input: Annotated[RectificationReviewInput, Input]
                                   ) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.review_appeal(actor=a, rect_id=_rid(input.id), upheld=input.approve,
                                                               note=input.note), a)

    @strawberry.mutation(description="延长整改期限（一次）：责任部门审批人员、大厅负责人或管理员", permission_classes=[IsStaff])
    async def extend_rectification(self, info: Info, input: Annotated[ExtendRectificationInput, Input]
                                   ) -> RectificationPayload:
        a = info.context.actor
        return await _rect(lambda: rectification.extend(actor=a, rect_id=_rid(input.id), days=input.days,
                                                        reason=input.reason, settings=info.context.settings), a)

    @strawberry.mutation(description="记录回访（实名差评，整改后）：责任部门审批人员、大厅负责人或管理员",
                         permission_classes=[IsStaff])
    async def record_rating_revisit(self, info: Info, input: Annotated[RecordRatingRevisitInput, Input]
                                    ) -> RectificationPayload:
        a = info.context.actor

        async def act() -> RectificationRow:
            await rectification.revisit(actor=a, rect_id=_rid(input.id), satisfaction=input.satisfaction,
                                        method=input.method, note=input.note)
            return await rectification.get(a, _rid(input.id))

        return await _rect(act, a)
