"""Turning domain failures into payload errors (DESIGN.md rule 2)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import TypeVar

from server.domain.errors import DomainError, DomainErrors

E = TypeVar("E")
T = TypeVar("T")


async def attempt(
    action: Callable[[], Awaitable[T]], error_type: Callable[..., E], codes: type[Enum]
) -> tuple[T | None, list[E]]:
    """Run one domain call; expected failures become a list of ``error_type`` payload errors."""
    try:
        return await action(), []
    except DomainErrors as many:
        return None, [_to(error_type, codes, e) for e in many.errors]
    except DomainError as one:
        return None, [_to(error_type, codes, one)]


def _to(error_type: Callable[..., E], codes: type[Enum], e: DomainError) -> E:
    return error_type(field=e.field, message=e.message, code=codes[e.code])

