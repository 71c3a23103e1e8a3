"""Types of staff administration, partner API keys and mandates (帮办代办)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.accounts import apikeys, identifiers, mandates, models
from server.domain.accounts.roles import Actor
from server.graphql.accounts.types import AccountError, Role, StaffUser
from server.graphql.catalog.types import Region
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.lengths import max_length
from server.graphql.core.relay import resolve_nodes

# GraphQL type names of a mandate's principal (the citizens area names its types so)
CITIZEN_TYPE, ENTERPRISE_TYPE = "Citizen", "Enterprise"


# --- staff ------------------------------------------------------------------------------------------


@strawberry.input(description="工作人员账号查询条件；各条件之间为“且”")
class StaffUserFilter:
    text: str | None = strawberry.field(default=None, description="用户名或姓名的片段")
    role: Role | None = strawberry.field(default=None, description="只看具有该角色的账号")
    region_code: str | None = strawberry.field(metadata=max_length(12), default=None, description="只看该区划及其下级的账号")
    include_inactive: bool = strawberry.field(default=False, description="包括已停用的账号")


@strawberry.input(description="新建工作人员账号")
class CreateStaffUserInput:
    username: str = strawberry.field(description="用户名：2 到 64 个字母、数字或 _ . @ -")
    display_name: str = strawberry.field(description="姓名")
    password: str = strawberry.field(description="初始密码（至少 8 个字符）")
    roles: list[Role] = strawberry.field(description="角色（至少一个）")
    region_code: str = strawberry.field(description="所属区划代码：须在管理员本人的区划之内")
    department_code: str | None = strawberry.field(default=None, description="所属部门代码（须属于该区划）")
    hall_code: str | None = strawberry.field(default=None, description="所属大厅代码（须属于该区划）")


@strawberry.input(description="修改工作人员账号：未给出的字段保持不变；部门、大厅传 null 表示清除")
class UpdateStaffUserInput:
    id: relay.GlobalID = strawberry.field(description="账号的全局 ID")
    display_name: str | None = strawberry.field(default=strawberry.UNSET, description="姓名")
    roles: list[Role] | None = strawberry.field(default=strawberry.UNSET, description="新的角色（整体替换）")
    region_code: str | None = strawberry.field(default=strawberry.UNSET, description="新的所属区划（调整权限范围）")
    department_code: str | None = strawberry.field(default=strawberry.UNSET, description="所属部门代码；null 清除")
    hall_code: str | None = strawberry.field(default=strawberry.UNSET, description="所属大厅代码；null 清除")


@strawberry.input(description="停用工作人员账号")
class DisableStaffUserInput:
    id: relay.GlobalID = strawberry.field(description="账号的全局 ID")
    reason: str = strawberry.field(description="停用原因（记入账号）")


@strawberry.input(description="启用工作人员账号（同时解除密码错误锁定）")
class EnableStaffUserInput:
    id: relay.GlobalID = strawberry.field(description="账号的全局 ID")


@strawberry.input(description="重设工作人员密码")
class ResetStaffPasswordInput:
    id: relay.GlobalID = strawberry.field(description="账号的全局 ID")
    new_password: str = strawberry.field(description="新密码（至少 8 个字符）")


@strawberry.type(description="工作人员账号操作的结果")
class StaffUserPayload:
    staff_user: StaffUser | None = strawberry.field(default=None, description="操作后的账号（出错时为空）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.type(description="停用账号或重设密码的结果")
class StaffUserRevokedPayload:
    staff_user: StaffUser | None = strawberry.field(default=None, description="操作后的账号（出错时为空）")
    revoked_tokens: int = strawberry.field(default=0, description="随之吊销的访问令牌数")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


# --- API keys ---------------------------------------------------------------------------------------


@strawberry.enum(description="合作系统的类别")
class ApiKeyKind(Enum):
    COUNTY_SYSTEM = enum_value("county_system", description="县级大厅系统：只读本区划")
    BANK = enum_value("bank", description="银行：只读分派给本行的子办件（开户等）")
    UTILITY = enum_value("utility", description="水电气暖等公用事业单位：只读分派给本单位的子办件")
    PROVINCE = enum_value("province", description="省级一体化平台")
    HOTLINE = enum_value("hotline", description="12345 政务服务便民热线：导入热线工单为投诉")
    HALL_DEVICE = enum_value("hall_device", description="大厅窗口评价器：只能对本窗口刚办理的办件评价（rateAtWindow）")


@strawberry.type(description="合作系统的 API 密钥（密钥本身只在创建时返回一次，不保存，也不再显示）")
class ApiKey(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="密钥的全局 ID")
    name: str = strawberry.field(description="名称（哪个系统在用）")
    kind: ApiKeyKind = strawberry.field(description="类别")
    prefix: str = strawberry.field(description="公开前缀（lyk_ 加 8 个字符），用于辨认密钥")
    region_code: str | None = strawberry.field(description="县级系统的区划代码")
    partner_code: str | None = strawberry.field(description="银行、公用事业单位的机构代码")
    created_at: datetime = strawberry.field(description="创建时间")
    last_used_at: datetime | None = strawberry.field(description="最近使用时间（精确到分钟）")
    revoked_at: datetime | None = strawberry.field(description="吊销时间；为空表示有效")

    @classmethod
    def of(cls, k: models.ApiKey) -> ApiKey:
        return cls(
            id=k.id, name=k.name, kind=ApiKeyKind(k.kind), prefix=k.prefix, region_code=k.region_id,
            partner_code=k.partner_code, created_at=k.created_at, last_used_at=k.last_used_at,
            revoked_at=k.revoked_at,
        )

    @strawberry.field(description="县级系统的区划")
    async def region(self, info: Info) -> Region | None:
        r = await info.context.loaders.region.load(self.region_code) if self.region_code else None
        return Region.of(r) if r else None

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: apikeys.api_keys_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="API 密钥查询条件")
class ApiKeyFilter:
    kind: ApiKeyKind | None = strawberry.field(default=None, description="只看该类别")
    include_revoked: bool = strawberry.field(default=False, description="包括已吊销的密钥")


@strawberry.input(description="为合作系统新建 API 密钥")
class CreateApiKeyInput:
    name: str = strawberry.field(description="名称，如“冠县政务服务中心系统”")
    kind: ApiKeyKind = strawberry.field(description="类别")
    region_code: str | None = strawberry.field(default=None, description="县级系统必填：其区划代码（须在管理员的区划之内）")
    partner_code: str | None = strawberry.field(default=None, description="银行、公用事业单位必填：机构代码")
    window_id: int | None = strawberry.field(default=None, description="大厅评价器必填：所在窗口编号")


@strawberry.type(description="新建 API 密钥的结果")
class CreateApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(default=None, description="新建的密钥（不含密钥本身）")
    key: str | None = strawberry.field(
        default=None,
        description="完整密钥 lyk_xxxxxxxx.<秘密部分>：只返回这一次，请立即交给合作系统保存；"
        "请求时放在 X-Api-Key 头（或 Authorization: ApiKey <密钥>）",
    )
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="吊销 API 密钥")
class RevokeApiKeyInput:
    id: relay.GlobalID = strawberry.field(description="密钥的全局 ID")


@strawberry.type(description="吊销 API 密钥的结果")
class RevokeApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(default=None, description="吊销后的密钥")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.type(description="以 API 密钥访问的合作系统（本身）")
class Partner:
    name: str = strawberry.field(description="密钥名称")
    kind: ApiKeyKind = strawberry.field(description="类别")
    prefix: str = strawberry.field(description="所用密钥的公开前缀")
    region_code: str | None = strawberry.field(description="县级系统可读的区划代码")
    partner_code: str | None = strawberry.field(description="银行、公用事业单位的机构代码")

    @classmethod
    def of(cls, a: Actor) -> Partner:
        return cls(
            name=a.display_name, kind=ApiKeyKind(a.partner_kind), prefix=a.username, region_code=a.region_code,
            partner_code=a.partner_code,
        )

    @strawberry.field(description="县级系统可读的区划")
    async def region(self, info: Info) -> Region | None:
        r = await info.context.loaders.region.load(self.region_code) if self.region_code else None
        return Region.of(r) if r else None


# --- mandates ---------------------------------------------------------------------------------------


@strawberry.enum(description="委托人的类别")
class PrincipalKind(Enum):
    CITIZEN = enum_value("citizen", description="群众（自然人）")
    ENTERPRISE = enum_value("enterprise", description="企业")


@strawberry.type(description="委托人（个人信息已脱敏）")
class MandatePrincipal:
    kind: PrincipalKind = strawberry.field(description="类别")
    id: relay.GlobalID = strawberry.field(description="群众（Citizen）或企业（Enterprise）的全局 ID")
    name: str | None = strawberry.field(description="姓名（脱敏，如 张*）或企业名称")
    id_number: str | None = strawberry.field(description="居民身份证号码（脱敏，如 3715**********123X）；企业为空")
    credit_code: str | None = strawberry.field(description="企业的统一社会信用代码（公开信息）；群众为空")


@strawberry.type(description="受托的帮办代办员")
class MandateAgent:
    id: relay.GlobalID = strawberry.field(description="工作人员账号的全局 ID")
    username: str = strawberry.field(description="用户名")
    display_name: str = strawberry.field(description="姓名")
    region_code: str = strawberry.field(description="所属区划代码")


def _principal(m: models.Mandate) -> MandatePrincipal:
    c, e = m.principal_citizen, m.principal_enterprise
    if c is not None:
        return MandatePrincipal(
            kind=PrincipalKind.CITIZEN, id=relay.GlobalID(CITIZEN_TYPE, str(c.id)),
            name=identifiers.mask_name(c.name), id_number=identifiers.mask_id_number(c.id_number), credit_code=None,
        )
    assert e is not None
    return MandatePrincipal(
        kind=PrincipalKind.ENTERPRISE, id=relay.GlobalID(ENTERPRISE_TYPE, str(e.id)), name=e.name, id_number=None,
        credit_code=e.credit_code,
    )


@strawberry.type(description="帮办代办委托：代办员可在有效期内为委托人办理所列事项（或全部事项），每次办理同时记录双方")
class Mandate(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="委托的全局 ID")
    principal: MandatePrincipal = strawberry.field(description="委托人（脱敏）")
    agent: MandateAgent = strawberry.field(description="代办员")
    all_items: bool = strawberry.field(description="委托全部事项")
    basic_codes: list[str] = strawberry.field(description="委托的事项基本编码（全部事项时为空）")
    valid_from: date = strawberry.field(description="有效期起（含）")
    valid_to: date = strawberry.field(description="有效期止（含）")
    note: str = strawberry.field(description="备注")
    created_at: datetime = strawberry.field(description="登记时间")
    revoked_at: datetime | None = strawberry.field(description="撤销时间；为空表示未撤销")
    revoked_reason: str = strawberry.field(description="撤销原因")

    @classmethod
    def of(cls, m: models.Mandate) -> Mandate:
        a = m.agent
        return cls(
            id=m.id, principal=_principal(m),
            agent=MandateAgent(
                id=relay.GlobalID("StaffUser", str(a.id)), username=a.username, display_name=a.display_name,
                region_code=a.region_id,
            ),
            all_items=m.all_items, basic_codes=list(m.basic_codes), valid_from=m.valid_from, valid_to=m.valid_to,
            note=m.note, created_at=m.created_at, revoked_at=m.revoked_at, revoked_reason=m.revoked_reason,
        )

    @strawberry.field(description="今天是否有效（未撤销且在有效期内）")
    def is_active(self) -> bool:
        return mandates.is_active(self)  # on China's today, not the host's

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: mandates.mandates_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="委托查询条件；各条件之间为“且”")
class MandateFilter:
    agent_id: relay.GlobalID | None = strawberry.field(default=None, description="代办员账号的全局 ID")
    principal: relay.GlobalID | None = strawberry.field(default=None, description="委托人（群众或企业）的全局 ID")
    active_on: date | None = strawberry.field(default=None, description="只看该日有效（未撤销且在有效期内）的委托")


@strawberry.input(description="登记帮办代办委托（委托人为一位群众或一家企业，二选一；代办员以 ID 或用户名指定）")
class CreateMandateInput:
    principal_citizen_id: relay.GlobalID | None = strawberry.field(default=None, description="委托人（已实名的群众）的全局 ID")
    principal_enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="委托企业的全局 ID")
    agent_id: relay.GlobalID | None = strawberry.field(default=None, description="代办员账号的全局 ID")
    agent_username: str | None = strawberry.field(default=None, description="代办员的用户名")
    all_items: bool = strawberry.field(default=False, description="委托全部事项")
    basic_codes: list[str] | None = strawberry.field(
        default=None, description=f"委托的事项基本编码（12 位，最多 {mandates.MAX_CODES} 个）；委托全部事项时不填"
    )
    valid_from: date = strawberry.field(description="有效期起（含）")
    valid_to: date = strawberry.field(description="有效期止（含），不早于起始日期")
    note: str = strawberry.field(default="", description="备注，如委托书编号")


@strawberry.type(description="登记或撤销委托的结果")
class MandatePayload:
    mandate: Mandate | None = strawberry.field(default=None, description="操作后的委托（出错时为空）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="撤销委托（自即刻起失效，已办理的记录保留）")
class RevokeMandateInput:
    id: relay.GlobalID = strawberry.field(description="委托的全局 ID")
    reason: str = strawberry.field(description="撤销原因")
