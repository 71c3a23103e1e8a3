"""Theme and service-menu mutations for catalogue admins: one input, a payload with errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import strawberry

from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import menu, service
from server.domain.themes.content import ThemeContent
from server.domain.themes.models import ThemeVersion as ThemeVersionRow
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanEditCatalog
from server.graphql.core.relay import domain_id
from server.graphql.themes.inputs import (
    REQUIRED,
    ChangeThemeStatusInput,
    CreateThemeDraftInput,
    PublishServiceMenuInput,
    PublishThemeInput,
    UpdateThemeDraftInput,
    changes,
)
from server.graphql.themes.types import ServiceMenu, Theme, ThemeError, ThemeVersion

Input = strawberry.argument(description="本操作的输入")


@strawberry.type(description="新建主题草稿的结果")
class CreateThemeDraftPayload:
    theme: Theme | None = strawberry.field(default=None, description="新建的主题（出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="新建的草稿版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="修改主题草稿的结果")
class UpdateThemeDraftPayload:
    theme: Theme | None = strawberry.field(default=None, description="主题（在用版本的内容；出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="修改后的草稿版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="发布主题的结果")
class PublishThemePayload:
    theme: Theme | None = strawberry.field(default=None, description="发布后的主题（出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="发布的版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="暂停主题的结果")
class SuspendThemePayload:
    theme: Theme | None = strawberry.field(default=None, description="暂停后的主题（出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="在用版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="恢复主题的结果")
class ResumeThemePayload:
    theme: Theme | None = strawberry.field(default=None, description="恢复后的主题（出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="在用版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="取消主题的结果")
class CancelThemePayload:
    theme: Theme | None = strawberry.field(default=None, description="取消后的主题（出错时为空）")
    version: ThemeVersion | None = strawberry.field(default=None, description="最后的版本")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


P = TypeVar("P", CreateThemeDraftPayload, UpdateThemeDraftPayload, PublishThemePayload, SuspendThemePayload,
            ResumeThemePayload, CancelThemePayload)


@strawberry.type(description="发布服务菜单的结果")
class PublishServiceMenuPayload:
    menu: ServiceMenu | None = strawberry.field(default=None, description="发布的菜单版本（出错时为空）")
    errors: list[ThemeError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


_TOP = ("id", "code", "regionCode", "reason", "content", "answers", "entries", "changeNote")


def _prefixed(errors: list[ThemeError]) -> list[ThemeError]:
    """Content problems point into the input's ``content``."""
    for e in errors:
        if e.field and e.field[0] not in _TOP:
            e.field = ["content", *e.field]
    return errors


async def _run(info: Info, payload: type[P], action: Callable[[], Awaitable[ThemeVersionRow]]) -> P:
    """``version`` is the one the action wrote; ``theme`` shows the theme as it now reads (its
    published version while a new draft is being edited)."""
    version, errors = await attempt(action, ThemeError)
    if version is None:
        return payload(errors=_prefixed(errors))
    current = (await service.themes_by_ids(actor=info.context.actor, ids=[version.theme_id])).get(version.theme_id)
    return payload(theme=Theme.of(current or version), version=ThemeVersion.of(version))


def _new_content(data: dict[str, Any]) -> ThemeContent:
    missing = [DomainError("INVALID", f"{label}必填", ["content", path]) for key, path, label in REQUIRED
               if key not in data]
    if missing:
        raise DomainErrors(missing)
    return ThemeContent(**data)


def _theme_id(gid: strawberry.relay.GlobalID) -> int:
    return domain_id(gid, "Theme")


@strawberry.type
class ThemesMutation:
    @strawberry.mutation(
        description="新建主题（一件事），保存为草稿（版本 1）；保存时检查全部事项和每一种回答组合。仅本区划的事项管理员可操作",
        permission_classes=[CanEditCatalog],
    )
    async def create_theme_draft(self, info: Info, input: Annotated[CreateThemeDraftInput, Input]) -> CreateThemeDraftPayload:
        async def act() -> ThemeVersionRow:
            return await service.create_draft(
                actor=info.context.actor, code=input.code, region_code=input.region_code,
                content=_new_content(changes(input.content)), change_note=input.change_note,
            )

        return await _run(info, CreateThemeDraftPayload, act)

    @strawberry.mutation(
        description="修改主题草稿；修改已发布的主题会先生成新的草稿版本，发布前不影响在用版本",
        permission_classes=[CanEditCatalog],
    )
    async def update_theme_draft(self, info: Info, input: Annotated[UpdateThemeDraftInput, Input]) -> UpdateThemeDraftPayload:
        async def act() -> ThemeVersionRow:
            return await service.update_draft(
                actor=info.context.actor, theme_id=_theme_id(input.id), changes=changes(input.content),
                change_note=input.change_note,
            )

        return await _run(info, UpdateThemeDraftPayload, act)

    @strawberry.mutation(
        description="发布主题的草稿版本（按当前目录再检查一次）；原版本转为已替代，按原版本申请的一件事不受影响",
        permission_classes=[CanEditCatalog],
    )
    async def publish_theme(self, info: Info, input: Annotated[PublishThemeInput, Input]) -> PublishThemePayload:
        return await _run(info, PublishThemePayload,
                          lambda: service.publish(actor=info.context.actor, theme_id=_theme_id(input.id)))

    @strawberry.mutation(description="暂停主题：一次告知仍可查，暂不受理新申请", permission_classes=[CanEditCatalog])
    async def suspend_theme(self, info: Info, input: Annotated[ChangeThemeStatusInput, Input]) -> SuspendThemePayload:
        return await _run(info, SuspendThemePayload, lambda: service.suspend(
            actor=info.context.actor, theme_id=_theme_id(input.id), reason=input.reason))

    @strawberry.mutation(description="恢复已暂停的主题", permission_classes=[CanEditCatalog])
    async def resume_theme(self, info: Info, input: Annotated[ChangeThemeStatusInput, Input]) -> ResumeThemePayload:
        return await _run(info, ResumeThemePayload, lambda: service.resume(
            actor=info.context.actor, theme_id=_theme_id(input.id), reason=input.reason))

    @strawberry.mutation(description="取消主题（不可恢复）；历史版本仍可供已申请的一件事查阅",
                         permission_classes=[CanEditCatalog])
    async def cancel_theme(self, info: Info, input: Annotated[ChangeThemeStatusInput, Input]) -> CancelThemePayload:
        return await _run(info, CancelThemePayload, lambda: service.cancel(
            actor=info.context.actor, theme_id=_theme_id(input.id), reason=input.reason))

    @strawberry.mutation(
        description="发布服务菜单的新版本（整体替换），即时生效，原版本保留为历史。仅市级事项管理员可操作",
        permission_classes=[CanEditCatalog],
    )
    async def publish_service_menu(
        self, info: Info, input: Annotated[PublishServiceMenuInput, Input]
    ) -> PublishServiceMenuPayload:
        published, errors = await attempt(
            lambda: menu.publish_menu(
                actor=info.context.actor, change_note=input.change_note,
                entries=[{"key": e.key, "title": e.title, "category": e.category, "description": e.description,
                          "items": e.items, "themes": e.themes} for e in input.entries],
            ),
            ThemeError,
        )
        return PublishServiceMenuPayload(menu=ServiceMenu.of(published) if published else None, errors=errors)
