"""Theme reads and writes. Keyword-only functions; every write checks the actor.

Reads are scoped in the query as the catalogue's are: everyone sees published themes; catalogue
editors also see drafts of themes of their own region (and below). Writes follow the items'
versioning: a new theme is a draft (version 1); editing a published theme opens a new draft
version; publishing supersedes the previous version, which stays readable (bundles pin it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.roles import Actor
from server.domain.catalog import finder
from server.domain.catalog.models import ItemVersion, Region
from server.domain.catalog.search import match_q, normalise_query, rank_expression
from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, rules, validation
from server.domain.themes.content import ThemeContent, content_of, version_row
from server.domain.themes.models import Theme, ThemeVersion

# ---------------------------------------------------------------------------------------------
# reads


@dataclass(slots=True)
class ThemeFilter:
    text: str | None = None
    audience: str | None = None
    life_stage: str | None = None
    statuses: Sequence[str] | None = None  # editors only; default: active


def _query(*, actor: Actor, flt: ThemeFilter) -> tuple[Any, str]:
    qs = ThemeVersion.filter(is_current=True)
    statuses = tuple(flt.statuses or ("active",))
    public = [s for s in statuses if s in rules.PUBLIC_STATUSES]
    if actor.can_edit_catalog and actor.region_path is not None:
        own = Q(theme__status__in=statuses, theme__region_path__startswith=actor.region_path)
        qs = qs.filter(Q(theme__status__in=public) | own if public else own)
    else:
        qs = qs.filter(theme__status__in=public or ["active"])
    if flt.audience:
        qs = qs.filter(audience=flt.audience)
    if flt.life_stage:
        qs = qs.filter(life_stage=flt.life_stage)
    query = normalise_query(flt.text or "")
    if query:
        qs = qs.filter(match_q(query))
    elif flt.text and flt.text.strip():
        qs = qs.filter(id=-1)  # only punctuation: nothing can match
    return qs, query


async def count_themes(*, actor: Actor, flt: ThemeFilter) -> int:
    qs, _ = _query(actor=actor, flt=flt)
    return int(await qs.count())


async def list_themes(*, actor: Actor, flt: ThemeFilter, offset: int, limit: int) -> list[ThemeVersion]:
    """A page of current versions, each with ``.theme`` loaded; ranked as items are when searching."""
    qs, query = _query(actor=actor, flt=flt)
    if query:
        qs = qs.annotate(rank=rank_expression(query)).order_by("-rank", "theme_id")
    else:
        qs = qs.order_by("audience", "theme_id")
    return list(await qs.select_related("theme").offset(offset).limit(limit))


def _readable(actor: Actor, theme: Theme) -> bool:
    if theme.published_version_id is not None:
        return True
    return actor.can_edit_catalog and actor.covers(theme.region_path)


def _version_readable(actor: Actor, v: ThemeVersion) -> bool:
    return v.status != "draft" or (actor.can_edit_catalog and actor.covers(v.theme.region_path))


async def theme_by_code(*, actor: Actor, code: str) -> ThemeVersion | None:
    """The current version of the theme with this code (with ``.theme``), if the actor may read it."""
    v = await ThemeVersion.filter(theme__code=code.strip(), is_current=True).select_related("theme").first()
    return v if v is not None and _readable(actor, v.theme) else None


async def themes_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, ThemeVersion]:
    """Current versions by theme id (for node lookups), only those the actor may read."""
    rows = await ThemeVersion.filter(theme_id__in=list(ids), is_current=True).select_related("theme")
    return {v.theme_id: v for v in rows if _readable(actor, v.theme)}


async def versions_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, ThemeVersion]:
    """Any versions by id (a bundle's pinned one included); drafts only for their editors."""
    rows = await ThemeVersion.filter(id__in=list(ids)).select_related("theme")
    return {v.id: v for v in rows if _version_readable(actor, v)}


async def versions_of_themes(*, actor: Actor, theme_ids: Sequence[int]) -> dict[int, list[ThemeVersion]]:
    """Version history per theme, newest first; drafts only for editors of the theme's region."""
    out: dict[int, list[ThemeVersion]] = defaultdict(list)
    rows = await ThemeVersion.filter(theme_id__in=list(theme_ids)).select_related("theme").order_by("-number")
    for v in rows:
        if _version_readable(actor, v):
            out[v.theme_id].append(v)
    return out


async def themes_by_codes(*, actor: Actor, codes: Sequence[str]) -> dict[str, ThemeVersion]:
    """Current versions by theme code, only those the actor may read."""
    rows = await ThemeVersion.filter(theme__code__in=list(codes), is_current=True).select_related("theme")
    return {v.theme.code: v for v in rows if _readable(actor, v.theme)}


async def service_items_of(refs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ItemVersion]:
    """The current published version (with ``.item``) of the items theme stages name, by
    (basic code, department code); one query whatever the number."""
    codes = sorted({c for c, _ in refs})
    departments = sorted({d for _, d in refs})
    if not codes:
        return {}
    rows = await ItemVersion.filter(
        is_current=True, item__basic_code__in=codes, item__department_id__in=departments,
        item__published_version_id__not_isnull=True,
    ).select_related("item")
    wanted = set(refs)
    return {(v.item.basic_code, v.item.department_id): v for v in rows
            if (v.item.basic_code, v.item.department_id) in wanted}


async def published_version(*, code: str | None = None, theme_id: int | None = None) -> ThemeVersion | None:
    """The version in force of an active theme (what an application pins), by code or id; ``None``
    when the theme is unknown, never published, suspended or cancelled."""
    qs = Theme.filter(status="active")
    qs = qs.filter(code=code.strip()) if code is not None else qs.filter(id=theme_id)
    theme = await qs.first()
    if theme is None or theme.published_version_id is None:
        return None
    return await ThemeVersion.filter(id=theme.published_version_id).select_related("theme").first()


async def version_by_id(version_id: int) -> ThemeVersion | None:
    """Any version, with ``.theme`` (a bundle reads its pinned version back with this)."""
    return await ThemeVersion.filter(id=version_id).select_related("theme").first()


# ---------------------------------------------------------------------------------------------
# writes


def _require_editor(actor: Actor, region_path: str) -> None:
    if not actor.can_edit_catalog:
        raise DomainError(errors.NOT_ALLOWED, "只有事项管理员可以维护主题服务")
    if not actor.covers(region_path):
        raise DomainError(errors.NOT_ALLOWED, "只能维护本级及下级区划的主题服务")


async def _checked(content: ThemeContent) -> ThemeContent:
    pinned, problems = await validation.check(content)
    if problems:
        raise DomainErrors(problems)
    return pinned


async def _current(theme_id: int) -> ThemeVersion:
    return await ThemeVersion.filter(theme_id=theme_id, is_current=True).select_related("theme").get()


async def create_draft(
    *, actor: Actor, code: str, content: ThemeContent, region_code: str | None = None, change_note: str = ""
) -> ThemeVersion:
    """A new theme of the actor's region (or ``region_code`` below it), as a draft (version 1)."""
    code = code.strip()
    region_code = region_code or actor.region_code
    region = await Region.get_or_none(code=region_code) if region_code else None
    if region is None:
        raise DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"])
    _require_editor(actor, region.path)
    if not rules.CODE_PATTERN.match(code):
        raise DomainError(errors.INVALID_CODE, "主题编码应以小写字母开头，只含小写字母、数字和连字符，2 到 48 个字符", ["code"])
    if await Theme.exists(code=code):
        raise DomainError(errors.DUPLICATE_CODE, f"已有编码为 {code} 的主题", ["code"])
    content = await _checked(content)
    async with in_transaction() as conn:
        theme = await Theme.create(code=code, region_code=region.code, region_path=region.path, status="draft",
                                   using_db=conn)
        version = await ThemeVersion.create(
            theme=theme, number=1, status="draft", is_current=True, change_note=change_note,
            created_by_id=actor.user_id, using_db=conn, **version_row(content),
        )
        await Theme.filter(id=theme.id).using_db(conn).update(draft_version_id=version.id)
    finder.INDEX.invalidate()
    return await _current(theme.id)


async def _locked(*, actor: Actor, theme_id: int) -> Theme:
    theme = await Theme.get_or_none(id=theme_id)
    if theme is None:
        raise DomainError(errors.NOT_FOUND, "主题不存在", ["id"])
    _require_editor(actor, theme.region_path)
    return theme


async def _bump(theme: Theme, conn: Any, **changes: Any) -> None:
    """Conditional update on row_version: of two concurrent writers exactly one wins."""
    finder.INDEX.invalidate()  # 聊易找 sees the change at once in this process
    updated = await Theme.filter(id=theme.id, row_version=theme.row_version).using_db(conn).update(
        row_version=theme.row_version + 1, updated_at=clock.utcnow(), **changes
    )
    if updated != 1:
        raise DomainError(errors.CONFLICT, "主题已被他人修改，请刷新后重试")


async def update_draft(
    *, actor: Actor, theme_id: int, changes: dict[str, Any], change_note: str | None = None
) -> ThemeVersion:
    """Replace fields of the theme's draft (``changes`` are ThemeContent fields; stages and questions
    are replaced whole); editing a published theme first opens a new draft version from it."""
    theme = await _locked(actor=actor, theme_id=theme_id)
    if theme.status == "cancelled":
        raise DomainError(errors.INVALID_STATE, "主题已取消，不能再修改")
    base_id = theme.draft_version_id or theme.published_version_id
    base = await ThemeVersion.get(id=base_id)
    content = await _checked(replace(content_of(base), **changes))
    async with in_transaction() as conn:
        await _bump(theme, conn)
        if theme.draft_version_id is not None:
            extra = {"change_note": change_note} if change_note is not None else {}
            await ThemeVersion.filter(id=base.id).using_db(conn).update(**version_row(content), **extra)
            draft_id = base.id
        else:
            # numbers run 1, 2, 3 …; the row_version bump above already made this writer the only one
            number = await ThemeVersion.filter(theme_id=theme.id).using_db(conn).count() + 1
            draft = await ThemeVersion.create(
                theme_id=theme.id, number=number, status="draft", is_current=False,
                change_note=change_note or "", created_by_id=actor.user_id, using_db=conn, **version_row(content),
            )
            await Theme.filter(id=theme.id).using_db(conn).update(draft_version_id=draft.id)
            draft_id = draft.id
    return await ThemeVersion.filter(id=draft_id).select_related("theme").get()


async def publish(*, actor: Actor, theme_id: int) -> ThemeVersion:
    """The draft becomes the version in force (checked again against today's catalogue); the
    previous one is kept as superseded."""
    theme = await _locked(actor=actor, theme_id=theme_id)
    if theme.status == "cancelled":
        raise DomainError(errors.INVALID_STATE, "主题已取消，不能发布")
    if theme.draft_version_id is None:
        raise DomainError(errors.INVALID_STATE, "没有待发布的草稿版本")
    draft = await ThemeVersion.get(id=theme.draft_version_id)
    await _checked(content_of(draft))
    async with in_transaction() as conn:
        await _bump(theme, conn, published_version_id=draft.id, draft_version_id=None,
                    status="active" if theme.status == "draft" else theme.status)
        if theme.published_version_id is not None:
            await ThemeVersion.filter(id=theme.published_version_id).using_db(conn).update(
                status="superseded", is_current=False
            )
        await ThemeVersion.filter(id=draft.id).using_db(conn).update(
            status="published", is_current=True, published_at=clock.utcnow(), published_by_id=actor.user_id
        )
    return await _current(theme.id)


_VERBS = {"suspended": "暂停", "active": "恢复", "cancelled": "取消"}


async def _set_status(*, actor: Actor, theme_id: int, reason: str, allowed: set[str], to: str) -> ThemeVersion:
    theme = await _locked(actor=actor, theme_id=theme_id)
    if theme.status not in allowed:
        label = rules.THEME_STATUSES[theme.status]
        raise DomainError(errors.INVALID_STATE, f"主题当前为“{label}”状态，不能{_VERBS[to]}")
    if not reason.strip():
        raise DomainError(errors.INVALID, "请填写原因", ["reason"])
    async with in_transaction() as conn:
        await _bump(theme, conn, status=to, status_reason=reason.strip(), status_changed_at=clock.utcnow(),
                    status_changed_by_id=actor.user_id)
    return await _current(theme.id)


async def suspend(*, actor: Actor, theme_id: int, reason: str) -> ThemeVersion:
    """Stop accepting new bundles for a while; the guide stays readable."""
    return await _set_status(actor=actor, theme_id=theme_id, reason=reason, allowed={"active"}, to="suspended")


async def resume(*, actor: Actor, theme_id: int, reason: str) -> ThemeVersion:
    return await _set_status(actor=actor, theme_id=theme_id, reason=reason, allowed={"suspended"}, to="active")


async def cancel(*, actor: Actor, theme_id: int, reason: str) -> ThemeVersion:
    """Terminal: withdrawn from the menu and the lists; its versions stay readable for bundles."""
    return await _set_status(
        actor=actor, theme_id=theme_id, reason=reason, allowed={"draft", "active", "suspended"}, to="cancelled"
    )
