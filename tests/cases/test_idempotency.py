"""Idempotency keys remember the request they came with (issue 15), through HTTP: the same key and
the same request return the first case or bundle; the same key with a different request is refused
with IDEMPOTENCY_KEY_REUSED, and nothing is created."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from server.domain.cases.models import Case as CaseRow
from server.domain.cases.models import CaseBundle
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.cases.test_graph_lifecycle import ERR, SUBMIT, _form, _item, _situation, gid, m, upload
from tests.conftest import GraphQLClient

REUSED = "IDEMPOTENCY_KEY_REUSED"
WALK_IN = m("mutation($i: ReceiveWalkInInput!) { receiveWalkIn(input: $i) { case { ...C } " + ERR + " } }")


def _refused(payload: dict[str, Any], key: str = "case") -> None:
    assert payload[key] is None, payload
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(REUSED, ["idempotencyKey"])], payload
    assert "幂等键" in payload["errors"][0]["message"]


async def test_online_application(gql: GraphQLClient, settings: Settings, client: httpx.AsyncClient) -> None:
    rep = await f.citizen(name="田志远")
    ent = await f.enterprise(rep)
    me = await f.citizen_client(gql, settings, rep)
    item = await _item(gql, "公司变更登记")
    sit = _situation(item, "经营范围变更")
    required = [x for x in sit["materials"] if x["necessity"] == "REQUIRED" and not x["elicence"] and not x["sharedData"]]
    files = [{"materialKey": x["key"], "uploadId": await upload(client, me.token)} for x in required]
    app = {"itemId": item["id"], "situationKey": sit["key"], "formData": _form(item["formFields"]),
           "materials": files, "enterpriseId": gid("Enterprise", ent.id)}
    key = uuid.uuid4().hex
    first = (await me(SUBMIT, {"i": {"idempotencyKey": key, "application": app}}))["submitApplication"]
    assert first["errors"] == [] and first["created"], first
    # the same request, its materials in another order and its keys in another order: the first case
    same = {"materials": list(reversed(files)), **{k: v for k, v in app.items() if k != "materials"}}
    again = (await me(SUBMIT, {"i": {"idempotencyKey": f"  {key} ", "application": same}}))["submitApplication"]
    assert again["errors"] == [] and again["created"] is False and again["case"]["id"] == first["case"]["id"]
    # the same key with another application: refused, nothing created
    before = await CaseRow.filter(applicant_enterprise_id=ent.id).exclude(status="draft").count()
    other = {**app, "formData": {**app["formData"], next(iter(app["formData"])): "另一份申请"}}
    _refused((await me(SUBMIT, {"i": {"idempotencyKey": key, "application": other}}))["submitApplication"])
    _refused((await me(SUBMIT, {"i": {"idempotencyKey": key, "application": {**app, "materials": files[:1]}}}))[
        "submitApplication"])
    # a draft of someone else's application under the used key is not the same request either
    draft = (await me(m("mutation($i: SaveApplicationDraftInput!) { saveApplicationDraft(input: $i) { case { ...C } "
                        + ERR + " } }"), {"i": {"application": app}}))["saveApplicationDraft"]
    assert draft["errors"] == []
    _refused((await me(SUBMIT, {"i": {"idempotencyKey": key, "draftId": draft["case"]["id"]}}))["submitApplication"])
    assert await CaseRow.filter(applicant_enterprise_id=ent.id).exclude(status="draft").count() == before


async def test_walk_in(gql: GraphQLClient) -> None:
    clerk = await gql.as_user("city_clerk")
    item = await _item(gql, "公共场所卫生许可")
    sit = _situation(item, "公共场所卫生许可新办")
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    i = {"idempotencyKey": uuid.uuid4().hex, "itemId": item["id"], "situationKey": sit["key"],
         "applicant": {"idNumber": f.id_number(), "name": "欧阳娜", "phone": f.phone(), "enterpriseCreditCode": ent.credit_code},
         "formData": _form(item["formFields"]),
         "materials": [{"materialKey": x["key"]} for x in sit["materials"] if x["necessity"] == "REQUIRED"]}
    first = (await clerk(WALK_IN, {"i": i}))["receiveWalkIn"]
    assert first["errors"] == [], first
    lower = {**i, "applicant": {**i["applicant"], "enterpriseCreditCode": ent.credit_code.lower()}}
    again = (await clerk(WALK_IN, {"i": lower}))["receiveWalkIn"]
    assert again["errors"] == [] and again["case"]["id"] == first["case"]["id"]
    other = {**i, "applicant": {**i["applicant"], "idNumber": f.id_number(), "name": "欧阳明"}}
    _refused((await clerk(WALK_IN, {"i": other}))["receiveWalkIn"])


async def test_themed_bundle(gql: GraphQLClient, settings: Settings) -> None:
    version = await t.publish(t.RESTAURANT)
    a = await t.applicant()
    me = await f.citizen_client(gql, settings, a.rep)
    i = await g.application(me, a, version, {"ad": "yes"})
    first = (await me(g.APPLY, {"i": i}))["applyForTheme"]
    assert first["errors"] == [] and first["created"], first
    again = (await me(g.APPLY, {"i": {**i, "materials": list(reversed(i["materials"]))}}))["applyForTheme"]
    assert again["errors"] == [] and again["created"] is False and again["bundle"]["id"] == first["bundle"]["id"]
    before = await CaseBundle.filter(applicant_enterprise_id=a.enterprise.id).count()
    _refused((await me(g.APPLY, {"i": {**i, "answers": {"ad": "no"}}}))["applyForTheme"], "bundle")
    assert await CaseBundle.filter(applicant_enterprise_id=a.enterprise.id).count() == before
