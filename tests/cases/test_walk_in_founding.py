"""A walk-in for a registration that founds an enterprise (issue 16), through HTTP: the enterprise of a
个人独资企业设立登记 cannot be on file yet, so the window takes the future enterprise's name, type and
address on the form instead of refusing; each problem comes back next to its field; the case keeps
the details, and approving the registration founds the enterprise under them."""

from __future__ import annotations

import base64
import uuid
from typing import Any

from tortoise.transactions import in_transaction

from server.domain.accounts.models import Enterprise
from server.domain.cases import founding
from server.domain.cases.models import Case as CaseRow
from server.domain.shareddata.models import LegalPersonRecord
from tests import factories as f
from tests.cases.test_graph_lifecycle import ERR, _item, _situation
from tests.conftest import GraphQLClient

WALK_IN = ("mutation($i: ReceiveWalkInInput!) { receiveWalkIn(input: $i) { case { id applicantKind applicantName "
           "futureEnterprise { name kind address } } " + ERR + " } }")
ITEM = "个人独资企业设立登记"
FUTURE = {"name": "聊城市东昌府区晓雪工作室", "kind": "个人独资企业", "address": "聊城市东昌府区柳园街道东昌东路 88 号"}


def _input(item: dict[str, Any], applicant: dict[str, Any]) -> dict[str, Any]:
    sit = _situation(item, ITEM)
    return {"idempotencyKey": uuid.uuid4().hex, "itemId": item["id"], "situationKey": sit["key"],
            "applicant": applicant, "formData": {},
            "materials": [{"materialKey": x["key"]} for x in sit["materials"] if x["necessity"] == "REQUIRED"]}


async def test_a_sole_proprietorship_is_founded_from_the_window(gql: GraphQLClient) -> None:
    clerk = await gql.as_user("city_clerk")
    item = await _item(gql, ITEM)
    flags = await gql("query($id: ID!) { node(id: $id) { ... on ServiceItem { foundsEntity } } }", {"id": item["id"]})
    assert flags["node"]["foundsEntity"] is True
    person = {"idNumber": f.id_number(), "name": "欧阳晓雪", "phone": f.phone()}

    # nothing about the enterprise: three problems, each next to its field, and nobody registered
    refused = (await clerk(WALK_IN, {"i": _input(item, person)}))["receiveWalkIn"]
    assert refused["case"] is None
    assert {tuple(e["field"]) for e in refused["errors"]} == {
        ("applicant", "futureEnterprise", "name"), ("applicant", "futureEnterprise", "kind"),
        ("applicant", "futureEnterprise", "address"),
    }, refused
    assert all(e["code"] == "INVALID" and e["message"] for e in refused["errors"])

    # a credit code typed for it cannot be found: said so, next to the code, with what to do instead
    code = (await clerk(WALK_IN, {"i": _input(item, {**person, "enterpriseCreditCode": f.credit_code()})}))["receiveWalkIn"]
    assert [(e["code"], e["field"]) for e in code["errors"]] == [("NOT_FOUND", ["applicant", "enterpriseCreditCode"])]
    assert "拟设立企业" in code["errors"][0]["message"]

    # a bad type alone is named alone
    bad = {**FUTURE, "kind": "有限公司"}
    one = (await clerk(WALK_IN, {"i": _input(item, {**person, "futureEnterprise": bad})}))["receiveWalkIn"]
    assert [e["field"] for e in one["errors"]] == [["applicant", "futureEnterprise", "kind"]], one

    # corrected: received, the person is the applicant (经营者), the enterprise to be is on the case
    ok = (await clerk(WALK_IN, {"i": _input(item, {**person, "futureEnterprise": FUTURE})}))["receiveWalkIn"]
    assert ok["errors"] == [], ok
    case = ok["case"]
    assert case["applicantKind"] == "CITIZEN" and case["applicantName"].startswith("欧")
    assert "晓雪" not in case["applicantName"]  # the person's name masked as everywhere
    assert case["futureEnterprise"] == FUTURE
    row = await CaseRow.get(id=int(base64.b64decode(case["id"]).decode().split(":")[1]))
    assert row.future_enterprise == FUTURE and row.applicant_enterprise_id is None
    assert await Enterprise.filter(name=FUTURE["name"]).count() == 0

    # the registration founds the enterprise under the details taken at the window
    try:
        async with in_transaction() as conn:
            ent = await founding.register(conn, row)
        assert ent is not None and ent.name == FUTURE["name"] and ent.legal_rep_name == "欧阳晓雪"
        record = await LegalPersonRecord.get(credit_code=ent.credit_code)
        assert record.kind == "个人独资企业" and record.address == FUTURE["address"]
    finally:
        await LegalPersonRecord.filter(name=FUTURE["name"]).delete()
        await Enterprise.filter(name=FUTURE["name"]).delete()


async def test_other_items_ignore_it(gql: GraphQLClient) -> None:
    """An item that founds nothing takes the person as before, and keeps no future enterprise."""
    clerk = await gql.as_user("city_clerk")
    item = await _item(gql, "公共场所卫生许可")
    sit = _situation(item, "公共场所卫生许可新办")
    i = {"idempotencyKey": uuid.uuid4().hex, "itemId": item["id"], "situationKey": sit["key"],
         "applicant": {"idNumber": f.id_number(), "name": "欧阳娜", "phone": f.phone(), "futureEnterprise": FUTURE},
         "formData": {}, "materials": []}
    got = (await clerk(WALK_IN, {"i": i}))["receiveWalkIn"]
    assert got["errors"] == [] and got["case"]["futureEnterprise"] is None, got
    row = await CaseRow.get(id=int(base64.b64decode(got["case"]["id"]).decode().split(":")[1]))
    assert row.future_enterprise is None
