"""Relay in the graph: global IDs, ``resolve_nodes``, and connections with totalCount.

**Global IDs.** :func:`parse_global_id` is the one parser; :func:`domain_id` and
:func:`domain_code` are what resolvers call. One rule holds everywhere: *a global ID that is not of
the expected type, or whose node id is not a valid key, names no object*. It becomes
:data:`NO_ROW` (or :data:`NO_CODE`), a key no row has, and flows on like the id of an object that
does not exist:

- a mutation input: the domain answers as it does for any missing object, in its own words and
  after it has checked who is asking (a payload error ``NOT_FOUND``, or ``NOT_ALLOWED`` where it
  will not say whether the object exists);
- ``node``, ``case``, ``serviceItem`` and every ``resolve_nodes``: ``null``;
- a filter: matches nothing.

A string that is not a global ID at all (not base64 ``Type:id``) is refused by the ``GlobalID``
scalar before any resolver runs: a field error on the field, never an ``INTERNAL``.

**Connections** run over offset cursors (the catalogue is small and stable); ``first``/``last`` are
capped at 100 (DESIGN.md rule 3). Long, changing queues (cases) use keyset cursors instead.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.relay.types import NodeType as NodeT  # noqa: E402  (relay.Connection is generic over this TypeVar)

from server.domain.errors import DomainError

K = TypeVar("K")
R = TypeVar("R")
N = TypeVar("N")

NO_ROW = -1
"""The database id of a global ID that names nothing: no row has it (ids are positive), and it is
truthy, so the domain never mistakes it for "not given"."""
NO_CODE = "-"
"""The code (region, department, hall) of a global ID that names nothing."""
MAX_ROW_ID = 2**31 - 1
"""Ids beyond the smallest primary-key column (INTEGER) name nothing; PostgreSQL would refuse them."""


@dataclass(frozen=True, slots=True)
class NodeRef:
    type_name: str
    node_id: str


def parse_global_id(value: relay.GlobalID | str, expected: str | Collection[str] | None = None) -> NodeRef | None:
    """The type and node id of ``value`` (a ``GlobalID`` or its base64 string) when it is a global
    ID of ``expected`` (one name, several, or any type for None); None for anything else."""
    if isinstance(value, str):
        try:
            value = relay.GlobalID.from_id(value)
        except ValueError:  # GlobalIDValueError
            return None
    if expected is not None:
        names = {expected} if isinstance(expected, str) else set(expected)
        if value.type_name not in names:
            return None
    return NodeRef(value.type_name, value.node_id)


def row_id(node_id: str) -> int:
    """The database id in a node id; :data:`NO_ROW` unless it is a plain positive decimal number."""
    if node_id.isascii() and node_id.isdigit() and 0 < len(node_id) <= 10 and 0 < int(node_id) <= MAX_ROW_ID:
        return int(node_id)
    return NO_ROW


def code_key(node_id: str) -> str:
    return node_id if node_id else NO_CODE


def domain_id(value: relay.GlobalID | str, expected: str | Collection[str]) -> int:
    """The database id inside a global ID of ``expected``; :data:`NO_ROW` for anything else."""
    ref = parse_global_id(value, expected)
    return NO_ROW if ref is None else row_id(ref.node_id)


def typed_domain_id(value: relay.GlobalID | str, expected: Collection[str] | None = None) -> tuple[str, int] | None:
    """For an input that takes several types: (type name, database id) of a global ID of one of
    ``expected`` (any type for None), the id :data:`NO_ROW` when its node id is not valid; None for
    anything else."""
    ref = parse_global_id(value, expected)
    return None if ref is None else (ref.type_name, row_id(ref.node_id))


def optional_domain_id(value: relay.GlobalID | str | None, expected: str | Collection[str]) -> int | None:
    """:func:`domain_id`, or None when the input left the ID out."""
    return None if value is None else domain_id(value, expected)


def domain_code(value: relay.GlobalID | str, expected: str) -> str:
    """The code inside a global ID of ``expected`` whose node id is a code (regions, departments,
    halls); :data:`NO_CODE` for anything else."""
    ref = parse_global_id(value, expected)
    return NO_CODE if ref is None else code_key(ref.node_id)


async def resolve_nodes(
    node_ids: Iterable[str | int], *, fetch: Callable[[list[K]], Awaitable[Mapping[K, R]]],
    build: Callable[[R], N | None], key: Callable[[str], K] = row_id,  # type: ignore[assignment]
    required: bool = False,
) -> list[N | None]:
    """What every Node type's ``resolve_nodes`` returns: one fetch for all the valid keys (the
    domain scopes it to what the caller may see), then one entry per node id, in order; None where
    the key is not valid, not found, not visible, or ``build`` declines it."""
    keys = [key(str(i)) for i in node_ids]
    wanted = list(dict.fromkeys(k for k in keys if k not in (NO_ROW, NO_CODE)))
    found = await fetch(wanted) if wanted else {}
    out: list[N | None] = []
    for k in keys:
        row = found.get(k) if k not in (NO_ROW, NO_CODE) else None
        out.append(build(row) if row is not None else None)
    if required and any(n is None for n in out):
        raise DomainError("NOT_FOUND", "对象不存在或无权查看")
    return out


def by_loader(load_many: Callable[[list[K]], Awaitable[Sequence[R | None]]]) -> Callable[[list[K]], Awaitable[dict[K, R]]]:
    """A ``fetch`` for :func:`resolve_nodes` over a request's DataLoader (``loader.load_many``)."""
    async def fetch(keys: list[K]) -> dict[K, R]:
        return {k: r for k, r in zip(keys, await load_many(keys), strict=True) if r is not None}

    return fetch


MAX_PAGE = 100
DEFAULT_PAGE = 20

First = Annotated[int | None, strawberry.argument(description="返回前 N 条（最多 100，默认 20）")]
After = Annotated[str | None, strawberry.argument(description="从该游标之后开始")]
Last = Annotated[int | None, strawberry.argument(description="返回最后 N 条（最多 100）")]
Before = Annotated[str | None, strawberry.argument(description="到该游标之前为止")]


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, value = raw.split(":", 1)
        if kind != "o" or int(value) < 0:
            raise ValueError
        return int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DomainError("INVALID", "无效的分页游标") from exc


@dataclass(slots=True)
class PageSlice:
    offset: int
    limit: int
    needs_total: bool


def page_slice(first: int | None, after: str | None, last: int | None, before: str | None) -> PageSlice:
    """The slice a Relay request asks for; ``needs_total`` when it counts from the end."""
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE:
            raise DomainError("INVALID", f"{name} 应在 0 到 {MAX_PAGE} 之间")
    start = decode_cursor(after) + 1 if after else 0
    end = decode_cursor(before) if before else None
    if first is None and last is None:
        first = DEFAULT_PAGE
    if first is not None:
        stop = start + first if end is None else min(start + first, end)
        return PageSlice(start, max(stop - start, 0), needs_total=False)
    assert last is not None
    if end is None:
        return PageSlice(start, last, needs_total=True)  # resolved against the total
    begin = max(start, end - last)
    return PageSlice(begin, max(end - begin, 0), needs_total=False)


@strawberry.type(description="分页连接：edges 为本页条目，pageInfo 为翻页信息，totalCount 为符合条件的总数")
class Connection(relay.Connection[NodeT], Generic[NodeT]):
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="符合条件的总条数（与分页无关）")
    async def total_count(self) -> int:
        return await self._count()


async def build(
    *, win: PageSlice, fetch: Callable[[int, int], Awaitable[Sequence[NodeT]]], count: Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    """Fetch one row more than asked to know whether there is a next page."""
    total: int | None = None
    offset = win.offset
    if win.needs_total:
        total = await count()
        offset = max(win.offset, total - win.limit)
    rows = list(await fetch(offset, win.limit + 1))
    has_next = len(rows) > win.limit
    rows = rows[: win.limit]
    edges = [relay.Edge(cursor=encode_cursor(offset + i), node=row) for i, row in enumerate(rows)]

    async def counter() -> int:
        return total if total is not None else await count()

    return Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=has_next,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=counter,
    )
