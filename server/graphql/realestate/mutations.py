"""Real-estate transfer mutations (二手房转移登记): the seller's confirmation, the applicant's booking of
the on-site verification, the registry's verification at the visit, the tax department's record of
the deed tax paid — each in the input/payload/errors shape; who may call each is decided in the
domain (:mod:`server.domain.cases.realestate`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.cases import realestate
from server.graphql.cases.types import Case
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import IsCitizen, IsStaff
from server.graphql.core.relay import domain_id
from server.graphql.realestate.types import RealEstateError, RealEstateTransfer, SellerTransfer

Input = strawberry.argument(description="本操作的输入")


@strawberry.input(description="出卖人确认本次房屋转移")
class ConfirmBundlePartyInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID（mySales 中列出）")


@strawberry.type(description="出卖人确认的结果")
class ConfirmBundlePartyPayload:
    sale: SellerTransfer | None = strawberry.field(default=None, description="确认后的房屋转移（出卖人所见）")
    errors: list[RealEstateError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="预约转移登记的现场核验（网上审核通过后）")
class BookBundleVerificationInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    day: date = strawberry.field(description="日期（工作日，30 天内）")
    start: str = strawberry.field(description="时段开始，如 09:00（上午 9:00–12:00、下午 13:30–17:00，每 30 分钟）",
                                  metadata=max_length(5))
    note: str = strawberry.field(default="", description="备注（最多 200 字）", metadata=max_length(200))


@strawberry.input(description="现场核验通过（预约当日，买卖双方到场）")
class VerifyBundleOnSiteInput:
    case_id: relay.GlobalID = strawberry.field(description="转移登记子办件的全局 ID")
    note: str = strawberry.field(default="", description="核验说明", metadata=max_length(1000))


@strawberry.type(description="现场核验（预约或核验）的结果")
class BundleVerificationPayload:
    transfer: RealEstateTransfer | None = strawberry.field(default=None, description="操作后的房屋转移")
    errors: list[RealEstateError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="税务部门登记契税缴纳")
class RecordDeedTaxPaymentInput:
    case_id: relay.GlobalID = strawberry.field(description="契税子办件的全局 ID")
    amount_yuan: str = strawberry.field(description="缴纳税款（元，最多两位小数），如 \"30000.00\"", metadata=max_length(16))
    receipt_number: str = strawberry.field(description="完税凭证号（6–32 位数字、字母或连字符）", metadata=max_length(32))


@strawberry.type(description="登记契税缴纳的结果")
class RecordDeedTaxPaymentPayload:
    case: Case | None = strawberry.field(default=None, description="已办结（准予）的契税子办件")
    errors: list[RealEstateError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type
class RealEstateMutation:
    @strawberry.mutation(description="出卖人确认本次房屋转移：本人登录且实名认证，身份证号码与申请表所填一致；确认前转移登记不能登簿",
                         permission_classes=[IsCitizen])
    async def confirm_bundle_party(self, info: Info, input: Annotated[ConfirmBundlePartyInput, Input]) -> ConfirmBundlePartyPayload:
        ctx = info.context
        sale, errors = await attempt(lambda: realestate.confirm_party(
            actor=ctx.actor, settings=ctx.settings, bundle_id=domain_id(input.bundle_id, "Bundle")), RealEstateError)
        return ConfirmBundlePartyPayload(sale=SellerTransfer.of(sale) if sale else None, errors=errors)

    @strawberry.mutation(description="预约现场核验：转移登记网上审核通过后，申请人本人预约受理大厅的时段，到场一次办结（再次预约即改约）",
                         permission_classes=[IsCitizen])
    async def book_bundle_verification(self, info: Info, input: Annotated[BookBundleVerificationInput, Input]) -> BundleVerificationPayload:
        ctx = info.context
        bundle_id = domain_id(input.bundle_id, "Bundle")

        async def go() -> realestate.TransferView:
            await realestate.book_visit(actor=ctx.actor, settings=ctx.settings, bundle_id=bundle_id, day=input.day,
                                        start=input.start, note=input.note)
            return await realestate.transfer_view(actor=ctx.actor, bundle_id=bundle_id)

        t, errors = await attempt(go, RealEstateError)
        return BundleVerificationPayload(transfer=RealEstateTransfer.of(t) if t else None, errors=errors)

    @strawberry.mutation(description="现场核验通过：预约当日，不动产登记部门的审批人员核验买卖双方身份与房屋信息（预约记为已到场）",
                         permission_classes=[IsStaff])
    async def verify_bundle_on_site(self, info: Info, input: Annotated[VerifyBundleOnSiteInput, Input]) -> BundleVerificationPayload:
        ctx = info.context

        async def go() -> realestate.TransferView:
            visit = await realestate.verify_on_site(actor=ctx.actor, settings=ctx.settings,
                                                    case_id=domain_id(input.case_id, "Case"), note=input.note)
            return await realestate.transfer_view(actor=ctx.actor, bundle_id=visit.bundle_id)

        t, errors = await attempt(go, RealEstateError)
        return BundleVerificationPayload(transfer=RealEstateTransfer.of(t) if t else None, errors=errors)

    @strawberry.mutation(description="登记契税缴纳：税务部门的审批人员记录税款和完税凭证号，契税子办件办结（准予、签发完税凭证），转移登记即可登簿",
                         permission_classes=[IsStaff])
    async def record_deed_tax_payment(self, info: Info, input: Annotated[RecordDeedTaxPaymentInput, Input]) -> RecordDeedTaxPaymentPayload:
        ctx = info.context
        case, errors = await attempt(lambda: realestate.record_deed_tax(
            actor=ctx.actor, settings=ctx.settings, case_id=domain_id(input.case_id, "Case"),
            amount_yuan=input.amount_yuan, receipt_number=input.receipt_number), RealEstateError)
        return RecordDeedTaxPaymentPayload(case=Case.of(case) if case else None, errors=errors)
