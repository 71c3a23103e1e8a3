"""Theme queries: the service menu, themes (search like items), a theme, the bundle of an answer set."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, menu, service
from server.domain.themes.resolve import resolve
from server.graphql.context import Info
from server.graphql.core.lengths import max_length
from server.graphql.core.lookahead import selected_below
from server.graphql.core.permissions import CanEditCatalog
from server.graphql.core.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build,
    page_slice,
    typed_domain_id,
)
from server.graphql.themes.enums import Audience, LifeStage, ThemeStatus
from server.graphql.themes.inputs import ThemeAnswerInput
from server.graphql.themes.types import ServiceMenu, Theme, ThemeBundle, prefetch


@strawberry.type
class ThemesQuery:
    @strawberry.field(description="聊城市菜单式服务（当前版本）")
    async def service_menu(self) -> ServiceMenu | None:
        current = await menu.current_menu()
        return ServiceMenu.of(current) if current else None

    @strawberry.field(description="服务菜单的版本历史（新的在前），供事项管理员查阅", permission_classes=[CanEditCatalog])
    async def service_menu_history(
        self, first: Annotated[int, strawberry.argument(description="返回最近 N 个版本（最多 100）")] = 20,
    ) -> list[ServiceMenu]:
        return [ServiceMenu.of(m) for m in await menu.menu_history(limit=max(0, min(first, 100)))]

    @strawberry.field(description="主题式服务（一件事）：分页；搜索名称或关键词的片段、全拼或首字母，按相关度排序")
    async def themes(
        self, info: Info,
        search: Annotated[str | None, strawberry.argument(metadata=max_length(64), description="搜索词：如“开饭店”“kaibancanyin”“kbcyd”")] = None,
        audience: Annotated[Audience | None, strawberry.argument(description="服务对象")] = None,
        life_stage: Annotated[LifeStage | None, strawberry.argument(description="生命周期阶段")] = None,
        statuses: Annotated[
            list[ThemeStatus] | None, strawberry.argument(description="主题状态，默认只看在用；草稿仅本区划事项管理员可查")
        ] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[Theme]:
        actor = info.context.actor
        flt = service.ThemeFilter(
            text=search, audience=str(audience.value) if audience else None,
            life_stage=str(life_stage.value) if life_stage else None,
            statuses=[str(s.value) for s in statuses] if statuses else None,
        )

        async def fetch(offset: int, limit: int) -> list[Theme]:
            rows = await service.list_themes(actor=actor, flt=flt, offset=offset, limit=limit)
            await prefetch(info, rows, selected_below(info, "edges", "node"))
            return [Theme.of(v) for v in rows]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: service.count_themes(actor=actor, flt=flt))

    @strawberry.field(description="按编码读取主题（一次告知、情形引导、阶段和事项）")
    async def theme(
        self, info: Info, code: Annotated[str, strawberry.argument(metadata=max_length(48), description="主题编码，如 enterprise-startup")]
    ) -> Theme | None:
        v = await service.theme_by_code(actor=info.context.actor, code=code)
        return Theme.of(v) if v else None

    @strawberry.field(description="按情形引导的回答得到一件事：适用的事项（按阶段）、一表申请的表单项、一套材料和对照数字。"
                                  "传主题的全局 ID 用其在用版本，传版本的全局 ID 用该版本（事项管理员可预览草稿）")
    async def theme_bundle(
        self, info: Info,
        theme_id: Annotated[relay.GlobalID, strawberry.argument(description="主题或主题版本的全局 ID")],
        answers: Annotated[list[ThemeAnswerInput], strawberry.argument(description="每个问题的回答")],
    ) -> ThemeBundle | None:
        ref = typed_domain_id(theme_id, ("Theme", "ThemeVersion"))
        if ref is None:
            return None
        kind, row = ref
        loaders = info.context.loaders.themes
        if kind == "Theme":
            current = await loaders.theme.load(row)
            published = current.theme.published_version_id if current else None
            version = await loaders.version.load(published) if published else None
        else:
            version = await loaders.version.load(row)
        if version is None:
            return None
        given: dict[str, str] = {}
        for a in answers:
            if a.question in given:
                raise DomainError(errors.INVALID_ANSWERS, f"问题“{a.question}”回答了多次", ["answers"])
            given[a.question] = a.value
        try:
            bundle = await resolve(version=version, answers=given)
        except DomainErrors as many:  # a query answers with one error naming every problem
            raise DomainError(errors.INVALID_ANSWERS, "；".join(e.message for e in many.errors), ["answers"]) from many
        return ThemeBundle.of(bundle, version)
