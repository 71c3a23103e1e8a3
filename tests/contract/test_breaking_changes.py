"""A schema change that breaks what mobile-contract/ uses fails the tests (DESIGN.md rule 10).

The committed schema/schema.graphql is compared with its latest committed version that differs
(HEAD's when the file has uncommitted changes, else the version before the last commit that changed
it) using graphql-core's ``find_breaking_changes``; only changes that touch a type or field used by
the contract's operations fail. Removing such a field goes through ``@deprecated`` first: deprecate
it, move the app's operations off it, and remove it once no operation uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema

from server.contract import contract_breaking_changes, operations, previous_schema, used_by
from server.settings import ROOT

SCHEMA = ROOT / "schema" / "schema.graphql"
SDL = SCHEMA.read_text(encoding="utf-8")


def test_the_schema_does_not_break_the_contract_since_its_previous_version() -> None:
    previous = previous_schema(SCHEMA)
    if previous is None:
        print("schema/schema.graphql 没有可比较的早先版本（新仓库或浅克隆）：跳过破坏性变更比较")
        return
    commit, old = previous
    broken = contract_breaking_changes(old, SDL, operations())
    assert broken == [], (
        f"相对 {commit[:10]} 的 schema/schema.graphql，以下变更会破坏移动端契约（先加 @deprecated，"
        "待 mobile-contract/ 不再使用后再删除）：\n" + "\n".join(broken)
    )


def changed(edit: Callable[[GraphQLSchema], object]) -> list[str]:
    schema = build_schema(SDL)
    edit(schema)
    return contract_breaking_changes(SDL, schema, operations())


@pytest.mark.parametrize(
    ("type_name", "member"),
    [("Department", "shortName"), ("Query", "halls"), ("ServiceItemFilter", "serviceObject"),
     ("Mutation", "signInWithSmsCode"), ("TokenPair", "refreshToken")],
)
def test_removing_a_field_the_contract_uses_is_caught(type_name: str, member: str) -> None:
    broken = changed(lambda s: s.type_map[type_name].fields.pop(member))  # type: ignore[union-attr]
    assert broken == [f"FIELD_REMOVED: Field {type_name}.{member} was removed."]


def test_removing_a_value_of_an_enum_the_contract_uses_is_caught() -> None:
    assert changed(lambda s: s.type_map["ServiceObject"].values.pop("ENTERPRISE")) == [  # type: ignore[union-attr]
        "VALUE_REMOVED_FROM_ENUM: Enum value ServiceObject.ENTERPRISE was removed."
    ]


@pytest.mark.parametrize(
    ("type_name", "member"),
    [("Query", "catalogConsistency"), ("Material", "reviewPoints"), ("Mutation", "createApiKey")],
)
def test_changes_to_what_the_contract_does_not_use_pass(type_name: str, member: str) -> None:
    assert changed(lambda s: s.type_map[type_name].fields.pop(member)) == []  # type: ignore[union-attr]


def test_the_contract_uses_what_its_operations_select() -> None:
    types, fields = used_by(build_schema(SDL), operations())
    assert {"Query.serviceItems", "ServiceItem.guide", "Guide.faq", "Mutation.requestSmsCode",
            "RegisterEnterpriseInput.creditCode", "Level.COUNTY"} <= fields
    assert {"ServiceItemFilter", "Hall", "Citizen", "AccountErrorCode"} <= types
    assert "Query.catalogConsistency" not in fields and "ApiKey" not in types


def test_a_repository_without_history_passes(tmp_path: Path) -> None:
    copy = tmp_path / "schema.graphql"  # tmp_path is no git repository
    copy.write_text(SDL, encoding="utf-8")
    assert previous_schema(copy, root=tmp_path) is None
