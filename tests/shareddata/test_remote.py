"""A base read from a partner over the signed exchange (``LIAOYI_SHARED_DATA_REMOTE``), against a
simulated data-sharing platform under uvicorn: up, the application takes its answer as from a local
base; down, slow or refusing, a clear Chinese error, nothing prefilled, nothing 免提交, and the
applicant simply supplies it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.domain.exchange import signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.domain.shareddata.sources import remote_bases
from server.settings import Settings, _shared_data_remote
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.shareddata import helpers as h
from tests.shareddata.peer import DataPeer, running

PLATFORM = "山东省数据共享交换平台（测试）"


@dataclass
class Remote:
    gql: GraphQLClient
    settings: Settings
    peer: DataPeer
    partner: Partner


@pytest.fixture
async def remote(settings: Settings) -> AsyncIterator[Remote]:
    """The population base read from a partner (a simulated platform, running); the others local."""
    secret = signing.new_secret()
    peer = DataPeer(secrets=[secret])
    async with running(peer):
        partner = await Partner.create(
            code=f"sd-{f.tag().lower()}", name=PLATFORM, kind="other", region_code="371500", base_url=peer.url,
            keys=[{"id": "k1", "secret": secret, "created_at": "2026-01-01T00:00:00+08:00"}], timeout_seconds=1.0)
        s = dataclasses.replace(settings, shared_data_remote=f"population={partner.code}")
        app = create_app(s, manage_db=False)
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as http:
            yield Remote(GraphQLClient(http), s, peer, partner)


def _record(person: Any, **over: Any) -> dict[str, Any]:
    return {"id_number": person.id_number, "name": person.name, "gender": "女", "birth_date": "1991-02-03",
            "ethnicity": "汉族", "household_address": "山东省聊城市临清市新华街道青年路 7 号", "household_head": person.name,
            "relation_to_head": "户主", **over}


async def test_the_remote_population_base_answers_a_signed_query_and_the_application_takes_it(remote: Remote) -> None:
    person = await f.citizen(name="远程查", in_bases=False)  # not in the local table: only the platform has them
    remote.peer.records["population"] = {str(person.id_number): _record(person)}
    me = await f.citizen_client(remote.gql, remote.settings, person)
    item = await h.person_item()
    res = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert res["errors"] == [], res
    case = res["case"]
    assert case["formData"]["idNumber"] == person.id_number and case["formData"]["applicantName"] == "远程查"
    assert case["formData"]["householdAddress"] == "山东省聊城市临清市新华街道青年路 7 号"
    assert {k for k, (base, _) in h.prefilled(case).items() if base == "POPULATION"} == {
        "applicantName", "idNumber", "householdAddress"}
    assert h.states(case)["居民户口簿"] == ("EXEMPT", "A", "免提交：来自人口库（户籍信息）")
    # the platform got one signed query: the subject, only the fields the application needs, and why
    assert remote.peer.bad_signatures == 0 and len(remote.peer.asked) == 1
    asked = remote.peer.asked[0]
    assert asked["event"] == "data.query" and asked["partner"] == remote.partner.code
    assert asked["data"]["base"] == "population" and asked["data"]["subject"] == {"kind": "person", "code": person.id_number}
    assert "ethnicity" not in asked["data"]["fields"] and "household_address" in asked["data"]["fields"]
    assert asked["data"]["purpose"] == f"申请“{item.name}”：材料免提交核验、申请表预填"
    # the pull log says it was remote; the exchange log keeps the message, personal data masked
    rows = {p.base: p for p in await h.pulls_of_case(case["id"])}
    assert (rows["population"].mode, rows["population"].partner_code, rows["population"].found) == (
        "remote", remote.partner.code, True)
    assert rows["elicence"].mode == "local"
    message = await ExchangeMessage.get(message_id=asked["id"])
    assert (message.event, message.direction, message.status, message.answer_status) == ("data.query", "out", "delivered", 200)
    kept = json.dumps([message.body, message.answer], ensure_ascii=False)
    assert str(person.id_number) not in kept and "远程查" not in kept and "青年路" not in kept
    assert message.answer == {"found": True, "fields": sorted(asked["data"]["fields"])}
    # a person the platform does not know: nothing from it, the applicant supplies the material
    stranger = await f.citizen(name="查无此人", in_bases=False)
    me2 = await f.citizen_client(remote.gql, remote.settings, stranger)
    miss = await h.submit(me2, item, "户籍材料", h.typed_person(), materials=await h.uploads(me2, item, "户籍材料", ["申请表"]))
    assert [e["message"] for e in miss["errors"]] == ["请提交“居民户口簿”"]


async def test_the_remote_base_down_is_said_in_chinese_nothing_prefilled_nothing_exempt(remote: Remote) -> None:
    person = await f.citizen(name="远程断", in_bases=False)
    remote.peer.records["population"] = {str(person.id_number): _record(person)}
    remote.peer.down = True
    me = await f.citizen_client(remote.gql, remote.settings, person)
    item = await h.person_item()
    typed = h.typed_person()
    down = f"人口库暂时无法访问（{PLATFORM}：HTTP 503）"
    refused = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert [(e["code"], e["message"]) for e in refused["errors"]] == [
        ("MISSING_MATERIAL", f"请提交“居民户口簿”（{down}，本次不能免提交）")]
    # a field the base would have filled is asked, saying why
    blank = await h.submit(me, item, "户籍材料", {"contactPhone": "13800138000"},
                           materials=await h.uploads(me, item, "户籍材料", ["申请表", "居民户口簿"]))
    assert {e["message"] for e in blank["errors"]} == {
        f"请填写“申请人姓名”（{down}，未能自动填写）", f"请填写“身份证号码”（{down}，未能自动填写）"}
    # the applicant simply supplies it: the form as typed, the household register uploaded
    done = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表", "居民户口簿"]))
    assert done["errors"] == [], done
    assert done["case"]["formData"] == typed and done["case"]["prefilled"] == []
    assert h.states(done["case"])["居民户口簿"] == ("PROVIDED", "C", "申请人上传")
    row = next(p for p in await h.pulls_of_case(done["case"]["id"]) if p.base == "population")
    assert (row.found, row.mode, row.error, row.fields_returned) == (False, "remote", down, [])
    dead = await ExchangeMessage.filter(partner_code=remote.partner.code, event="data.query").order_by("-id").first()
    assert dead is not None and (dead.status, dead.answer_status) == ("dead", 503)

    # slow: no answer within the partner's timeout
    remote.peer.down, remote.peer.delay = False, 3.0
    slow = await h.submit(me, item, "户籍材料", typed, materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert [e["message"] for e in slow["errors"]] == [
        f"请提交“居民户口簿”（人口库暂时无法访问（{PLATFORM}：1 秒内未答复），本次不能免提交）"]


async def test_a_platform_that_is_not_there_or_refuses_the_signature_is_unavailable(remote: Remote) -> None:
    person = await f.citizen(name="远程无", in_bases=False)
    remote.peer.records["population"] = {str(person.id_number): _record(person)}
    me = await f.citizen_client(remote.gql, remote.settings, person)
    item = await h.person_item()
    # keys that do not match the platform's: it refuses, nothing is taken
    await Partner.filter(id=remote.partner.id).update(keys=[{"id": "k9", "secret": signing.new_secret()}])
    forged = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert remote.peer.bad_signatures == 1 and remote.peer.asked == []
    assert [e["message"] for e in forged["errors"]] == [
        f"请提交“居民户口簿”（人口库暂时无法访问（{PLATFORM}：HTTP 401），本次不能免提交）"]
    # nobody listening at its address
    await Partner.filter(id=remote.partner.id).update(base_url=f.CLOSED_PORT_URL.replace("redis://", "http://"))
    gone = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert [e["message"] for e in gone["errors"]] == [
        f"请提交“居民户口簿”（人口库暂时无法访问（{PLATFORM}：连接失败（ConnectError）），本次不能免提交）"]
    # a partner switched off
    await Partner.filter(id=remote.partner.id).update(is_active=False)
    off = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert [e["message"] for e in off["errors"]] == [
        f"请提交“居民户口簿”（人口库暂时无法访问（{remote.partner.code}：未配置或已停用），本次不能免提交）"]


def test_which_base_is_remote_is_configuration_local_by_default() -> None:
    assert remote_bases(Settings()) == {}
    assert remote_bases(Settings(shared_data_remote="population=sd-a, credit=sd-b")) == {
        "population": "sd-a", "credit": "sd-b"}
    assert _shared_data_remote(" population=sd-a ") == "population=sd-a"
    with pytest.raises(SystemExit, match="LIAOYI_SHARED_DATA_REMOTE 每项应为“基础库=合作单位代码”"):
        _shared_data_remote("people=sd-a")


async def test_a_later_stage_reads_the_remote_base_before_its_transaction_never_inside(
        remote: Remote, monkeypatch: pytest.MonkeyPatch) -> None:
    """失业保障: the instant 失业登记 opens the second stage by itself; its 居民身份证 is 免提交 from the
    remote population base, which is asked outside any database transaction (no locks held for the
    network's time), once for the stage's items, and the pull names the sub-case it opened."""
    from tortoise import connections
    from tortoise.backends.base.client import TransactionalDBClient

    from server.domain.shareddata import sources
    from server.domain.shareddata.models import SharedDataPull
    from tests.shareddata.test_bundles import _apply

    inside: list[bool] = []
    real = sources.RemoteSource.lookup

    async def watched(self: Any, subject: Any, *, fields: Any, purpose: str) -> Any:
        inside.append(isinstance(connections.get("default"), TransactionalDBClient))
        return await real(self, subject, fields=fields, purpose=purpose)

    monkeypatch.setattr(sources.RemoteSource, "lookup", watched)
    person = await f.citizen(name="远程失业", in_bases=False)
    remote.peer.records["population"] = {str(person.id_number): _record(person)}
    me = await f.citizen_client(remote.gql, remote.settings, person)
    _preview, _typed, res = await _apply(me, "unemployment", {"insured": "no"}, keep=("居民身份证", "居民户口簿"))
    assert res["errors"] == [], res
    bundle = res["bundle"]
    later = [s for s in bundle["subCases"] if any(m["name"] == "居民身份证" for m in s["materials"])]
    assert len(bundle["subCases"]) == 2 and later, bundle["subCases"]
    cards = {(m["state"], m["trust"], m["note"]) for s in later for m in s["materials"] if m["name"] == "居民身份证"}
    assert cards == {("EXEMPT", "A", "免提交：来自人口库（居民身份证信息）")}
    # asked at submission and for the second stage: never inside a transaction
    assert inside and not any(inside), inside
    rows = list(await SharedDataPull.filter(bundle_number=bundle["number"], base="population").order_by("id"))
    opened = [r for r in rows if "第 2 阶段开办" in r.purpose]
    assert opened and all(r.mode == "remote" and r.found for r in opened)
    assert all(r.case_id and r.case_number for r in opened)  # named in the transaction that opened the sub-case
    assert len(remote.peer.asked) == len(rows)  # each pull one signed query, none repeated for a rolled-back round
