"""Types of the real-estate transfer (二手房转移登记): the seller's view, the transfer with its
deed tax, its on-site verification and each utility's state; personal data masked."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry
from strawberry import relay

from server.domain.accounts.identifiers import mask_name
from server.domain.appointments import errors as appointment_errors
from server.domain.cases import errors, realestate
from server.domain.cases.states import LABELS, Status
from server.domain.catalog.forms import mask_address
from server.graphql.bundles.types import Bundle, is_own
from server.graphql.cases.types import Case
from server.graphql.context import Info
from server.graphql.core.enums import enum_value as v


@strawberry.enum(description="二手房转移登记操作的错误代码")
class RealEstateErrorCode(Enum):
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作")
    NOT_FOUND = v(errors.NOT_FOUND, description="不存在或无权查看")
    NOT_VERIFIED = v(errors.NOT_VERIFIED, description="尚未完成实名认证")
    INVALID = v(errors.INVALID, description="输入不合法")
    INVALID_STATE = v(errors.INVALID_STATE, description="当前状态不允许该操作")
    CONFLICT = v(errors.CONFLICT, description="刚被他人处理，请刷新后重试")
    FULL = v(appointment_errors.FULL, description="该时段预约已满")


@strawberry.type(description="二手房转移登记操作的错误")
class RealEstateError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"day\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: RealEstateErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="出卖人看到的一件房屋转移：只有与本人有关的内容，买受人姓名脱敏")
class SellerTransfer:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID（confirmBundleParty 按它确认）")
    bundle_number: str = strawberry.field(description="主题办件号")
    theme_name: str = strawberry.field(description="主题名称")
    property_address: str = strawberry.field(description="房屋坐落")
    buyer_name: str = strawberry.field(description="买受人姓名（脱敏）")
    confirmed: bool = strawberry.field(description="本人是否已确认本次转移")
    confirmed_at: datetime | None = strawberry.field(description="确认时间")
    transfer_status_label: str = strawberry.field(description="转移登记的办理状态")

    @classmethod
    def of(cls, s: realestate.SellerView) -> SellerTransfer:
        return cls(bundle_id=relay.GlobalID("Bundle", str(s.party.bundle_id)), bundle_number=s.bundle_number,
                   theme_name=s.theme_name, property_address=s.property_address, buyer_name=s.buyer_name,
                   confirmed=s.party.confirmed_at is not None, confirmed_at=s.party.confirmed_at,
                   transfer_status_label=s.transfer_status)


@strawberry.type(description="主题办件的另一方当事人（二手房的出卖人）：姓名、身份证号码脱敏")
class BundlePartyInfo:
    role: str = strawberry.field(description="身份：seller 出卖人")
    name: str = strawberry.field(description="姓名（脱敏）")
    id_number: str = strawberry.field(description="居民身份证号码（脱敏）")
    confirmed: bool = strawberry.field(description="是否已登录平台确认本次转移")
    confirmed_at: datetime | None = strawberry.field(description="确认时间")


@strawberry.type(description="现场核验（预约到大厅一次办结）")
class BundleVisitInfo:
    status: str = strawberry.field(description="booked 已预约、verified 已核验")
    status_label: str = strawberry.field(description="状态的中文说明")
    day: date | None = strawberry.field(description="预约日期")
    start: str | None = strawberry.field(description="时段开始，如 09:00")
    end: str | None = strawberry.field(description="时段结束")
    hall_name: str | None = strawberry.field(description="大厅")
    appointment_id: relay.GlobalID | None = strawberry.field(description="预约的全局 ID（Appointment）")
    verified_at: datetime | None = strawberry.field(description="核验时间")


@strawberry.type(description="一项联动过户（水、电、气、暖、网、公积金）的进展")
class UtilityTransfer:
    key: str = strawberry.field(description="事项在主题中的标识，如 gas")
    name: str = strawberry.field(description="事项名称")
    state: str = strawberry.field(description="waiting 待推送、open 办理中、completed 已过户、failed 未办成、held 暂缓")
    state_label: str = strawberry.field(description="进展的中文说明（含转送企业的送达、重试情况）")
    case_number: str | None = strawberry.field(description="子办件号（已推送时）")
    case_status_label: str | None = strawberry.field(description="子办件状态的中文说明")
    partner_code: str | None = strawberry.field(description="承接的企业代码")
    partner_name: str | None = strawberry.field(description="承接的企业名称")
    partner_delivery: str | None = strawberry.field(description="转送企业的进展：已送达、正在自动重试（已尝试 N 次）、转送失败")
    decided_at: datetime | None = strawberry.field(description="企业办结的时间")

    @classmethod
    def of(cls, u: realestate.UtilityState) -> UtilityTransfer:
        c = u.case
        return cls(key=u.key, name=u.name, state=u.state, state_label=u.label, case_number=c.number if c else None,
                   case_status_label=LABELS[Status(c.status)] if c else None, partner_code=u.partner_code,
                   partner_name=u.partner_name, partner_delivery=u.delivery, decided_at=c.decided_at if c else None)


@strawberry.type(description="二手房转移登记及水电气暖网联动过户：双方、契税、现场核验、登记与各项过户的进展")
class RealEstateTransfer:
    _t: strawberry.Private[realestate.TransferView]
    seller: BundlePartyInfo | None = strawberry.field(description="出卖人（脱敏）；非买卖的主题为空")
    visit: BundleVisitInfo | None = strawberry.field(description="现场核验的预约；尚未预约时为空")
    deed_tax_paid: bool = strawberry.field(description="契税是否已由税务部门登记缴纳")
    registered: bool = strawberry.field(description="转移登记是否已登簿")
    online_review_passed: bool = strawberry.field(description="转移登记的网上审核是否已通过（之后可预约现场核验）")
    next_step: str = strawberry.field(description="下一步要做什么（中文）")
    utilities: list[UtilityTransfer] = strawberry.field(description="各项联动过户")

    @classmethod
    def of(cls, t: realestate.TransferView) -> RealEstateTransfer:
        s, visit, a = t.seller, t.visit, t.appointment
        return cls(
            _t=t,
            seller=BundlePartyInfo(role=s.role, name=mask_name(s.name) or "", id_number=realestate.masked_id(s),
                                   confirmed=s.confirmed_at is not None, confirmed_at=s.confirmed_at) if s else None,
            visit=BundleVisitInfo(
                status=visit.status, status_label="已现场核验" if visit.status == "verified" else "已预约，待现场核验",
                day=a.day if a else None, start=a.start if a else None, end=a.end if a else None,
                hall_name=a.hall_name if a else None,
                appointment_id=relay.GlobalID("Appointment", str(a.id)) if a else None, verified_at=visit.verified_at,
            ) if visit else None,
            deed_tax_paid=t.deed_tax is not None and t.deed_tax.decision == "approved",
            registered=t.transfer is not None and t.transfer.decision == "approved",
            online_review_passed=t.transfer is not None and t.transfer.review_step >= 1,
            next_step=t.next_step, utilities=[UtilityTransfer.of(u) for u in t.utilities],
        )

    @strawberry.field(description="主题办件")
    def bundle(self) -> Bundle:
        return Bundle.of(self._t.bundle)

    @strawberry.field(description="房屋坐落：申请人本人看到原文，其他人看到脱敏")
    def property_address(self, info: Info) -> str:
        text = str((self._t.bundle.form_data or {}).get("propertyAddress") or "")
        return text if is_own(info.context.actor, self._t.bundle) else (mask_address(text) or "")

    @strawberry.field(description="转移登记的子办件（调用者有权查看时）")
    async def transfer_case(self, info: Info) -> Case | None:
        c = self._t.transfer
        found = await info.context.loaders.case.load(c.id) if c else None
        return Case.of(found) if found else None

    @strawberry.field(description="契税的子办件（调用者有权查看时）")
    async def deed_tax_case(self, info: Info) -> Case | None:
        c = self._t.deed_tax
        found = await info.context.loaders.case.load(c.id) if c else None
        return Case.of(found) if found else None
