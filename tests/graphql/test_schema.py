"""The schema is a contract: committed, current, and self-describing."""

from __future__ import annotations

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from server.__main__ import SCHEMA_PATH, schema_text
from server.graphql.schema import build_schema
from server.settings import Settings


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.exists(), "schema/schema.graphql is missing: run `python -m server export-schema`"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "schema/schema.graphql is stale: run `python -m server export-schema` and commit it"
    )


def test_every_type_field_argument_and_enum_value_is_described() -> None:
    schema = build_schema(Settings())._schema
    missing: list[str] = []
    for name, t in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not t.description:
            missing.append(name)
        if isinstance(t, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)):
            for fname, f in t.fields.items():
                if not f.description:
                    missing.append(f"{name}.{fname}")
                for aname, a in getattr(f, "args", {}).items():
                    if not a.description:
                        missing.append(f"{name}.{fname}({aname})")
        if isinstance(t, GraphQLEnumType):
            for vname, v in t.values.items():
                if not v.description:
                    missing.append(f"{name}.{vname}")
    assert missing == [], "undocumented: " + ", ".join(missing)
