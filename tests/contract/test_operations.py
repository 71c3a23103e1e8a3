"""Every operation of mobile-contract/ validates against schema/schema.graphql and runs against the
seeded server, by its trusted document id, with its example variables; every answer matches the
example's shape.

The example variables are sent as written, except the values that only exist at run time (listed in
``RUNTIME`` and in mobile-contract/README.md): the phone and the SMS code (read from the development
SMS sink's outbox, so sign-in goes through the real flow), people and enterprises of this run, tokens
and the item id (found by the example's implementation code).
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from server.contract import (
    EXAMPLES,
    OPERATIONS,
    Operation,
    check_enum_values,
    operations,
    response_shape,
    shape_mismatches,
)
from server.settings import ROOT, Settings
from tests.conftest import GraphQLClient
from tests.graphql.test_citizens import Devices, latest_code, new_id_number, new_name, new_phone, open_devices
from tests.graphql.test_enterprises import new_credit_code

OPS = {op.name: op for op in operations()}
# the variables whose example value is replaced by one of this run (README: "Examples")
RUNTIME = {
    "RequestSmsCode": {"phone"},
    "SignInWithSmsCode": {"phone", "code"},
    "RefreshTokens": {"refreshToken"},
    "VerifyRealName": {"name", "idNumber"},
    "RegisterEnterprise": {"input"},
    "AddEnterpriseOperator": {"enterpriseId", "phone"},
    "RemoveEnterpriseOperator": {"enterpriseId", "citizenId"},
    "ServiceItemGuide": {"id"},
}


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema((ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8"))


def example(name: str) -> dict[str, Any]:
    return dict(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))


def test_the_contract_has_the_operations_the_app_uses_now() -> None:
    assert set(OPS) == {
        "RequestSmsCode", "SignInWithSmsCode", "RefreshTokens", "Logout", "VerifyRealName", "MyProfile",
        "RegisterEnterprise", "AddEnterpriseOperator", "RemoveEnterpriseOperator", "ListDepartments",
        "ListRegions", "SearchServiceItems", "ServiceItemGuide", "ServiceItemGuideByCode", "HallsOfRegion",
    }
    assert {p.stem for p in EXAMPLES.glob("*.json")} == set(OPS), "one example per operation"
    assert set(RUNTIME) <= set(OPS)


@pytest.mark.parametrize("name", sorted(OPS))
def test_each_operation_validates_against_the_committed_schema(schema: GraphQLSchema, name: str) -> None:
    op = OPS[name]
    assert validate(schema, parse(op.text)) == []
    assert op.definition.name is not None and op.definition.name.value == name, "the file is named for its operation"
    assert op.path.parent == OPERATIONS


@pytest.mark.parametrize("name", sorted(OPS))
def test_each_example_declares_exactly_the_operations_variables(schema: GraphQLSchema, name: str) -> None:
    declared = {v.variable.name.value for v in (OPS[name].definition.variable_definitions or ())}
    required = {
        v.variable.name.value for v in (OPS[name].definition.variable_definitions or ())
        if v.type.kind == "non_null_type" and v.default_value is None
    }
    variables = set(example(name)["variables"])
    assert required <= variables <= declared
    assert example(name)["response"] == {"data": response_shape(schema, OPS[name])}


class Runner:
    """Sends contract operations by document id and checks each answer against its example."""

    def __init__(self, gql: GraphQLClient, schema: GraphQLSchema) -> None:
        self.gql, self.schema, self.ran = gql, schema, set[str]()

    async def __call__(self, name: str, /, **runtime: Any) -> dict[str, Any]:
        ex = example(name)
        assert set(runtime) == RUNTIME.get(name, set()), f"{name}: runtime values differ from RUNTIME"
        variables = ex["variables"] | runtime
        headers = {"accept": "application/graphql-response+json", "x-liaoyi-client": "mobile"}
        if self.gql.token:
            headers["authorization"] = f"Bearer {self.gql.token}"
        response = await self.gql.http.post(
            "/graphql", json={"documentId": OPS[name].document_id, "variables": variables}, headers=headers
        )
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, (name, body)
        shape = ex["response"]["data"]
        problems = shape_mismatches(shape, body["data"]) + check_enum_values(self.schema, shape, body["data"])
        assert problems == [], (name, problems)
        payload = next(iter(body["data"].values()))
        if isinstance(payload, dict) and "errors" in payload:
            assert payload["errors"] == [], (name, payload["errors"])
        self.ran.add(name)
        return dict(body["data"])


async def sign_in(run: Runner, phone: str, settings: Settings) -> dict[str, Any]:
    sent = (await run("RequestSmsCode", phone=phone))["requestSmsCode"]
    assert sent["sent"] is True
    done = (await run("SignInWithSmsCode", phone=phone, code=latest_code(settings, phone)))["signInWithSmsCode"]
    assert done["tokens"] and done["citizen"]["phone"] == phone
    run.gql.token = done["tokens"]["token"]
    return dict(done)


async def test_every_operation_runs_against_the_seeded_server_and_matches_its_shape(
    app: Any, settings: Settings, schema: GraphQLSchema
) -> None:
    async with open_devices(app) as devices:
        await _walk(devices, settings, schema)


async def _walk(devices: Devices, settings: Settings, schema: GraphQLSchema) -> None:
    run = Runner(await devices(), schema)

    # browsing needs no sign-in
    regions = (await run("ListRegions"))["regions"]
    assert {r["code"] for r in regions} >= {"371525", "371522"}
    departments = (await run("ListDepartments"))["departments"]
    assert departments["totalCount"] > 0 and departments["edges"]
    found = (await run("SearchServiceItems"))["serviceItems"]
    assert found["totalCount"] > 0 and all("ENTERPRISE" in e["node"]["serviceObjects"] for e in found["edges"])
    by_code = (await run("ServiceItemGuideByCode"))["serviceItemByCode"]
    assert by_code is not None and by_code["implementationCode"] == example("ServiceItemGuideByCode")["variables"]["code"]
    assert by_code["situations"] and by_code["guide"]["process"]
    by_id = (await run("ServiceItemGuide", id=by_code["id"]))["serviceItem"]
    assert by_id == by_code
    halls = (await run("HallsOfRegion"))["halls"]
    assert halls and halls[0]["windows"]

    # a citizen signs in by SMS, verifies, registers an enterprise and manages its operators
    phone = new_phone()
    signed = await sign_in(run, phone, settings)
    name, number = new_name(), new_id_number()
    verified = (await run("VerifyRealName", name=name, idNumber=number))["verifyRealName"]["citizen"]
    assert verified["verified"] is True and verified["name"] == name and verified["masked"] is False
    registration = {"creditCode": new_credit_code(), "name": f"聊城市契约测试{random.randrange(10**6)}有限公司",
                    "legalRepName": name, "legalRepIdNumber": number}
    enterprise = (await run("RegisterEnterprise", input=registration))["registerEnterprise"]["enterprise"]
    assert enterprise["myRole"] == "LEGAL_REP"

    other = Runner(await devices(), schema)
    other_phone = new_phone()
    other_citizen = (await sign_in(other, other_phone, settings))["citizen"]
    await other("VerifyRealName", name=new_name(), idNumber=new_id_number())
    added = (await run("AddEnterpriseOperator", enterpriseId=enterprise["id"], phone=other_phone))
    operators = added["addEnterpriseOperator"]["enterprise"]["operators"]
    assert [o["citizen"]["id"] for o in operators] == [other_citizen["id"]]
    removed = await run("RemoveEnterpriseOperator", enterpriseId=enterprise["id"], citizenId=other_citizen["id"])
    assert removed["removeEnterpriseOperator"]["enterprise"]["operators"] == []

    profile = (await run("MyProfile"))["myProfile"]
    assert profile["verified"] and [e["id"] for e in profile["enterprises"]] == [enterprise["id"]]

    rotated = (await run("RefreshTokens", refreshToken=signed["tokens"]["refreshToken"]))["refreshTokens"]["tokens"]
    assert rotated["refreshToken"] != signed["tokens"]["refreshToken"]
    run.gql.token = rotated["token"]
    assert (await run("Logout"))["logout"]["revoked"] >= 1

    assert run.ran | other.ran == set(OPS), set(OPS) - run.ran - other.ran


def test_operation_type_is_what_the_name_says() -> None:
    mutations = {n for n, op in OPS.items() if op.definition.operation.value == "mutation"}
    assert mutations == {
        "RequestSmsCode", "SignInWithSmsCode", "RefreshTokens", "Logout", "VerifyRealName",
        "RegisterEnterprise", "AddEnterpriseOperator", "RemoveEnterpriseOperator",
    }
    assert all(isinstance(op, Operation) for op in OPS.values())
