"""Citizens and enterprises in the graph.

Personal data is masked by the type itself: a :class:`Citizen` shows its name, phone and ID number
whole only to that citizen (``info.context.actor``); everybody else (staff looking at lists, a
legal representative looking at the operators) gets ``张*``, ``138****5678``,
``3715**********123X`` and no birth date. An unmasked view for staff is the privacy area's
``revealPersonalData``, which logs it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.accounts import citizens, models
from server.domain.accounts import enterprises as domain
from server.domain.accounts.identifiers import mask_id_number, mask_name, mask_phone
from server.graphql.accounts.types import AccountError, TokenPair
from server.graphql.catalog.types import Region
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="性别（由居民身份证号码第 17 位得出）")
class Sex(Enum):
    MALE = enum_value("M", description="男")
    FEMALE = enum_value("F", description="女")


@strawberry.enum(description="群众在企业中的身份")
class EnterpriseRole(Enum):
    LEGAL_REP = enum_value(domain.LEGAL_REP, description="法定代表人：登记企业，管理经办人")
    OPERATOR = enum_value(domain.OPERATOR, description="经办人：由法定代表人授权代企业办事")


@strawberry.type(description="群众（自然人）：手机号登录，实名认证后可办事。非本人查看时姓名、手机号、身份证号脱敏，出生日期不显示")
class Citizen(relay.Node):
    key: relay.NodeID[int] = strawberry.field(description="全局 ID 的组成部分")
    row: strawberry.Private[models.Citizen]
    unmasked: strawberry.Private[bool] = False

    @classmethod
    def of(cls, row: models.Citizen, *, unmasked: bool = False) -> Citizen:
        """``unmasked``: the caller has established that the viewer may see this citizen whole
        (the citizen who has just signed in, whose request still carries no token)."""
        return cls(key=row.id, row=row, unmasked=unmasked)

    def _own(self, info: Info) -> bool:
        return self.unmasked or info.context.actor.citizen_id == self.row.id

    @strawberry.field(description="本次返回的姓名、手机号、身份证号是否已脱敏（非本人查看时脱敏）")
    def masked(self, info: Info) -> bool:
        return not self._own(info)

    @strawberry.field(description="手机号；非本人查看时形如 138****5678")
    def phone(self, info: Info) -> str:
        return self.row.phone if self._own(info) else str(mask_phone(self.row.phone))

    @strawberry.field(description="姓名（实名认证后才有）；非本人查看时形如 张*")
    def name(self, info: Info) -> str | None:
        return self.row.name if self._own(info) else mask_name(self.row.name)

    @strawberry.field(description="居民身份证号码（实名认证后才有）；非本人查看时形如 3715**********123X")
    def id_number(self, info: Info) -> str | None:
        return self.row.id_number if self._own(info) else mask_id_number(self.row.id_number)

    @strawberry.field(description="出生日期（由身份证号码得出）；仅本人可见")
    def birth_date(self, info: Info) -> date | None:
        return self.row.birth_date if self._own(info) else None

    @strawberry.field(description="性别（由身份证号码得出）")
    def sex(self) -> Sex | None:
        return Sex(self.row.sex) if self.row.sex else None

    @strawberry.field(description="已完成实名认证")
    def verified(self) -> bool:
        return self.row.verified_at is not None

    @strawberry.field(description="实名认证时间")
    def verified_at(self) -> datetime | None:
        return self.row.verified_at

    @strawberry.field(description="本人作为法定代表人或经办人的企业；仅本人可见（他人查看时为空）")
    async def enterprises(self, info: Info) -> list[Enterprise] | None:
        if not self._own(info):
            return None
        return [Enterprise.of(m) for m in await domain.memberships(citizen_id=self.row.id)]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        async def me(ids: list[int]) -> dict[int, models.Citizen]:  # a citizen node is for that citizen only
            if info.context.actor.citizen_id not in ids:
                return {}
            row = await citizens.profile(actor=info.context.actor)
            return {row.id: row} if row is not None else {}

        return await resolve_nodes(node_ids, fetch=me, build=cls.of, required=required)


@strawberry.type(description="企业的一名经办人")
class EnterpriseOperator:
    citizen: Citizen = strawberry.field(description="经办人（脱敏显示）")
    added_at: datetime = strawberry.field(description="添加时间")


@strawberry.type(description="企业（法人）：由法定代表人登记，可授权经办人代为办事；仅其法定代表人和经办人可见")
class Enterprise(relay.Node):
    key: relay.NodeID[int] = strawberry.field(description="全局 ID 的组成部分")
    credit_code: str = strawberry.field(description="统一社会信用代码")
    name: str = strawberry.field(description="企业名称")
    my_role: EnterpriseRole = strawberry.field(description="当前用户在本企业中的身份")
    registered_at: datetime = strawberry.field(description="在聊易登记的时间")
    region_code: str | None = strawberry.field(description="登记管理机关所在区划代码（统一社会信用代码第 3 至 8 位，本市以外为空）")
    membership: strawberry.Private[domain.Membership]

    @classmethod
    def of(cls, m: domain.Membership) -> Enterprise:
        e = m.enterprise
        return cls(
            key=e.id, credit_code=e.credit_code, name=e.name, my_role=EnterpriseRole(m.role),
            registered_at=e.created_at, region_code=e.region_id, membership=m,
        )

    @property
    def _rep(self) -> bool:
        return self.membership.role == domain.LEGAL_REP

    @strawberry.field(description="法定代表人姓名；经办人查看时脱敏")
    def legal_rep_name(self) -> str:
        name = self.membership.enterprise.legal_rep_name
        return name if self._rep else str(mask_name(name))

    @strawberry.field(description="法定代表人居民身份证号码；经办人查看时脱敏")
    def legal_rep_id_number(self) -> str:
        number = self.membership.enterprise.legal_rep_id_number
        return number if self._rep else str(mask_id_number(number))

    @strawberry.field(description="当前的经办人（已移除的不列出）；仅法定代表人可见，经办人查看时为空")
    def operators(self) -> list[EnterpriseOperator] | None:
        if self.membership.operators is None:
            return None
        return [
            EnterpriseOperator(citizen=Citizen.of(op.citizen), added_at=op.added_at)
            for op in self.membership.operators
        ]

    @strawberry.field(description="登记管理机关所在区划")
    async def region(self, info: Info) -> Region | None:
        r = await info.context.loaders.region.load(self.region_code) if self.region_code else None
        return Region.of(r) if r else None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        async def mine(ids: list[int]) -> dict[int, domain.Membership]:
            found = {i: await domain.membership(actor=info.context.actor, enterprise_id=i) for i in ids}
            return {i: m for i, m in found.items() if m is not None}

        return await resolve_nodes(node_ids, fetch=mine, build=cls.of, required=required)


@strawberry.type(description="统一社会信用代码例外：早期合法取得、校验位不符合 GB 32100 的代码，由管理员登记后准予使用")
class CreditCodeException:
    code: str = strawberry.field(description="统一社会信用代码")
    reason: str = strawberry.field(description="准予使用的理由（如核发文书）")
    added_at: datetime = strawberry.field(description="登记时间")

    @classmethod
    def of(cls, row: models.CreditCodeException) -> CreditCodeException:
        return cls(code=row.code, reason=row.reason, added_at=row.added_at)


# --- inputs and payloads ---------------------------------------------------------------------------


@strawberry.input(description="获取登录短信验证码")
class RequestSmsCodeInput:
    phone: str = strawberry.field(description="11 位手机号码")


@strawberry.type(description="获取验证码的结果：无论该手机号是否已注册，成功时的答复都相同")
class RequestSmsCodePayload:
    sent: bool = strawberry.field(default=False, description="验证码已发出")
    expires_in_seconds: int | None = strawberry.field(default=None, description="验证码有效期（秒）")
    resend_after_seconds: int | None = strawberry.field(default=None, description="多少秒后可以重新获取")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="用手机号和短信验证码登录（首次登录即注册）")
class SignInWithSmsCodeInput:
    phone: str = strawberry.field(description="11 位手机号码")
    code: str = strawberry.field(description="6 位短信验证码")


@strawberry.type(description="群众登录的结果")
class SignInWithSmsCodePayload:
    tokens: TokenPair | None = strawberry.field(default=None, description="令牌（出错时为空）")
    citizen: Citizen | None = strawberry.field(default=None, description="登录的群众（本人，不脱敏）")
    first_sign_in: bool = strawberry.field(default=False, description="首次登录（刚刚注册）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="实名认证：姓名与居民身份证号码")
class VerifyRealNameInput:
    name: str = strawberry.field(description="姓名（2 至 30 个汉字，少数民族姓名可含“·”）")
    id_number: str = strawberry.field(description="18 位居民身份证号码（末位 x 大小写均可）")


@strawberry.type(description="实名认证的结果")
class VerifyRealNamePayload:
    citizen: Citizen | None = strawberry.field(default=None, description="认证后的本人信息")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="登记企业（仅法定代表人本人，须已实名认证）")
class RegisterEnterpriseInput:
    credit_code: str = strawberry.field(description="18 位统一社会信用代码")
    name: str = strawberry.field(description="企业名称")
    legal_rep_name: str = strawberry.field(description="法定代表人姓名")
    legal_rep_id_number: str = strawberry.field(description="法定代表人居民身份证号码")


@strawberry.type(description="登记企业的结果")
class RegisterEnterprisePayload:
    enterprise: Enterprise | None = strawberry.field(default=None, description="登记的企业")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="添加经办人（仅法定代表人）")
class AddEnterpriseOperatorInput:
    enterprise_id: relay.GlobalID = strawberry.field(description="企业的全局 ID")
    phone: str = strawberry.field(description="经办人的手机号（须已在聊易登录并完成实名认证）")


@strawberry.input(description="移除经办人（仅法定代表人）")
class RemoveEnterpriseOperatorInput:
    enterprise_id: relay.GlobalID = strawberry.field(description="企业的全局 ID")
    citizen_id: relay.GlobalID = strawberry.field(description="经办人（群众）的全局 ID")


@strawberry.type(description="添加经办人的结果")
class AddEnterpriseOperatorPayload:
    enterprise: Enterprise | None = strawberry.field(default=None, description="企业（含当前经办人）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.type(description="移除经办人的结果")
class RemoveEnterpriseOperatorPayload:
    enterprise: Enterprise | None = strawberry.field(default=None, description="企业（含当前经办人）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="把一个统一社会信用代码加入例外名单（仅管理员）")
class AddCreditCodeExceptionInput:
    code: str = strawberry.field(description="18 位统一社会信用代码（校验位不符合 GB 32100 的）")
    reason: str = strawberry.field(description="准予使用的理由")


@strawberry.type(description="加入例外名单的结果")
class AddCreditCodeExceptionPayload:
    exception: CreditCodeException | None = strawberry.field(default=None, description="加入的例外")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="把一个统一社会信用代码移出例外名单（仅管理员）")
class RemoveCreditCodeExceptionInput:
    code: str = strawberry.field(description="统一社会信用代码")


@strawberry.type(description="移出例外名单的结果")
class RemoveCreditCodeExceptionPayload:
    code: str | None = strawberry.field(default=None, description="移出的代码")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")
