"""Enterprises through the graph: registration by the legal representative, operators, who may do
what, masking, and the admins' credit-code exception list."""

from __future__ import annotations

import base64
import random
from collections.abc import AsyncIterator
from typing import Any

import pytest

from server.domain.accounts.models import Enterprise, EnterpriseOperator
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient, refusal
from tests.factories import Devices, Person

ALPHABET = f.CREDIT_ALPHABET

ENTERPRISE = """
  id creditCode name myRole legalRepName legalRepIdNumber regionCode region { name }
  operators { citizen { id phone name idNumber masked } addedAt }
"""
REGISTER = f"""
mutation($i: RegisterEnterpriseInput!) {{
  registerEnterprise(input: $i) {{ enterprise {{ {ENTERPRISE} }} errors {{ field message code }} }}
}}"""
ADD = f"""
mutation($e: ID!, $phone: String!) {{
  addEnterpriseOperator(input: {{enterpriseId: $e, phone: $phone}}) {{
    enterprise {{ {ENTERPRISE} }} errors {{ field message code }}
  }}
}}"""
REMOVE = f"""
mutation($e: ID!, $c: ID!) {{
  removeEnterpriseOperator(input: {{enterpriseId: $e, citizenId: $c}}) {{
    enterprise {{ {ENTERPRISE} }} errors {{ field message code }}
  }}
}}"""
MY_ENTERPRISES = f"query {{ myProfile {{ id enterprises {{ {ENTERPRISE} }} }} }}"
ADD_EXCEPTION = """
mutation($code: String!, $reason: String!) {
  addCreditCodeException(input: {code: $code, reason: $reason}) {
    exception { code reason addedAt } errors { field message code }
  }
}"""
REMOVE_EXCEPTION = """
mutation($code: String!) { removeCreditCodeException(input: {code: $code}) { code errors { field message code } } }"""
EXCEPTIONS = "query { creditCodeExceptions { code reason addedAt } }"


@pytest.fixture
async def devices(app: Any) -> AsyncIterator[Devices]:
    async with f.open_devices(app) as open_device:
        yield open_device


def failing_credit_code(region: str = "371525") -> str:
    """A well-formed code with a wrong check character (like the early codes on the exception list)."""
    good = f.credit_code(region)
    return good[:17] + next(c for c in ALPHABET if c != good[17])


def registration(person: Person, **overrides: str) -> dict[str, str]:
    data = {
        "creditCode": f.credit_code(),
        "name": f"聊城市测试{random.randrange(10**6)}有限公司",
        "legalRepName": str(person.name),
        "legalRepIdNumber": str(person.id_number),
    }
    return data | overrides


async def register(person: Person, **overrides: str) -> dict[str, Any]:
    out = (await person.gql(REGISTER, {"i": registration(person, **overrides)}))["registerEnterprise"]
    assert out["errors"] == [], out
    return dict(out["enterprise"])


def masked_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}"


# --- registering -----------------------------------------------------------------------------------


async def test_the_legal_representative_registers_the_enterprise(
    devices: Devices, settings: Settings
) -> None:
    rep = await f.verified_person(devices, settings)
    data = registration(
        rep, legalRepIdNumber=str(rep.id_number).lower(), creditCode=f.credit_code().lower()
    )
    out = (await rep.gql(REGISTER, {"i": data}))["registerEnterprise"]
    assert out["errors"] == []
    e = out["enterprise"]
    assert e["creditCode"] == data["creditCode"].upper() and e["name"] == data["name"]
    assert e["myRole"] == "LEGAL_REP" and e["operators"] == []
    assert (e["legalRepName"], e["legalRepIdNumber"]) == (rep.name, rep.id_number)  # their own: unmasked
    assert e["regionCode"] == "371525" and e["region"]["name"] == "冠县"
    profile = (await rep.gql(MY_ENTERPRISES))["myProfile"]
    assert [x["id"] for x in profile["enterprises"]] == [e["id"]]
    row = await Enterprise.get(credit_code=e["creditCode"]).select_related("legal_rep")
    assert row.legal_rep is not None and row.legal_rep.phone == rep.phone


async def test_a_code_outside_the_city_has_no_region(devices: Devices, settings: Settings) -> None:
    rep = await f.verified_person(devices, settings)
    e = await register(rep, creditCode=f.credit_code("110105"))
    assert e["regionCode"] is None and e["region"] is None


async def test_someone_else_cannot_register_for_the_representative(
    devices: Devices, settings: Settings
) -> None:
    rep = await f.verified_person(devices, settings)
    clerk = await f.verified_person(devices, settings)
    code = f.credit_code()
    data = registration(rep, creditCode=code)  # the real representative's name and ID number
    out = (await clerk.gql(REGISTER, {"i": data}))["registerEnterprise"]
    assert out["enterprise"] is None and [e["code"] for e in out["errors"]] == ["MISMATCH"]
    assert not await Enterprise.exists(credit_code=code)
    # half right is still wrong
    for half in ({"legalRepName": clerk.name}, {"legalRepIdNumber": clerk.id_number}):
        out = (await clerk.gql(REGISTER, {"i": registration(rep, creditCode=code) | half}))[
            "registerEnterprise"
        ]
        assert out["errors"][0]["code"] == "MISMATCH"
    assert not await Enterprise.exists(credit_code=code)


async def test_a_credit_code_registers_once_without_saying_by_whom(
    devices: Devices, settings: Settings
) -> None:
    first = await f.verified_person(devices, settings)
    second = await f.verified_person(devices, settings)
    code = f.credit_code()
    await register(first, creditCode=code)
    out = (await second.gql(REGISTER, {"i": registration(second, creditCode=code)}))["registerEnterprise"]
    error = out["errors"][0]
    assert out["enterprise"] is None and error["code"] == "DUPLICATE" and error["field"] == ["creditCode"]
    for secret in (str(first.name), first.phone[-4:], str(first.id_number)[-4:]):
        assert secret not in error["message"]
    assert await Enterprise.filter(credit_code=code).count() == 1


async def test_only_verified_citizens_register(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    unverified = await f.sign_in(devices, settings)
    data = {
        "creditCode": f.credit_code(),
        "name": "测试有限公司",
        "legalRepName": "张三",
        "legalRepIdNumber": f.id_number(),
    }
    out = (await unverified.gql(REGISTER, {"i": data}))["registerEnterprise"]
    assert out["errors"][0]["code"] == "NOT_VERIFIED"
    assert await (await devices()).refused(REGISTER, {"i": data}, field="registerEnterprise") == "UNAUTHENTICATED"
    assert await (await gql.as_user("city_admin")).refused(REGISTER, {"i": data}, field="registerEnterprise") == "FORBIDDEN"


async def test_registration_input_is_checked(devices: Devices, settings: Settings) -> None:
    rep = await f.verified_person(devices, settings)
    bad = {"creditCode": failing_credit_code(), "name": "公", "legalRepName": "Li", "legalRepIdNumber": "123"}
    out = (await rep.gql(REGISTER, {"i": bad}))["registerEnterprise"]
    assert sorted((e["code"], e["field"][0]) for e in out["errors"]) == [
        ("INVALID", "legalRepName"),
        ("INVALID", "name"),
        ("INVALID_CREDIT_CODE", "creditCode"),
        ("INVALID_ID_NUMBER", "legalRepIdNumber"),
    ]
    forbidden = (await rep.gql(REGISTER, {"i": registration(rep, creditCode="91371525000000I001")}))[
        "registerEnterprise"
    ]
    assert (
        forbidden["errors"][0]["code"] == "INVALID_CREDIT_CODE"
        and "I、O、Z、S、V" in forbidden["errors"][0]["message"]
    )


# --- operators -------------------------------------------------------------------------------------


async def test_operators_are_added_and_removed_by_the_representative(
    devices: Devices, settings: Settings
) -> None:
    rep = await f.verified_person(devices, settings)
    op = await f.verified_person(devices, settings)
    e = await register(rep)
    out = (await rep.gql(ADD, {"e": e["id"], "phone": op.phone}))["addEnterpriseOperator"]
    assert out["errors"] == []
    [listed] = out["enterprise"]["operators"]
    # the representative sees the operator masked (personal data of somebody else)
    assert listed["citizen"]["id"] == op.id and listed["citizen"]["masked"] is True
    assert listed["citizen"]["phone"] == masked_phone(op.phone)
    assert listed["citizen"]["idNumber"] == f"{str(op.id_number)[:4]}{'*' * 10}{str(op.id_number)[-4:]}"
    # the operator sees the enterprise, the representative masked, and no operator list
    [seen] = (await op.gql(MY_ENTERPRISES))["myProfile"]["enterprises"]
    assert seen["id"] == e["id"] and seen["myRole"] == "OPERATOR" and seen["operators"] is None
    assert seen["legalRepName"] == str(rep.name)[0] + "*" * (len(str(rep.name)) - 1)
    assert seen["legalRepIdNumber"] == f"{str(rep.id_number)[:4]}{'*' * 10}{str(rep.id_number)[-4:]}"

    out = (await rep.gql(REMOVE, {"e": e["id"], "c": op.id}))["removeEnterpriseOperator"]
    assert out["errors"] == [] and out["enterprise"]["operators"] == []
    enterprise = await Enterprise.get(credit_code=e["creditCode"])
    row = await EnterpriseOperator.get(enterprise_id=enterprise.id)
    assert row.removed_at is not None
    assert (await op.gql(MY_ENTERPRISES))["myProfile"]["enterprises"] == []
    again = (await rep.gql(REMOVE, {"e": e["id"], "c": op.id}))["removeEnterpriseOperator"]
    assert again["errors"][0]["code"] == "NOT_FOUND"
    # added again: a new row, the history stays
    assert (await rep.gql(ADD, {"e": e["id"], "phone": op.phone}))["addEnterpriseOperator"]["errors"] == []
    assert await EnterpriseOperator.filter(citizen__phone=op.phone).count() == 2
    assert len((await op.gql(MY_ENTERPRISES))["myProfile"]["enterprises"]) == 1


async def test_an_operator_must_be_a_verified_citizen(devices: Devices, settings: Settings) -> None:
    rep = await f.verified_person(devices, settings)
    unverified = await f.sign_in(devices, settings)
    e = await register(rep)
    answers = [
        (await rep.gql(ADD, {"e": e["id"], "phone": phone}))["addEnterpriseOperator"]["errors"][0]
        for phone in (unverified.phone, f.phone())
    ]
    assert answers[0] == answers[1]  # unverified and unknown: the same answer
    assert answers[0]["code"] == "NOT_VERIFIED" and answers[0]["field"] == ["phone"]
    bad = (await rep.gql(ADD, {"e": e["id"], "phone": "12"}))["addEnterpriseOperator"]["errors"][0]
    assert bad["code"] == "INVALID_PHONE"


async def test_adding_twice_or_adding_oneself(devices: Devices, settings: Settings) -> None:
    rep = await f.verified_person(devices, settings)
    op = await f.verified_person(devices, settings)
    e = await register(rep)
    assert (await rep.gql(ADD, {"e": e["id"], "phone": op.phone}))["addEnterpriseOperator"]["errors"] == []
    twice = (await rep.gql(ADD, {"e": e["id"], "phone": op.phone}))["addEnterpriseOperator"]
    assert twice["errors"][0]["code"] == "DUPLICATE"
    itself = (await rep.gql(ADD, {"e": e["id"], "phone": rep.phone}))["addEnterpriseOperator"]
    assert itself["errors"][0]["code"] == "INVALID"


async def test_only_the_representative_manages_operators(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    rep = await f.verified_person(devices, settings)
    op = await f.verified_person(devices, settings)
    stranger = await f.verified_person(devices, settings)
    e = await register(rep)
    assert (await rep.gql(ADD, {"e": e["id"], "phone": op.phone}))["addEnterpriseOperator"]["errors"] == []
    admin = await gql.as_user("city_admin")
    # other citizens are refused by the domain (not their enterprise), staff and nobody before it runs
    for caller, expected in ((op.gql, "NOT_ALLOWED"), (stranger.gql, "NOT_ALLOWED"), (admin, "FORBIDDEN"),
                             (await devices(), "UNAUTHENTICATED")):
        assert await caller.refused(ADD, {"e": e["id"], "phone": stranger.phone}, field="addEnterpriseOperator") == expected
        assert await caller.refused(REMOVE, {"e": e["id"], "c": op.id}, field="removeEnterpriseOperator") == expected
    # a global ID of another type, or of no enterprise at all, is refused the same way
    for wrong in (op.id, base64.b64encode(b"Enterprise:99999999").decode()):
        out = (await rep.gql(ADD, {"e": wrong, "phone": stranger.phone}))["addEnterpriseOperator"]
        assert out["errors"][0]["code"] == "NOT_ALLOWED"
    assert await EnterpriseOperator.filter(citizen__phone=stranger.phone).count() == 0
    assert await EnterpriseOperator.filter(citizen__phone=op.phone, removed_at=None).count() == 1


async def test_an_enterprise_node_is_for_its_people_only(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    rep = await f.verified_person(devices, settings)
    op = await f.verified_person(devices, settings)
    stranger = await f.sign_in(devices, settings)
    e = await register(rep)
    await rep.gql(ADD, {"e": e["id"], "phone": op.phone})
    query = "query($id: ID!) { node(id: $id) { ... on Enterprise { name myRole } } }"
    assert (await rep.gql(query, {"id": e["id"]}))["node"] == {"name": e["name"], "myRole": "LEGAL_REP"}
    assert (await op.gql(query, {"id": e["id"]}))["node"] == {"name": e["name"], "myRole": "OPERATOR"}
    assert (await stranger.gql(query, {"id": e["id"]}))["node"] is None
    assert (await (await gql.as_user("city_admin"))(query, {"id": e["id"]}))["node"] is None


async def test_my_enterprises_take_the_same_statements_however_many(
    devices: Devices, settings: Settings, sql: Any
) -> None:
    rep = await f.verified_person(devices, settings)
    ops = [await f.verified_person(devices, settings) for _ in range(3)]
    first = await register(rep)
    await rep.gql(ADD, {"e": first["id"], "phone": ops[0].phone})
    with sql() as one:
        assert len((await rep.gql(MY_ENTERPRISES))["myProfile"]["enterprises"]) == 1
    for _ in range(2):
        e = await register(rep)
        for op in ops:
            await rep.gql(ADD, {"e": e["id"], "phone": op.phone})
    other = await f.verified_person(devices, settings)
    theirs = await register(other)
    await other.gql(ADD, {"e": theirs["id"], "phone": rep.phone})  # and one where rep is an operator
    with sql() as many:
        listed = (await rep.gql(MY_ENTERPRISES))["myProfile"]["enterprises"]
    assert [x["myRole"] for x in listed] == ["LEGAL_REP"] * 3 + ["OPERATOR"]
    assert sum(len(x["operators"] or []) for x in listed) == 7
    assert many.count == one.count, (one.statements, many.statements)


# --- credit-code exceptions ------------------------------------------------------------------------


async def test_an_exception_lets_an_early_code_register(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    admin = await gql.as_user("city_admin")
    rep = await f.verified_person(devices, settings)
    early = failing_credit_code()
    refused = (await rep.gql(REGISTER, {"i": registration(rep, creditCode=early)}))["registerEnterprise"]
    assert refused["errors"][0]["code"] == "INVALID_CREDIT_CODE"
    added = (await admin(ADD_EXCEPTION, {"code": early.lower(), "reason": "1998 年核发，校验位不符"}))[
        "addCreditCodeException"
    ]
    assert added["errors"] == [] and added["exception"]["code"] == early
    assert early in [x["code"] for x in (await admin(EXCEPTIONS))["creditCodeExceptions"]]
    e = await register(rep, creditCode=early)
    assert e["creditCode"] == early
    removed = (await admin(REMOVE_EXCEPTION, {"code": early}))["removeCreditCodeException"]
    assert removed == {"code": early, "errors": []}
    assert await Enterprise.exists(credit_code=early)  # registered enterprises stay
    assert (await admin(REMOVE_EXCEPTION, {"code": early}))["removeCreditCodeException"]["errors"][0][
        "code"
    ] == "NOT_FOUND"
    another = failing_credit_code()
    out = (await rep.gql(REGISTER, {"i": registration(rep, creditCode=another)}))["registerEnterprise"]
    assert out["errors"][0]["code"] == "INVALID_CREDIT_CODE"


async def test_exception_input_is_checked(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_admin")
    early = failing_credit_code()
    valid = (await admin(ADD_EXCEPTION, {"code": f.credit_code(), "reason": "不需要"}))[
        "addCreditCodeException"
    ]
    assert valid["errors"][0]["code"] == "INVALID" and "无需" in valid["errors"][0]["message"]
    short = (await admin(ADD_EXCEPTION, {"code": "9137", "reason": "理由"}))["addCreditCodeException"]
    assert short["errors"][0]["code"] == "INVALID_CREDIT_CODE"
    no_reason = (await admin(ADD_EXCEPTION, {"code": early, "reason": "  "}))["addCreditCodeException"]
    assert [(e["code"], e["field"]) for e in no_reason["errors"]] == [("INVALID", ["reason"])]
    assert (await admin(ADD_EXCEPTION, {"code": early, "reason": "理由"}))["addCreditCodeException"][
        "errors"
    ] == []
    twice = (await admin(ADD_EXCEPTION, {"code": early, "reason": "理由"}))["addCreditCodeException"]
    assert twice["errors"][0]["code"] == "DUPLICATE"
    await admin(REMOVE_EXCEPTION, {"code": early})


async def test_who_keeps_and_who_reads_the_exception_list(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    catalog_admin = await gql.as_user("city_catalog")
    assert isinstance((await catalog_admin(EXCEPTIONS))["creditCodeExceptions"], list)
    early = failing_credit_code()
    citizen = await f.sign_in(devices, settings)
    for caller, expected in ((catalog_admin, "FORBIDDEN"), (await gql.as_user("city_clerk"), "FORBIDDEN"),
                             (citizen.gql, "FORBIDDEN"), (await devices(), "UNAUTHENTICATED")):
        assert await caller.refused(ADD_EXCEPTION, {"code": early, "reason": "理由"}, field="addCreditCodeException") == expected
        assert await caller.refused(REMOVE_EXCEPTION, {"code": early}, field="removeCreditCodeException") == expected
    clerk = await (await gql.as_user("city_clerk"))(EXCEPTIONS, expect_errors=True)
    assert clerk["data"] is None and clerk["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    for caller, expected in ((citizen.gql, "FORBIDDEN"), (await devices(), "UNAUTHENTICATED")):
        assert refusal(await caller(EXCEPTIONS, expect_errors=True), "creditCodeExceptions") == expected


async def test_a_county_admin_cannot_change_the_citywide_exception_list(gql: GraphQLClient) -> None:
    county = await gql.as_user("guanxian_admin")
    out = (await county(ADD_EXCEPTION, {"code": failing_credit_code(), "reason": "县级尝试"}))["addCreditCodeException"]
    assert out["exception"] is None and out["errors"][0]["code"] == "NOT_ALLOWED"
    assert "市级" in out["errors"][0]["message"]
    out = (await county(REMOVE_EXCEPTION, {"code": failing_credit_code()}))["removeCreditCodeException"]
    assert out["errors"][0]["code"] == "NOT_ALLOWED"
