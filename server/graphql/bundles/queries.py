"""Reading bundles: mine, one by id, the window's queue of bundles, tracking without login."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.accounts.roles import Actor, Role
from server.domain.cases import bundles, tracking
from server.domain.cases.models import CaseBundle
from server.domain.cases.scope import sees_cases
from server.domain.errors import DomainError
from server.graphql.bundles.loaders import loaders
from server.graphql.bundles.types import Bundle, BundleHourReport, BundleQueueKind, TrackedBundle, tracked
from server.graphql.cases.statistics import CanReadStatistics
from server.graphql.context import Info
from server.graphql.core.permissions import ActorPermission, HasIdentity
from server.graphql.core.relay import MAX_PAGE, Connection, domain_id

PageFirst = Annotated[int | None, strawberry.argument(description="返回前 N 条（最多 100，默认 20）")]
PageAfter = Annotated[str | None, strawberry.argument(description="从该游标之后开始（键集分页）")]


class AppliesForBundles(ActorPermission):
    """A signed-in citizen, or an assistance agent (the bundles they submitted for principals)."""

    message = "请先登录"
    error_extensions = {"code": "UNAUTHENTICATED"}

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen or (actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles)


class SeesBundleQueue(ActorPermission):
    """Staff who handle cases (each within their scope)."""

    message = "无权查看主题办件队列"

    def allows(self, actor: Actor) -> bool:
        return actor.is_staff and sees_cases(actor)


def _cursor(ident: int) -> str:
    return base64.urlsafe_b64encode(f"b:{ident}".encode()).decode().rstrip("=")


def _after(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        kind, ident = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split(":", 1)
        if kind != "b":
            raise ValueError
        return int(ident)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DomainError("INVALID", "无效的分页游标") from exc


async def page(
    *, first: int | None, after: str | None, fetch: Callable[[int | None, int], Awaitable[Sequence[CaseBundle]]],
    count: Callable[[], Awaitable[int]],
) -> Connection[Bundle]:
    n = 20 if first is None else first
    if not 0 <= n <= MAX_PAGE:
        raise DomainError("INVALID", f"first 应在 0 到 {MAX_PAGE} 之间")
    start = _after(after)
    rows = list(await fetch(start, n + 1))
    has_next = len(rows) > n
    edges = [relay.Edge(cursor=_cursor(b.id), node=Bundle.of(b)) for b in rows[:n]]
    return Connection(
        edges=edges,
        page_info=relay.PageInfo(has_next_page=has_next, has_previous_page=start is not None,
                                 start_cursor=edges[0].cursor if edges else None,
                                 end_cursor=edges[-1].cursor if edges else None),
        _count=count,
    )


@strawberry.type
class BundlesQuery:
    @strawberry.field(description="我的主题办件（“一件事”），新的在前：群众看自己和所代表企业的，代办员看自己代办的",
                      permission_classes=[AppliesForBundles])
    async def my_bundles(self, info: Info, first: PageFirst = None, after: PageAfter = None) -> Connection[Bundle]:
        actor = info.context.actor
        return await page(first=first, after=after,
                          fetch=lambda start, limit: bundles.my_bundles(actor=actor, after=start, limit=limit),
                          count=lambda: bundles.count_my_bundles(actor=actor))

    @strawberry.field(description="按全局 ID 读取一个主题办件；不存在或无权查看时为空（未登录时报 UNAUTHENTICATED）", permission_classes=[HasIdentity])
    async def bundle(self, info: Info, id: Annotated[relay.GlobalID, strawberry.argument(description="主题办件的全局 ID")]) -> Bundle | None:
        [found] = await Bundle.resolve_nodes(info=info, node_ids=[domain_id(id, "Bundle")])
        return found

    @strawberry.field(description="主题办件队列：窗口待受理（先到先办）、部门办理中或全部；只含调用者职责范围内的",
                      permission_classes=[SeesBundleQueue])
    async def bundle_queue(
        self, info: Info,
        queue: Annotated[BundleQueueKind, strawberry.argument(description="哪个队列")] = BundleQueueKind.WINDOW,
        first: PageFirst = None, after: PageAfter = None,
    ) -> Connection[Bundle]:
        actor = info.context.actor
        kind = str(queue.value)
        return await page(first=first, after=after,
                          fetch=lambda start, limit: bundles.bundle_queue(actor=actor, queue=kind, after=start, limit=limit),
                          count=lambda: bundles.count_bundle_queue(actor=actor, queue=kind))

    @strawberry.field(description="主题办件用时统计（如企业开办：一日办结率、半日办结率、用时中位数与 90 分位，按大厅工作时间计）："
                                  "只统计调用者权限范围内的办件", permission_classes=[CanReadStatistics])
    async def bundle_hour_report(
        self, info: Info,
        theme_code: Annotated[str, strawberry.argument(description="主题代码，如 enterprise-startup")],
        date_from: Annotated[date, strawberry.argument(description="受理日期起（含）")],
        date_to: Annotated[date, strawberry.argument(description="受理日期止（含，最多 366 天）")],
    ) -> BundleHourReport:
        return BundleHourReport.of(await bundles.hour_report(actor=info.context.actor, theme_code=theme_code,
                                                             date_from=date_from, date_to=date_to))

    @strawberry.field(description="凭主题办件号和查询码免登录查询“一件事”的办理进度（各阶段、各事项；个人信息脱敏）；号码或查询码不对时为空")
    async def track_bundle(
        self, info: Info,
        number: Annotated[str, strawberry.argument(description="主题办件号")],
        query_code: Annotated[str, strawberry.argument(description="查询码（受理回执或短信中）")],
    ) -> TrackedBundle | None:
        b = await tracking.guarded(number, info.context.settings,
                                   lambda: bundles.track(number=number, query_code=query_code))
        if b is None:
            return None
        return await tracked(info, b, await loaders(info).view(b))



