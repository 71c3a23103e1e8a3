"""Citizens sign in with SMS codes and verify their real names; legal representatives register
enterprises and manage operators; admins keep the credit-code exception list."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.accounts import citizens, enterprises
from server.graphql.accounts.types import AccountError, TokenPair
from server.graphql.citizens.types import (
    AddCreditCodeExceptionInput,
    AddCreditCodeExceptionPayload,
    AddEnterpriseOperatorInput,
    AddEnterpriseOperatorPayload,
    Citizen,
    CreditCodeException,
    Enterprise,
    RegisterEnterpriseInput,
    RegisterEnterprisePayload,
    RemoveCreditCodeExceptionInput,
    RemoveCreditCodeExceptionPayload,
    RemoveEnterpriseOperatorInput,
    RemoveEnterpriseOperatorPayload,
    RequestSmsCodeInput,
    RequestSmsCodePayload,
    SignInWithSmsCodeInput,
    SignInWithSmsCodePayload,
    VerifyRealNameInput,
    VerifyRealNamePayload,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanEditCreditCodeExceptions, IsCitizen
from server.graphql.core.relay import domain_id

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class CitizensMutation:
    @strawberry.mutation(
        description="获取登录短信验证码（6 位，5 分钟内有效，60 秒后可重新获取，每个手机号每天最多 10 次）；"
        "无论手机号是否已注册，答复都相同"
    )
    async def request_sms_code(
        self, info: Info, input: Annotated[RequestSmsCodeInput, Input]
    ) -> RequestSmsCodePayload:
        ctx = info.context
        sent, errors = await attempt(
            lambda: citizens.request_code(
                phone=input.phone, client=ctx.client, secret=ctx.settings.secret_key,
                settings=ctx.settings, limiter=ctx.sms_code_limiter,
            ),
            AccountError,
        )
        if sent is None:
            return RequestSmsCodePayload(errors=errors)
        return RequestSmsCodePayload(sent=True, expires_in_seconds=sent.expires_in,
                                     resend_after_seconds=sent.resend_after)

    @strawberry.mutation(description="群众用手机号和短信验证码登录，首次登录即注册；每个验证码最多尝试 5 次，只能使用一次")
    async def sign_in_with_sms_code(
        self, info: Info, input: Annotated[SignInWithSmsCodeInput, Input]
    ) -> SignInWithSmsCodePayload:
        ctx = info.context
        done, errors = await attempt(
            lambda: citizens.sign_in(
                phone=input.phone, code=input.code, client=ctx.client, secret=ctx.settings.secret_key,
                lifetimes=ctx.settings.token_lifetimes, limiter=ctx.login_limiter,
            ),
            AccountError,
        )
        if done is None:
            return SignInWithSmsCodePayload(errors=errors)
        return SignInWithSmsCodePayload(
            tokens=TokenPair.of(done.tokens), citizen=Citizen.of(done.citizen, unmasked=True),
            first_sign_in=done.first_sign_in,
        )

    @strawberry.mutation(description="实名认证：核验居民身份证号码（校验位、出生日期），得出出生日期和性别；认证后不能自行更改",
                         permission_classes=[IsCitizen])
    async def verify_real_name(
        self, info: Info, input: Annotated[VerifyRealNameInput, Input]
    ) -> VerifyRealNamePayload:
        row, errors = await attempt(
            lambda: citizens.verify_real_name(
                actor=info.context.actor, name=input.name, id_number=input.id_number
            ),
            AccountError,
        )
        return VerifyRealNamePayload(citizen=Citizen.of(row) if row else None, errors=errors)

    @strawberry.mutation(description="登记企业：仅法定代表人本人（实名信息须与填写的法定代表人一致），统一社会信用代码须通过校验或在例外名单中",
                         permission_classes=[IsCitizen])
    async def register_enterprise(
        self, info: Info, input: Annotated[RegisterEnterpriseInput, Input]
    ) -> RegisterEnterprisePayload:
        m, errors = await attempt(
            lambda: enterprises.register_enterprise(
                actor=info.context.actor, credit_code=input.credit_code, name=input.name,
                legal_rep_name=input.legal_rep_name, legal_rep_id_number=input.legal_rep_id_number,
            ),
            AccountError,
        )
        return RegisterEnterprisePayload(enterprise=Enterprise.of(m) if m else None, errors=errors)

    @strawberry.mutation(description="法定代表人按手机号添加经办人（须已实名认证的群众）",
                         permission_classes=[IsCitizen])
    async def add_enterprise_operator(
        self, info: Info, input: Annotated[AddEnterpriseOperatorInput, Input]
    ) -> AddEnterpriseOperatorPayload:
        m, errors = await attempt(
            lambda: enterprises.add_operator(
                actor=info.context.actor, enterprise_id=domain_id(input.enterprise_id, "Enterprise"),
                phone=input.phone,
            ),
            AccountError,
        )
        return AddEnterpriseOperatorPayload(enterprise=Enterprise.of(m) if m else None, errors=errors)

    @strawberry.mutation(description="法定代表人移除经办人；移除后该经办人不能再代企业办事",
                         permission_classes=[IsCitizen])
    async def remove_enterprise_operator(
        self, info: Info, input: Annotated[RemoveEnterpriseOperatorInput, Input]
    ) -> RemoveEnterpriseOperatorPayload:
        m, errors = await attempt(
            lambda: enterprises.remove_operator(
                actor=info.context.actor, enterprise_id=domain_id(input.enterprise_id, "Enterprise"),
                citizen_id=domain_id(input.citizen_id, "Citizen"),
            ),
            AccountError,
        )
        return RemoveEnterpriseOperatorPayload(enterprise=Enterprise.of(m) if m else None, errors=errors)

    @strawberry.mutation(description="把校验位不符合 GB 32100 的早期合法代码加入例外名单（仅管理员）",
                         permission_classes=[CanEditCreditCodeExceptions])
    async def add_credit_code_exception(
        self, info: Info, input: Annotated[AddCreditCodeExceptionInput, Input]
    ) -> AddCreditCodeExceptionPayload:
        row, errors = await attempt(
            lambda: enterprises.add_credit_code_exception(
                actor=info.context.actor, code=input.code, reason=input.reason
            ),
            AccountError,
        )
        return AddCreditCodeExceptionPayload(
            exception=CreditCodeException.of(row) if row else None, errors=errors
        )

    @strawberry.mutation(description="把代码移出例外名单（仅管理员；已登记的企业不受影响）",
                         permission_classes=[CanEditCreditCodeExceptions])
    async def remove_credit_code_exception(
        self, info: Info, input: Annotated[RemoveCreditCodeExceptionInput, Input]
    ) -> RemoveCreditCodeExceptionPayload:
        code, errors = await attempt(
            lambda: enterprises.remove_credit_code_exception(actor=info.context.actor, code=input.code),
            AccountError,
        )
        return RemoveCreditCodeExceptionPayload(code=code, errors=errors)
