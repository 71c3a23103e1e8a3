"""Exchange types: partners (their keys shown by id, age and fingerprint, never the secret after it
is made), the exchange log with its masked bodies, and the inputs and payloads of their mutations."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from server.domain.exchange import models, partners
from server.graphql.cases.types import Case
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="合作单位类型")
class PartnerKind(Enum):
    PROVINCE = enum_value("province", description="省级政务服务平台（省级委托收件，由其决定）")
    COUNTY = enum_value("county", description="县（市、区）政务服务系统")
    BANK = enum_value("bank", description="银行（政银合作：开户等）")
    UTILITY = enum_value("utility", description="水电气网公共服务企业")
    SEAL_CARVER = enum_value("seal_carver", description="公章刻制企业")
    OTHER = enum_value("other", description="其他合作单位")


@strawberry.enum(description="交换消息的方向")
class ExchangeDirection(Enum):
    OUT = enum_value("out", description="发出：本平台发给合作单位")
    IN = enum_value("in", description="收到：合作单位发来")


@strawberry.enum(description="交换消息的状态")
class ExchangeStatus(Enum):
    PENDING = enum_value("pending", description="待投递（含失败后等待重试）")
    SENDING = enum_value("sending", description="正在投递")
    DELIVERED = enum_value("delivered", description="已送达（对方已应答 2xx）")
    DEAD = enum_value("dead", description="投递失败（死信），管理员可重发")
    APPLIED = enum_value("applied", description="已验证并应用到办件")
    IGNORED = enum_value("ignored", description="已验证，但办件无需变化（如迟到的消息）")
    REFUSED = enum_value("refused", description="已拒绝（签名、时间戳、合作单位或重放校验未通过），未应用")


@strawberry.type(description="合作单位的签名密钥（密钥本身只在生成时显示一次）")
class PartnerKey:
    id: str = strawberry.field(description="密钥标识，如 k2")
    fingerprint: str = strawberry.field(description="指纹（SHA-256 前 12 位），用于与对方核对")
    created_at: str = strawberry.field(description="生成时间")
    signs: bool = strawberry.field(description="是否用于签名（最新的密钥签名；轮换期间旧密钥仍可验证）")


@strawberry.type(description="合作单位：与本平台交换签名消息的系统（省级平台、县级系统、银行、公用事业、刻章企业等）")
class ExchangePartner(relay.Node):
    _p: strawberry.Private[models.Partner]
    id: relay.NodeID[int] = strawberry.field(description="合作单位的全局 ID")
    code: str = strawberry.field(description="代码（转送的办件、API 密钥与接收地址 /exchange/<代码> 用它）")
    name: str = strawberry.field(description="名称")
    kind: PartnerKind = strawberry.field(description="类型")
    region_code: str = strawberry.field(description="所属区划（由该区划的管理员管理）")
    base_url: str = strawberry.field(description="接收地址（本平台向此 POST 签名消息）")
    timeout_seconds: float = strawberry.field(description="每次投递的超时（秒）")
    max_attempts: int = strawberry.field(description="最多尝试次数（之后转为死信）")
    routes: list[str] = strawberry.field(description="转送给它的事项（事项基本编码）")
    is_active: bool = strawberry.field(description="是否启用")
    updated_at: datetime = strawberry.field(description="最后修改时间")

    @classmethod
    def of(cls, p: models.Partner) -> ExchangePartner:
        return cls(_p=p, id=p.id, code=p.code, name=p.name, kind=PartnerKind(p.kind), region_code=p.region_code,
                   base_url=p.base_url, timeout_seconds=p.timeout_seconds, max_attempts=p.max_attempts,
                   routes=list(p.routes or []), is_active=p.is_active, updated_at=p.updated_at)

    @strawberry.field(description="签名密钥（最多两个：轮换期间新旧并存）")
    def keys(self) -> list[PartnerKey]:
        return [PartnerKey(id=str(k.get("id", "")), fingerprint=partners.fingerprint(str(k.get("secret", ""))),
                           created_at=str(k.get("created_at", "")), signs=n == 0) for n, k in enumerate(self._p.keys or [])]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: partners.partners_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required)


@strawberry.type(description="交换日志中的一条消息（发出或收到；个人信息已脱敏）")
class ExchangeMessage(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="日志记录的全局 ID")
    message_id: str = strawberry.field(description="消息 ID（webhook-id；对方据此去重）")
    direction: ExchangeDirection = strawberry.field(description="方向")
    partner_code: str = strawberry.field(description="合作单位代码")
    event: str = strawberry.field(description="消息类型，如 case.routed、case.decided")
    case_number: str = strawberry.field(description="所涉办件号")
    status: ExchangeStatus = strawberry.field(description="状态")
    verification: str = strawberry.field(description="收到消息的校验结果：ok、bad_signature、stale、unknown_partner、api_key 等")
    attempts: int = strawberry.field(description="已投递次数")
    next_attempt_at: datetime | None = strawberry.field(description="下次投递时间")
    last_error: str = strawberry.field(description="最近一次失败或忽略的原因")
    answer_status: int | None = strawberry.field(description="应答的 HTTP 状态")
    answer: JSON = strawberry.field(description="应答内容（脱敏）")
    body: JSON = strawberry.field(description="消息内容（个人信息已脱敏）")
    digest: str = strawberry.field(description="消息体的 SHA-256")
    delivered_at: datetime | None = strawberry.field(description="送达时间")
    created_at: datetime = strawberry.field(description="写入时间")

    @classmethod
    def of(cls, m: models.ExchangeMessage) -> ExchangeMessage:
        return cls(id=m.id, message_id=m.message_id, direction=ExchangeDirection(m.direction), partner_code=m.partner_code,
                   event=m.event, case_number=m.case_number, status=ExchangeStatus(m.status),
                   verification=m.verification, attempts=m.attempts, next_attempt_at=m.next_attempt_at,
                   last_error=m.last_error, answer_status=m.answer_status, answer=JSON(m.answer or {}),
                   body=JSON(m.body or {}), digest=m.digest, delivered_at=m.delivered_at, created_at=m.created_at)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: partners.messages_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required)


@strawberry.input(description="交换日志查询条件")
class ExchangeLogFilter:
    partner_code: str | None = strawberry.field(default=None, description="合作单位代码")
    direction: ExchangeDirection | None = strawberry.field(default=None, description="方向")
    statuses: list[ExchangeStatus] | None = strawberry.field(default=None, description="只看这些状态（如 DEAD、REFUSED）")
    case_number: str | None = strawberry.field(default=None, description="办件号")


@strawberry.enum(description="交换操作的错误代码")
class ExchangeErrorCode(Enum):
    NOT_ALLOWED = enum_value("NOT_ALLOWED", description="无权操作")
    NOT_FOUND = enum_value("NOT_FOUND", description="不存在或不在本区划")
    INVALID = enum_value("INVALID", description="输入不合法")
    INVALID_STATE = enum_value("INVALID_STATE", description="当前状态不允许该操作")
    CONFLICT = enum_value("CONFLICT", description="办件刚被他人处理")
    MISSING_MATERIAL = enum_value("MISSING_MATERIAL", description="容缺材料尚未补齐")


@strawberry.type(description="交换操作的错误")
class ExchangeError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径")
    message: str = strawberry.field(description="中文错误说明")
    code: ExchangeErrorCode = strawberry.field(description="错误代码")


@strawberry.input(description="合作单位的设置（修改时只传要改的项）")
class PartnerFieldsInput:
    name: str | None = strawberry.field(default=None, description="名称")
    kind: PartnerKind | None = strawberry.field(default=None, description="类型")
    region_code: str | None = strawberry.field(default=None, description="所属区划代码")
    base_url: str | None = strawberry.field(default=None, description="接收地址（http(s)://…）")
    routes: list[str] | None = strawberry.field(default=None, description="转送给它的事项基本编码（12 位）")
    timeout_seconds: float | None = strawberry.field(default=None, description="超时（0.5–60 秒）")
    max_attempts: int | None = strawberry.field(default=None, description="最多尝试次数（1–20）")
    is_active: bool | None = strawberry.field(default=None, description="是否启用")


@strawberry.input(description="登记合作单位")
class CreatePartnerInput:
    code: str = strawberry.field(description="代码：2 到 32 位小写字母、数字或连字符")
    fields: PartnerFieldsInput = strawberry.field(description="设置（名称、类型、区划、接收地址必填）")


@strawberry.input(description="修改合作单位")
class UpdatePartnerInput:
    partner_id: relay.GlobalID = strawberry.field(description="合作单位的全局 ID")
    fields: PartnerFieldsInput = strawberry.field(description="要改的设置")


@strawberry.input(description="对一个合作单位的操作")
class PartnerIdInput:
    partner_id: relay.GlobalID = strawberry.field(description="合作单位的全局 ID")


@strawberry.type(description="合作单位操作的结果")
class PartnerPayload:
    partner: ExchangePartner | None = strawberry.field(default=None, description="操作后的合作单位")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="生成签名密钥的结果：密钥只在此显示一次，请当场交给对方")
class PartnerSecretPayload:
    partner: ExchangePartner | None = strawberry.field(default=None, description="操作后的合作单位")
    secret: str | None = strawberry.field(default=None, description="新的签名密钥（whsec_…），只显示这一次")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="重发一条死信")
class RetryExchangeMessageInput:
    id: relay.GlobalID = strawberry.field(description="日志记录的全局 ID")


@strawberry.type(description="重发的结果")
class RetryExchangeMessagePayload:
    message: ExchangeMessage | None = strawberry.field(default=None, description="重新投递的消息")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.enum(description="合作单位对转送办件的答复")
class RoutedCaseAnswer(Enum):
    ACCEPTED = enum_value("case.accepted", description="已接收（可附本单位编号）")
    DECIDED = enum_value("case.decided", description="已办结：准予（approved）或不予办理（denied）")


@strawberry.input(description="合作单位答复转送给它的办件（与签名接口 POST /exchange/<代码> 的消息相同）")
class AnswerRoutedCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    answer: RoutedCaseAnswer = strawberry.field(description="答复类型")
    data: JSON = strawberry.field(default_factory=dict, description="答复内容：number；decision、reason、result_number、result")


@strawberry.type(description="答复转送办件的结果")
class AnswerRoutedCasePayload:
    case: Case | None = strawberry.field(default=None, description="答复后的办件")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


# ---------------------------------------------------------------- reconciliation (对账)


@strawberry.enum(description="对账差异的类型")
class ExchangeDifferenceKind(Enum):
    STATUS = enum_value("status", description="状态不一致：对方的状态与本平台不同（多为答复在途中丢失）")
    UNKNOWN_TO_PEER = enum_value("unknown_to_peer", description="对方无此件：对方已确认收到消息，查询时却答复无此件")
    UNDELIVERED = enum_value("undelivered", description="未送达：该件的消息投递失败（死信），对方从未收到")


@strawberry.type(description="一次对账：转送给合作单位、尚未办结的办件逐件与对方的状态比对")
class ReconciliationRun(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="对账记录的全局 ID")
    partner_code: str = strawberry.field(description="合作单位代码")
    trigger: str = strawberry.field(description="发起方式：nightly（每晚自动）或 admin（管理员立即对账）")
    started_at: datetime = strawberry.field(description="开始时间")
    finished_at: datetime | None = strawberry.field(description="结束时间")
    checked: int = strawberry.field(description="比对的办件数")
    differences: int = strawberry.field(description="发现的差异数")
    error: str = strawberry.field(description="对方未答复状态查询时的原因（此时未比对任何办件）")

    @classmethod
    def of(cls, r: models.ReconciliationRun) -> ReconciliationRun:
        return cls(id=r.id, partner_code=r.partner_code, trigger=r.trigger, started_at=r.started_at,
                   finished_at=r.finished_at, checked=r.checked, differences=r.differences, error=r.error)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        from server.domain.exchange import reconcile

        return await resolve_nodes(
            node_ids, fetch=lambda ids: reconcile.runs_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required)


@strawberry.type(description="对账差异：本平台与合作单位对一个办件的状态不一致。只报告，不改变办件；"
                             "办件只因验证通过的答复或工作人员的决定而改变")
class ExchangeDifference(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="差异的全局 ID")
    partner_code: str = strawberry.field(description="合作单位代码")
    case_id: relay.GlobalID = strawberry.field(description="所涉办件的全局 ID")
    case_number: str = strawberry.field(description="办件号")
    kind: ExchangeDifferenceKind = strawberry.field(description="差异类型")
    ours: str = strawberry.field(description="本平台的办件状态（如 accepted、under_review）")
    theirs: str = strawberry.field(description="对方答复的状态（received、accepted、approved、denied；对方无此件时为空）")
    detail: str = strawberry.field(description="说明与建议的处理")
    first_seen_at: datetime = strawberry.field(description="首次发现时间")
    last_seen_at: datetime = strawberry.field(description="最近一次对账仍发现的时间")
    closed_at: datetime | None = strawberry.field(description="处理（关闭）时间")
    closed_by: str | None = strawberry.field(description="关闭它的管理员（已关闭而为空：对账时自动关闭，见处理说明：双方已一致、办件已办结或差异类型已变）")
    note: str = strawberry.field(description="处理说明")

    @strawberry.field(description="是否未处理")
    def is_open(self) -> bool:
        return self.closed_at is None

    @classmethod
    def of(cls, d: models.ExchangeDifference) -> ExchangeDifference:
        return cls(id=d.id, partner_code=d.partner_code, case_id=relay.GlobalID("Case", str(d.case_id)),
                   case_number=d.case_number, kind=ExchangeDifferenceKind(d.kind), ours=d.ours, theirs=d.theirs,
                   detail=d.detail, first_seen_at=d.first_seen_at, last_seen_at=d.last_seen_at, closed_at=d.closed_at,
                   closed_by=d.closed_by_name or None, note=d.note)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        from server.domain.exchange import reconcile

        return await resolve_nodes(
            node_ids, fetch=lambda ids: reconcile.differences_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required)


@strawberry.input(description="对账差异查询条件")
class ExchangeDifferenceFilter:
    partner_code: str | None = strawberry.field(default=None, description="合作单位代码")
    open: bool | None = strawberry.field(default=None, description="true 只看未处理的，false 只看已处理的")


@strawberry.type(description="立即对账的结果")
class ReconcilePartnerPayload:
    run: ReconciliationRun | None = strawberry.field(default=None, description="这次对账（对方未答复时见 error）")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="处理（关闭）一条对账差异")
class CloseExchangeDifferenceInput:
    difference_id: relay.GlobalID = strawberry.field(description="差异的全局 ID")
    note: str = strawberry.field(description="处理说明（2 到 500 个字），如“已与对方核实，对方已重新答复”")


@strawberry.type(description="处理对账差异的结果")
class CloseExchangeDifferencePayload:
    difference: ExchangeDifference | None = strawberry.field(default=None, description="处理后的差异")
    errors: list[ExchangeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")
