"""Enterprises and the citizens who act for them; the admins' list of credit-code exceptions.

Only the legal representative registers an enterprise: a verified citizen whose real name and ID
number are those given for the representative. The representative adds and removes operators
(verified citizens, found by phone number); a removed operator keeps its row, with ``removed_at``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdnum.cn import uscc
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts import errors
from server.domain.accounts.citizens import check_person_name
from server.domain.accounts.identifiers import check_credit_code, check_phone, parse_id_number
from server.domain.accounts.models import Citizen, CreditCodeException, Enterprise, EnterpriseOperator
from server.domain.accounts.roles import Actor, Role
from server.domain.catalog.models import Region
from server.domain.errors import DomainError, DomainErrors

LEGAL_REP = "legal_rep"
OPERATOR = "operator"
NAME_MIN, NAME_MAX = 2, 128
REASON_MAX = 500
EXCEPTION_EDITORS = frozenset({Role.CITY_ADMIN})
EXCEPTION_READERS = frozenset({Role.CITY_ADMIN, Role.CATALOG_ADMIN})
_RAW_CODE = re.compile(r"^[0-9A-Z]{18}$")


@dataclass(slots=True)
class Membership:
    """An enterprise as one citizen sees it: their role, and (for the representative) the
    operators currently acting for it, with their citizens."""

    enterprise: Enterprise
    role: str  # LEGAL_REP | OPERATOR
    operators: list[EnterpriseOperator] | None = field(default=None)


def _citizen_id(actor: Actor) -> int:
    if actor.citizen_id is None:
        raise DomainError(errors.NOT_ALLOWED, "请先用手机号登录")
    return actor.citizen_id


async def _verified(citizen_id: int) -> Citizen:
    citizen = await Citizen.get(id=citizen_id)
    if citizen.verified_at is None or citizen.id_number is None:
        raise DomainError(errors.NOT_VERIFIED, "请先完成实名认证")
    return citizen


async def register_enterprise(
    *, actor: Actor, credit_code: str, name: str, legal_rep_name: str, legal_rep_id_number: str
) -> Membership:
    """Register an enterprise; the caller must be its legal representative."""
    citizen = await _verified(_citizen_id(actor))
    problems: list[DomainError] = []
    code = (credit_code or "").strip().upper()
    try:
        exceptions = {code} if await CreditCodeException.exists(code=code) else set()
        code = check_credit_code(code, exceptions=exceptions)
    except DomainError as e:
        problems.append(e)
    name = re.sub(r"\s+", " ", name or "").strip()
    if not NAME_MIN <= len(name) <= NAME_MAX:
        problems.append(DomainError(errors.INVALID, f"企业名称应为 {NAME_MIN} 到 {NAME_MAX} 个字", ["name"]))
    rep_name, rep_number = "", ""
    try:
        rep_name = check_person_name(legal_rep_name, "legalRepName")
    except DomainError as e:
        problems.append(e)
    try:
        rep_number = parse_id_number(legal_rep_id_number, "legalRepIdNumber").number
    except DomainError as e:
        problems.append(e)
    if problems:
        raise DomainErrors(problems)
    if (citizen.name, citizen.id_number) != (rep_name, rep_number):
        raise DomainError(
            errors.MISMATCH, "只有法定代表人本人可以登记企业：您的实名信息与填写的法定代表人不一致", ["legalRepIdNumber"]
        )
    duplicate = DomainError(errors.DUPLICATE, "该统一社会信用代码已登记；如有疑问请到政务服务大厅咨询", ["creditCode"])
    if await Enterprise.exists(credit_code=code):
        raise duplicate
    region_code = code[2:8]
    region_id = region_code if await Region.exists(code=region_code) else None
    try:
        async with in_transaction() as conn:
            enterprise = await Enterprise.create(
                credit_code=code, name=name, legal_rep_name=rep_name, legal_rep_id_number=rep_number,
                legal_rep_id=citizen.id, region_id=region_id, using_db=conn,
            )
    except IntegrityError:  # registered at the same moment
        raise duplicate from None
    return Membership(enterprise=enterprise, role=LEGAL_REP, operators=[])


async def _represented(actor: Actor, enterprise_id: int) -> Enterprise:
    citizen_id = _citizen_id(actor)
    enterprise = await Enterprise.get_or_none(id=enterprise_id, legal_rep_id=citizen_id)
    if enterprise is None:  # missing or not theirs: the same answer
        raise DomainError(errors.NOT_ALLOWED, "只有企业的法定代表人可以管理经办人", ["enterpriseId"])
    return enterprise


async def _operators_of(enterprise_ids: list[int]) -> dict[int, list[EnterpriseOperator]]:
    out: dict[int, list[EnterpriseOperator]] = {i: [] for i in enterprise_ids}
    if enterprise_ids:
        rows = (
            await EnterpriseOperator.filter(enterprise_id__in=enterprise_ids, removed_at=None)
            .select_related("citizen")
            .order_by("added_at", "id")
        )
        for op in rows:
            out[op.enterprise_id].append(op)
    return out


async def add_operator(*, actor: Actor, enterprise_id: int, phone: str) -> Membership:
    """The legal representative lets a verified citizen act for the enterprise."""
    enterprise = await _represented(actor, enterprise_id)
    phone = check_phone(phone)
    citizen = await Citizen.get_or_none(phone=phone, is_active=True)
    if citizen is None or citizen.verified_at is None:  # unknown and unverified: the same answer
        raise DomainError(
            errors.NOT_VERIFIED, "该手机号尚未注册或未完成实名认证，请对方先登录聊易并完成实名认证", ["phone"]
        )
    if citizen.id == enterprise.legal_rep_id:
        raise DomainError(errors.INVALID, "法定代表人无需添加为经办人", ["phone"])
    if await EnterpriseOperator.exists(enterprise_id=enterprise.id, citizen_id=citizen.id, removed_at=None):
        raise DomainError(errors.DUPLICATE, "该人员已是本企业的经办人", ["phone"])
    await EnterpriseOperator.create(
        enterprise_id=enterprise.id, citizen_id=citizen.id, added_by_id=actor.citizen_id
    )
    return Membership(enterprise, LEGAL_REP, (await _operators_of([enterprise.id]))[enterprise.id])


async def remove_operator(*, actor: Actor, enterprise_id: int, citizen_id: int) -> Membership:
    """The legal representative withdraws an operator's right to act for the enterprise."""
    enterprise = await _represented(actor, enterprise_id)
    removed = await EnterpriseOperator.filter(
        enterprise_id=enterprise.id, citizen_id=citizen_id, removed_at=None
    ).update(removed_at=clock.utcnow())
    if removed == 0:
        raise DomainError(errors.NOT_FOUND, "该人员不是本企业的经办人", ["citizenId"])
    return Membership(enterprise, LEGAL_REP, (await _operators_of([enterprise.id]))[enterprise.id])


async def memberships(*, citizen_id: int) -> list[Membership]:
    """The enterprises a citizen acts for: as legal representative (with the operators), then as
    operator. Three queries, however many enterprises."""
    represented = await Enterprise.filter(legal_rep_id=citizen_id).order_by("id")
    operators = await _operators_of([e.id for e in represented])
    out = [Membership(e, LEGAL_REP, operators[e.id]) for e in represented]
    acting = await EnterpriseOperator.filter(citizen_id=citizen_id, removed_at=None).select_related(
        "enterprise"
    ).order_by("enterprise_id")
    seen = {e.id for e in represented}
    out += [Membership(op.enterprise, OPERATOR) for op in acting if op.enterprise.id not in seen]
    return out


async def membership(*, actor: Actor, enterprise_id: int) -> Membership | None:
    """One enterprise, for its representative or a current operator; None for anybody else."""
    if actor.citizen_id is None:
        return None
    for m in await memberships(citizen_id=actor.citizen_id):
        if m.enterprise.id == enterprise_id:
            return m
    return None


# --- credit-code exceptions ------------------------------------------------------------------------


def _may(actor: Actor, roles: frozenset[Role], what: str) -> None:
    if not (actor.is_staff and actor.has_any(roles)):
        raise DomainError(errors.NOT_ALLOWED, f"只有管理员可以{what}统一社会信用代码例外名单")


def _may_edit_list(actor: Actor) -> None:
    """The list admits codes for every county: only admins of the city (or above) maintain it."""
    _may(actor, EXCEPTION_EDITORS, "维护")
    depth = len([c for c in (actor.region_path or "").split("/") if c])
    if not 0 < depth <= 3:
        raise DomainError(errors.NOT_ALLOWED, "例外名单全市通用，只能由市级管理员维护")


async def list_credit_code_exceptions(*, actor: Actor) -> list[CreditCodeException]:
    _may(actor, EXCEPTION_READERS, "查看")
    return await CreditCodeException.all().order_by("code")


async def add_credit_code_exception(*, actor: Actor, code: str, reason: str) -> CreditCodeException:
    """Admit an early legal code whose check character fails GB 32100."""
    _may_edit_list(actor)
    code = re.sub(r"\s", "", code or "").upper()
    reason = (reason or "").strip()
    problems: list[DomainError] = []
    if not _RAW_CODE.match(code):
        problems.append(DomainError(errors.INVALID_CREDIT_CODE, "统一社会信用代码应为 18 位数字或大写字母", ["code"]))
    elif uscc.is_valid(code):
        problems.append(DomainError(errors.INVALID, "该代码校验正确，无需加入例外名单", ["code"]))
    if not reason or len(reason) > REASON_MAX:
        problems.append(DomainError(errors.INVALID, f"请填写理由（不超过 {REASON_MAX} 字）", ["reason"]))
    if problems:
        raise DomainErrors(problems)
    duplicate = DomainError(errors.DUPLICATE, "该代码已在例外名单中", ["code"])
    if await CreditCodeException.exists(code=code):
        raise duplicate
    try:
        async with in_transaction() as conn:
            return await CreditCodeException.create(
                code=code, reason=reason, added_by_id=actor.user_id, using_db=conn
            )
    except IntegrityError:
        raise duplicate from None


async def remove_credit_code_exception(*, actor: Actor, code: str) -> str:
    """Take a code off the list (enterprises already registered with it stay)."""
    _may_edit_list(actor)
    code = re.sub(r"\s", "", code or "").upper()
    if await CreditCodeException.filter(code=code).delete() == 0:
        raise DomainError(errors.NOT_FOUND, "例外名单中没有该代码", ["code"])
    return code
