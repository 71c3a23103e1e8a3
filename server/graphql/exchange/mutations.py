"""Managing partners and their keys, retrying a dead message (city administrators of the region),
and a partner system answering for a case routed to it (its API key)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from server.domain.exchange import partners, reconcile
from server.graphql.cases.types import Case
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import IsCityAdmin, IsPartner
from server.graphql.core.relay import domain_id
from server.graphql.exchange.types import (
    AnswerRoutedCaseInput,
    AnswerRoutedCasePayload,
    CloseExchangeDifferenceInput,
    CloseExchangeDifferencePayload,
    CreatePartnerInput,
    ExchangeDifference,
    ExchangeError,
    ExchangeMessage,
    ExchangePartner,
    PartnerFieldsInput,
    PartnerIdInput,
    PartnerPayload,
    PartnerSecretPayload,
    ReconcilePartnerPayload,
    ReconciliationRun,
    RetryExchangeMessageInput,
    RetryExchangeMessagePayload,
    UpdatePartnerInput,
)

Input = strawberry.argument(description="本操作的输入")


def _fields(f: PartnerFieldsInput) -> partners.PartnerInput:
    return partners.PartnerInput(
        name=f.name, kind=str(f.kind.value) if f.kind else None, region_code=f.region_code, base_url=f.base_url,
        routes=f.routes, timeout_seconds=f.timeout_seconds, max_attempts=f.max_attempts, is_active=f.is_active)


def _partner_id(gid: Any) -> int:
    return domain_id(gid, "ExchangePartner")


@strawberry.type
class ExchangeMutation:
    @strawberry.mutation(description="登记合作单位并生成第一个签名密钥（只显示一次）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def create_partner(self, info: Info, input: Annotated[CreatePartnerInput, Input]) -> PartnerSecretPayload:
        done, errors = await attempt(
            lambda: partners.create_partner(actor=info.context.actor, code=input.code, data=_fields(input.fields)),
            ExchangeError)
        if done is None:
            return PartnerSecretPayload(errors=errors)
        return PartnerSecretPayload(partner=ExchangePartner.of(done[0]), secret=done[1])

    @strawberry.mutation(description="修改合作单位（接收地址、转送的事项、超时、启用）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def update_partner(self, info: Info, input: Annotated[UpdatePartnerInput, Input]) -> PartnerPayload:
        row, errors = await attempt(
            lambda: partners.update_partner(actor=info.context.actor, partner_id=_partner_id(input.partner_id),
                                            data=_fields(input.fields)), ExchangeError)
        return PartnerPayload(errors=errors) if row is None else PartnerPayload(partner=ExchangePartner.of(row))

    @strawberry.mutation(description="轮换签名密钥：新密钥（只显示一次）即刻用于签名，旧密钥在停用前仍可验证，不停机：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def rotate_partner_key(self, info: Info, input: Annotated[PartnerIdInput, Input]) -> PartnerSecretPayload:
        done, errors = await attempt(
            lambda: partners.rotate_key(actor=info.context.actor, partner_id=_partner_id(input.partner_id)), ExchangeError)
        if done is None:
            return PartnerSecretPayload(errors=errors)
        return PartnerSecretPayload(partner=ExchangePartner.of(done[0]), secret=done[1])

    @strawberry.mutation(description="停用旧签名密钥（对方已换用新密钥后）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def retire_partner_key(self, info: Info, input: Annotated[PartnerIdInput, Input]) -> PartnerPayload:
        row, errors = await attempt(
            lambda: partners.retire_old_key(actor=info.context.actor, partner_id=_partner_id(input.partner_id)),
            ExchangeError)
        return PartnerPayload(errors=errors) if row is None else PartnerPayload(partner=ExchangePartner.of(row))

    @strawberry.mutation(description="重发一条投递失败的交换消息（同一消息 ID，对方按一条处理）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def retry_exchange_message(
        self, info: Info, input: Annotated[RetryExchangeMessageInput, Input],
    ) -> RetryExchangeMessagePayload:
        ctx = info.context
        row, errors = await attempt(
            lambda: partners.retry(actor=ctx.actor, message_pk=domain_id(input.id, "ExchangeMessage"), settings=ctx.settings),
            ExchangeError)
        return RetryExchangeMessagePayload(errors=errors) if row is None else RetryExchangeMessagePayload(
            message=ExchangeMessage.of(row))

    @strawberry.mutation(description="立即与合作单位对账：逐件比对转送给它、尚未办结的办件，差异报告在对账页（不改变办件）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def reconcile_partner(self, info: Info, input: Annotated[PartnerIdInput, Input]) -> ReconcilePartnerPayload:
        row, errors = await attempt(
            lambda: reconcile.run_now(actor=info.context.actor, partner_id=_partner_id(input.partner_id)), ExchangeError)
        return ReconcilePartnerPayload(errors=errors) if row is None else ReconcilePartnerPayload(
            run=ReconciliationRun.of(row))

    @strawberry.mutation(description="处理（关闭）一条对账差异，并说明如何处理的（办件不因此改变）：限本区划管理员",
                         permission_classes=[IsCityAdmin])
    async def close_exchange_difference(
        self, info: Info, input: Annotated[CloseExchangeDifferenceInput, Input],
    ) -> CloseExchangeDifferencePayload:
        row, errors = await attempt(
            lambda: reconcile.close(actor=info.context.actor, difference_id=domain_id(input.difference_id,
                                                                                       "ExchangeDifference"),
                                    note=input.note), ExchangeError)
        return CloseExchangeDifferencePayload(errors=errors) if row is None else CloseExchangeDifferencePayload(
            difference=ExchangeDifference.of(row))

    @strawberry.mutation(description="合作单位答复转送给它的办件（已接收、准予或不予办理）：限该合作单位的 API 密钥，只能答复转送给它的办件",
                         permission_classes=[IsPartner])
    async def answer_routed_case(self, info: Info, input: Annotated[AnswerRoutedCaseInput, Input]) -> AnswerRoutedCasePayload:
        ctx = info.context
        data = dict(input.data) if isinstance(input.data, dict) else {}
        row, errors = await attempt(
            lambda: partners.answer(actor=ctx.actor, settings=ctx.settings, case_id=domain_id(input.case_id, "Case"),
                                    event=str(input.answer.value), data=data), ExchangeError)
        return AnswerRoutedCasePayload(errors=errors) if row is None else AnswerRoutedCasePayload(case=Case.of(row))
