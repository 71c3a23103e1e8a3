"""Helpers for the graph's enums, typed so that the type checker sees what Strawberry makes of them.

:func:`enum_value` is ``strawberry.enum_value`` typed as the value it wraps. ``@strawberry.enum``
puts the plain value back on the member, so ``Member.value`` is that value at run time; typed as
Strawberry's own ``EnumValueDefinition`` (what it returns) the type checker would see the wrapper
instead, and every ``member.value`` handed to the domain would be an error.

:func:`derived_enum` declares a GraphQL enum derived from a domain enum, so that a state or action
exists in one list: the declared class gives the enum its name (and the type checker a class to
check annotations against); the members are the domain enum's, with the same names (the GraphQL
names) and values (what the database stores), each described by the domain's own Chinese text.
``GraphEnum(domain_member.value)`` and ``GraphEnum[domain_member.name]`` both work.
:func:`graph_enum` is the same as a function call (its result cannot be used in annotations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar, cast

import strawberry

V = TypeVar("V")
E = TypeVar("E", bound=Enum)


def enum_value(
    value: V,
    name: str | None = None,
    deprecation_reason: str | None = None,
    directives: Iterable[object] = (),
    description: str | None = None,
) -> V:
    """``strawberry.enum_value(...)``, typed as ``value``: what the member's value is once
    ``@strawberry.enum`` has processed the class."""
    definition = strawberry.enum_value(
        value, name=name, deprecation_reason=deprecation_reason, directives=directives, description=description
    )
    return cast(V, definition)


def _build(name: str, module: str, source: type[Enum], descriptions: Mapping[Any, str], *, description: str,
           qualname: str | None = None) -> type[Enum]:
    missing = [m.name for m in source if m not in descriptions]
    if missing:
        raise ValueError(f"{name}: no description for {', '.join(missing)}")
    members = [(m.name, strawberry.enum_value(m.value, description=descriptions[m])) for m in source]
    cls = Enum(name, members, module=module, qualname=qualname or name)  # type: ignore[misc]
    return strawberry.enum(cls, name=name, description=description)


def derived_enum(source: type[Enum], descriptions: Mapping[Any, str], *, description: str) -> Callable[[type[E]], type[E]]:
    """Class decorator: the declared (empty) enum class becomes a Strawberry enum of its name with a
    member per member of ``source``; a member without a description is an error (the domain's table
    must be complete). Declare ``_value_: str`` in the class to type the members' values::

        @derived_enum(states.Status, states.DESCRIPTIONS, description="办件状态")
        class CaseStatus(Enum):
            _value_: str
    """

    def build(declared: type[E]) -> type[E]:
        if len(declared):
            raise TypeError(f"{declared.__name__}: a derived enum takes its members from {source.__name__}")
        built = _build(declared.__name__, declared.__module__, source, descriptions, description=description,
                       qualname=declared.__qualname__)
        built.__doc__ = declared.__doc__
        return cast("type[E]", built)  # the class that replaces the declaration, with the members it promised

    return build


def graph_enum(name: str, source: type[Enum], descriptions: Mapping[Any, str], *, description: str) -> type[Enum]:
    """A Strawberry enum ``name`` with a member per member of ``source``; a member without a
    description is an error (the domain's table must be complete). Prefer :func:`derived_enum`,
    whose result the type checker accepts in annotations."""
    return _build(name, __name__, source, descriptions, description=description)
