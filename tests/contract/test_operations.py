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

The same citizen then does a themed "one thing" (一件事) on the phone: reads the service menu, finds a
seeded theme, reads its guide and questionnaire, previews the bundle for an answer set, uploads the set's
materials and applies once (a retry with the same key is the same bundle). The window asks for one
correction for the bundle and the applicant supplies it, by the key the bundle's one set of materials
gives; the window accepts the bundle, a department denies one item, and the applicant applies for that
item again inside the bundle; the window accepts it again and the department approves it, so every item
is decided and the results wait to be delivered together; the window issues them at the counter (one
pickup) and completes the bundle; the applicant rates it once (not before, not twice); anyone tracks it
by number and query code; a second bundle is withdrawn.
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
from tests import samples
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
    "CaseDecisionNotice": {"id"},
    "SupplyCaseMaterials": {"caseId", "materials"},
    "WithdrawCase": {"caseId"},
    "TrackCase": {"number", "queryCode"},
    "MarkNotificationsRead": {"ids"},
    "AppointmentSlots": {"itemId", "from", "to"},
    "BookAppointment": {"itemId", "date", "start"},
    "CancelAppointment": {"appointmentId"},
    "ThemeBundle": {"themeId"},
    "ApplyForTheme": {"idempotencyKey", "materials"},
    "BundleDetail": {"id"},
    "SupplyBundleMaterials": {"bundleId", "materials"},
    "WithdrawBundle": {"bundleId"},
    "ReapplyBundleItem": {"bundleId", "caseId", "materials"},
    "RateBundle": {"bundleId"},
    "TrackBundle": {"number", "queryCode"},
    "ApplyForConstructionProject": {"idempotencyKey", "formData", "materials", "enterpriseId", "project"},
    "ConstructionProject": {"id"},
    "ResubmitCase": {"caseId"},
    "ConfirmBundleParty": {"bundleId"},
    "BookBundleVerification": {"bundleId", "day", "start"},
    "RealEstateTransfer": {"bundleId"},
    "TrackComplaint": {"number", "queryCode"},
    "RespondToComplaint": {"number", "queryCode"},
    "CancelAssistanceRequest": {"requestId"},
    "ConfirmAssistance": {"requestId"},
    "RateAssistance": {"requestId"},
    "RateCase": {"caseId"},
    "FollowUpRating": {"caseId"},
    "RatingLink": {"token"},
    "RateCaseByLink": {"token"},
    "RateBundleByLink": {"token"},
}
# the item the contract applies for, and how: an enterprise changes its business scope
APPLY_CODE = "371500-XZSPJ-010100005000"  # 公司变更登记, 市行政审批服务局
APPLY_SITUATION = "经营范围变更"
# the theme the contract applies for: a person's, small (one stage of two items of 市人社局, one upload)
THEME_CODE = "social-security-card"  # 社会保障卡居民服务
THEME_DEPARTMENT, THEME_DEPARTMENT_NAME = "371500-RSJ", "聊城市人力资源和社会保障局"
DENIED_ITEM = "card"  # 社会保障卡申领: its photo is the set's one upload
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
        "CaseDetail", "CaseDecisionNotice", "SupplyCaseMaterials", "WithdrawCase", "TrackCase", "MyElicences", "MyNotifications",
        "UnreadNotificationCount", "MarkNotificationsRead", "NotificationReceived",
        "AppointmentSlots", "BookAppointment", "MyAppointments", "CancelAppointment",
        "ServiceMenu", "SearchThemes", "ThemeGuide", "ThemeBundle", "ApplyForTheme", "MyBundles", "BundleDetail",
        "TrackBundle", "SupplyBundleMaterials", "WithdrawBundle", "ReapplyBundleItem", "RateBundle",
        "MySharedDataPulls", "ApplyForConstructionProject", "ConstructionProject", "ResubmitCase",
        "MySales", "ConfirmBundleParty", "BookBundleVerification", "RealEstateTransfer",
        "FindServices", "SearchSuggestions",
        "SubmitComplaint", "MyComplaints", "TrackComplaint", "RespondToComplaint", "RequestAssistance",
        "MyAssistanceRequests", "CancelAssistanceRequest", "ConfirmAssistance", "RateAssistance",
        "RatingDimensionSets", "RateCase", "FollowUpRating", "RatingLink", "RateCaseByLink", "RateBundleByLink",
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

    async def _post(self, name: str, runtime: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        assert "multipart" not in example(name), f"{name} is sent as a multipart request: use upload()"
        response = await self.gql.http.post(
            "/graphql", json={"documentId": OPS[name].document_id, "variables": self._variables(name, runtime)},
            headers=self._headers(),
        )
        return response.status_code, dict(response.json())

    async def __call__(self, name: str, /, **runtime: Any) -> dict[str, Any]:
        return self._checked(name, *await self._post(name, runtime))

    async def refused(self, name: str, code: str, /, **runtime: Any) -> dict[str, Any]:
        """Sends the operation expecting a business refusal: the answer has the example's shape and
        the payload's ``errors`` say ``code``; returns the payload."""
        status, body = await self._post(name, runtime)
        assert status == 200 and "errors" not in body, (name, body)
        self._check_shape(name, body["data"])
        payload = dict(next(iter(body["data"].values())))
        assert [e["code"] for e in payload["errors"]] == [code], (name, payload)
        self.ran.add(name)
        return payload

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
    # like every resident, they are in the population base (人口库): their bundle's 户口簿 is 免提交
    from server.domain.accounts.models import Citizen

    await f.population_record(await Citizen.get(phone=phone))
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

    # somebody complains without signing in, follows it by number and query code and is not satisfied
    # with the answer (redone); the citizen complains signed in, asks for help, confirms one request
    # and cancels another
    await _complaints(run, anonymous, devices)

    # the enterprise applies, is accepted with a material missing, supplies it, is approved; it
    # tracks the case, reads its notifications and hears of a new one as it arrives
    await _cases(run, anonymous, devices, settings, enterprise, tmp_path)

    # who read my data: applying for the enterprise read its records in the base databases, and the
    # window's 容缺受理 asked the credit base, each logged with the case, the purpose and the caller (the
    # applicant; the clerk, masked, with their role)
    pulls = (await run("MySharedDataPulls"))["mySharedDataPulls"]
    nodes = [e["node"] for e in pulls["edges"]]
    assert pulls["totalCount"] >= 3 and {n["baseLabel"] for n in nodes} >= {"法人库", "电子证照库", "信用库"}
    assert all("公司变更登记" in n["purpose"] for n in nodes)
    assert all(n["caller"] == "申请人本人" for n in nodes if n["baseLabel"] != "信用库")
    credit = [n for n in nodes if n["baseLabel"] == "信用库"]
    assert credit and all(n["caller"].startswith("工作人员 ") and "综合窗口受理员" in n["caller"] and "容缺受理" in n["purpose"]
                          for n in credit)
    assert any(n["caseNumber"] for n in nodes) and all(registration["name"] in n["subject"] for n in nodes)

    # the same citizen does a themed "one thing": menu, guide, preview, one application; a correction,
    # a denied item applied for again, the results delivered together, one rating, tracking; a second
    # bundle withdrawn
    await _bundles(run, anonymous, devices)

    # the enterprise applies for a construction project (工程建设项目审批); its construction-planning
    # permit is sent back in stage 2: the app shows the held stages and what to do, and resubmits it
    await _construction(run, devices, enterprise)
    # 二手房: the citizen buys the other one's house; the seller confirms, the buyer books the visit and
    # reads each utility's transfer
    await _realestate(run, other, phone, other_phone)

    rotated = (await run("RefreshTokens", refreshToken=signed["tokens"]["refreshToken"]))["refreshTokens"]["tokens"]
    assert rotated["refreshToken"] != signed["tokens"]["refreshToken"]
    run.gql.token = rotated["token"]
    assert (await run("Logout"))["logout"]["revoked"] >= 1

    assert run.ran | other.ran | anonymous.ran == set(OPS), set(OPS) - run.ran - other.ran - anonymous.ran


async def _realestate(buyer_run: Runner, seller_run: Runner, buyer_phone: str, seller_phone: str) -> None:
    from server.domain.accounts.models import Citizen
    from server.domain.calendar import service as calendar
    from server.domain.cases import bundles
    from tests.bundles import graph as g
    from tests.bundles import realestate as r

    buyer, seller = await Citizen.get(phone=buyer_phone), await Citizen.get(phone=seller_phone)
    sale = await r.apply(buyer, seller)
    b = await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=sale.bundle.id)
    gid = g.gid("Bundle", b.id)
    [mine] = [s for s in (await seller_run("MySales"))["mySales"] if s["bundleId"] == gid]
    assert mine["confirmed"] is False and mine["buyerName"].endswith("*") and mine["propertyAddress"] == r.ADDRESS
    done = (await seller_run("ConfirmBundleParty", bundleId=gid))["confirmBundleParty"]
    assert done["errors"] == [] and done["sale"]["confirmed"] is True
    refused = await buyer_run.refused("ConfirmBundleParty", "NOT_FOUND", bundleId=gid)  # the buyer is not the seller
    assert refused["sale"] is None
    day = datetime.now(timezone(timedelta(hours=8))).date() + timedelta(days=1)
    while not await calendar.is_working_day(region="371500", day=day):
        day += timedelta(days=1)
    early = await buyer_run.refused("BookBundleVerification", "INVALID_STATE", bundleId=gid, day=day.isoformat(), start="10:00")
    assert early["transfer"] is None
    await r.online_review(b)
    booked = (await buyer_run("BookBundleVerification", bundleId=gid, day=day.isoformat(), start="10:00"))["bookBundleVerification"]
    assert booked["errors"] == [] and booked["transfer"]["visit"]["status"] == "booked"
    seen = (await buyer_run("RealEstateTransfer", bundleId=gid))["realEstateTransfer"]
    assert seen["seller"]["confirmed"] is True and seen["onlineReviewPassed"] is True and not seen["registered"]
    assert seen["nextStep"] == "等待税务部门登记契税缴纳；请按预约时间到大厅现场核验"
    assert {u["key"]: u["state"] for u in seen["utilities"]} == {k: "waiting" for k in ("water", "power", "gas", "heat", "broadband")}


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


COMPLAINT_ACTION = ("mutation($i: {input}!) {{ {name}(input: $i) {{ complaint {{ id status }} "
                    "errors {{ code message }} }} }}")
HELP_ACTION = "mutation($i: {input}!) {{ {name}(input: $i) {{ request {{ id status }} errors {{ code message }} }} }}"


async def _complaints(run: Runner, anonymous: Runner, devices: Devices) -> None:
    made = (await anonymous("SubmitComplaint"))["submitComplaint"]
    number, code = made["complaint"]["number"], made["queryCode"]
    assert made["errors"] == [] and made["complaint"]["status"] == "ACCEPTED" and len(code) == 8
    seen = (await anonymous("TrackComplaint", number=number, queryCode=code))["trackComplaint"]
    assert seen is not None and seen["number"] == number and [s["action"] for s in seen["steps"]] == ["accept"]
    supervisor, handler = await _staff(devices, "city_supervisor"), await _staff(devices, "city_reviewer_scjg")
    cid = made["complaint"]["id"]
    for who, name, input_type, extra in (
        (supervisor, "assignComplaint", "AssignComplaintInput", {"handlerUsername": "city_reviewer_scjg"}),
        (handler, "handleComplaint", "ComplaintNoteInput", {"note": "已约谈窗口人员"}),
        (handler, "answerComplaint", "ComplaintNoteInput", {"note": "已批评教育，窗口将一次性说明不合格原因"}),
    ):
        data = (await who(COMPLAINT_ACTION.format(input=input_type, name=name), {"i": {"complaintId": cid, **extra}}))
        assert data[name]["errors"] == [], data
    answered = (await anonymous("TrackComplaint", number=number, queryCode=code))["trackComplaint"]
    assert answered["status"] == "ANSWERED" and answered["answer"].startswith("已批评教育")
    redo = (await anonymous("RespondToComplaint", number=number, queryCode=code))["respondToComplaint"]
    assert redo["errors"] == [] and (redo["complaint"]["status"], redo["complaint"]["redoCount"]) == ("ASSIGNED", 1)

    mine = (await run("SubmitComplaint"))["submitComplaint"]["complaint"]
    assert [c["id"] for c in (await run("MyComplaints"))["myComplaints"]][:1] == [mine["id"]]

    first = (await run("RequestAssistance"))["requestAssistance"]["request"]
    second = (await run("RequestAssistance"))["requestAssistance"]["request"]
    assert first["status"] == "REQUESTED" and first["kind"] == "REMOTE"
    agent = await _staff(devices, "city_agent")
    data = await supervisor(HELP_ACTION.format(input="AssignAssistanceAgentInput", name="assignAssistanceAgent"),
                            {"i": {"requestId": first["id"], "agentUsername": "city_agent"}})
    assert data["assignAssistanceAgent"]["errors"] == [], data
    data = await agent(HELP_ACTION.format(input="RecordAssistanceContactInput", name="recordAssistanceContact"),
                       {"i": {"requestId": first["id"], "kind": "VIDEO", "note": "视频指导填写完成"}})
    assert data["recordAssistanceContact"]["errors"] == [], data
    confirmed = (await run("ConfirmAssistance", requestId=first["id"]))["confirmAssistance"]["request"]
    assert confirmed["status"] == "CONFIRMED" and confirmed["closedAt"]
    # rated like a case, once (remote help: the online dimension set)
    rated = (await run("RateAssistance", requestId=first["id"]))["rateAssistance"]["request"]["rating"]
    sent = example("RateAssistance")["variables"]
    assert (rated["level"], rated["channel"], rated["dimensionSet"]) == (sent["level"], "app", "online")
    assert {x["key"]: x["score"] for x in rated["scores"]} == {"overall": sent["level"], "usability": 5}
    await run.refused("RateAssistance", "INVALID_STATE", requestId=first["id"])
    cancelled = (await run("CancelAssistanceRequest", requestId=second["id"]))["cancelAssistanceRequest"]["request"]
    assert cancelled["status"] == "CANCELLED"
    listed = (await run("MyAssistanceRequests"))["myAssistanceRequests"]
    assert [(r["id"], r["status"]) for r in listed][:2] == [(second["id"], "CANCELLED"), (first["id"], "CONFIRMED")]
    assert listed[1]["contacts"][0]["kind"] == "VIDEO" and listed[1]["agentName"]
    assert listed[1]["rating"]["level"] == sent["level"] and listed[0]["rating"] is None


def _pdf(title: str) -> dict[str, tuple[str, bytes, str]]:
    body = samples.pdf(f"{title} {uuid.uuid4().hex}")
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

    # the back office claims once and passes both steps; the e-licence is issued to the enterprise
    reviewer = await _staff(devices, "city_reviewer_scjg")
    await _act(reviewer, "claimCase", "CaseIdInput", {"caseId": case["id"]})
    for opinion in ("材料齐全，符合法定形式", "准予变更登记"):
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

    # 好差评: the window hands over the result and completes the case; the SMS invitation carries a
    # signed link; the applicant rates in the app with the online dimensions and follows up; the link
    # then says the case is rated, and rating by it is refused (one rating per case, any channel)
    await _act(clerk, "issueCaseResult", "IssueCaseResultInput", {"caseId": case["id"], "method": "PICKUP"})
    await _act(clerk, "completeCase", "CaseReasonInput", {"caseId": case["id"], "reason": "申请人已领取"})
    await _rating(run, anonymous, case["id"], settings)


async def _rating(run: Runner, anonymous: Runner, case_id: str, settings: Settings) -> None:
    from strawberry import relay

    from server.domain.notifications.models import Outbox

    sets = (await anonymous("RatingDimensionSets"))["ratingDimensionSets"]
    online = next(s for s in sets if s["name"] == "online")
    sent = example("RateCase")["variables"]
    assert {x["key"] for x in sent["scores"]} <= {d["key"] for d in online["dimensions"]}
    pk = relay.GlobalID.from_id(case_id).node_id
    sms = await Outbox.filter(case_id=int(pk), event="evaluation_invitation", channel="sms").first()
    assert sms is not None and sms.params["link"].startswith(settings.public_base_url + "/rate/")
    token = sms.params["link"].rsplit("/", 1)[1]
    opened = (await anonymous("RatingLink", token=token))["ratingLink"]["link"]
    assert opened["rated"] is False and opened["dimensionSet"]["name"] == "online"
    rated = (await run("RateCase", caseId=case_id))["rateCase"]["case"]["rating"]
    assert (rated["level"], rated["channel"], rated["dimensionSet"]) == (sent["level"], "app", "online")
    assert {x["key"]: x["score"] for x in rated["scores"]} == {"overall": sent["level"], **{
        x["key"]: x["score"] for x in sent["scores"]}}
    more = (await run("FollowUpRating", caseId=case_id))["followUpRating"]["rating"]
    assert more["followUpComment"] == example("FollowUpRating")["variables"]["comment"]
    assert (await anonymous("RatingLink", token=token))["ratingLink"]["link"]["rated"] is True
    await anonymous.refused("RateCaseByLink", "INVALID_STATE", token=token)


BUNDLE_ACTION = "mutation($i: {input}!) {{ {name}(input: $i) {{ bundle {{ id status }} errors {{ code message }} }} }}"
CREATE_STAFF = """mutation($i: CreateStaffUserInput!) {
  createStaffUser(input: $i) { staffUser { username } errors { code message } } }"""


async def _bundle_act(staff: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    """What the admin UI sends for the window's moves on a bundle (not part of the mobile contract)."""
    data = (await staff(BUNDLE_ACTION.format(input=input_type, name=name), {"i": i}))[name]
    assert data["errors"] == [], (name, data["errors"])
    return dict(data["bundle"])


async def _new_reviewer(devices: Devices, department: str) -> GraphQLClient:
    """A reviewer of ``department``, made by the city admin (the seeds have none for it), signed in."""
    admin = await _staff(devices, "city_admin")
    username, password = f"contract_{uuid.uuid4().hex[:10]}", f"pw-{uuid.uuid4().hex}"
    made = (await admin(CREATE_STAFF, {"i": {
        "username": username, "displayName": "契约审查员", "password": password, "roles": ["DEPT_REVIEWER"],
        "regionCode": department.split("-")[0], "departmentCode": department}}))["createStaffUser"]
    assert made["errors"] == [], made["errors"]
    reviewer = await devices()
    reviewer.token = await reviewer.login(username, password)
    return reviewer


def _items(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["key"]: i for stage in bundle["stageList"] for i in stage["items"]}


async def _apply_for_theme(run: Runner, to_upload: list[dict[str, Any]]) -> dict[str, Any]:
    """Upload the set's materials, apply once, retry with the same key: the same bundle."""
    files = [{"key": m["key"], "uploadId": await _upload(run, m["name"][:20])} for m in to_upload]
    key = str(uuid.uuid4())
    applied = (await run("ApplyForTheme", idempotencyKey=key, materials=files))["applyForTheme"]
    assert applied["created"] is True and applied["bundle"]["themeCode"] == THEME_CODE
    again = (await run("ApplyForTheme", idempotencyKey=key, materials=files))["applyForTheme"]
    assert again["created"] is False and again["bundle"]["id"] == applied["bundle"]["id"], "a retry is the same bundle"
    return dict(applied["bundle"])


async def _bundles(run: Runner, anonymous: Runner, devices: Devices) -> None:
    # the menu points to the theme; searching finds it; its guide, budget and questionnaire need no sign-in
    menu = (await anonymous("ServiceMenu"))["serviceMenu"]
    assert menu is not None and [e["position"] for e in menu["entries"]] == list(range(1, len(menu["entries"]) + 1))
    entry = next(e for e in menu["entries"] if THEME_CODE in e["themeCodes"])
    assert [t["code"] for t in entry["themes"]] == entry["themeCodes"] and entry["themes"][0]["status"] == "ACTIVE"
    assert any(e["items"] and len(e["items"]) == len(e["itemCodes"]) for e in menu["entries"]), "entries name items too"
    found = (await anonymous("SearchThemes"))["themes"]
    assert found["edges"][0]["node"]["code"] == THEME_CODE
    # 聊易找: one search for items and themes, and suggestions as the citizen types
    hits = (await anonymous("FindServices"))["findServices"]
    assert hits["hits"][0]["code"] == "070750003000" and hits["hits"][0]["item"]["name"] == "居民身份证补领"
    assert all((h["item"] is None) == (h["kind"] == "THEME") for h in hits["hits"])
    suggestions = (await anonymous("SearchSuggestions"))["searchSuggestions"]
    assert suggestions and all("身份" in s["text"] for s in suggestions[:3])
    assert {e["node"]["audience"] for e in found["edges"]} == {"PERSON"}
    theme = (await anonymous("ThemeGuide"))["theme"]
    assert theme is not None and theme["code"] == THEME_CODE == example("ApplyForTheme")["variables"]["themeCode"]
    assert theme["status"] == "ACTIVE" and theme["guide"]["summary"] and theme["guide"]["process"]
    assert theme["budget"]["text"] == "5个工作日" and theme["maxVisits"] == 0
    assert {i["department"]["name"] for s in theme["stages"] for i in s["items"]} == {THEME_DEPARTMENT_NAME}
    assert theme["questions"] and all(q["options"] for q in theme["questions"])
    # the answers the examples send are one option of each question, previewed and applied alike
    options = {q["key"]: {o["value"] for o in q["options"]} for q in theme["questions"]}
    answers = {a["question"]: a["value"] for a in example("ThemeBundle")["variables"]["answers"]}
    assert set(answers) == set(options) and all(v in options[q] for q, v in answers.items())
    assert example("ApplyForTheme")["variables"]["answers"] == answers

    # the bundle for these answers: one stage of two items, the merged form, one set of materials
    preview = (await run("ThemeBundle", themeId=theme["id"]))["themeBundle"]
    assert preview is not None and preview["theme"]["code"] == THEME_CODE and preview["problems"] == []
    assert [[i["key"] for i in s["items"]] for s in preview["stages"]] == [[DENIED_ITEM, "certificate"]]
    assert {f["key"] for f in preview["form"] if f["required"] and f["source"] is None} <= set(
        example("ApplyForTheme")["variables"]["formData"]), "the example fills in what the form asks"
    to_upload = [m for m in preview["materials"]
                 if m["toProvide"] and not m["sharedData"] and m["necessity"] != "OPTIONAL"]
    assert [m["itemKeys"] for m in to_upload] == [[DENIED_ITEM]], "one upload, the card's photo"
    assert preview["counts"]["items"] == 2 and preview["counts"]["materials"] == sum(m["toProvide"] for m in preview["materials"])
    photo = to_upload[0]["key"]

    # one application: both items wait at the window together; it is among mine
    bundle = await _apply_for_theme(run, to_upload)
    assert bundle["status"] == "AT_WINDOW" and bundle["stages"] == 1 and bundle["number"] and bundle["queryCode"]
    assert {k: i["caseStatus"] for k, i in _items(bundle).items()} == {DENIED_ITEM: "SUBMITTED", "certificate": "SUBMITTED"}
    mine = (await run("MyBundles"))["myBundles"]
    assert mine["totalCount"] == 1 and [e["node"]["id"] for e in mine["edges"]] == [bundle["id"]]
    detail = (await run("BundleDetail", id=bundle["id"]))["bundle"]
    assert detail is not None and detail["number"] == bundle["number"] and detail["applicantKind"] == "citizen"
    assert detail["hall"] is not None and detail["answers"] == answers
    assert detail["denial"] is None and detail["correctionNotice"] is None and detail["deferralNotice"] is None
    assert {i["department"]["name"] for i in _items(detail).values()} == {THEME_DEPARTMENT_NAME}
    assert detail["hall"]["name"] == "聊城市政务服务中心"

    # the window asks once for a better photo; the applicant supplies it for the bundle
    clerk = await _staff(devices, "city_clerk")
    asked = await _bundle_act(clerk, "requestBundleCorrection", "RequestBundleCorrectionInput", {
        "bundleId": bundle["id"], "items": [{"key": photo, "note": "照片背景须为白色，请重新上传"}]})
    assert asked["status"] == "WAITING_APPLICANT"
    detail = (await run("BundleDetail", id=bundle["id"]))["bundle"]
    notice = detail["correctionNotice"]
    assert notice is not None and notice["caseNumber"] == bundle["number"] and notice["supplyBy"]
    assert [n["requirement"] for n in notice["items"]] == ["照片背景须为白色，请重新上传"]
    card = _items(detail)[DENIED_ITEM]
    assert card["caseStatus"] == "CORRECTION_REQUESTED" and card["case"]["supplyBy"]
    asked_for = {(card["key"], m["materialKey"]) for m in card["case"]["materials"] if m["state"] == "PENDING"}
    assert [m["supplyNote"] for m in card["case"]["materials"] if m["state"] == "PENDING"] == ["照片背景须为白色，请重新上传"]
    # what to supply, by the set's key: the bundle's one set of materials as it stands
    to_supply = [m for m in detail["materials"] if m["state"] == "PENDING" and m["supplyNote"]]
    assert [(m["key"], m["supplyNote"], m["itemKeys"]) for m in to_supply] == [
        (photo, "照片背景须为白色，请重新上传", [DENIED_ITEM])]
    # the same key as the version the bundle was applied under gives for the item's material asked for
    pinned = (await run("ThemeBundle", themeId=detail["themeVersion"]["id"]))["themeBundle"]
    assert pinned is not None and pinned["version"]["number"] == detail["themeVersionNumber"]
    assert [m["key"] for m in pinned["materials"]
            if any((u["itemKey"], u["material"]["key"]) in asked_for for u in m["uses"])] == [m["key"] for m in to_supply]
    supplied = (await run("SupplyBundleMaterials", bundleId=bundle["id"], materials=[
        {"key": m["key"], "uploadId": await _upload(run, "白底证件照")} for m in to_supply]))["supplyBundleMaterials"]["bundle"]
    assert supplied["status"] == "AT_WINDOW" and _items(supplied)[DENIED_ITEM]["caseStatus"] == "SUBMITTED"

    # the window accepts the bundle; the department denies the card and the rest stands
    accepted = await _bundle_act(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": bundle["id"]})
    assert accepted["status"] == "IN_PROGRESS"
    reviewer = await _new_reviewer(devices, THEME_DEPARTMENT)
    card_case = card["case"]["id"]
    await _act(reviewer, "claimCase", "CaseIdInput", {"caseId": card_case})
    denied = await _act(reviewer, "denyCase", "CaseReasonInput", {"caseId": card_case, "reason": "申请人已持有有效的社会保障卡"})
    assert denied["status"] == "DENIED"
    # the applicant reads the written decision (不予许可决定书) of the denied item
    decision = (await run("CaseDecisionNotice", id=card_case))["case"]["decisionNotice"]
    assert decision["kind"] == "DENIAL" and decision["title"] == "不予许可决定书"
    assert decision["reason"] == "申请人已持有有效的社会保障卡" and decision["departmentName"] == THEME_DEPARTMENT_NAME
    assert "六十日内" in decision["remedy"] and "六个月内" in decision["remedy"]
    assert decision["number"].endswith(f"{decision['caseNumber']}号") and "*" not in decision["applicantName"]
    detail = (await run("BundleDetail", id=bundle["id"]))["bundle"]
    assert detail["status"] == "PARTLY_DENIED" and detail["deadline"] and detail["acceptedAt"]
    assert {m["key"]: m["state"] for m in detail["materials"]}[photo] == "PROVIDED"
    denial = detail["denial"]
    assert denial is not None
    assert [(f["itemKey"], f["status"], f["reason"]) for f in denial["failed"]] == [
        (DENIED_ITEM, "DENIED", "申请人已持有有效的社会保障卡")]
    items = _items(detail)
    assert denial["standing"] == [items["certificate"]["name"]] and denial["held"] == []
    assert denial["options"] == [f"重新申请“{items[DENIED_ITEM]['name']}”"] and "不予许可" in denial["summary"]
    assert items[DENIED_ITEM]["state"] == "FAILED" and items[DENIED_ITEM]["decisionReason"] == denial["failed"][0]["reason"]
    # the certificate is instant (秒批): approved by its rule when the window accepted the bundle
    assert (items["certificate"]["state"], items["certificate"]["caseStatus"]) == ("COMPLETED", "APPROVED")
    assert items["certificate"]["deadline"] and detail["finishedAt"], "every item decided, one of them denied"
    assert detail["canRate"] is False, "the certificate's result waits to be delivered"

    # the applicant applies for the card again inside the bundle, with another photo
    again = (await run("ReapplyBundleItem", bundleId=bundle["id"], caseId=card_case, materials=[
        {"key": photo, "uploadId": await _upload(run, "新证件照")}]))["reapplyBundleItem"]
    assert again["case"] is not None and again["case"]["status"] == "SUBMITTED" and again["case"]["id"] != card_case
    redone = _items(again["bundle"])[DENIED_ITEM]
    assert (redone["attempts"], redone["state"], redone["caseStatus"]) == (2, "OPEN", "SUBMITTED")
    assert again["bundle"]["denial"] is None

    # the window accepts it; the department passes every review step of the card: every item is decided
    # and the results wait to be delivered together, so the bundle cannot be rated yet
    await _results_and_rating(run, anonymous, clerk, reviewer, bundle["id"], again["case"]["id"])

    # anyone with the number and the query code tracks it, without signing in
    tracked = (await anonymous("TrackBundle", number=bundle["number"], queryCode=bundle["queryCode"]))["trackBundle"]
    assert tracked is not None and tracked["number"] == bundle["number"] and tracked["status"] == "DONE"
    assert [i["departmentName"] for s in tracked["stageList"] for i in s["items"]] == [THEME_DEPARTMENT_NAME] * 2
    assert tracked["applicantName"] != detail["applicantName"] and "*" in tracked["applicantName"], "masked"

    # a second bundle of the same theme, withdrawn while it waits at the window
    second = await _apply_for_theme(run, to_upload)
    withdrawn = (await run("WithdrawBundle", bundleId=second["id"]))["withdrawBundle"]["bundle"]
    assert withdrawn["status"] == "WITHDRAWN" and withdrawn["withdrawnAt"]
    assert withdrawn["withdrawReason"] == example("WithdrawBundle")["variables"]["reason"]
    assert {i["caseStatus"] for i in _items(withdrawn).values()} == {"WITHDRAWN"}
    mine = (await run("MyBundles"))["myBundles"]
    assert [(e["node"]["id"], e["node"]["status"]) for e in mine["edges"]] == [
        (second["id"], "WITHDRAWN"), (bundle["id"], "DONE")]


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def _results_and_rating(
    run: Runner, anonymous: Runner, clerk: GraphQLClient, reviewer: GraphQLClient, bundle_id: str, card_case: str,
) -> None:
    """The re-applied card accepted and approved; the results delivered together; one rating."""
    assert (await _bundle_act(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": bundle_id}))["status"] == "IN_PROGRESS"
    status = (await _act(reviewer, "claimCase", "CaseIdInput", {"caseId": card_case}))["status"]
    for _step in range(10):  # one claim; pass each of the item's review steps, the last one approves
        status = (await _act(reviewer, "approveCase", "ApproveCaseInput", {
            "caseId": card_case, "opinion": "照片符合制卡要求，准予申领"}))["status"]
        if status != "UNDER_REVIEW":
            break
    assert status == "APPROVED"
    detail = (await run("BundleDetail", id=bundle_id))["bundle"]
    assert detail is not None and detail["status"] == "RESULTS_READY" and detail["denial"] is None
    assert {k: (i["state"], i["caseStatus"]) for k, i in _items(detail).items()} == {
        DENIED_ITEM: ("COMPLETED", "APPROVED"), "certificate": ("COMPLETED", "APPROVED")}
    assert detail["canRate"] is False and detail["rating"] is None
    assert (detail["resultMethod"], detail["trackingNumber"], detail["resultsIssuedAt"]) == (None, None, None)
    stage = detail["stageList"][0]
    assert stage["done"] and stage["openedAt"] and stage["finishedAt"] and detail["finishedAt"]
    assert _at(stage["openedAt"]) <= _at(stage["finishedAt"]) == _at(detail["finishedAt"])
    assert detail["workingDaysUsed"] is not None and detail["workingDaysUsed"] >= 0
    early = await run.refused("RateBundle", "INVALID_STATE", bundleId=bundle_id)
    assert early["bundle"] is None

    # the window hands every result over at once, at the counter, and completes the bundle
    issued = await _bundle_act(clerk, "issueBundleResults", "IssueBundleResultsInput", {
        "bundleId": bundle_id, "method": "PICKUP"})
    assert issued["status"] == "RESULTS_ISSUED", "handed over, not yet completed"
    done = await _bundle_act(clerk, "completeBundle", "CompleteBundleInput", {
        "bundleId": bundle_id, "note": "申请人已一次领取全部办理结果"})
    assert done["status"] == "DONE"
    detail = (await run("BundleDetail", id=bundle_id))["bundle"]
    assert detail is not None and detail["status"] == "DONE" and detail["resultMethod"] == "PICKUP"
    assert detail["resultsIssuedAt"] and detail["trackingNumber"] is None
    assert {i["caseStatus"] for i in _items(detail).values()} == {"COMPLETED"}
    assert detail["canRate"] is True and detail["rating"] is None
    # the completion's SMS carries the bundle's signed rating link (opened without sign-in)
    from strawberry import relay

    from server.domain.notifications.models import Outbox

    sms = await Outbox.filter(bundle_id=int(relay.GlobalID.from_id(bundle_id).node_id), event="bundle_completed",
                              channel="sms").first()
    assert sms is not None and "/rate/" in sms.params["link"]
    token = sms.params["link"].rsplit("/", 1)[1]
    opened = (await anonymous("RatingLink", token=token))["ratingLink"]["link"]
    assert opened["subject"] == "bundle" and opened["rated"] is False

    # the applicant rates the bundle once; a second rating is refused
    rated = (await run("RateBundle", bundleId=bundle_id))["rateBundle"]["bundle"]
    sent = example("RateBundle")["variables"]
    assert rated is not None and rated["canRate"] is False and rated["rating"] is not None
    assert (rated["rating"]["level"], rated["rating"]["comment"], rated["rating"]["channel"]) == (
        sent["level"], sent["comment"], "app")
    assert rated["rating"]["levelLabel"] == "非常满意" and rated["rating"]["ratedAt"]
    detail = (await run("BundleDetail", id=bundle_id))["bundle"]
    assert detail is not None and detail["rating"] == rated["rating"] and detail["canRate"] is False
    twice = await run.refused("RateBundle", "INVALID_STATE", bundleId=bundle_id)
    assert twice["bundle"] is None
    by_link = await anonymous.refused("RateBundleByLink", "INVALID_STATE", token=token)  # any channel: once
    assert by_link["rated"] is False


def test_operation_type_is_what_the_name_says() -> None:
    kinds = {n: op.definition.operation.value for n, op in OPS.items()}
    assert {n for n, k in kinds.items() if k == "mutation"} == {
        "RequestSmsCode", "SignInWithSmsCode", "RefreshTokens", "Logout", "VerifyRealName",
        "RegisterEnterprise", "AddEnterpriseOperator", "RemoveEnterpriseOperator", "UploadMaterial",
        "SaveApplicationDraft", "SubmitApplication", "SupplyCaseMaterials", "WithdrawCase", "MarkNotificationsRead",
        "BookAppointment", "CancelAppointment", "ApplyForTheme", "SupplyBundleMaterials", "WithdrawBundle",
        "ReapplyBundleItem", "RateBundle", "ApplyForConstructionProject", "ResubmitCase",
        "ConfirmBundleParty", "BookBundleVerification", "SubmitComplaint", "RespondToComplaint",
        "RequestAssistance", "CancelAssistanceRequest", "ConfirmAssistance", "RateAssistance",
        "RateCase", "FollowUpRating", "RateCaseByLink", "RateBundleByLink",
    }
    assert {n for n, k in kinds.items() if k == "subscription"} == {"NotificationReceived"}
    assert all(isinstance(op, Operation) for op in OPS.values())


async def _construction(run: Runner, devices: Devices, enterprise: dict[str, Any]) -> None:
    from strawberry import relay

    from server.domain.cases import review, sendback
    from server.domain.cases.models import Case
    from server.domain.themes.resolve import resolve
    from server.domain.themes.service import published_version
    from tests.bundles import helpers as t

    version = await published_version(code="construction-approval")
    assert version is not None
    answers = example("ApplyForConstructionProject")["variables"]["answers"]
    resolved = await resolve(version=version, answers=answers)
    files = [{"key": m.key, "uploadId": await _upload(run, m.name[:20])} for m in resolved.materials
             if m.necessity != "optional" and not m.generated]  # the bases do not know this new enterprise's papers
    project = {**example("ApplyForConstructionProject")["variables"]["project"],
               "code": f"2025-371500-47-03-{random.randrange(1, 10**6):06d}"}
    wrong = await run.refused("ApplyForConstructionProject", "INVALID", idempotencyKey=str(uuid.uuid4()),
                              formData=t.form_for(resolved.form), materials=files, enterpriseId=enterprise["id"],
                              project={**project, "investmentType": "GOVERNMENT"})
    assert [e["field"] for e in wrong["errors"]] == [["project", "code"]]
    applied = (await run("ApplyForConstructionProject", idempotencyKey=str(uuid.uuid4()), formData=t.form_for(resolved.form),
                         materials=files, enterpriseId=enterprise["id"], project=project))["applyForTheme"]
    bundle = applied["bundle"]
    assert applied["errors"] == [] and bundle["project"]["code"] == project["code"]
    assert bundle["project"]["unitName"] == enterprise["name"] and bundle["project"]["investmentType"] == "SOCIAL"
    clerk = await _staff(devices, "city_clerk")
    await _bundle_act(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": bundle["id"]})
    pk = int(relay.GlobalID.from_id(bundle["id"]).node_id)
    for _ in range(2):  # stage 1, then the design review of stage 2, by their departments
        for c in await Case.filter(bundle_id=pk, status="accepted"):
            await t.finish(c)
    [permit] = await Case.filter(bundle_id=pk, basic_code="010502002000")
    r = await t.reviewer(permit.department_code)
    await review.claim(actor=r, settings=None, case_id=permit.id)
    await sendback.send_back(actor=r, settings=None, case_id=permit.id, reason="建筑面积与设计方案不一致，请更正")

    seen = (await run("ConstructionProject", id=bundle["id"]))["bundle"]
    time = seen["project"]["time"]
    assert seen["status"] == "WAITING_APPLICANT" and time["totalDays"] == 100 and time["mainDays"] == 45
    assert [s["status"] for s in time["stages"]] == ["DONE", "WITH_APPLICANT", "HELD", "HELD"]
    [todo] = time["todo"]
    assert todo["kind"] == "RESUBMIT" and todo["reason"] == "建筑面积与设计方案不一致，请更正"
    back = (await run("ResubmitCase", caseId=todo["caseId"]))["resubmitCase"]
    assert back["errors"] == [] and back["case"]["status"] == "UNDER_REVIEW"
    again = (await run("ConstructionProject", id=bundle["id"]))["bundle"]["project"]["time"]
    assert again["todo"] == [] and [s["status"] for s in again["stages"]][1:] == ["RUNNING", "WAITING", "WAITING"]
