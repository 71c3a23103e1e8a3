"""Catalogue mutations: one input, a payload with the item and errors (DESIGN.md rule 2)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeGuard, TypeVar

import strawberry
from strawberry import UNSET

from server.domain.catalog import service
from server.domain.catalog.content import ItemContent, MaterialSpec, SituationSpec
from server.domain.catalog.models import ItemVersion as VersionRow
from server.domain.errors import DomainError, DomainErrors
from server.graphql.catalog.enums import CatalogErrorCode
from server.graphql.catalog.inputs import (
    MAX_FORM_FIELDS,
    MAX_MATERIALS,
    MAX_REVIEW_STEPS,
    MAX_SITUATIONS,
    ChangeServiceItemStatusInput,
    CreateServiceItemInput,
    DiscardServiceItemDraftInput,
    ItemContentInput,
    PublishServiceItemInput,
    UpdateServiceItemDraftInput,
)
from server.graphql.catalog.types import ItemVersion, ServiceItem
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanEditCatalog
from server.graphql.core.relay import domain_id


@strawberry.type(description="事项目录操作的错误")
class CatalogError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"content\", \"statutoryLimit\", \"value\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: CatalogErrorCode = strawberry.field(description="错误代码")


@strawberry.type
class _CatalogPayload:
    """What every catalogue mutation answers (each payload below is one of these, under its own name)."""

    item: ServiceItem | None = strawberry.field(default=None, description="操作后的事项（出错时为空）")
    version: ItemVersion | None = strawberry.field(default=None, description="本次操作涉及的版本（新建或修改的草稿、发布的版本）")
    errors: list[CatalogError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="新建事项的结果")
class CreateServiceItemPayload(_CatalogPayload):
    pass


@strawberry.type(description="修改事项草稿的结果")
class UpdateServiceItemDraftPayload(_CatalogPayload):
    pass


@strawberry.type(description="放弃草稿的结果")
class DiscardServiceItemDraftPayload(_CatalogPayload):
    pass


@strawberry.type(description="发布事项的结果")
class PublishServiceItemPayload(_CatalogPayload):
    pass


@strawberry.type(description="暂停事项的结果")
class SuspendServiceItemPayload(_CatalogPayload):
    pass


@strawberry.type(description="恢复事项的结果")
class ResumeServiceItemPayload(_CatalogPayload):
    pass


@strawberry.type(description="取消事项的结果")
class CancelServiceItemPayload(_CatalogPayload):
    pass


P = TypeVar("P", bound=_CatalogPayload)
T = TypeVar("T")


def given(value: T | None) -> TypeGuard[T]:
    """A field the client sent (UNSET means "leave as it is"; null is treated the same here)."""
    return value is not UNSET and value is not None


def _changes(c: ItemContentInput) -> dict[str, Any]:
    """The fields the client sent, in domain terms (UNSET means "leave as it is")."""
    out: dict[str, Any] = {}
    for name in ("name", "legal_basis", "acceptance_conditions", "max_visits", "online", "instant", "high_frequency"):
        if given(getattr(c, name)):
            out[name] = getattr(c, name)
    if given(c.item_type):
        out["item_type"] = c.item_type.value
    if given(c.exercise_levels):
        out["exercise_levels"] = [x.value for x in c.exercise_levels]
    if given(c.service_objects):
        out["service_objects"] = [x.value for x in c.service_objects]
    if given(c.keywords):
        out["keywords"] = [k.strip() for k in c.keywords if k.strip()]
    if given(c.aliases):
        out["aliases"] = [a.strip() for a in c.aliases if a.strip()]
    for name in ("statutory_limit", "committed_limit"):
        limit = getattr(c, name)
        if given(limit):
            out[name] = limit.value
            out[name.replace("limit", "unit")] = limit.unit.value
    if given(c.fees):
        out["fees"] = [{"name": f.name, "standard": f.standard, "basis": f.basis} for f in c.fees]
    if given(c.guide):
        g = c.guide
        guide: dict[str, Any] = {"process": list(g.process), "faq": [{"q": f.question, "a": f.answer} for f in g.faq]}
        guide.update({k: getattr(g, k) for k in ("address", "hours", "contact") if getattr(g, k)})
        out["guide"] = guide
    if given(c.situations):
        if len(c.situations) > MAX_SITUATIONS:
            raise DomainError("INVALID", f"办理情形最多 {MAX_SITUATIONS} 个", ["content", "situations"])
        sits = []
        for i, s in enumerate(c.situations):
            if len(s.materials) > MAX_MATERIALS:
                raise DomainError("INVALID", f"每个情形的材料最多 {MAX_MATERIALS} 项", ["content", "situations", str(i)])
            mats = [
                MaterialSpec(
                    name=m.name, form=m.form.value, copies=m.copies, media=m.media.value, necessity=m.necessity.value,
                    sample_text=m.sample_text, review_points=m.review_points, elicence=m.elicence or None,
                    shared_data=m.shared_data, source=m.source, standard_code=(m.standard_code or "").strip() or None,
                )
                for m in s.materials
            ]
            sits.append(SituationSpec(name=s.name, conditions=s.conditions, materials=mats))
        out["situations"] = sits
    if given(c.form_fields):
        if len(c.form_fields) > MAX_FORM_FIELDS:
            raise DomainError("INVALID", f"表单项最多 {MAX_FORM_FIELDS} 个", ["content", "formFields"])
        out["form_fields"] = [
            {
                "key": f.key.strip(), "label": f.label.strip(), "type": f.type.value, "required": f.required,
                "options": [o.strip() for o in f.options], "max_length": f.max_length,
                "min": _plain(f.min), "max": _plain(f.max), "help": f.help.strip(),
            }
            for f in c.form_fields
        ]
    if given(c.review_steps):
        if len(c.review_steps) > MAX_REVIEW_STEPS:
            raise DomainError("INVALID", f"审查环节最多 {MAX_REVIEW_STEPS} 个", ["content", "reviewSteps"])
        out["review_steps"] = [s.strip() for s in c.review_steps]
    if c.result_licence is not UNSET:  # null clears
        out["result_licence"] = (c.result_licence or "").strip() or None
    if c.instant_rule is not UNSET:  # null clears
        r = c.instant_rule
        out["instant_rule"] = (
            None if r is None
            else {"code": r.code.strip(), "version": r.version, "conditions": [x.value for x in r.conditions]}
        )
    return out


def _plain(n: float | None) -> int | float | None:
    """Whole numbers stay integers in the stored definition (GraphQL Float gives 0.0 for 0)."""
    return int(n) if n is not None and float(n).is_integer() else n


def _new_content(c: ItemContentInput) -> ItemContent:
    changes = _changes(c)
    missing = [
        DomainError("INVALID", f"{label}必填", ["content", field])
        for key, field, label in (
            ("name", "name", "事项名称"), ("item_type", "itemType", "事项类型"),
            ("statutory_limit", "statutoryLimit", "法定时限"), ("committed_limit", "committedLimit", "承诺时限"),
        )
        if key not in changes
    ]
    if missing:
        raise DomainErrors(missing)
    return ItemContent(**changes)


def _item_id(gid: strawberry.relay.GlobalID) -> int:
    return domain_id(gid, "ServiceItem")


def _prefixed(errors: list[CatalogError], prefix: str) -> list[CatalogError]:
    for e in errors:
        if e.field and e.field[0] not in ("id", "basicCode", "departmentCode", "reason", "content", "changeKind"):
            e.field = [prefix, *e.field]
    return errors


async def _run(payload: type[P], action: Callable[[], Awaitable[VersionRow]]) -> P:
    version, errors = await attempt(action, CatalogError)
    if version is None:
        return payload(errors=_prefixed(errors, "content"))
    return payload(item=ServiceItem.of(version), version=ItemVersion.of(version))


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(description="新建事项，保存为草稿（版本 1）。仅本区划及上级的事项管理员可操作", permission_classes=[CanEditCatalog])
    async def create_service_item(self, info: Info, input: Annotated[CreateServiceItemInput, strawberry.argument(description="本操作的输入")]) -> CreateServiceItemPayload:
        return await _run(
            CreateServiceItemPayload,
            lambda: service.create_item(
                actor=info.context.actor, basic_code=input.basic_code, department_code=input.department_code,
                content=_new_content(input.content), change_kind=input.change_kind.value, change_note=input.change_note,
            ),
        )

    @strawberry.mutation(description="修改事项草稿；修改已发布的事项会先生成新的草稿版本，发布前不影响在用版本", permission_classes=[CanEditCatalog])
    async def update_service_item_draft(
        self, info: Info, input: Annotated[UpdateServiceItemDraftInput, strawberry.argument(description="本操作的输入")]
    ) -> UpdateServiceItemDraftPayload:
        async def act() -> VersionRow:
            return await service.update_draft(
                actor=info.context.actor, item_id=_item_id(input.id), changes=_changes(input.content),
                change_kind=input.change_kind.value if input.change_kind else None, change_note=input.change_note,
            )

        return await _run(UpdateServiceItemDraftPayload, act)

    @strawberry.mutation(description="发布草稿版本：须至少一个办理情形，每个情形至少一项材料；原版本转为已替代", permission_classes=[CanEditCatalog])
    async def publish_service_item(self, info: Info, input: Annotated[PublishServiceItemInput, strawberry.argument(description="本操作的输入")]) -> PublishServiceItemPayload:
        async def act() -> VersionRow:
            return await service.publish(actor=info.context.actor, item_id=_item_id(input.id))

        return await _run(PublishServiceItemPayload, act)

    @strawberry.mutation(description="放弃草稿版本（连同其情形和材料）；在用版本不变。仅本区划及上级的事项管理员可操作；从未发布的事项请取消", permission_classes=[CanEditCatalog])
    async def discard_service_item_draft(
        self, info: Info, input: Annotated[DiscardServiceItemDraftInput, strawberry.argument(description="本操作的输入")]
    ) -> DiscardServiceItemDraftPayload:
        async def act() -> VersionRow:
            return await service.discard_draft(actor=info.context.actor, item_id=_item_id(input.id))

        return await _run(DiscardServiceItemDraftPayload, act)

    @strawberry.mutation(description="暂停事项：指南仍可查，暂不受理新申请", permission_classes=[CanEditCatalog])
    async def suspend_service_item(self, info: Info, input: Annotated[ChangeServiceItemStatusInput, strawberry.argument(description="本操作的输入")]) -> SuspendServiceItemPayload:
        async def act() -> VersionRow:
            return await service.suspend(actor=info.context.actor, item_id=_item_id(input.id), reason=input.reason)

        return await _run(SuspendServiceItemPayload, act)

    @strawberry.mutation(description="恢复已暂停的事项", permission_classes=[CanEditCatalog])
    async def resume_service_item(self, info: Info, input: Annotated[ChangeServiceItemStatusInput, strawberry.argument(description="本操作的输入")]) -> ResumeServiceItemPayload:
        async def act() -> VersionRow:
            return await service.resume(actor=info.context.actor, item_id=_item_id(input.id), reason=input.reason)

        return await _run(ResumeServiceItemPayload, act)

    @strawberry.mutation(description="取消事项（不可恢复）；历史版本仍可供已受理的办件查阅", permission_classes=[CanEditCatalog])
    async def cancel_service_item(self, info: Info, input: Annotated[ChangeServiceItemStatusInput, strawberry.argument(description="本操作的输入")]) -> CancelServiceItemPayload:
        async def act() -> VersionRow:
            return await service.cancel(actor=info.context.actor, item_id=_item_id(input.id), reason=input.reason)

        return await _run(CancelServiceItemPayload, act)
