"""Every operation of mobile-contract/ validates against schema/schema.graphql and runs against the
seeded server, by its trusted document id, with its example variables; every answer matches the
example's shape.

The example variables are sent as written, except the values that only exist at run time (listed in
``RUNTIME`` as paths into the variables, and in mobile-contract/README.md): the phone and the SMS code
(read from the development SMS sink's outbox, so sign-in goes through the real flow), people and
enterprises of this run, tokens, item ids (found by implementation code), situation and material
keys (read from ServiceItemApplicationForm), uploads, cases and notifications this run made, and a
fresh idempotency key per submission.

State comes from the real flows: a citizen signs in and verifies, registers an enterprise, uploads
materials (a GraphQL multipart request, as the example's ``multipart`` says), saves and submits
applications; staff act on the case through the same HTTP API (free-form documents, as the admin UI
does): the window accepts it with a material missing (容缺), the applicant supplies it, the back office
approves it and the e-licence is issued. The subscription runs over graphql-transport-ws against a
real server in a subprocess (tests/ui/live.py) sharing the test database, as the example's
``websocket`` says.
"""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from server.contract import (
    EXAMPLES,
    OPERATIONS,
    Operation,
    check_enum_values,
    operations,
    response_shape,
    shape_mismatches,
    used_by,
)
from server.settings import ROOT, Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.factories import Devices
from tests.ui.live import live_server

OPS = {op.name: op for op in operations()}
# the variables whose example value is replaced by one of this run (README: "Examples"): paths into the
# variables; a path names a whole value (an object or a list given at run time is one value)
RUNTIME: dict[str, set[str]] = {
    "RequestSmsCode": {"phone"},
    "SignInWithSmsCode": {"phone", "code"},
    "RefreshTokens": {"refreshToken"},
    "VerifyRealName": {"name", "idNumber"},
    "RegisterEnterprise": {"input"},
    "AddEnterpriseOperator": {"enterpriseId", "phone"},
    "RemoveEnterpriseOperator": {"enterpriseId", "citizenId"},
    "ServiceItemGuide": {"id"},
    "ServiceItemApplicationForm": {"id"},
    "SaveApplicationDraft": {"application.itemId", "application.situationKey", "application.enterpriseId",
                             "application.materials"},
    "SubmitApplication": {"idempotencyKey", "draftId"},
    "CaseDetail": {"id"},
    "SupplyCaseMaterials": {"caseId", "materials"},
    "WithdrawCase": {"caseId"},
    "TrackCase": {"number", "queryCode"},
    "MarkNotificationsRead": {"ids"},
    "AppointmentSlots": {"itemId", "from", "to"},
    "BookAppointment": {"itemId", "date", "start"},
    "CancelAppointment": {"appointmentId"},
}
# the item the contract applies for, and how: an enterprise changes its business scope
APPLY_CODE = "371500-XZSPJ-010100005000"  # 公司变更登记, 市行政审批服务局
APPLY_SITUATION = "经营范围变更"
WS_WAIT_S = 15.0


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
        "ServiceItemApplicationForm", "UploadMaterial", "SaveApplicationDraft", "SubmitApplication", "MyCases",
        "CaseDetail", "SupplyCaseMaterials", "WithdrawCase", "TrackCase", "MyElicences", "MyNotifications",
        "UnreadNotificationCount", "MarkNotificationsRead", "NotificationReceived",
        "AppointmentSlots", "BookAppointment", "MyAppointments", "CancelAppointment",
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
    variables = example(name)["variables"]
    assert required <= set(variables) <= declared
    assert example(name)["response"] == {"data": response_shape(schema, OPS[name])}
    for path in RUNTIME.get(name, set()):  # what the tests replace is in the example, for the reader
        assert _has_path(variables, path), f"{name}: the example has no {path}"


def test_uploads_and_subscriptions_say_how_they_are_sent(schema: GraphQLSchema) -> None:
    """An upload's example documents its multipart request; a subscription's its WebSocket messages."""
    uploads = {n for n, op in OPS.items() if "Upload" in used_by(schema, [op])[0]}
    assert uploads == {"UploadMaterial"}
    for name in uploads:
        multipart = example(name)["multipart"]
        assert multipart["parts"]["map"] == {"0": ["variables.input.file"]}
        assert multipart["parts"]["operations"] == {"documentId": OPS[name].document_id,
                                                    "variables": example(name)["variables"]}
    subscriptions = {n for n, op in OPS.items() if op.definition.operation.value == "subscription"}
    assert subscriptions == {"NotificationReceived"}
    for name in subscriptions:
        ws = example(name)["websocket"]
        assert ws["subprotocol"] == "graphql-transport-ws" and ws["url"] == "/graphql"
        assert ws["connectionInit"]["payload"] == {"Authorization": "Bearer <令牌>"}
    assert all(set(example(n)) == {"variables", "response"} for n in set(OPS) - uploads - subscriptions)


def _has_path(variables: dict[str, Any], path: str) -> bool:
    node: Any = variables
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _merged(variables: dict[str, Any], runtime: dict[str, Any], name: str) -> dict[str, Any]:
    merged = json.loads(json.dumps(variables))
    for path, value in runtime.items():
        *parents, last = path.split(".")
        node = merged
        for part in parents:
            node = node[part]
        assert last in node, f"{name}: {path} is not in the example's variables"
        node[last] = value
    return merged


class Runner:
    """Sends contract operations by document id and checks each answer against its example."""

    def __init__(self, gql: GraphQLClient, schema: GraphQLSchema) -> None:
        self.gql, self.schema, self.ran = gql, schema, set[str]()

    def _variables(self, name: str, runtime: dict[str, Any]) -> dict[str, Any]:
        """The example's variables with this run's values put in; keyword ``a__b`` is the path ``a.b``."""
        paths = {key.replace("__", "."): value for key, value in runtime.items()}
        assert set(paths) == RUNTIME.get(name, set()), f"{name}: runtime values differ from RUNTIME"
        return _merged(example(name)["variables"], paths, name)

    def _headers(self) -> dict[str, str]:
        headers = {"accept": "application/graphql-response+json", "x-liaoyi-client": "mobile"}
        if self.gql.token:
            headers["authorization"] = f"Bearer {self.gql.token}"
        return headers

    async def __call__(self, name: str, /, **runtime: Any) -> dict[str, Any]:
        assert "multipart" not in example(name), f"{name} is sent as a multipart request: use upload()"
        response = await self.gql.http.post(
            "/graphql", json={"documentId": OPS[name].document_id, "variables": self._variables(name, runtime)},
            headers=self._headers(),
        )
        return self._checked(name, response.status_code, response.json())

    async def upload(self, name: str, files: dict[str, tuple[str, bytes, str]], /, **runtime: Any) -> dict[str, Any]:
        """A GraphQL multipart request as the example's ``multipart`` describes it: ``operations``
        names the document, ``map`` says where each file goes."""
        parts = example(name)["multipart"]["parts"]
        assert set(files) == set(parts["map"]), f"{name}: the files are {sorted(parts['map'])}"
        operations = {"documentId": OPS[name].document_id, "variables": self._variables(name, runtime)}
        response = await self.gql.http.post(
            "/graphql", headers=self._headers(),
            data={"operations": json.dumps(operations), "map": json.dumps(parts["map"])},
            files=[(key, value) for key, value in files.items()],
        )
        return self._checked(name, response.status_code, response.json())

    def _checked(self, name: str, status: int, body: dict[str, Any]) -> dict[str, Any]:
        assert status == 200 and "errors" not in body, (name, body)
        self._check_shape(name, body["data"])
        payload = next(iter(body["data"].values()))
        if isinstance(payload, dict) and "errors" in payload:
            assert payload["errors"] == [], (name, payload["errors"])
        self.ran.add(name)
        return dict(body["data"])

    def _check_shape(self, name: str, data: Any) -> None:
        shape = example(name)["response"]["data"]
        problems = shape_mismatches(shape, data) + check_enum_values(self.schema, shape, data)
        assert problems == [], (name, problems)

    @asynccontextmanager
    async def subscription(self, name: str, base_url: str, /) -> AsyncIterator[Callable[[], Awaitable[dict[str, Any]]]]:
        """Subscribes over graphql-transport-ws as the example's ``websocket`` describes it; yields a
        function that waits for the next event and returns its ``data``, checked against the shape."""
        ws_doc = example(name)["websocket"]
        url = base_url.replace("http://", "ws://") + ws_doc["url"]
        async with connect(url, subprotocols=[Subprotocol(ws_doc["subprotocol"])], open_timeout=WS_WAIT_S) as ws:
            assert ws.subprotocol == ws_doc["subprotocol"]
            await ws.send(json.dumps({"type": "connection_init",
                                      "payload": {"Authorization": f"Bearer {self.gql.token}"}}))

            async def receive() -> dict[str, Any]:
                while True:
                    message = json.loads(await asyncio.wait_for(ws.recv(), WS_WAIT_S))
                    if message["type"] not in {"ping", "pong"}:
                        return dict(message)

            assert await receive() == {"type": "connection_ack"}
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
                "query": OPS[name].text, "variables": self._variables(name, {}), "operationName": name}}))

            async def next_event() -> dict[str, Any]:
                message = await receive()
                assert message["type"] == "next" and message["id"] == "1", (name, message)
                assert "errors" not in message["payload"], (name, message)
                self._check_shape(name, message["payload"]["data"])
                self.ran.add(name)
                return dict(message["payload"]["data"])

            yield next_event
            await ws.send(json.dumps({"id": "1", "type": "complete"}))


async def sign_in(run: Runner, phone: str, settings: Settings) -> dict[str, Any]:
    sent = (await run("RequestSmsCode", phone=phone))["requestSmsCode"]
    assert sent["sent"] is True
    done = (await run("SignInWithSmsCode", phone=phone, code=f.latest_code(settings, phone)))["signInWithSmsCode"]
    assert done["tokens"] and done["citizen"]["phone"] == phone
    run.gql.token = done["tokens"]["token"]
    return dict(done)


async def test_every_operation_runs_against_the_seeded_server_and_matches_its_shape(
    app: Any, settings: Settings, schema: GraphQLSchema, tmp_path: Path
) -> None:
    async with f.open_devices(app) as devices:
        await _walk(devices, settings, schema, tmp_path)


async def _walk(devices: Devices, settings: Settings, schema: GraphQLSchema, tmp_path: Path) -> None:
    run = Runner(await devices(), schema)
    anonymous = Runner(await devices(), schema)

    # browsing needs no sign-in
    regions = (await anonymous("ListRegions"))["regions"]
    assert {r["code"] for r in regions} >= {"371525", "371522"}
    departments = (await anonymous("ListDepartments"))["departments"]
    assert departments["totalCount"] > 0 and departments["edges"]
    found = (await anonymous("SearchServiceItems"))["serviceItems"]
    assert found["totalCount"] > 0 and all("ENTERPRISE" in e["node"]["serviceObjects"] for e in found["edges"])
    by_code = (await anonymous("ServiceItemGuideByCode"))["serviceItemByCode"]
    assert by_code is not None and by_code["implementationCode"] == example("ServiceItemGuideByCode")["variables"]["code"]
    assert by_code["situations"] and by_code["guide"]["process"]
    by_id = (await anonymous("ServiceItemGuide", id=by_code["id"]))["serviceItem"]
    assert by_id == by_code
    halls = (await anonymous("HallsOfRegion"))["halls"]
    assert halls and halls[0]["windows"]

    # a citizen signs in by SMS, verifies, registers an enterprise and manages its operators
    phone = f.phone()
    signed = await sign_in(run, phone, settings)
    name, number = f.person_name(), f.id_number()
    verified = (await run("VerifyRealName", name=name, idNumber=number))["verifyRealName"]["citizen"]
    assert verified["verified"] is True and verified["name"] == name and verified["masked"] is False
    registration = {"creditCode": f.credit_code(), "name": f"聊城市契约测试{random.randrange(10**6)}有限公司",
                    "legalRepName": name, "legalRepIdNumber": number}
    enterprise = (await run("RegisterEnterprise", input=registration))["registerEnterprise"]["enterprise"]
    assert enterprise["myRole"] == "LEGAL_REP"

    other = Runner(await devices(), schema)
    other_phone = f.phone()
    other_citizen = (await sign_in(other, other_phone, settings))["citizen"]
    await other("VerifyRealName", name=f.person_name(), idNumber=f.id_number())
    added = (await run("AddEnterpriseOperator", enterpriseId=enterprise["id"], phone=other_phone))
    operators = added["addEnterpriseOperator"]["enterprise"]["operators"]
    assert [o["citizen"]["id"] for o in operators] == [other_citizen["id"]]
    removed = await run("RemoveEnterpriseOperator", enterpriseId=enterprise["id"], citizenId=other_citizen["id"])
    assert removed["removeEnterpriseOperator"]["enterprise"]["operators"] == []

    profile = (await run("MyProfile"))["myProfile"]
    assert profile["verified"] and [e["id"] for e in profile["enterprises"]] == [enterprise["id"]]

    # the verified citizen books a slot at the city hall, sees it among theirs and cancels it
    await _appointments(run, anonymous)

    # the enterprise applies, is accepted with a material missing, supplies it, is approved; it
    # tracks the case, reads its notifications and hears of a new one as it arrives
    await _cases(run, anonymous, devices, settings, enterprise, tmp_path)

    rotated = (await run("RefreshTokens", refreshToken=signed["tokens"]["refreshToken"]))["refreshTokens"]["tokens"]
    assert rotated["refreshToken"] != signed["tokens"]["refreshToken"]
    run.gql.token = rotated["token"]
    assert (await run("Logout"))["logout"]["revoked"] >= 1

    assert run.ran | other.ran | anonymous.ran == set(OPS), set(OPS) - run.ran - other.ran - anonymous.ran


async def _appointments(run: Runner, anonymous: Runner) -> None:
    found = await anonymous.gql("query($c: String!) { serviceItemByCode(code: $c) { id } }", {"c": APPLY_CODE})
    item_id = found["serviceItemByCode"]["id"]
    hall = example("AppointmentSlots")["variables"]["hallCode"]
    today = datetime.now(timezone(timedelta(hours=8))).date()
    span = {"from": today.isoformat(), "to": (today + timedelta(days=14)).isoformat()}
    slots = (await anonymous("AppointmentSlots", itemId=item_id, **span))["appointmentSlots"]
    assert slots and all(s["capacity"] >= 1 for s in slots)
    slot = next(s for s in slots if s["available"] > 0)
    booked = (await run("BookAppointment", itemId=item_id, date=slot["date"], start=slot["start"]))["bookAppointment"]
    mine = booked["appointment"]
    assert (mine["status"], mine["hallCode"], mine["date"], mine["start"]) == ("BOOKED", hall, slot["date"], slot["start"])
    listed = (await run("MyAppointments"))["myAppointments"]
    assert [a["id"] for a in listed] == [mine["id"]] and listed[0]["itemId"] == item_id
    after = (await anonymous("AppointmentSlots", itemId=item_id, **span))["appointmentSlots"]
    same = next(s for s in after if (s["date"], s["start"]) == (slot["date"], slot["start"]))
    assert same["available"] == slot["available"] - 1
    cancelled = (await run("CancelAppointment", appointmentId=mine["id"]))["cancelAppointment"]["appointment"]
    assert cancelled["status"] == "CANCELLED" and cancelled["cancelledAt"]
    assert (await run("MyAppointments"))["myAppointments"][0]["status"] == "CANCELLED"


def _pdf(title: str) -> dict[str, tuple[str, bytes, str]]:
    body = b"%PDF-1.4\n% " + title.encode() + b" " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
    return {"0": (f"{title}.pdf", body, "application/pdf")}


async def _upload(run: Runner, title: str) -> str:
    done = (await run.upload("UploadMaterial", _pdf(title)))["uploadMaterial"]["upload"]
    assert done["contentType"] == "application/pdf" and done["filename"] == f"{title}.pdf"
    return str(done["id"])


async def _staff(devices: Devices, username: str) -> GraphQLClient:
    client = await devices()
    client.token = await client.login(username)
    return client


CASE_ACTION = "mutation($i: {input}!) {{ {name}(input: $i) {{ case {{ id status }} errors {{ code message }} }} }}"


async def _act(staff: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    """What the admin UI sends for a case transition (not part of the mobile contract)."""
    data = (await staff(CASE_ACTION.format(input=input_type, name=name), {"i": i}))[name]
    assert data["errors"] == [], (name, data["errors"])
    return dict(data["case"])


async def _apply(run: Runner, form: dict[str, Any], enterprise: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Upload what the situation needs, save the draft, submit it: (the draft, the submitted case)."""
    situation = next(s for s in form["situations"] if s["name"] == APPLY_SITUATION)
    needed = [m for m in situation["materials"]
              if m["necessity"] == "REQUIRED" and not m["elicence"] and not m["sharedData"]]
    assert needed, "the situation needs uploads"
    materials = [{"materialKey": m["key"], "uploadId": await _upload(run, m["name"][:20])} for m in needed]
    draft = (await run("SaveApplicationDraft", application__itemId=form["id"], application__situationKey=situation["key"],
                       application__enterpriseId=enterprise["id"], application__materials=materials))
    saved = draft["saveApplicationDraft"]["case"]
    assert saved["status"] == "DRAFT" and saved["applicantKind"] == "ENTERPRISE"
    assert saved["formData"] == example("SaveApplicationDraft")["variables"]["application"]["formData"]
    assert {m["materialKey"] for m in saved["materials"] if m["uploadId"]} == {m["materialKey"] for m in materials}
    key = str(uuid.uuid4())
    submitted = (await run("SubmitApplication", idempotencyKey=key, draftId=saved["id"]))["submitApplication"]
    assert submitted["created"] is True and submitted["case"]["id"] == saved["id"]
    case = submitted["case"]
    assert case["status"] == "SUBMITTED" and case["number"] and case["queryCode"]
    again = (await run("SubmitApplication", idempotencyKey=key, draftId=saved["id"]))["submitApplication"]
    assert again["created"] is False and again["case"]["id"] == case["id"], "a retried submission is the same case"
    return saved, case


async def _cases(
    run: Runner, anonymous: Runner, devices: Devices, settings: Settings, enterprise: dict[str, Any], tmp_path: Path,
) -> None:
    item = (await anonymous.gql("query($c: String!) { serviceItemByCode(code: $c) { id } }", {"c": APPLY_CODE}))
    form = (await anonymous("ServiceItemApplicationForm", id=item["serviceItemByCode"]["id"]))["serviceItem"]
    assert form["implementationCode"] == APPLY_CODE and form["formFields"] and form["status"] == "ACTIVE"
    fields = {f["key"] for f in form["formFields"]}
    assert set(example("SaveApplicationDraft")["variables"]["application"]["formData"]) <= fields
    assert {f["key"] for f in form["formFields"] if f["required"]} <= set(
        example("SaveApplicationDraft")["variables"]["application"]["formData"]
    ), "the example fills in every required field"

    _draft, case = await _apply(run, form, enterprise)

    # a second application, heard of over the WebSocket as it is submitted, then withdrawn
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
        async with run.subscription("NotificationReceived", base) as next_event:
            await asyncio.sleep(settings.subscription_poll_seconds + 1.0)  # the subscription is polling by now
            _second_draft, second = await _apply(run, form, enterprise)
            heard = (await next_event())["notificationReceived"]
            assert heard["event"] == "submitted" and second["number"] in heard["body"] and heard["readAt"] is None
    withdrawn = (await run("WithdrawCase", caseId=second["id"]))["withdrawCase"]["case"]
    assert withdrawn["status"] == "WITHDRAWN" and withdrawn["completedAt"]

    mine = (await run("MyCases"))["myCases"]
    assert mine["totalCount"] == 2 and [e["node"]["id"] for e in mine["edges"]] == [second["id"], case["id"]]
    assert [e["node"]["status"] for e in mine["edges"]] == ["WITHDRAWN", "SUBMITTED"]

    # the window accepts it with the licence to hand back missing (容缺)
    detail = (await run("CaseDetail", id=case["id"]))["case"]
    deferrable = [m for m in detail["materials"] if m["necessity"] == "DEFERRABLE"]
    assert deferrable and detail["deferralNotice"] is None
    clerk = await _staff(devices, "city_clerk")
    accepted = await _act(clerk, "acceptCaseWithMissing", "AcceptCaseWithMissingInput", {
        "caseId": case["id"], "commitment": "申请人已签署《容缺受理承诺书》",
        "missing": [{"materialKey": m["materialKey"], "how": "领取新执照时交回"} for m in deferrable]})
    assert accepted["status"] == "ACCEPTED"
    detail = (await run("CaseDetail", id=case["id"]))["case"]
    assert detail["status"] == "ACCEPTED" and detail["deadline"] and detail["supplyBy"]
    assert detail["deferralNotice"]["materials"][0]["requirement"] == "领取新执照时交回"
    assert [m["state"] for m in detail["materials"] if m["necessity"] == "DEFERRABLE"] == ["MISSING"] * len(deferrable)
    assert [e["action"] for e in detail["timeline"]] == ["draft_saved", "submitted", "accepted_missing"]

    # the applicant supplies it
    supplied = (await run("SupplyCaseMaterials", caseId=case["id"], materials=[
        {"materialKey": m["materialKey"], "uploadId": await _upload(run, "营业执照正副本")} for m in deferrable
    ]))["supplyCaseMaterials"]["case"]
    assert supplied["supplyBy"] is None and "MISSING" not in {m["state"] for m in supplied["materials"]}

    # the back office passes both steps; the e-licence is issued to the enterprise
    reviewer = await _staff(devices, "city_reviewer_scjg")
    for opinion in ("材料齐全，符合法定形式", "准予变更登记"):
        await _act(reviewer, "claimCase", "CaseIdInput", {"caseId": case["id"]})
        decided = await _act(reviewer, "approveCase", "ApproveCaseInput", {"caseId": case["id"], "opinion": opinion})
    assert decided["status"] == "APPROVED"
    detail = (await run("CaseDetail", id=case["id"]))["case"]
    assert detail["status"] == "APPROVED" and [e["kind"] for e in detail["elicences"]] == ["营业执照"]
    licences = (await run("MyElicences"))["myElicences"]
    assert detail["elicences"][0]["number"] in [x["number"] for x in licences]

    # anyone with the number and the query code tracks it, without signing in
    tracked = (await anonymous("TrackCase", number=detail["number"], queryCode=detail["queryCode"]))["trackCase"]
    assert tracked is not None and tracked["status"] == "APPROVED" and tracked["number"] == detail["number"]
    assert tracked["statusLabel"] == detail["statusLabel"] and len(tracked["steps"]) >= 5

    # the notifications: newest first, the badge, marking one read
    notes = (await run("MyNotifications"))["myNotifications"]
    events = [e["node"]["event"] for e in notes["edges"]]
    assert {"submitted", "accepted_missing", "approved", "elicence_issued"} <= set(events), events
    unread = (await run("UnreadNotificationCount"))["unreadNotificationCount"]
    assert 0 < unread <= notes["totalCount"]
    newest = notes["edges"][0]["node"]
    marked = (await run("MarkNotificationsRead", ids=[newest["id"]]))["markNotificationsRead"]
    assert marked["marked"] == 1 and marked["unreadCount"] == unread - 1
    assert (await run("UnreadNotificationCount"))["unreadNotificationCount"] == unread - 1


def test_operation_type_is_what_the_name_says() -> None:
    kinds = {n: op.definition.operation.value for n, op in OPS.items()}
    assert {n for n, k in kinds.items() if k == "mutation"} == {
        "RequestSmsCode", "SignInWithSmsCode", "RefreshTokens", "Logout", "VerifyRealName",
        "RegisterEnterprise", "AddEnterpriseOperator", "RemoveEnterpriseOperator", "UploadMaterial",
        "SaveApplicationDraft", "SubmitApplication", "SupplyCaseMaterials", "WithdrawCase", "MarkNotificationsRead",
        "BookAppointment", "CancelAppointment",
    }
    assert {n for n, k in kinds.items() if k == "subscription"} == {"NotificationReceived"}
    assert all(isinstance(op, Operation) for op in OPS.values())
