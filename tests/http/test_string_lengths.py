"""Over-long strings, generated from the schema (issue 15): every string argument and input field of
every query and mutation, sent one longer than its limit, is refused before anything runs with
``TOO_LONG``, never ``INTERNAL``; sent at its limit, it never ends as ``INTERNAL`` either."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
)
from strawberry import relay

from server.app import create_app
from server.graphql.core.lengths import DEFAULT_MAX_LENGTH, ID_MAX_LENGTH, _declared
from server.graphql.schema import build_schema
from server.settings import Settings
from tests.conftest import GraphQLClient

GR = {"accept": "application/graphql-response+json"}
SAMPLE = {"Int": 1, "Float": 1.0, "Boolean": False, "String": "聊城", "ID": str(relay.GlobalID("ServiceItem", "1")),
          "Date": "2026-01-05", "DateTime": "2026-01-05T09:00:00+08:00", "JSON": {}}


@dataclass(frozen=True)
class Position:
    root: str  # query | mutation
    field: str
    path: tuple[str, ...]  # argument, then input fields
    limit: int


def _named(t: Any) -> Any:
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        t = t.of_type
    return t


def _positions_of(t: Any, path: tuple[str, ...], limit: int | None, seen: frozenset[str]) -> Iterator[tuple[tuple[str, ...], int]]:
    named = _named(t)
    if isinstance(named, GraphQLScalarType) and named.name in {"String", "ID"}:
        yield path, limit or (ID_MAX_LENGTH if named.name == "ID" else DEFAULT_MAX_LENGTH)
    elif isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        for name, field in named.fields.items():
            yield from _positions_of(field.type, (*path, name), _declared(field), seen | {named.name})


def positions() -> list[Position]:
    schema = build_schema(Settings(env="test", secret_key="x" * 40))._schema
    out = []
    for root, t in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        assert t is not None
        for fname, field in t.fields.items():
            for aname, arg in field.args.items():
                for path, limit in _positions_of(arg.type, (aname,), _declared(arg), frozenset()):
                    out.append(Position(root, fname, path, limit))
    return out


POSITIONS = positions()


def _value(t: Any, path: tuple[str, ...] | None, text: str = "") -> Any:
    """A value of type ``t`` with ``text`` at ``path`` (relative; ``None``: nowhere, a filler), its
    required parts filled in."""
    required = isinstance(t, GraphQLNonNull)
    inner = t.of_type if required else t
    if isinstance(inner, GraphQLList):
        return [_value(inner.of_type, path, text)] if path is not None or required else []
    if path == () and isinstance(inner, GraphQLScalarType) and inner.name in {"String", "ID"}:
        return text
    if isinstance(inner, GraphQLScalarType):
        return SAMPLE.get(inner.name)
    if isinstance(inner, GraphQLEnumType):
        return next(iter(inner.values))
    assert isinstance(inner, GraphQLInputObjectType)
    out: dict[str, Any] = {}
    for name, field in inner.fields.items():
        if path and path[0] == name:
            out[name] = _value(field.type, path[1:], text)
        elif isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined and field.default is None:
            out[name] = _value(field.type, None)
    return out


def request(schema: Any, p: Position, text: str) -> dict[str, Any]:
    root = schema.query_type if p.root == "query" else schema.mutation_type
    field = root.fields[p.field]
    variables: dict[str, Any] = {}
    defs = []
    for name, arg in field.args.items():
        named = _named(arg.type)
        if name == p.path[0]:
            variables[name] = _value(arg.type, p.path[1:], text)
        elif isinstance(arg.type, GraphQLNonNull) and not (isinstance(named, GraphQLScalarType) and named.name == "Upload"):
            variables[name] = _value(arg.type, None)
        else:
            continue
        defs.append(f"${name}: {arg.type}")
    args = ", ".join(f"{n}: ${n}" for n in variables)
    selection = " { __typename }" if isinstance(_named(field.type), GraphQLObjectType) or not isinstance(
        _named(field.type), (GraphQLScalarType, GraphQLEnumType)) else ""
    query = f"{p.root} Probe({', '.join(defs)}) {{ {p.field}({args}){selection} }}" if defs else (
        f"{p.root} Probe {{ {p.field}{selection} }}")
    return {"query": query, "variables": variables}


@pytest.fixture(scope="module")
def probe_app(settings: Settings) -> Any:
    return create_app(settings, manage_db=False)


@pytest.fixture
async def probe(probe_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=probe_app, client=("10.200.15.9", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


def _codes(body: dict[str, Any]) -> list[str | None]:
    out = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
    for value in (body.get("data") or {}).values():  # payload errors of a mutation
        if isinstance(value, dict):
            out += [e.get("code") for e in value.get("errors") or [] if isinstance(e, dict)]
    return out


def test_every_string_is_probed() -> None:
    fields = {(p.root, p.field) for p in POSITIONS}
    assert len(POSITIONS) > 300 and {("query", "serviceItems"), ("query", "trackCase"), ("mutation", "login"),
                                     ("mutation", "submitApplication"), ("mutation", "applyForTheme")} <= fields


@pytest.mark.parametrize("caller", ["anonymous", "city_admin"])
async def test_one_character_too_many_is_too_long_everywhere(
    probe: httpx.AsyncClient, settings: Settings, caller: str
) -> None:
    schema = build_schema(settings)._schema
    headers = dict(GR)
    if caller != "anonymous":
        headers["authorization"] = f"Bearer {await GraphQLClient(probe).login(caller)}"
    wrong = []
    for p in POSITIONS:
        r = await probe.post("/graphql", json=request(schema, p, "长" * (p.limit + 1)), headers=headers)
        body = r.json()
        codes = _codes(body)
        if r.status_code != 400 or codes != ["TOO_LONG"] or "data" in body:
            wrong.append((p, r.status_code, body))
            continue
        error = body["errors"][0]
        assert error["extensions"]["field"] == list(p.path) and error["extensions"]["maxLength"] == p.limit
        assert f"最多 {p.limit} 个字符" in error["message"]
    assert not wrong, "\n".join(f"{p}: {status} {str(b)[:300]}" for p, status, b in wrong[:20])


async def test_at_the_limit_nothing_is_internal(probe: httpx.AsyncClient, settings: Settings) -> None:
    """Queries as a city administrator (they write nothing) and everything as an anonymous caller
    (refused before writing, or one of the few anonymous mutations, which check their input)."""
    schema = build_schema(settings)._schema
    admin = GR | {"authorization": f"Bearer {await GraphQLClient(probe).login('city_admin')}"}
    internal = []
    for p in POSITIONS:
        for headers in ([GR, admin] if p.root == "query" else [GR]):
            r = await probe.post("/graphql", json=request(schema, p, "长" * p.limit), headers=headers)
            if "INTERNAL" in _codes(r.json()) or r.status_code >= 500:
                internal.append((p, "admin" if headers is admin else "anonymous", r.text[:300]))
    assert not internal, "\n".join(map(str, internal[:300]))
