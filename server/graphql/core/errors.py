"""The one way a domain failure becomes a payload error (DESIGN.md rule 2).

A mutation answers ``XPayload { <object>, errors: [XError!]! }`` with
``XError { field, message, code: XErrorCode! }``. Everything here works from the payload or error
type itself: the error type's ``code`` field names its enum, so a resolver never passes the enum
along (and cannot pass the wrong one).

- :func:`attempt` runs one domain call; :class:`~server.domain.errors.DomainError` and
  :class:`~server.domain.errors.DomainErrors` become a list of payload errors.
- :func:`payload_errors` is the conversion itself, for the few places that build an error without
  calling the domain (an input the graph layer rejects).

A caller the field's permission classes refuse never reaches the payload: that is a top-level
``UNAUTHENTICATED`` or ``FORBIDDEN`` (:mod:`server.graphql.core.permissions`). ``NOT_ALLOWED`` in a
payload is the domain's answer about one object (this case is another department's).

A code that is not a member of the error type's enum is a bug: :class:`UnmappedErrorCode` names it
(the view reports it as ``INTERNAL``). ``tests/graphql/test_adapter_kit.py`` walks every mutation's
calls into the domain and fails when a code the domain can raise there is missing from the enum, so
the bug is caught before it ships.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from server.domain.errors import DomainError, DomainErrors

E = TypeVar("E")
T = TypeVar("T")

NOT_ALLOWED = "NOT_ALLOWED"
"""The domain's "not on this object" code in a payload (DESIGN.md rule 2)."""


class UnmappedErrorCode(TypeError):
    """A domain error code that the payload's error-code enum does not have (a bug)."""


def _field(strawberry_type: type, name: str) -> Any:
    definition = getattr(strawberry_type, "__strawberry_definition__", None)
    if definition is None:
        raise TypeError(f"{strawberry_type!r} is not a Strawberry type")
    for f in definition.fields:
        if f.python_name == name:
            return f
    raise TypeError(f"{definition.name} has no field {name!r}")


@cache
def error_type_of(payload_type: type) -> type:
    """``XError`` of a payload type with ``errors: list[XError]``."""
    t = _field(payload_type, "errors").type
    of_type = getattr(t, "of_type", None)
    if of_type is None:
        raise TypeError(f"{payload_type.__name__}.errors is not a list of errors")
    return of_type


@cache
def codes_of(error_type: type) -> type[Enum]:
    """``XErrorCode`` of an error type with ``code: XErrorCode``."""
    t = _field(error_type, "code").type
    enum = getattr(t, "wrapped_cls", t)
    if not (isinstance(enum, type) and issubclass(enum, Enum)):
        raise TypeError(f"{error_type.__name__}.code is not an enum")
    return enum


def code_values(error_type: type) -> frozenset[str]:
    return frozenset(str(m.value) for m in codes_of(error_type))


def payload_errors(error_type: Callable[..., E], failure: DomainError | DomainErrors) -> list[E]:
    """The payload errors of one domain failure (several for :class:`DomainErrors`)."""
    codes = codes_of(error_type)
    out = []
    for e in failure.errors if isinstance(failure, DomainErrors) else [failure]:
        try:
            code = codes(e.code)
        except ValueError:
            raise UnmappedErrorCode(
                f"domain error code {e.code!r} ({e.message}) is not a member of {codes.__name__}"
            ) from e
        out.append(error_type(field=e.field, message=e.message, code=code))
    return out


async def attempt(action: Callable[[], Awaitable[T]], error_type: Callable[..., E]) -> tuple[T | None, list[E]]:
    """Run one domain call; expected failures become a list of ``error_type`` payload errors."""
    try:
        return await action(), []
    except (DomainError, DomainErrors) as failure:
        return None, payload_errors(error_type, failure)


