"""GraphQL enums derived from the domain's own enums, so that a state or action exists in one list.

:func:`graph_enum` builds a Strawberry enum whose members are the domain enum's, with the same
names (the GraphQL names) and values (what the database stores), each described by the domain's
own Chinese text. Strawberry reads ``strawberry.enum_value`` definitions in an ``Enum`` class and
puts the plain value back on the member, so ``GraphEnum(domain_member.value)`` and
``GraphEnum[domain_member.name]`` both work.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

import strawberry


def graph_enum(name: str, source: type[Enum], descriptions: Mapping[Any, str], *, description: str) -> type[Enum]:
    """A Strawberry enum ``name`` with a member per member of ``source``; a member without a
    description is an error (the domain's table must be complete)."""
    missing = [m.name for m in source if m not in descriptions]
    if missing:
        raise ValueError(f"{name}: no description for {', '.join(missing)}")
    members = [(m.name, strawberry.enum_value(m.value, description=descriptions[m])) for m in source]
    cls = Enum(name, members, module=__name__)  # type: ignore[misc]
    return strawberry.enum(cls, name=name, description=description)
