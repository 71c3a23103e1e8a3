"""Reading 好差评: the dimension sets (public), a rating link (public, by its token), ratings,
rectifications and the measures (staff, scoped to the cases they see)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.cases import errors, ratings, rectification
from server.domain.errors import DomainError
from server.graphql.cases.types import CaseError, CaseRating
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import IsSignedIn, IsStaff
from server.graphql.core.relay import domain_id
from server.graphql.ratings.types import (
    RatedCase,
    RatingDimensionSet,
    RatingLink,
    RatingLinkResult,
    RatingList,
    RatingMeasures,
    RatingQrCode,
    Rectification,
    RectificationList,
)

First = Annotated[int, strawberry.argument(description="返回前 N 条（最多 200）")]
Status = Annotated[str | None, strawberry.argument(
    description="只看该状态：pending、in_progress、done、unable_review、unable、appealed、upheld")]
Card = Annotated[str | None, strawberry.argument(description="只看该牌：yellow 黄牌、red 红牌")]
RectId = Annotated[strawberry.ID, strawberry.argument(description="整改单的全局 ID")]
BadOnly = Annotated[bool, strawberry.argument(description="只看差评（不含默认评价）")]
Offset = Annotated[int, strawberry.argument(description="跳过前 N 条")]


@strawberry.type
class RatingsQuery:
    @strawberry.field(description="国家好差评评价维度集（网上办事、窗口服务，各版本）：公开")
    def rating_dimension_sets(self) -> list[RatingDimensionSet]:
        return [RatingDimensionSet.of(n, v) for n, v in ratings.DIMENSION_SETS]

    @strawberry.field(description="打开短信或二维码中的评价链接（不登录，不消耗链接）：公开")
    async def rating_link(self, info: Info, token: Annotated[str, strawberry.argument(description="链接中的令牌")]
                          ) -> RatingLinkResult:
        v, errors = await attempt(lambda: ratings.open_link(token=token[:128], settings=info.context.settings), CaseError)
        return RatingLinkResult(link=RatingLink.of(v) if v else None, errors=errors)

    @strawberry.field(description="办件的评价二维码（打印在办理结果和通知书上；令牌一次有效、到期失效，未用的原样重印）："
                      "能看到该办件的工作人员或申请人；无权或不存在时为空", permission_classes=[IsSignedIn])
    async def rating_qr_code(self, info: Info, case_id: Annotated[strawberry.ID, strawberry.argument(
            description="办件的全局 ID")]) -> RatingQrCode | None:
        try:
            return RatingQrCode.of(await ratings.qr_code(actor=info.context.actor, case_id=domain_id(case_id, "Case"),
                                                         settings=info.context.settings))
        except DomainError as e:
            if e.code in (errors.NOT_FOUND, errors.NOT_ALLOWED, errors.INVALID_STATE):
                return None
            raise

    @strawberry.field(description="差评整改单：责任部门审批人员、大厅负责人、管理员、县级查询员（本范围）", permission_classes=[IsStaff])
    async def rectifications(self, info: Info, status: Status = None, card: Card = None,
                             first: First = 50, offset: Offset = 0) -> RectificationList:
        rows, total = await rectification.listing(actor=info.context.actor, flt=rectification.Filter(status, card),
                                                  limit=first, offset=max(offset, 0))
        return RectificationList(items=[Rectification.of(v) for v in await rectification.views(rows)], total=total)

    @strawberry.field(description="一张差评整改单（本范围）", permission_classes=[IsStaff])
    async def rectification(self, info: Info, id: RectId) -> Rectification | None:
        try:
            return Rectification.of(await rectification.view(info.context.actor, domain_id(id, "Rectification")))
        except DomainError as e:
            if e.code == errors.NOT_FOUND:
                return None
            raise

    @strawberry.field(description="评价列表（本范围，新的在前）", permission_classes=[IsStaff])
    async def case_ratings(self, info: Info, bad_only: BadOnly = False, first: First = 50, offset: Offset = 0) -> RatingList:
        rows, total = await rectification.ratings_listing(actor=info.context.actor, bad_only=bad_only, limit=first,
                                                          offset=max(offset, 0))
        return RatingList(items=[RatedCase(case_number=n, item_name=i, rating=CaseRating.of(r)) for r, n, i in rows],
                          total=total)

    @strawberry.field(description="好差评统计：覆盖率、差评占比、按期整改率、实名差评回访率（本范围）",
                      permission_classes=[IsStaff])
    async def rating_measures(self, info: Info) -> RatingMeasures:
        return RatingMeasures.of(await rectification.measures_for(info.context.actor))
