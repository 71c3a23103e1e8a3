"""The fast leaf path gives exactly what graphql-core's own executor gives."""

from __future__ import annotations

from typing import Any

import pytest

from server.domain.accounts.roles import ANONYMOUS
from server.graphql.context import Context
from server.graphql.schema import build_schema
from server.settings import Settings

QUERIES = [
    """{ serviceItems(first: 50) { totalCount edges { cursor node { id name basicCode implementationCode itemType
        level exerciseLevels serviceObjects keywords maxVisits online instant highFrequency
        committedLimit { value unit text } statutoryLimit { value unit } fees { name standard basis }
        department { code name shortName kind region { code name level validTo } }
        situations { position name conditions materials { name necessity form copies media sampleText
          reviewPoints elicence sharedData source } }
        guide { process address hours contact faq { question answer } } } } } }""",
    """{ serviceItems(filter: {text: "登记"}, first: 20) { edges { node { ... on ServiceItem { name }
        ...F situations { nm: name materials { n1: name n2: name necessity @include(if: true) copies @skip(if: true) } } } } } }
       fragment F on ItemContent { keywords itemType }""",
    """{ regions(includeHistoric: true) { code name level kind validFrom validTo parentCode successorCode isCurrent } }""",
    """{ catalogConsistency(basicCode: "010800001000") { consistent differenceCount rows { isReference
        values { element label value } differences { element expected actual description } } } }""",
    """{ halls(regionCode: "371500") { code name address windows { number name kind departmentCodes } } }""",
    """{ findServices(text: "营业执照", first: 20) { totalCount words didYouMean hits { kind code name matchedBy
        score implementationCount item { id name implementationCode regionCode online instant highFrequency
        maxVisits committedLimit { value unit text } department { id name shortName } }
        theme { id code name audience maxVisits } } } }""",
]


async def _run(schema: Any, settings: Settings, query: str) -> Any:
    result = await schema.execute(query, context_value=Context(actor=ANONYMOUS, settings=settings, request_id="t"))
    return result.data, [e.formatted for e in result.errors or []]


@pytest.mark.parametrize("query", QUERIES)
async def test_fast_leaf_executor_matches_graphql_core(settings: Settings, query: str) -> None:
    fast = await _run(build_schema(settings), settings, query)
    stock = await _run(build_schema(settings, fast_leaves=False), settings, query)
    assert fast == stock
    assert fast[1] == [] and fast[0]


async def test_a_null_in_a_non_null_leaf_is_reported_as_graphql_core_would(settings: Settings) -> None:
    from server.graphql.catalog import types

    original = types._material

    def broken(m: Any) -> Any:
        out = original(m)
        out.name = None  # type: ignore[assignment]  # on purpose: the schema says String!
        return out

    types._material = broken
    try:
        q = '{ serviceItems(first: 1) { edges { node { situations { materials { name copies } } } } } }'
        fast = await _run(build_schema(settings), settings, q)
        stock = await _run(build_schema(settings, fast_leaves=False), settings, q)
    finally:
        types._material = original
    assert fast == stock
    assert "Cannot return null for non-nullable field Material.name" in fast[1][0]["message"]


async def test_the_fast_path_is_taken_for_leaf_objects(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from server.graphql.core.execution import FastLeafExecutionContext

    calls = {"n": 0}
    original = FastLeafExecutionContext.execute_field

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FastLeafExecutionContext, "execute_field", counting)
    q = "{ serviceItems(first: 20) { edges { node { situations { materials { name necessity copies } } } } } }"
    data, errors = await _run(build_schema(settings), settings, q)
    materials = sum(len(s["materials"]) for e in data["serviceItems"]["edges"] for s in e["node"]["situations"])
    assert errors == [] and materials > 40
    # material objects are completed without a field-by-field walk
    assert calls["n"] < materials


async def test_a_null_in_a_non_null_leaf_beside_other_fields_is_reported_as_graphql_core_would(
    settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an object with plain leaves and resolver fields (the mixed path): the leaf that fails goes
    # through graphql-core's own completion
    from server.graphql.catalog import types

    original = types.ServiceItem.of

    def broken(v: Any) -> Any:
        out = original(v)
        out.implementation_code = None  # type: ignore[assignment]  # on purpose: the schema says String!
        return out

    monkeypatch.setattr(types.ServiceItem, "of", broken)
    q = "{ serviceItems(first: 2) { edges { node { name implementationCode online department { code } } } } }"
    fast = await _run(build_schema(settings), settings, q)
    stock = await _run(build_schema(settings, fast_leaves=False), settings, q)
    assert fast == stock
    assert "Cannot return null for non-nullable field ServiceItem.implementationCode" in fast[1][0]["message"]


async def test_plain_leaves_beside_resolver_fields_take_the_fast_path(
    settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from server.graphql.core.execution import FastLeafExecutionContext

    calls = {"n": 0}
    original = FastLeafExecutionContext.execute_field

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FastLeafExecutionContext, "execute_field", counting)
    q = "{ serviceItems(first: 20) { edges { node { name basicCode online instant maxVisits department { code } } } } }"
    data, errors = await _run(build_schema(settings), settings, q)
    assert errors == [] and len(data["serviceItems"]["edges"]) == 20
    # per item only the department goes through execute_field (its code is a leaf object: fast)
    assert calls["n"] < 20 * 2 + 5, calls
