"""Relay connections with totalCount, over offset cursors (the catalogue is small and stable).

``first``/``last`` are capped at 100 (DESIGN.md rule 3). Long, changing queues (cases) will use
keyset cursors instead.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Generic

import strawberry
from strawberry import relay

from server.domain.errors import DomainError

from strawberry.relay.types import NodeType as NodeT  # noqa: E402  (relay.Connection is generic over this TypeVar)
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
