"""Query cost and the response cap (issue 15): an operation within the depth, alias and token limits
that would still ask for hundreds of thousands of objects is priced before it executes and refused
with ``QUERY_TOO_COSTLY`` (nothing runs: no SQL statement is sent); the budget depends on who asks;
every document the mobile app and the admin UI send fits its caller's budget; and an answer larger
than ``max_response_bytes`` is never sent."""

from __future__ import annotations

import glob
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import OperationDefinitionNode, parse
from graphql.execution.values import VariableValues

from server.app import create_app
from server.graphql.core import cost
from server.graphql.core.relay import DEFAULT_PAGE, MAX_PAGE
from server.graphql.schema import build_schema
from server.settings import Settings
from tests.conftest import ROOT, GraphQLClient

GR = {"accept": "application/graphql-response+json"}

# 30 aliases (the alias limit) × 100 items × their situations × materials, and versions: one request
ALIAS = "a{n}: serviceItems(first: 100) {{ edges {{ node {{ name situations {{ name materials {{ name }} }} " \
        "versions {{ number situations {{ name materials {{ name }} }} }} }} }} }}"
ATTACK = "query Attack { " + " ".join(ALIAS.format(n=n) for n in range(30)) + " }"
# one page of 100 items with the materials of their situations in every version: ~19,000 objects,
# over an anonymous caller's budget (10,000), within staff's (50,000)
PAGE = ("query Page($n: Int) { serviceItems(first: $n) { edges { node { name situations { name materials { name } } "
        "versions { number situations { name materials { name } } } } } } }")


@pytest.fixture(scope="module")
def schema() -> Any:
    return build_schema(Settings(env="test", secret_key="x" * 40))._schema


def _price(schema: Any, query: str, variables: dict[str, Any] | None = None, budget: int = 10**12) -> int | None:
    return cost.price(schema, parse(query), variables, None, budget)


def test_lists_cost_their_page_times_their_children(schema: Any) -> None:
    # a page of n items, each with 10 (undeclared) situations: n × (1 + 10)
    one = "query($n: Int) { serviceItems(first: $n) { totalCount edges { node { name situations { name } } } } }"
    assert _price(schema, one, {"n": 5}) == 1 + 5 * (1 + 1 + cost.DEFAULT_LIST_SIZE)
    assert _price(schema, one, {"n": 100}) == 1 + 100 * (1 + 1 + cost.DEFAULT_LIST_SIZE)
    # no page asked: the default page
    assert _price(schema, one.replace("(first: $n)", "")) == 1 + DEFAULT_PAGE * (1 + 1 + cost.DEFAULT_LIST_SIZE)
    # scalars cost nothing; aliases add up
    assert _price(schema, "{ a: serviceItems(first: 1) { totalCount } b: serviceItems(first: 1) { totalCount } }") == 2


def test_a_declared_list_size_is_used_and_fragments_on_other_types_count_once(schema: Any) -> None:
    stages = "{ theme(code: \"x\") { stages { items { key } } } }"
    # Theme.stages is declared as 4, ThemeStage.items as 6
    assert _price(schema, stages) == 1 + 4 * (1 + 6)
    # of fragments on different types of one abstract field only the dearest counts
    node = ("query($id: ID!) { node(id: $id) { ... on ServiceItem { situations { name } } "
            "... on Hall { windows { name } } ... on ServiceItem { versions { number } } } }")
    price = cost.price_operation(schema, parse(node), parse(node).definitions[0],  # type: ignore[arg-type]
                                 VariableValues({}, {}), 10**12)
    assert price == 1 + 2 * cost.DEFAULT_LIST_SIZE


def test_the_attack_is_far_over_every_budget(schema: Any) -> None:
    with pytest.raises(cost.OverBudget):
        _price(schema, ATTACK, budget=Settings().cost_staff)


def test_every_committed_document_fits_its_callers_budget(schema: Any) -> None:
    """The mobile contract's operations are sent by anonymous callers and citizens, the admin UI's by
    staff: each fits the budget of the smallest caller kind that sends it, with every page variable at
    the largest page a client may ask for."""
    s = Settings()
    documents = [(p, s.cost_anonymous) for p in glob.glob(str(ROOT / "mobile-contract/operations/*.graphql"))]
    documents += [(p, s.cost_staff) for p in glob.glob(str(ROOT / "admin-ui/src/graphql/*.graphql"))]
    assert len(documents) > 40
    priced = 0
    for path, budget in documents:
        doc = parse(Path(path).read_text(encoding="utf-8"))
        for op in doc.definitions:
            if isinstance(op, OperationDefinitionNode):
                pages = {v.variable.name.value: MAX_PAGE for v in op.variable_definitions or ()
                         if v.variable.name.value in cost.PAGE_ARGUMENTS}
                try:
                    cost.price_operation(schema, doc, op, VariableValues({}, pages), budget)
                except cost.OverBudget:
                    pytest.fail(f"{path}: {op.name.value if op.name else '?'} is over the budget {budget}")
                priced += 1
    assert priced > 100


async def test_an_anonymous_attack_is_refused_before_anything_runs(gql: GraphQLClient, sql: Any) -> None:
    with sql() as counted:
        body = await gql(ATTACK, expect_errors=True)
    assert gql.last is not None and gql.last.status_code == 400
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "budget": Settings().cost_anonymous}
    assert error["message"].startswith("查询过于复杂")
    assert counted.count == 0  # priced, never executed


async def test_the_budget_depends_on_who_asks(gql: GraphQLClient) -> None:
    anonymous = await gql(PAGE, {"n": 100}, expect_errors=True)
    assert anonymous["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    small = await gql(PAGE, {"n": 5})  # the same document with a small page fits
    assert len(small["serviceItems"]["edges"]) == 5
    staff = await gql.as_user("city_admin")
    data = await staff(PAGE, {"n": 100})
    assert len(data["serviceItems"]["edges"]) == 100
    assert all(e["node"]["situations"] for e in data["serviceItems"]["edges"])


@pytest.fixture
async def capped(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(replace(settings, max_response_bytes=4096), manage_db=False)
    transport = httpx.ASGITransport(app=app, client=("10.200.15.2", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


async def test_an_answer_over_the_response_cap_is_never_sent(capped: httpx.AsyncClient) -> None:
    small = await capped.post("/graphql", json={"query": "{ serviceItems(first: 2) { edges { node { name } } } }"},
                              headers=GR)
    assert small.status_code == 200 and len(small.json()["data"]["serviceItems"]["edges"]) == 2
    big = await capped.post("/graphql", json={"query": "{ serviceItems(first: 100) { edges { node { name guide { process address hours contact } } } } }"},
                            headers=GR)
    assert big.status_code == 200
    assert len(big.content) < 1024
    body = big.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "RESPONSE_TOO_LARGE"
    assert "查询结果过大" in body["errors"][0]["message"]
