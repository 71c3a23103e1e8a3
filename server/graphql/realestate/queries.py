"""Reading the real-estate transfer: the transfer with each utility's state (the applicant's own, the
staff's within their scope), and the transfers naming the signed-in citizen as seller."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.cases import realestate
from server.domain.errors import DomainError
from server.graphql.context import Info
from server.graphql.core.permissions import HasIdentity, IsCitizen
from server.graphql.core.relay import domain_id
from server.graphql.realestate.types import RealEstateTransfer, SellerTransfer


@strawberry.type
class RealEstateQuery:
    @strawberry.field(description="二手房转移登记及水电气暖网联动过户：出卖人确认、契税、现场核验、登记和各项过户的进展；"
                                  "申请人看自己的，工作人员看职责范围内的；无权查看或不是房屋转移时为空",
                      permission_classes=[HasIdentity])
    async def real_estate_transfer(
        self, info: Info, bundle_id: Annotated[relay.GlobalID, strawberry.argument(description="主题办件的全局 ID")],
    ) -> RealEstateTransfer | None:
        try:
            t = await realestate.transfer_view(actor=info.context.actor, bundle_id=domain_id(bundle_id, "Bundle"))
        except DomainError:
            return None
        return RealEstateTransfer.of(t) if t.seller is not None else None

    @strawberry.field(description="以本人为出卖人的房屋转移（须实名认证）：只含与本人有关的内容，买受人姓名脱敏",
                      permission_classes=[IsCitizen])
    async def my_sales(self, info: Info) -> list[SellerTransfer]:
        try:
            rows = await realestate.my_sales(actor=info.context.actor)
        except DomainError:
            return []
        return [SellerTransfer.of(s) for s in rows]
