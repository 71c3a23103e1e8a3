"""The city's service menu (菜单式服务): its entries, each pointing to items or themes, in order.

The menu is versioned as a whole: publishing writes a new version that replaces the one in force
(the previous ones stay as history). Only catalogue editors of the city may publish it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.roles import Actor
from server.domain.catalog import rules as catalog_rules
from server.domain.catalog.models import ItemVersion, Region, ServiceItem
from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, rules
from server.domain.themes.models import ServiceMenuVersion, Theme, ThemeVersion

CITY_REGION = "371500"


def normalise_entries(raw: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    def texts(value: Any) -> list[str]:
        return [str(v).strip() for v in (value or []) if str(v).strip()]

    return [
        {
            "key": str(e.get("key") or "").strip(), "title": str(e.get("title") or "").strip(),
            "category": str(e.get("category") or "").strip(),
            "description": str(e.get("description") or "").strip(),
            "items": texts(e.get("items")), "themes": texts(e.get("themes")),
        }
        for e in raw
    ]


async def check_entries(entries: Sequence[Mapping[str, Any]]) -> list[DomainError]:
    """Every problem at once: keys, titles, categories, and targets that exist and are in use."""
    problems: list[DomainError] = []

    def bad(code: str, message: str, *path: str | int) -> None:
        problems.append(DomainError(code, message, ["entries", *(str(p) for p in path)]))

    if not entries:
        problems.append(DomainError(errors.INVALID, "服务菜单至少需要一项", ["entries"]))
    if len(entries) > rules.MAX_MENU_ENTRIES:
        problems.append(DomainError(errors.INVALID, f"服务菜单最多 {rules.MAX_MENU_ENTRIES} 项", ["entries"]))
    codes = {c for e in entries for c in e["items"]}
    themes = {c for e in entries for c in e["themes"]}
    active_codes = set(
        await ServiceItem.filter(basic_code__in=sorted(codes), status="active", published_version_id__not_isnull=True)
        .values_list("basic_code", flat=True)
    ) if codes else set()
    active_themes = set(
        await Theme.filter(code__in=sorted(themes), status="active").values_list("code", flat=True)
    ) if themes else set()
    keys: set[str] = set()
    titles: set[str] = set()
    for i, e in enumerate(entries):
        if not rules.KEY_PATTERN.match(e["key"]):
            bad(errors.INVALID, "菜单项标识应以小写字母开头，只含小写字母、数字、下划线和连字符", i, "key")
        elif e["key"] in keys:
            bad(errors.INVALID, f"菜单项标识“{e['key']}”重复", i, "key")
        keys.add(e["key"])
        if not e["title"] or len(e["title"]) > 32:
            bad(errors.INVALID, "菜单项名称不能为空，不超过 32 个字符", i, "title")
        elif e["title"] in titles:
            bad(errors.INVALID, f"菜单项“{e['title']}”重复", i, "title")
        titles.add(e["title"])
        if not e["category"] or len(e["category"]) > rules.MENU_CATEGORY_MAX:
            bad(errors.INVALID, f"菜单项分类不能为空，不超过 {rules.MENU_CATEGORY_MAX} 个字符", i, "category")
        if not e["items"] and not e["themes"]:
            bad(errors.INVALID, f"菜单项“{e['title']}”须指向至少一个事项或主题", i)
        for j, code in enumerate(e["items"]):
            if len(code) != catalog_rules.BASIC_CODE_LENGTH or not code.isdigit():
                bad(errors.INVALID_CODE, "基本编码应为 12 位数字", i, "items", j)
            elif code not in active_codes:
                bad(errors.UNKNOWN_ITEM, f"没有在用的基本编码为 {code} 的事项", i, "items", j)
        for j, code in enumerate(e["themes"]):
            if code not in active_themes:
                bad(errors.UNKNOWN_THEME, f"没有在用的编码为 {code} 的主题", i, "themes", j)
    return problems


async def current_menu() -> ServiceMenuVersion | None:
    """The menu in force: the newest published version."""
    return await ServiceMenuVersion.filter(status="published").order_by("-number").first()


async def menu_history(*, limit: int = 20) -> list[ServiceMenuVersion]:
    return list(await ServiceMenuVersion.all().order_by("-number").limit(limit))


async def _require_city_editor(actor: Actor) -> None:
    if not actor.can_edit_catalog:
        raise DomainError(errors.NOT_ALLOWED, "只有事项管理员可以维护服务菜单")
    city = await Region.get_or_none(code=CITY_REGION)
    if city is None or not actor.covers(city.path):
        raise DomainError(errors.NOT_ALLOWED, "服务菜单由市级事项管理员维护")


async def publish_menu(
    *, actor: Actor | None, entries: Iterable[Mapping[str, Any]], change_note: str = "", seed_hash: str | None = None
) -> ServiceMenuVersion:
    """A new version of the menu, in force at once (``actor`` None: the seed loader)."""
    if actor is not None:
        await _require_city_editor(actor)
    rows = normalise_entries(entries)
    problems = await check_entries(rows)
    if problems:
        raise DomainErrors(problems)
    try:
        async with in_transaction() as conn:
            number = await ServiceMenuVersion.all().using_db(conn).count() + 1  # numbers run 1, 2, 3 …
            await ServiceMenuVersion.filter(status="published").using_db(conn).update(status="superseded")
            return await ServiceMenuVersion.create(
                number=number, status="published", entries=rows, change_note=change_note.strip(),
                seed_hash=seed_hash, published_at=clock.utcnow(), published_by_id=actor.user_id if actor else None,
                using_db=conn,
            )
    except IntegrityError as exc:  # two publishers at once: the version number is unique
        raise DomainError(errors.CONFLICT, "服务菜单已被他人发布，请刷新后重试") from exc


async def menu_items(basic_codes: Sequence[str]) -> dict[str, ItemVersion]:
    """For each basic code, the current version of its highest-level active implementation (with
    ``.item``), as the menu shows it."""
    rows = await ItemVersion.filter(
        is_current=True, item__basic_code__in=list(set(basic_codes)), item__status="active"
    ).select_related("item").order_by("item__level", "item_id")
    out: dict[str, ItemVersion] = {}
    for v in rows:
        out.setdefault(v.item.basic_code, v)
    return out


async def menu_themes(codes: Sequence[str]) -> dict[str, ThemeVersion]:
    """Current versions (with ``.theme``) of active themes by code."""
    rows = await ThemeVersion.filter(
        is_current=True, theme__code__in=list(set(codes)), theme__status="active"
    ).select_related("theme")
    return {v.theme.code: v for v in rows}
