"""Notifications: the outbox written in the caller's transaction, delivery (inbox, SMS gateway, push
webhook against a real HTTP peer on loopback), retries and dead letters, quiet hours, the graph."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from strawberry import relay
from tortoise.transactions import in_transaction

from server.domain.accounts.models import Citizen, SmsCode
from server.domain.notifications import service
from server.domain.notifications.models import InboxMessage, Outbox
from server.domain.notifications.service import Recipient
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.worker.peer import http_peer

CASE = {"item": "个体工商户设立登记", "case_no": "TEST-0001"}


def _phone() -> str:
    return "155" + f"{uuid.uuid4().int % 10**8:08d}"


async def _citizen() -> Citizen:
    return await Citizen.create(phone=_phone())


async def _enqueue(channel: str, recipient: Recipient, event: str = "approved", **params: str) -> Outbox:
    async with in_transaction() as conn:
        return await service.enqueue(conn, event=event, channel=channel, recipient=recipient,
                                     params={**CASE, **params})


async def _make_due(row: Outbox) -> None:
    await Outbox.filter(id=row.id).update(next_attempt_at=datetime.now(timezone.utc) - timedelta(seconds=1))


def _quiet_off(settings: Settings, **more: Any) -> Settings:
    return dataclasses.replace(settings, quiet_hours="", **more)


async def test_an_inbox_message_is_delivered_once_however_often_delivery_runs(settings: Settings) -> None:
    citizen = await _citizen()
    row = await _enqueue("inbox", Recipient(citizen_id=citizen.id))
    assert row.status == "queued" and row.template_version == 1
    await service.after_commit(settings, [row.id])  # no Redis, no drainer here: delivered inline
    assert (await Outbox.get(id=row.id)).status == "delivered"
    assert (await service.deliver(row.id, settings)).status == "done"
    await Outbox.filter(id=row.id).update(status="sending", claimed_at=datetime.now(timezone.utc) - timedelta(hours=1))
    assert (await service.deliver(row.id, settings)).status == "delivered"  # a dead worker's row, taken over
    messages = await InboxMessage.filter(outbox_id=row.id)
    assert len(messages) == 1 and messages[0].citizen_id == citizen.id
    assert "个体工商户设立登记" in messages[0].body and "TEST-0001" in messages[0].body


async def test_a_rolled_back_change_sends_nothing(settings: Settings) -> None:
    citizen = await _citizen()
    try:
        async with in_transaction() as conn:
            await service.enqueue(conn, event="approved", channel="inbox", recipient=Recipient(citizen_id=citizen.id),
                                  params=CASE)
            raise RuntimeError("the change fails")
    except RuntimeError:
        pass
    assert not await Outbox.filter(citizen_id=citizen.id).exists()


async def test_the_sign_in_code_goes_through_the_outbox_and_is_scrubbed_after(settings: Settings, gql: GraphQLClient) -> None:
    phone = _phone()
    data = await gql("mutation($p: String!) { requestSmsCode(input: {phone: $p}) { sent errors { code } } }",
                     {"p": phone})
    assert data["requestSmsCode"]["sent"] is True
    row = await Outbox.get(phone=phone, event="sign_in_code")
    assert row.status == "delivered" and row.channel == "sms" and row.urgent and row.attempts == 1
    assert row.params["code"] == "***"  # the code is not left readable in the outbox
    assert await SmsCode.filter(phone=phone).count() == 1


async def test_the_sms_gateway_gets_json_retries_transient_failures_then_dead_letters(settings: Settings) -> None:
    async with http_peer() as peer:
        s = _quiet_off(settings, sms_gateway_url=peer.url, sms_gateway_key="k-123", notify_max_attempts=3)
        phone = _phone()
        row = await _enqueue("sms", Recipient(phone=phone))
        peer.fail_next = 1
        first = await service.deliver(row.id, s)
        assert first.status == "retry" and first.retry_in == service.BACKOFF_BASE
        failed = await Outbox.get(id=row.id)
        assert failed.status == "failed" and failed.attempts == 1 and "503" in failed.last_error
        assert (await service.deliver(row.id, s)).status == "deferred"  # not due yet: nothing sent
        assert len(peer.received) == 1
        await _make_due(row)
        assert (await service.deliver(row.id, s)).status == "delivered"
        body = peer.received[-1]
        assert body["id"] == f"notify:{row.id}" and body["phone"] == phone and body["template"] == "approved"
        assert "TEST-0001" in body["text"] and peer.headers[-1]["authorization"] == "Bearer k-123"

        dead = await _enqueue("sms", Recipient(phone=_phone()))
        peer.fail_next = 10
        for _ in range(3):
            await _make_due(dead)
            await service.deliver(dead.id, s)
        row = await Outbox.get(id=dead.id)
        assert row.status == "dead" and row.attempts == 3

        refused = await _enqueue("sms", Recipient(phone=_phone()))
        peer.fail_next, peer.status = 0, 400
        assert (await service.deliver(refused.id, s)).status == "dead"  # a refusal is not retried
        assert (await Outbox.get(id=refused.id)).attempts == 1


async def test_quiet_hours_hold_back_non_urgent_sms_only(settings: Settings) -> None:
    s = dataclasses.replace(settings, quiet_hours="0-24")  # always quiet
    late = await _enqueue("sms", Recipient(phone=_phone()))
    outcome = await service.deliver(late.id, s)
    assert outcome.status == "deferred" and outcome.retry_in > 0
    assert (await Outbox.get(id=late.id)).attempts == 0
    code = await _enqueue("sms", Recipient(phone=_phone()), event="sign_in_code", code="123456", minutes="5")
    assert (await service.deliver(code.id, s)).status == "delivered"
    night = datetime(2026, 1, 5, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    until = service.quiet_until(dataclasses.replace(settings, quiet_hours="22-7"), night)
    assert until == datetime(2026, 1, 6, 7, 0, tzinfo=timezone(timedelta(hours=8)))
    assert service.quiet_until(dataclasses.replace(settings, quiet_hours="22-7"), night.replace(hour=12)) is None


async def test_push_goes_to_the_webhook(settings: Settings) -> None:
    citizen = await _citizen()
    async with http_peer() as peer:
        s = dataclasses.replace(settings, push_webhook_url=peer.url)
        row = await _enqueue("push", Recipient(citizen_id=citizen.id))
        assert (await service.deliver(row.id, s)).status == "delivered"
        assert peer.received[-1]["citizenId"] == citizen.id and peer.received[-1]["title"] == "审批通过"
    unconfigured = await _enqueue("push", Recipient(citizen_id=citizen.id))
    assert (await service.deliver(unconfigured.id, settings)).status == "dead"


async def test_the_sweep_delivers_what_was_committed_but_never_handed_on(settings: Settings) -> None:
    citizen = await _citizen()
    rows = [await _enqueue("inbox", Recipient(citizen_id=citizen.id)) for _ in range(3)]  # no after_commit
    # a sweep takes SWEEP_BATCH rows at a time, oldest first: what earlier tests of this database left
    # unsent goes first, so sweep until nothing is left
    delivered = 0
    for _ in range(100):
        done = await service.drain_once(settings)
        if not done:
            break
        delivered += done
    assert delivered >= 3
    assert await InboxMessage.filter(citizen_id=citizen.id).count() == 3
    assert {r.status for r in await Outbox.filter(id__in=[r.id for r in rows])} == {"delivered"}


MINE = """query($first: Int, $after: String) { unreadNotificationCount
  myNotifications(first: $first, after: $after) { totalCount edges { cursor node { id event title body readAt } }
  pageInfo { hasNextPage endCursor } } }"""
MARK = "mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { marked unreadCount errors { code } } }"


async def test_my_notifications_unread_count_and_mark_read(settings: Settings, gql: GraphQLClient) -> None:
    citizen, other = await _citizen(), await _citizen()
    for n in range(3):
        row = await _enqueue("inbox", Recipient(citizen_id=citizen.id), case_no=f"C-{n}")
        await service.after_commit(settings, [row.id])
    row = await _enqueue("inbox", Recipient(citizen_id=other.id))
    await service.after_commit(settings, [row.id])
    me = await f.citizen_client(gql, settings, citizen)
    page = await me(MINE, {"first": 2})
    assert page["unreadNotificationCount"] == 3
    conn = page["myNotifications"]
    assert conn["totalCount"] == 3 and conn["pageInfo"]["hasNextPage"] is True
    assert "C-2" in conn["edges"][0]["node"]["body"]  # newest first
    rest = await me(MINE, {"first": 2, "after": conn["pageInfo"]["endCursor"]})
    assert len(rest["myNotifications"]["edges"]) == 1
    first_id = conn["edges"][0]["node"]["id"]
    done = (await me(MARK, {"i": {"ids": [first_id]}}))["markNotificationsRead"]
    assert done == {"marked": 1, "unreadCount": 2, "errors": []}
    theirs = await f.citizen_client(gql, settings, other)
    assert (await theirs(MARK, {"i": {"ids": [first_id]}}))["markNotificationsRead"]["marked"] == 0  # not theirs
    assert (await me(MARK, {"i": {}}))["markNotificationsRead"]["errors"] == [{"code": "INVALID"}]
    assert (await me(MARK, {"i": {"all": True}}))["markNotificationsRead"]["unreadCount"] == 0
    assert (await theirs(MINE, {}))["unreadNotificationCount"] == 1


async def test_staff_have_an_inbox_too(settings: Settings, gql: GraphQLClient) -> None:
    from server.domain.accounts.models import StaffUser

    clerk = await gql.as_user("city_clerk")
    staff = await StaffUser.get(username="city_clerk")
    before = (await clerk(MINE, {}))["unreadNotificationCount"]
    row = await _enqueue("inbox", Recipient(staff_id=staff.id), event="staff_new_case")
    await service.after_commit(settings, [row.id])
    data = await clerk(MINE, {"first": 1})
    assert data["unreadNotificationCount"] == before + 1
    assert data["myNotifications"]["edges"][0]["node"]["event"] == "staff_new_case"


OUTBOX = """query($s: NotificationStatus) { notificationOutbox(filter: {status: $s}, first: 100) {
  totalCount edges { node { id status attempts lastError recipient channel } } } }"""
RETRY = """mutation($i: RetryNotificationInput!) { retryNotification(input: $i) {
  notification { id status attempts } errors { code message } } }"""


async def test_admins_see_dead_letters_and_retry_them(settings: Settings, gql: GraphQLClient) -> None:
    s = _quiet_off(settings, notify_max_attempts=1)
    phone = _phone()
    row = await _enqueue("sms", Recipient(phone=phone))
    async with http_peer() as peer:
        peer.fail_next = 1
        assert (await service.deliver(row.id, dataclasses.replace(s, sms_gateway_url=peer.url))).status == "dead"
    admin = await gql.as_user("city_admin")
    dead = (await admin(OUTBOX, {"s": "DEAD"}))["notificationOutbox"]
    mine = [e["node"] for e in dead["edges"] if e["node"]["recipient"].endswith(phone[-4:])]
    assert mine and mine[0]["status"] == "DEAD" and "503" in mine[0]["lastError"]
    assert phone not in mine[0]["recipient"]  # masked
    retried = (await admin(RETRY, {"i": {"id": mine[0]["id"]}}))["retryNotification"]
    assert retried["errors"] == []
    # no Redis: delivered at once (log sink), unless it is night in China (quiet hours of the session settings)
    quiet = service.quiet_until(settings, datetime.now(timezone.utc)) is not None
    assert retried["notification"]["status"] == ("QUEUED" if quiet else "DELIVERED")
    assert retried["notification"]["attempts"] == (0 if quiet else 1)
    again = (await admin(RETRY, {"i": {"id": mine[0]["id"]}}))["retryNotification"]
    assert again["errors"][0]["code"] == "INVALID_STATE"


async def test_the_outbox_names_events_and_recipients_in_chinese(gql: GraphQLClient) -> None:
    """Issue 16: the outbox page shows 电子证照已签发, not ``elicence_issued``, and the recipient by
    masked name ("群众 张** 139****1234", "工作人员 刘*(city_clerk)"), not "群众 #282"."""
    from server.domain.accounts.models import StaffUser

    citizen = await Citizen.create(phone=_phone(), name="张三丰")
    staff = await StaffUser.get(username="city_clerk")
    rows = [
        await _enqueue("inbox", Recipient(citizen_id=citizen.id), event="elicence_issued", item="食品经营许可"),
        await _enqueue("inbox", Recipient(staff_id=staff.id), event="approved", item="食品经营许可", case_no="N-1"),
        await _enqueue("sms", Recipient(phone=citizen.phone), event="rejected", item="食品经营许可", case_no="N-2", reason="不属于本机关职权范围"),
    ]
    try:
        admin = await gql.as_user("city_admin")
        listed = (await admin("""{ notificationOutbox(first: 100) { edges { node { id event eventLabel recipient } } } }"""))
        by_id = {e["node"]["id"]: e["node"] for e in listed["notificationOutbox"]["edges"]}
        shown = [by_id[str(relay.GlobalID("OutboxNotification", str(r.id)))] for r in rows]
        masked_phone = f"{citizen.phone[:3]}****{citizen.phone[-4:]}"
        assert [(n["event"], n["eventLabel"], n["recipient"]) for n in shown] == [
            ("elicence_issued", "电子证照已签发", f"群众 张** {masked_phone}"),
            ("approved", "审批通过", "工作人员 刘*(city_clerk)"),
            ("rejected", "不予受理", f"手机 {masked_phone}"),
        ]
    finally:
        await Outbox.filter(id__in=[r.id for r in rows]).delete()
        await citizen.delete()
