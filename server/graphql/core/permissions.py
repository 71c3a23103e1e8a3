"""Declared authorization (DESIGN.md rule 9): permission classes that return a real bool.

Every root field (Query, Mutation, Subscription) either carries permission classes or is named in
:data:`PUBLIC`; ``tests/graphql/test_declared_access.py`` walks the built schema and fails on a field
that is neither. The classes decide who may call a field at all; the domain checks again, finer
(scope, state), and scopes every list in its query.

Who is asking is answered one way on every root field, query, mutation and subscription alike
(the README's "谁在调用：一种回答"): a caller the field's permission classes refuse gets null for the
field and a top-level error on its path, with the code

- ``UNAUTHENTICATED`` when nobody is signed in (the message says how to sign in), and
- ``FORBIDDEN`` when somebody is (a citizen, staff member or partner system) who may not call it.

A request whose credential is itself invalid (an expired token, a revoked key) is refused whole with
HTTP 401 before anything runs. What the field then decides about a particular object is a business
answer, not a refusal of the caller: a query answers null (as for an object that does not exist), a
mutation its payload with ``NOT_FOUND`` or ``NOT_ALLOWED`` (DESIGN.md rule 2). A top-level error that
refuses the caller is never anything but these two codes (``NOT_ALLOWED`` raised by the domain in a
query is answered as ``FORBIDDEN``, see the view). ``tests/graphql/test_permission_matrix.py``
checks all of it from the schema, for every root field and every kind of caller.

Partner systems hold no roles, so every role check refuses them, and :class:`PartnersReadOnly`
refuses them every mutation before it runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult, FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types.graphql import OperationType

from server.domain.accounts import mandates, privacy
from server.domain.accounts.enterprises import EXCEPTION_EDITORS
from server.domain.accounts.roles import CATALOG_EDITORS, Actor, Role
from server.domain.accounts.service import is_staff_admin
from server.domain.calendar.service import CALENDAR_EDITORS

PUBLIC: frozenset[str] = frozenset({
    # the Relay Node interface: each type's resolve_nodes answers only what the caller may see
    "Query.node",
    # the catalogue (聊易找 · 聊易知): published items, their guides and versions, regions,
    # departments and halls are public; drafts are filtered by the domain for catalogue editors
    "Query.serviceItems", "Query.serviceItem", "Query.serviceItemByCode", "Query.itemVersionDiff",
    "Query.catalogConsistency", "Query.regions", "Query.departments", "Query.halls",
    # 聊易找: ranked search over published items and themes, and suggestions from a prefix
    "Query.findServices", "Query.searchSuggestions",
    # holiday arrangements are public, and a deadline preview changes nothing
    "Query.calendar", "Query.deadlinePreview",
    # free appointment slots of a hall
    "Query.appointmentSlots",
    # themes (一件事) and the service menu are public like the catalogue; drafts are filtered by the
    # domain for catalogue editors, and a bundle preview changes nothing
    "Query.serviceMenu", "Query.themes", "Query.theme", "Query.themeBundle",
    # tracking a case without signing in: the case number and its query code are the credential
    "Query.trackCase", "Query.trackBundle",
    # complaints (吐槽找茬): anybody complains, signed in or not, and follows and answers a complaint
    # with its number and query code (guarded per number like trackCase); the domain refuses staff
    "Mutation.submitComplaint", "Query.trackComplaint", "Mutation.respondToComplaint",
    # signing in (partner systems are refused every mutation by PartnersReadOnly)
    "Mutation.login", "Mutation.refreshTokens", "Mutation.requestSmsCode", "Mutation.signInWithSmsCode",
    # 好差评: the national dimension sets; the SMS or QR rating link (a case's, or a bundle's SMS link), whose signed single-use token is
    # the credential (partners are refused the mutation by PartnersReadOnly)
    "Query.ratingDimensionSets", "Query.ratingLink", "Mutation.rateCaseByLink", "Mutation.rateBundleByLink",
})
"""Root fields anybody may call, as ``Type.field`` (GraphQL names). Everything else declares
permission classes."""


UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"


def refused(actor: Actor, message: str, nobody: str = "请先登录") -> GraphQLError:
    """The one answer to a caller who may not call a field: ``UNAUTHENTICATED`` with ``nobody`` when
    nobody is signed in, ``FORBIDDEN`` with ``message`` otherwise."""
    if actor.kind == "anonymous":
        return GraphQLError(nobody, extensions={"code": UNAUTHENTICATED})
    return GraphQLError(message, extensions={"code": FORBIDDEN})


class ActorPermission(BasePermission):
    """A permission decided by who is asking (``info.context.actor``). A refusal is raised here, as
    :func:`refused` says, so that its code follows the caller, not the class."""

    message = "没有执行此操作的权限"
    nobody_message = "请先登录工作人员账号"  # what an anonymous caller is told (most fields serve staff)

    def allows(self, actor: Actor) -> bool:
        """Whether ``actor`` may call the field; each permission class says, the base refuses."""
        return False

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        actor = info.context.actor
        if self.allows(actor):
            return True
        raise refused(actor, self.message or ActorPermission.message, self.nobody_message)


class IsStaff(ActorPermission):
    message = "此操作仅限工作人员账号"

    def allows(self, actor: Actor) -> bool:
        return actor.is_staff


class IsCitizen(ActorPermission):
    message = "此操作仅限群众本人的个人账号"
    nobody_message = "请先登录个人账号"

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen


class IsPartner(ActorPermission):
    message = "此接口仅供合作系统使用（API 密钥）"
    nobody_message = "请使用合作系统的 API 密钥访问"

    def allows(self, actor: Actor) -> bool:
        return actor.is_partner


class IsSignedIn(ActorPermission):
    """A signed-in citizen or staff member (partner systems are systems, not people)."""

    message = "合作系统不能执行此操作，请由群众或工作人员登录后办理"
    nobody_message = "请先登录"

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen or actor.is_staff


class HasIdentity(ActorPermission):
    """Anybody who is somebody: a citizen, a staff member or a partner system."""

    message = "请先登录"
    nobody_message = "请先登录"

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen or actor.is_staff or actor.is_partner


class _HasRole(ActorPermission):
    roles: frozenset[Role] = frozenset()

    def allows(self, actor: Actor) -> bool:
        return actor.is_staff and actor.has_any(self.roles)


class CanEditCatalog(_HasRole):
    roles = CATALOG_EDITORS
    message = "只有事项管理员可以维护事项目录"


class IsCityAdmin(_HasRole):
    roles = frozenset({Role.CITY_ADMIN})
    message = "只有管理员可以管理工作人员账号"


class IsStaffAdmin(ActorPermission):
    """An administrator with a region (the domain scopes what they manage to it)."""

    message = "只有管理员可以管理工作人员账号"

    def allows(self, actor: Actor) -> bool:
        return is_staff_admin(actor)


class CanManageApiKeys(IsStaffAdmin):
    message = "只有管理员可以管理合作系统的 API 密钥"


class CanEditCalendar(_HasRole):
    roles = CALENDAR_EDITORS
    message = "只有管理员可以调整工作日历"


class CanEditCreditCodeExceptions(_HasRole):
    roles = EXCEPTION_EDITORS
    message = "只有管理员可以维护统一社会信用代码例外名单"


class CanGrantMandates(_HasRole):
    roles = mandates.MANDATE_GRANTORS
    message = "只有大厅负责人或管理员可以登记、撤销委托"


class CanRevokeMandates(ActorPermission):
    """A supervisor or admin (agents of their region), or the citizen who gave the mandate."""

    message = "只有大厅负责人、管理员或委托人本人可以撤销委托"

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen or (actor.is_staff and actor.has_any(mandates.MANDATE_GRANTORS))


class CanUrgeCases(_HasRole):
    """督办: the hall's supervisors and the region's administrators (the domain scopes the case)."""

    roles = frozenset({Role.HALL_SUPERVISOR, Role.CITY_ADMIN})
    message = "只有大厅负责人或管理员可以督办办件"


class CanRevealPersonalData(ActorPermission):
    message = "您的角色无权查看完整的个人信息"

    def allows(self, actor: Actor) -> bool:
        return privacy.may_reveal(actor)


class CanRetryNotifications(_HasRole):
    roles = frozenset({Role.CITY_ADMIN})
    message = "只有市级管理员可以查看和重试通知"


class CanListMandates(ActorPermission):
    """Supervisors, admins and auditors (their region's agents), an agent (its own), a citizen (its own)."""

    message = "无权查看委托"
    nobody_message = "请先登录"

    def allows(self, actor: Actor) -> bool:
        return bool(mandates.can_list(actor))


PARTNER_MUTATIONS = frozenset({"answerRoutedCase", "importHotlineComplaint", "rateAtWindow"})
"""The only mutations a partner system's API key may run: answering for the cases routed to it
(the domain checks each is its own), and a hall evaluator device rating the case just served at
its window (the domain refuses every other kind of key)."""


def _root_fields(ctx: Any) -> set[str]:
    doc = ctx.graphql_document
    if doc is None:
        return set()
    names: set[str] = set()
    for d in doc.definitions:
        if isinstance(d, OperationDefinitionNode) and (ctx.operation_name is None or
                                                       (d.name and d.name.value == ctx.operation_name)):
            for sel in d.selection_set.selections:
                names.add(sel.name.value if isinstance(sel, FieldNode) else "…")
    return names - {"__typename"}


class PartnersReadOnly(SchemaExtension):
    """Partner systems (API keys) read, and write nothing but their answers for the cases routed to
    them (:data:`PARTNER_MUTATIONS`): any other mutation is refused before it runs, so a mutation
    added later is covered without a rule of its own. The domain refuses them as well (they hold
    no roles)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        actor = getattr(ctx.context, "actor", None)
        if ctx.operation_type is OperationType.MUTATION and actor is not None and actor.is_partner:
            roots = _root_fields(ctx)
            if not roots or not roots <= PARTNER_MUTATIONS:
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(
                    "合作系统的 API 密钥只能查询，以及答复转送给本单位的办件（answerRoutedCase）",
                    extensions={"code": FORBIDDEN},
                )])
        yield
