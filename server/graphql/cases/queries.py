"""Reading cases: mine, a case, the queues (keyset pages), the overdue lists, tracking without login."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any

import strawberry
from strawberry import relay

from server.domain.accounts.roles import Actor
from server.domain.cases import models, queries, tracking, window
from server.domain.cases.scope import sees_cases
from server.domain.cases.states import ACTIONS, LABELS, Action, Status
from server.domain.errors import DomainError
from server.graphql.cases.types import (
    Case,
    CaseQueueKind,
    CaseStatus,
    DeadlineWarning,
    ELicence,
    TrackedCase,
    TrackedStep,
    decode_key,
    encode_key,
)
from server.graphql.context import Info
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import ActorPermission, HasIdentity
from server.graphql.core.relay import MAX_PAGE, Connection, domain_id

PageFirst = Annotated[int | None, strawberry.argument(description="返回前 N 条（最多 100，默认 20）")]
PageAfter = Annotated[str | None, strawberry.argument(description="从该游标之后开始（键集分页，队列变化时不重不漏）")]


class SeesCases(ActorPermission):
    """Staff handling cases, county viewers and admins, partner systems (each within its scope)."""

    message = "无权查看办件"

    def allows(self, actor: Actor) -> bool:
        return bool((actor.is_staff or actor.is_partner) and sees_cases(actor))


class IsApplicant(ActorPermission):
    """A signed-in citizen, or an assistance agent (the cases they submitted for principals)."""

    message = "只有群众本人或帮办代办员可以查看“我的办件”"
    nobody_message = "请先登录"

    def allows(self, actor: Actor) -> bool:
        from server.domain.accounts.roles import Role

        return bool(actor.is_citizen or (actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles))


@strawberry.input(description="办件队列的筛选条件")
class CaseQueueFilter:
    statuses: list[CaseStatus] | None = strawberry.field(default=None, description="只看这些状态（默认按队列）")
    item_name: str | None = strawberry.field(default=None, description="事项名称包含")
    number: str | None = strawberry.field(metadata=max_length(32), default=None, description="办件号")
    department_code: str | None = strawberry.field(metadata=max_length(24), default=None, description="办理部门")
    hall_code: str | None = strawberry.field(metadata=max_length(24), default=None, description="受理大厅")
    region_code: str | None = strawberry.field(metadata=max_length(12), default=None, description="区划（市或县）")
    claimed_by_me: bool = strawberry.field(default=False, description="只看我领取的")
    unclaimed: bool = strawberry.field(default=False, description="只看无人领取的")
    instant_only: bool = strawberry.field(default=False, description="只看秒批通过的办件（供抽查）")


def _limit(first: int | None) -> int:
    n = 20 if first is None else first
    if not 0 <= n <= MAX_PAGE:
        raise DomainError("INVALID", f"first 应在 0 到 {MAX_PAGE} 之间")
    return n


async def keyset(
    *, first: int | None, after: str | None, sort_key: Callable[[models.Case | queries.CaseRow], Any],
    fetch: Callable[[tuple[Any, int] | None, int], Awaitable[Sequence[models.Case | queries.CaseRow]]],
    count: Callable[[], Awaitable[int]],
) -> Connection[Case]:
    """A Relay connection over keyset pages: the cursor carries (sort key, id) of the last row."""
    n = _limit(first)
    cursor = decode_key(after) if after else None
    rows = list(await fetch(cursor, n + 1))
    has_next = len(rows) > n
    rows = rows[:n]
    edges = [relay.Edge(cursor=encode_key(sort_key(c), c.id), node=Case.of(c)) for c in rows]
    return Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=has_next, has_previous_page=cursor is not None,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=count,
    )


def _flt(f: CaseQueueFilter | None) -> queries.CaseFilter:
    if f is None:
        return queries.CaseFilter()
    return queries.CaseFilter(
        statuses=[s.value for s in f.statuses or []], item_text=f.item_name, number=f.number,
        department_code=f.department_code, hall_code=f.hall_code, region_code=f.region_code,
        claimed_by_me=f.claimed_by_me, unclaimed=f.unclaimed, instant_only=f.instant_only,
    )


@strawberry.type(description="身份证号码在平台登记的是谁（已脱敏），供窗口代为收件保存前核对")
class CounterPerson:
    found: bool = strawberry.field(description="平台是否已有此人；否则代为收件时按填写的姓名和手机号登记")
    masked_name: str | None = strawberry.field(description="登记的姓名（脱敏，如“欧***”），与身份证核对")
    masked_phone: str | None = strawberry.field(description="登记的手机号码（脱敏）")
    verified: bool = strawberry.field(description="是否已实名认证")


@strawberry.type
class CasesQuery:
    @strawberry.field(description="窗口代为收件前按身份证号码查登记的人（姓名、手机号脱敏）；号码不合法时报 INVALID，"
                      "只有可代为收件的窗口工作人员可查", permission_classes=[HasIdentity])
    async def counter_person(
        self, info: Info,
        id_number: Annotated[str, strawberry.argument(metadata=max_length(18), description="居民身份证号码（18 位）")],
    ) -> CounterPerson:
        p = await window.person_on_file(actor=info.context.actor, id_number=id_number)
        return CounterPerson(found=p.found, masked_name=p.masked_name, masked_phone=p.masked_phone, verified=p.verified)

    @strawberry.field(description="我的办件（含草稿），新的在前：群众看自己和所代表企业的，代办员看自己代办的",
                      permission_classes=[IsApplicant])
    async def my_cases(
        self, info: Info,
        statuses: Annotated[list[CaseStatus] | None, strawberry.argument(description="只看这些状态")] = None,
        first: PageFirst = None, after: PageAfter = None,
    ) -> Connection[Case]:
        # the page and its totalCount share one scope (the citizen's enterprises read once)
        mine = queries.MyCases(actor=info.context.actor, statuses=[s.value for s in statuses or []])

        async def fetch(cursor: tuple[Any, int] | None, limit: int) -> list[queries.CaseRow]:
            return await mine.page(after=cursor[1] if cursor else None, limit=limit)

        return await keyset(first=first, after=after, sort_key=lambda c: None, fetch=fetch, count=mine.count)

    @strawberry.field(description="按全局 ID 读取一个办件；不存在或无权查看时为空（未登录时报 UNAUTHENTICATED）", permission_classes=[HasIdentity])
    async def case(self, info: Info, id: Annotated[relay.GlobalID, strawberry.argument(description="办件的全局 ID")]) -> Case | None:
        [found] = await Case.resolve_nodes(info=info, node_ids=[domain_id(id, "Case")])
        return found

    @strawberry.field(description="办件队列（键集分页）：窗口待受理、部门待审、待出件或全部；只含调用者职责范围内的办件",
                      permission_classes=[SeesCases])
    async def case_queue(
        self, info: Info, queue: Annotated[CaseQueueKind, strawberry.argument(description="哪个队列")],
        filter: Annotated[CaseQueueFilter | None, strawberry.argument(description="筛选条件")] = None,
        first: PageFirst = None, after: PageAfter = None,
    ) -> Connection[Case]:
        actor = info.context.actor
        flt = _flt(filter)
        order = queries.queue_order(queue.value, flt)

        async def fetch(cursor: tuple[Any, int] | None, limit: int) -> list[queries.CaseRow]:
            return await queries.case_queue(actor=actor, queue=queue.value, flt=flt, after=cursor, limit=limit)

        return await keyset(
            first=first, after=after, sort_key=(lambda c: c.deadline) if order == "deadline" else (lambda c: None),
            fetch=fetch, count=lambda: queries.count_queue(actor=actor, queue=queue.value, flt=flt),
        )

    @strawberry.field(description="督办：超期（红灯）或临近期限（黄灯）的在办办件，按期限排序", permission_classes=[SeesCases])
    async def overdue_cases(
        self, info: Info,
        level: Annotated[DeadlineWarning, strawberry.argument(description="RED 超期；YELLOW 临近；NONE 两者")] = DeadlineWarning.RED,
        first: PageFirst = None, after: PageAfter = None,
    ) -> Connection[Case]:
        actor = info.context.actor
        lvl = {"red": "red", "yellow": "yellow", "none": "both"}[level.value]

        async def fetch(cursor: tuple[Any, int] | None, limit: int) -> list[queries.CaseRow]:
            return await queries.overdue_cases(actor=actor, level=lvl, after=cursor, limit=limit)

        return await keyset(first=first, after=after, sort_key=lambda c: c.deadline, fetch=fetch,
                            count=lambda: queries.count_overdue(actor=actor, level=lvl))

    @strawberry.field(description="凭办件号和查询码免登录查询办理进度（个人信息脱敏）；号码或查询码不对时为空")
    async def track_case(
        self, info: Info,
        number: Annotated[str, strawberry.argument(metadata=max_length(32), description="办件号")],
        query_code: Annotated[str, strawberry.argument(metadata=max_length(8), description="查询码（受理回执或短信中）")],
    ) -> TrackedCase | None:
        c = await tracking.guarded(number, info.context.settings,
                                   lambda: queries.track(number=number, query_code=query_code))
        if c is None:
            return None
        return TrackedCase(
            number=c.number or "", item_name=c.item_name, department_name=c.department_name,
            applicant_name=c.public_applicant_name,
            status=CaseStatus(c.status), status_label=LABELS[Status(c.status)], submitted_at=c.submitted_at,
            accepted_at=c.accepted_at, deadline=c.deadline, completed_at=c.completed_at,
            steps=[TrackedStep(at=e.at, label=ACTIONS[Action(e.action)], status_label=LABELS[Status(e.to_status)])
                   for e in c.steps],
        )

    @strawberry.field(description="我（及我所代表的企业）持有的电子证照", permission_classes=[IsApplicant])
    async def my_elicences(self, info: Info) -> list[ELicence]:
        return [ELicence.of(e) for e in await queries.my_elicences(actor=info.context.actor)]
