"""Catalogue reads and writes. Keyword-only functions; every write checks the actor.

Reads are scoped in the query: anonymous callers and staff without catalogue rights see published
items only; catalogue editors also see drafts of items in their own region (and below).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Max
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.roles import Actor
from server.domain.catalog import errors, finder, rules
from server.domain.catalog.content import (
    MATERIAL_FIELDS,
    ItemContent,
    content_of,
    validate,
    version_row,
)
from server.domain.catalog.models import (
    Department,
    Hall,
    ItemVersion,
    Material,
    Region,
    ServiceItem,
    Situation,
    Window,
)
from server.domain.errors import DomainError, DomainErrors

# ---------------------------------------------------------------------------------------------
# reads


@dataclass(slots=True)
class ItemFilter:
    text: str | None = None
    department_code: str | None = None
    region_code: str | None = None
    level: str | None = None
    item_type: str | None = None
    service_object: str | None = None
    online_only: bool = False
    instant_only: bool = False
    high_frequency: bool | None = None
    statuses: Sequence[str] | None = None  # editors only; default: active
    # a window clerk's search: the items this hall handles first (:func:`handled_at`), the finder's
    # order kept within each part
    hall_first: str | None = None


async def _region_path(code: str) -> str | None:
    row: list[Any] = await Region.filter(code=code).values_list("path", flat=True)
    return str(row[0]) if row else None


async def _item_query(*, actor: Actor, flt: ItemFilter, region_path: str | None = None) -> Any:
    """The scoped queryset of current item versions (with their item) matching the filter's
    fields other than the text."""
    qs = ItemVersion.filter(is_current=True)
    statuses = tuple(flt.statuses or ("active",))
    if actor.can_edit_catalog and actor.region_path is not None:
        public = tuple(s for s in statuses if s in rules.PUBLIC_STATUSES)
        own = Q(item__status__in=statuses, item__region_path__startswith=actor.region_path)
        qs = qs.filter(Q(item__status__in=public) | own if public else own)
    else:
        qs = qs.filter(item__status__in=[s for s in statuses if s in rules.PUBLIC_STATUSES] or ["active"])
    if flt.department_code:
        qs = qs.filter(item__department_id=flt.department_code)
    if flt.region_code:
        path = region_path if region_path is not None else await _region_path(flt.region_code)  # "": none
        qs = qs.filter(item__region_path__startswith=path) if path else qs.filter(id=-1)
    if flt.level:
        qs = qs.filter(item__level=flt.level)
    if flt.item_type:
        qs = qs.filter(item_type=flt.item_type)
    if flt.service_object:
        qs = qs.filter(s_objects__contains=f"|{flt.service_object}|")
    if flt.online_only:
        qs = qs.filter(online=True)
    if flt.instant_only:
        qs = qs.filter(instant=True)
    if flt.high_frequency is not None:
        qs = qs.filter(high_frequency=flt.high_frequency)
    return qs  # a text is searched by the finder (ItemPages.ranked), not here


@dataclass(frozen=True, slots=True)
class HallScope:
    """What a hall handles: the items of its own region's departments that one of its windows
    takes (a comprehensive window with no departments listed takes every department, 无差别受理)."""

    hall: Hall
    departments: frozenset[str] | None  # None: every department of the region

    def handles(self, item: ServiceItem) -> bool:
        return item.region_id == self.hall.region_id and (
            self.departments is None or item.department_id in self.departments
        )


async def handled_at(hall_code: str) -> HallScope | None:
    hall = await Hall.get_or_none(code=hall_code)
    if hall is None:
        return None
    windows = await Window.filter(hall_id=hall.code)
    if any(w.kind == "comprehensive" and not w.department_codes for w in windows):
        return HallScope(hall, None)
    return HallScope(hall, frozenset(d for w in windows for d in w.department_codes))


async def _hall_first(ids: list[int], hall_code: str) -> list[int]:
    """``ids`` (current versions, best first) with the items the hall handles itself moved to the
    front — handled as the counter view says (:func:`server.domain.cases.counter.at_hall`: of the
    hall's region and departments, and taken by no partner), the finder's order kept in each part."""
    from server.domain.cases import counter

    scope = await handled_at(hall_code)
    if scope is None or not ids:
        return ids
    qs = ItemVersion.filter(is_current=True, id__in=ids, item__region_id=scope.hall.region_id)
    if scope.departments is not None:
        qs = qs.filter(item__department_id__in=list(scope.departments))
    candidates = dict(await qs.values_list("id", "item_id"))
    here = await counter.at_hall(hall_code, sorted(set(candidates.values())))
    own = {v for v, item in candidates.items() if item in here and here[item].handled_here}
    return [i for i in ids if i in own] + [i for i in ids if i not in own]


# The graph's ServiceItem shows a current version's content and its item's head. The hot reads
# (the catalogue page, the search, the guide, a case's item) take these columns as plain rows
# (``.values()``): no model is built per row, and the search columns (``s_*``: the guide's whole
# text, pinyin), the audit columns and the change note are not read at all.
VERSION_COLUMNS = (
    "id", "item_id", "number", "name", "item_type", "legal_basis", "exercise_levels", "acceptance_conditions",
    "service_objects", "statutory_limit", "statutory_unit", "committed_limit", "committed_unit", "fees",
    "max_visits", "online", "instant", "high_frequency", "keywords", "aliases", "guide", "form_fields",
    "review_steps", "result_licence", "instant_rule",
)  # fmt: skip
ITEM_COLUMNS = (
    "id", "basic_code", "implementation_code", "status", "status_reason", "level", "department_id", "region_id",
    "region_path", "published_version_id",
)  # fmt: skip
_JOINED = tuple(f"item__{c}" for c in ITEM_COLUMNS)


@dataclass(slots=True)
class ItemHead:
    """The item of a :class:`VersionRow`: the columns of ``ServiceItem`` the graph shows or scopes by."""

    id: int
    basic_code: str
    implementation_code: str
    status: str
    status_reason: str
    level: str
    department_id: str
    region_id: str
    region_path: str
    published_version_id: int | None


@dataclass(slots=True)
class VersionRow:
    """A current item version as plain columns (:data:`VERSION_COLUMNS`) with its item's head; it
    has the attributes of ``ItemVersion`` that the graph's ServiceItem and the plain page read."""

    id: int
    item_id: int
    number: int
    name: str
    item_type: str
    legal_basis: str
    exercise_levels: list[str]
    acceptance_conditions: str
    service_objects: list[str]
    statutory_limit: int
    statutory_unit: str
    committed_limit: int
    committed_unit: str
    fees: list[dict[str, Any]]
    max_visits: int
    online: bool
    instant: bool
    high_frequency: bool
    keywords: list[str]
    aliases: list[str]
    guide: dict[str, Any]
    form_fields: list[dict[str, Any]]
    review_steps: list[str]
    result_licence: str | None
    instant_rule: dict[str, Any] | None
    item: ItemHead


# built positionally, in the order of the columns
assert tuple(f.name for f in fields(VersionRow)) == (*VERSION_COLUMNS, "item")
assert tuple(f.name for f in fields(ItemHead)) == ITEM_COLUMNS


async def version_rows(qs: Any) -> list[VersionRow]:
    """The rows of a queryset of ``ItemVersion`` as :class:`VersionRow` (one statement, joined)."""
    out = []
    for r in await qs.values(*VERSION_COLUMNS, *_JOINED):
        head = ItemHead(*(r[c] for c in _JOINED))
        out.append(VersionRow(*(r[c] for c in VERSION_COLUMNS), head))  # type: ignore[call-arg]
    return out


class ItemPages:
    """The pages of one ``serviceItems`` filter and their count. Searching ranks once (聊易找,
    catalog/finder.py) for every page and the count asked of the same request: the count is the
    ranking's length; otherwise one query for a page and one for the count. A region code is looked
    up once."""

    def __init__(self, *, actor: Actor, flt: ItemFilter) -> None:
        self.actor, self.flt = actor, flt
        self.searching = bool(flt.text and flt.text.strip())
        self._ranked: list[int] | None = None
        self._path: tuple[str | None] | None = None

    async def _region(self) -> str | None:
        if self._path is None:
            # "" for a region code that does not exist: nothing is in it
            self._path = ((await _region_path(self.flt.region_code) or "") if self.flt.region_code else None,)
        return self._path[0]

    async def ranked(self) -> list[int]:
        """Searching: the matching current versions (ids) best first, the clerk's hall's first when
        ``flt.hall_first`` names a hall."""
        if self._ranked is None:
            flt = self.flt
            path = await self._region()
            scope = finder.ItemScope(
                statuses=flt.statuses, department_code=flt.department_code, region_path=path, level=flt.level,
                item_type=flt.item_type, service_object=flt.service_object, online_only=flt.online_only,
                instant_only=flt.instant_only, high_frequency=flt.high_frequency,
            )  # fmt: skip
            ranked = await finder.rank_items(actor=self.actor, text=flt.text or "", scope=scope)
            if flt.hall_first:
                ranked = await _hall_first(ranked, flt.hall_first)
            self._ranked = ranked
        return self._ranked

    async def _query(self) -> Any:
        return await _item_query(actor=self.actor, flt=self.flt, region_path=await self._region())

    async def page(self, offset: int, limit: int) -> list[VersionRow]:
        """A page of current versions, ranked when searching, else by item."""
        if self.searching:
            ids = (await self.ranked())[offset : offset + limit]
            if not ids:
                return []
            rows = {v.id: v for v in await version_rows(ItemVersion.filter(id__in=ids))}
            return [rows[i] for i in ids if i in rows]
        return await version_rows((await self._query()).order_by("item_id").offset(offset).limit(limit))

    async def count(self) -> int:
        if self.searching:
            return len(await self.ranked())
        return int(await (await self._query()).count())


async def list_items(*, actor: Actor, flt: ItemFilter, offset: int, limit: int) -> list[VersionRow]:
    """A page of current versions (plain rows with their item's head); ranked when searching (the
    clerk's hall's items first when ``flt.hall_first`` names a hall)."""
    return await ItemPages(actor=actor, flt=flt).page(offset, limit)


async def count_items(*, actor: Actor, flt: ItemFilter) -> int:
    return await ItemPages(actor=actor, flt=flt).count()


def _readable(actor: Actor, item: ServiceItem | ItemHead) -> bool:
    if item.published_version_id is not None:
        return True
    return actor.can_edit_catalog and actor.covers(item.region_path)


async def items_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, VersionRow]:
    """Current versions by item id (for node lookups), only those the actor may read; plain rows."""
    rows = await version_rows(ItemVersion.filter(item_id__in=list(ids), is_current=True))
    return {v.item_id: v for v in rows if _readable(actor, v.item)}


async def item_by_code(*, actor: Actor, code: str) -> ItemVersion | None:
    """By implementation code, or by basic code when exactly one item is visible for it."""
    code = code.strip()
    base = ItemVersion.filter(is_current=True).select_related("item")
    rows = await base.filter(item__implementation_code=code)
    if not rows and len(code) == rules.BASIC_CODE_LENGTH:
        rows = await base.filter(item__basic_code=code).order_by("item__level", "item_id")
    visible = [v for v in rows if _readable(actor, v.item)]
    return visible[0] if visible else None


async def versions_by_ids(ids: Sequence[int]) -> dict[int, ItemVersion]:
    return {v.id: v for v in await ItemVersion.filter(id__in=list(ids)).select_related("item")}


async def versions_of_items(*, actor: Actor, item_ids: Sequence[int]) -> dict[int, list[ItemVersion]]:
    """Version history per item, newest first; drafts only for editors of the item's region."""
    out: dict[int, list[ItemVersion]] = defaultdict(list)
    rows = await ItemVersion.filter(item_id__in=list(item_ids)).select_related("item").order_by("-number")
    for v in rows:
        if v.status != "draft" or (actor.can_edit_catalog and actor.covers(v.item.region_path)):
            out[v.item_id].append(v)
    return out


@dataclass(slots=True)
class SituationRow:
    """A situation (办理情形) as a plain row: the attributes of ``Situation``'s columns."""

    id: int
    version_id: int
    position: int
    name: str
    conditions: str


@dataclass(slots=True)
class MaterialRow:
    """A material as a plain row: the attributes of ``Material``'s columns."""

    id: int
    situation_id: int
    position: int
    name: str
    form: str
    copies: int
    media: str
    necessity: str
    sample_text: str
    review_points: str
    elicence: str | None
    shared_data: bool
    source: str
    standard_code: str | None


_SITUATION_COLUMNS = tuple(f.name for f in fields(SituationRow))
_MATERIAL_COLUMNS = tuple(f.name for f in fields(MaterialRow))


async def situations_of(version_ids: Sequence[int]) -> dict[int, list[SituationRow]]:
    """The situations of versions, in order (plain rows: read by the guide and every item page)."""
    out: dict[int, list[SituationRow]] = defaultdict(list)
    rows = Situation.filter(version_id__in=list(version_ids)).order_by("version_id", "position")
    for r in await rows.values_list(*_SITUATION_COLUMNS):
        s = SituationRow(*r)
        out[s.version_id].append(s)
    return out


async def materials_of(situation_ids: Sequence[int]) -> dict[int, list[MaterialRow]]:
    """The materials of situations, in order (plain rows)."""
    out: dict[int, list[MaterialRow]] = defaultdict(list)
    rows = Material.filter(situation_id__in=list(situation_ids)).order_by("situation_id", "position")
    for r in await rows.values_list(*_MATERIAL_COLUMNS):
        m = MaterialRow(*r)
        out[m.situation_id].append(m)
    return out


async def departments_by_codes(codes: Iterable[str]) -> dict[str, Department]:
    return {d.code: d for d in await Department.filter(code__in=list(set(codes)))}


async def regions_by_codes(codes: Iterable[str]) -> dict[str, Region]:
    return {r.code: r for r in await Region.filter(code__in=list(set(codes)))}


async def halls_by_codes(codes: Iterable[str]) -> dict[str, Hall]:
    return {h.code: h for h in await Hall.filter(code__in=list(set(codes)))}


async def halls_of_regions(codes: Iterable[str]) -> dict[str, list[Hall]]:
    out: dict[str, list[Hall]] = defaultdict(list)
    for h in await Hall.filter(region_id__in=list(set(codes))).order_by("code"):
        out[h.region_id].append(h)
    return out


async def windows_of_halls(codes: Iterable[str]) -> dict[str, list[Window]]:
    out: dict[str, list[Window]] = defaultdict(list)
    for w in await Window.filter(hall_id__in=list(set(codes))).order_by("hall_id", "number"):
        out[w.hall_id].append(w)
    return out


async def list_regions(
    *, parent_code: str | None = None, level: str | None = None, include_historic: bool = False
) -> list[Region]:
    qs = Region.all()
    if parent_code:
        qs = qs.filter(parent_id=parent_code)
    if level:
        qs = qs.filter(level=level)
    if not include_historic:
        qs = qs.filter(valid_to=None)
    return await qs.order_by("path")


async def _department_query(*, region_code: str | None, include_subregions: bool, text: str | None) -> Any:
    qs = Department.all()
    if region_code and include_subregions:
        qs = qs.filter(region__path__startswith=await _region_path(region_code) or "-")
    elif region_code:
        qs = qs.filter(region_id=region_code)
    if text and text.strip():
        qs = qs.filter(Q(name__contains=text.strip()) | Q(short_name__contains=text.strip()))
    return qs


async def list_departments(
    *, region_code: str | None = None, include_subregions: bool = False, text: str | None = None,
    offset: int = 0, limit: int = 100,
) -> list[Department]:
    qs = await _department_query(region_code=region_code, include_subregions=include_subregions, text=text)
    return await qs.order_by("code").offset(offset).limit(limit)


async def count_departments(
    *, region_code: str | None = None, include_subregions: bool = False, text: str | None = None
) -> int:
    qs = await _department_query(region_code=region_code, include_subregions=include_subregions, text=text)
    return await qs.count()


# ---------------------------------------------------------------------------------------------
# writes


def _require_editor(actor: Actor, region_path: str) -> None:
    if not actor.can_edit_catalog:
        raise DomainError(errors.NOT_ALLOWED, "只有事项管理员可以维护事项目录")
    if not actor.covers(region_path):
        raise DomainError(errors.NOT_ALLOWED, "只能维护本级及下级区划的事项")


def _raise_if(problems: list[DomainError]) -> None:
    if problems:
        raise DomainErrors(problems)


async def _write_version(
    *, item: ServiceItem, number: int, content: ItemContent, status: str, is_current: bool,
    actor: Actor | None, change_kind: str, change_note: str, conn: Any,
) -> ItemVersion:
    version = await ItemVersion.create(
        item=item, number=number, status=status, is_current=is_current, change_kind=change_kind,
        change_note=change_note, created_by_id=actor.user_id if actor else None,
        using_db=conn, **version_row(content),
    )
    await _write_situations(version=version, content=content, conn=conn)
    return version


async def _write_situations(*, version: ItemVersion, content: ItemContent, conn: Any) -> None:
    for pos, spec in enumerate(content.situations):
        sit = await Situation.create(
            version=version, position=pos, name=spec.name, conditions=spec.conditions, using_db=conn
        )
        if spec.materials:
            await Material.bulk_create(
                [
                    Material(situation_id=sit.id, position=i, **{f: getattr(m, f) for f in MATERIAL_FIELDS})
                    for i, m in enumerate(spec.materials)
                ],
                using_db=conn,
            )


async def load_content(version: ItemVersion) -> ItemContent:
    sits = (await situations_of([version.id])).get(version.id, [])
    mats = await materials_of([s.id for s in sits])
    return content_of(version, sits, mats)


def implementation_code(*, basic_code: str, department_code: str) -> str:
    """Readable and unique per implementing body: 371500-XZSPJ-010100001000."""
    return f"{department_code}-{basic_code}"


def _check_basic_code(code: str) -> list[DomainError]:
    if len(code) != rules.BASIC_CODE_LENGTH or not code.isdigit():
        return [DomainError(errors.INVALID_CODE, "基本编码应为 12 位数字", ["basicCode"])]
    return []


async def create_item(
    *, actor: Actor, basic_code: str, department_code: str, content: ItemContent,
    change_kind: str = "add", change_note: str = "",
) -> ItemVersion:
    """A new item, as a draft (version 1). Publishing is a separate step."""
    basic_code = basic_code.strip()
    department = await Department.get_or_none(code=department_code).select_related("region")
    if department is None:
        raise DomainError(errors.NOT_FOUND, f"部门 {department_code} 不存在", ["departmentCode"])
    _require_editor(actor, department.region.path)
    problems = _check_basic_code(basic_code) + validate(content, for_publish=False)
    if change_kind not in rules.CHANGE_KINDS:
        problems.append(DomainError(errors.INVALID, f"未知的变更类型：{change_kind}", ["changeKind"]))
    if not problems and await ServiceItem.exists(basic_code=basic_code, department_id=department_code):
        problems.append(
            DomainError(errors.DUPLICATE_CODE, f"{department.name}已有基本编码为 {basic_code} 的事项", ["basicCode"])
        )
    _raise_if(problems)
    async with in_transaction() as conn:
        item = await ServiceItem.create(
            basic_code=basic_code,
            implementation_code=implementation_code(basic_code=basic_code, department_code=department_code),
            department=department, region=department.region, region_path=department.region.path,
            level=department.region.level, status="draft", using_db=conn,
        )
        version = await _write_version(
            item=item, number=1, content=content, status="draft", is_current=True, actor=actor,
            change_kind=change_kind, change_note=change_note, conn=conn,
        )
        await ServiceItem.filter(id=item.id).using_db(conn).update(draft_version_id=version.id)
    finder.INDEX.invalidate()
    return await _current(item.id)


async def _current(item_id: int) -> ItemVersion:
    return await ItemVersion.filter(item_id=item_id, is_current=True).select_related("item").get()


async def _locked_item(*, actor: Actor, item_id: int) -> ServiceItem:
    item = await ServiceItem.get_or_none(id=item_id)
    if item is None:
        raise DomainError(errors.NOT_FOUND, "事项不存在", ["id"])
    _require_editor(actor, item.region_path)
    return item


async def _bump(item: ServiceItem, conn: Any, **changes: Any) -> None:
    """Conditional update on row_version: of two concurrent writers exactly one wins."""
    finder.INDEX.invalidate()  # 聊易找 sees the change at once in this process
    updated = await ServiceItem.filter(id=item.id, row_version=item.row_version).using_db(conn).update(
        row_version=item.row_version + 1, updated_at=clock.utcnow(), **changes
    )
    if updated != 1:
        raise DomainError(errors.CONFLICT, "事项已被他人修改，请刷新后重试")


async def update_draft(
    *, actor: Actor, item_id: int, changes: dict[str, Any], change_kind: str | None = None,
    change_note: str | None = None,
) -> ItemVersion:
    """Edit the item's draft; editing a published item first opens a new draft version from it."""
    item = await _locked_item(actor=actor, item_id=item_id)
    if item.status == "cancelled":
        raise DomainError(errors.INVALID_STATE, "事项已取消，不能再修改")
    base_id = item.draft_version_id or item.published_version_id
    base = await ItemVersion.get(id=base_id)
    content = replace(await load_content(base), **changes)
    problems = validate(content, for_publish=False)
    if change_kind is not None and change_kind not in rules.CHANGE_KINDS:
        problems.append(DomainError(errors.INVALID, f"未知的变更类型：{change_kind}", ["changeKind"]))
    _raise_if(problems)
    async with in_transaction() as conn:
        if item.draft_version_id is not None:
            await _bump(item, conn)
            extra = {}
            if change_kind is not None:
                extra["change_kind"] = change_kind
            if change_note is not None:
                extra["change_note"] = change_note
            await ItemVersion.filter(id=base.id).using_db(conn).update(**version_row(content), **extra)
            await Situation.filter(version_id=base.id).using_db(conn).delete()
            await _write_situations(version=base, content=content, conn=conn)
            draft_id = base.id
        else:
            # claim the item first: a concurrent editor then fails here (CONFLICT), before it
            # could insert a version with the same number
            await _bump(item, conn)
            latest: list[Any] = (
                await ItemVersion.filter(item_id=item.id).using_db(conn).annotate(m=Max("number")).values_list("m", flat=True)
            )
            draft = await _write_version(
                item=item, number=(latest[0] or 0) + 1, content=content, status="draft", is_current=False,
                actor=actor, change_kind=change_kind or "change", change_note=change_note or "", conn=conn,
            )
            await ServiceItem.filter(id=item.id).using_db(conn).update(draft_version_id=draft.id)
            draft_id = draft.id
    return await ItemVersion.filter(id=draft_id).select_related("item").get()


async def publish(*, actor: Actor, item_id: int) -> ItemVersion:
    """The draft becomes the published version; the previous one is kept as superseded."""
    item = await _locked_item(actor=actor, item_id=item_id)
    if item.status == "cancelled":
        raise DomainError(errors.INVALID_STATE, "事项已取消，不能发布")
    if item.draft_version_id is None:
        raise DomainError(errors.INVALID_STATE, "没有待发布的草稿版本")
    draft = await ItemVersion.get(id=item.draft_version_id)
    _raise_if(validate(await load_content(draft), for_publish=True))
    now = clock.utcnow()
    async with in_transaction() as conn:
        await _bump(
            item, conn, published_version_id=draft.id, draft_version_id=None,
            status="active" if item.status == "draft" else item.status,
        )
        if item.published_version_id is not None:
            await ItemVersion.filter(id=item.published_version_id).using_db(conn).update(
                status="superseded", is_current=False
            )
        await ItemVersion.filter(id=draft.id).using_db(conn).update(
            status="published", is_current=True, published_at=now, published_by_id=actor.user_id
        )
    return await _current(item.id)


async def discard_draft(*, actor: Actor, item_id: int) -> ItemVersion:
    """Throw the draft version away (its situations and materials with it); the published version
    stays as it is. An item never published has only its draft: it is cancelled instead."""
    item = await _locked_item(actor=actor, item_id=item_id)
    if item.draft_version_id is None:
        raise DomainError(errors.INVALID_STATE, "没有可放弃的草稿版本", ["id"])
    if item.published_version_id is None:
        raise DomainError(errors.INVALID_STATE, "事项从未发布，草稿就是它的全部内容：不再需要请取消事项", ["id"])
    async with in_transaction() as conn:
        await _bump(item, conn, draft_version_id=None)
        await ItemVersion.filter(id=item.draft_version_id, item_id=item.id, status="draft").using_db(conn).delete()
    return await _current(item.id)


_VERBS = {"suspended": "暂停", "active": "恢复", "cancelled": "取消"}


async def _set_status(*, actor: Actor, item_id: int, reason: str, allowed: set[str], to: str) -> ItemVersion:
    item = await _locked_item(actor=actor, item_id=item_id)
    if item.status not in allowed:
        label = rules.ITEM_STATUSES[item.status]
        raise DomainError(errors.INVALID_STATE, f"事项当前为“{label}”状态，不能{_VERBS[to]}")
    if not reason.strip():
        raise DomainError(errors.INVALID, "请填写原因", ["reason"])
    async with in_transaction() as conn:
        await _bump(
            item, conn, status=to, status_reason=reason.strip(),
            status_changed_at=clock.utcnow(), status_changed_by_id=actor.user_id,
        )
    return await _current(item.id)


async def suspend(*, actor: Actor, item_id: int, reason: str) -> ItemVersion:
    """Stop accepting new applications for a while; the guide stays readable."""
    return await _set_status(actor=actor, item_id=item_id, reason=reason, allowed={"active"}, to="suspended")


async def resume(*, actor: Actor, item_id: int, reason: str) -> ItemVersion:
    return await _set_status(actor=actor, item_id=item_id, reason=reason, allowed={"suspended"}, to="active")


async def cancel(*, actor: Actor, item_id: int, reason: str) -> ItemVersion:
    """Terminal: the item is withdrawn from the catalogue; its versions stay readable for cases."""
    return await _set_status(
        actor=actor, item_id=item_id, reason=reason, allowed={"draft", "active", "suspended"}, to="cancelled"
    )
