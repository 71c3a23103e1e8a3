"""Citizens through the graph: SMS sign-in and its limits, real-name verification, the profile,
and how a citizen is masked for everybody but themself.

Every test signs in from client addresses of its own (the per-address code limit lives for the
whole session) and with phone numbers and ID numbers of its own.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import strawberry

from server.domain.accounts import citizens
from server.domain.accounts.models import Citizen, SmsCode
from server.domain.accounts.roles import Actor, Role
from server.domain.accounts.sms import SIGN_IN_CODE, LogSmsSender, get_sms_sender
from server.graphql.citizens.types import Citizen as CitizenType
from server.graphql.context import Context, Info
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient, refusal
from tests.factories import Devices

PROFILE = """
query { myProfile { id phone name idNumber birthDate sex verified verifiedAt masked
                    enterprises { id name myRole } } }"""


@pytest.fixture
async def devices(app: Any) -> AsyncIterator[Devices]:
    async with f.open_devices(app) as open_device:
        yield open_device


# --- requesting a code -----------------------------------------------------------------------------


async def test_the_answer_is_the_same_for_known_and_unknown_phones(
    devices: Devices, settings: Settings
) -> None:
    known = await f.sign_in(devices, settings)
    await f.backdate_codes(known.phone)
    gql = await devices()
    answers = [(await gql(f.REQUEST_CODE, {"phone": p}))["requestSmsCode"] for p in (known.phone, f.phone())]
    assert (
        answers[0]
        == answers[1]
        == {"sent": True, "expiresInSeconds": 300, "resendAfterSeconds": 60, "errors": []}
    )


async def test_a_code_is_six_random_digits_stored_as_a_keyed_hash(
    devices: Devices, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    gql, phone = await devices(), f.phone()
    before = datetime.now(timezone.utc)
    with caplog.at_level(logging.INFO, logger="liaoyi.sms"):
        assert (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]["sent"]
    code = f.latest_code(settings, phone)
    assert re.fullmatch(r"[0-9]{6}", code)
    row = await SmsCode.get(phone=phone)
    assert len(row.code_hash) == 64 and code not in row.code_hash
    assert row.code_hash != hashlib.sha256(code.encode()).hexdigest()  # keyed: a leaked table is not a lookup
    assert (
        before + timedelta(minutes=5) <= row.expires_at <= datetime.now(timezone.utc) + timedelta(minutes=5)
    )
    assert row.attempts == 0 and row.consumed_at is None
    lines = [r.getMessage() for r in caplog.records if r.name == "liaoyi.sms"]
    assert any(line.startswith("短信验证码") and code in line for line in lines), lines
    assert not any(phone in line for line in lines), "the log shows the phone masked"
    assert any(f"{phone[:3]}****{phone[-4:]}" in line for line in lines)


async def test_the_production_sink_keeps_no_code(caplog: pytest.LogCaptureFixture) -> None:
    sink = get_sms_sender(Settings(env="production", secret_key="p" * 40))
    assert isinstance(sink, LogSmsSender) and sink is not get_sms_sender(Settings())
    with caplog.at_level(logging.INFO, logger="liaoyi.sms"):
        await sink.send(phone="13800138000", template=SIGN_IN_CODE, params={"code": "123456", "minutes": "5"})
    assert sink.outbox == []
    assert all("123456" not in r.getMessage() and "13800138000" not in r.getMessage() for r in caplog.records)
    assert any("短信验证码" in r.getMessage() for r in caplog.records)


async def test_an_invalid_phone_is_refused(devices: Devices) -> None:
    gql = await devices()
    for bad in ("12345", "2380013800a", ""):
        out = (await gql(f.REQUEST_CODE, {"phone": bad}))["requestSmsCode"]
        assert out["sent"] is False and out["errors"][0]["code"] == "INVALID_PHONE"


async def test_a_second_request_within_a_minute_is_too_soon(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    assert (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]["sent"]
    first = f.latest_code(settings, phone)
    again = (await (await devices())(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]
    assert again["sent"] is False
    error = again["errors"][0]
    assert error["code"] == "TOO_SOON" and error["field"] == ["phone"]
    seconds = int(re.search(r"(\d+) 秒", error["message"]).group(1))  # type: ignore[union-attr]
    assert 50 <= seconds <= 60
    await f.backdate_codes(phone, 40)  # 40 s ago: 20 s left
    error = (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]["errors"][0]
    assert error["code"] == "TOO_SOON" and 15 <= int(re.search(r"(\d+) 秒", error["message"]).group(1)) <= 20  # type: ignore[union-attr]
    await f.backdate_codes(phone, 25)
    assert (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]["sent"]
    second = f.latest_code(settings, phone)
    # the new code replaces the old one
    if first != second:
        out = (await gql(f.SIGN_IN, {"phone": phone, "code": first}))["signInWithSmsCode"]
        assert out["errors"][0]["code"] == "INVALID_CODE"
    out = (await gql(f.SIGN_IN, {"phone": phone, "code": second}))["signInWithSmsCode"]
    assert out["errors"] == []


async def test_at_most_ten_codes_per_phone_per_day(devices: Devices, settings: Settings) -> None:
    phone = f.phone()
    start_of_day = citizens._start_of_day(datetime.now(timezone.utc))
    for _ in range(citizens.MAX_CODES_PER_DAY - 1):
        row = await SmsCode.create(
            phone=phone, code_hash="0" * 64, expires_at=start_of_day + timedelta(minutes=5)
        )
        await SmsCode.filter(id=row.id).update(created_at=start_of_day)
    yesterday = await SmsCode.create(phone=phone, code_hash="0" * 64, expires_at=start_of_day)
    await SmsCode.filter(id=yesterday.id).update(created_at=start_of_day - timedelta(seconds=1))
    gql = await devices()
    assert (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]["sent"]  # the 10th of today
    # the daily cap is checked before the cool-down: the answer says to come back tomorrow
    out = (await gql(f.REQUEST_CODE, {"phone": phone}))["requestSmsCode"]
    assert out["sent"] is False
    assert out["errors"][0]["code"] == "RATE_LIMITED" and "今日" in out["errors"][0]["message"]


async def test_a_burst_from_one_address_is_limited_after_the_allowance(devices: Devices) -> None:
    address = f.address()
    gql = await devices(address)
    answers = await asyncio.gather(*(gql(f.REQUEST_CODE, {"phone": f.phone()}) for _ in range(30)))
    outcomes = [a["requestSmsCode"] for a in answers]
    sent = [o for o in outcomes if o["sent"]]
    limited = [o for o in outcomes if not o["sent"]]
    assert len(sent) == citizens.ADDRESS_LIMIT
    assert len(limited) == 30 - citizens.ADDRESS_LIMIT
    assert all(
        o["errors"][0]["code"] == "RATE_LIMITED" and "分钟" in o["errors"][0]["message"] for o in limited
    )
    # the limit is the address's: another address is served, this one still is not
    assert (await (await devices())(f.REQUEST_CODE, {"phone": f.phone()}))["requestSmsCode"]["sent"]
    assert not (await (await devices(address))(f.REQUEST_CODE, {"phone": f.phone()}))["requestSmsCode"]["sent"]


async def test_concurrent_requests_for_one_phone_send_one_code(devices: Devices) -> None:
    phone = f.phone()
    clients = [await devices() for _ in range(5)]
    answers = await asyncio.gather(*(c(f.REQUEST_CODE, {"phone": phone}) for c in clients))
    assert sum(a["requestSmsCode"]["sent"] for a in answers) == 1
    assert await SmsCode.filter(phone=phone).count() == 1
    await f.backdate_codes(phone)  # the next code replaces an existing one: still exactly one wins
    answers = await asyncio.gather(*(c(f.REQUEST_CODE, {"phone": phone}) for c in clients))
    assert sum(a["requestSmsCode"]["sent"] for a in answers) == 1
    assert await SmsCode.filter(phone=phone).count() == 2
    assert all(
        a["requestSmsCode"]["errors"][0]["code"] == "TOO_SOON"
        for a in answers
        if not a["requestSmsCode"]["sent"]
    )


async def test_the_database_lets_one_of_concurrent_replacements_win(settings: Settings) -> None:
    """Across processes the in-process guard does not help: the conditional replacement does."""
    phone = f.phone()
    old = await SmsCode.create(
        phone=phone, code_hash="0" * 64, expires_at=datetime.now(timezone.utc) + timedelta(minutes=1)
    )
    await SmsCode.filter(id=old.id).update(created_at=old.created_at - timedelta(minutes=4))
    outcomes = await asyncio.gather(
        *(citizens._issue_code(phone=phone, secret=settings.secret_key) for _ in range(5)),
        return_exceptions=True,
    )
    issued = [o for o in outcomes if isinstance(o, str)]
    assert len(issued) == 1, outcomes
    assert all(getattr(o, "code", None) == "TOO_SOON" for o in outcomes if not isinstance(o, str))
    assert await SmsCode.filter(phone=phone).count() == 2
    assert (await SmsCode.get(id=old.id)).expires_at <= datetime.now(timezone.utc)  # replaced


# --- signing in ------------------------------------------------------------------------------------


async def test_the_first_sign_in_creates_the_citizen_the_next_finds_it(
    devices: Devices, settings: Settings
) -> None:
    gql, phone = await devices(), f.phone()
    assert not await Citizen.exists(phone=phone)
    await gql(f.REQUEST_CODE, {"phone": phone})
    first = (await gql(f.SIGN_IN, {"phone": phone, "code": f.latest_code(settings, phone)}))["signInWithSmsCode"]
    assert first["errors"] == [] and first["firstSignIn"] is True
    assert first["citizen"]["phone"] == phone and first["citizen"]["masked"] is False
    assert first["citizen"]["verified"] is False and first["citizen"]["name"] is None
    assert len(first["tokens"]["token"]) >= 32 and first["tokens"]["refreshToken"]
    profile = (await gql(PROFILE, token=first["tokens"]["token"]))["myProfile"]
    assert (
        profile["id"] == first["citizen"]["id"] and profile["phone"] == phone and profile["enterprises"] == []
    )
    await f.backdate_codes(phone)
    await gql(f.REQUEST_CODE, {"phone": " " + phone[:3] + " " + phone[3:]})  # spelled differently, the same phone
    again = (await gql(f.SIGN_IN, {"phone": phone, "code": f.latest_code(settings, phone)}))["signInWithSmsCode"]
    assert again["errors"] == [] and again["firstSignIn"] is False
    assert again["citizen"]["id"] == first["citizen"]["id"]
    assert await Citizen.filter(phone=phone).count() == 1


async def test_a_code_is_used_once(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    await gql(f.REQUEST_CODE, {"phone": phone})
    code = f.latest_code(settings, phone)
    assert (await gql(f.SIGN_IN, {"phone": phone, "code": code}))["signInWithSmsCode"]["errors"] == []
    out = (await gql(f.SIGN_IN, {"phone": phone, "code": code}))["signInWithSmsCode"]
    assert out["tokens"] is None and out["errors"][0]["code"] == "CODE_EXPIRED"


async def test_an_expired_code_is_refused(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    await gql(f.REQUEST_CODE, {"phone": phone})
    await SmsCode.filter(phone=phone).update(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    out = (await gql(f.SIGN_IN, {"phone": phone, "code": f.latest_code(settings, phone)}))["signInWithSmsCode"]
    assert out["tokens"] is None and out["errors"][0]["code"] == "CODE_EXPIRED"
    assert not await Citizen.exists(phone=phone)


async def test_five_attempts_per_code(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    await gql(f.REQUEST_CODE, {"phone": phone})
    code = f.latest_code(settings, phone)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for left in (4, 3, 2, 1, 0):
        error = (await gql(f.SIGN_IN, {"phone": phone, "code": wrong}))["signInWithSmsCode"]["errors"][0]
        assert error["code"] == "INVALID_CODE" and error["field"] == ["code"]
        assert (
            (f"还可尝试 {left} 次" in error["message"]) if left else ("已无剩余尝试次数" in error["message"])
        )
    out = (await gql(f.SIGN_IN, {"phone": phone, "code": code}))["signInWithSmsCode"]
    assert out["tokens"] is None and out["errors"][0]["code"] == "CODE_EXPIRED"
    assert (await SmsCode.get(phone=phone)).attempts == 5


async def test_a_burst_of_guesses_gets_five_tries(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    await gql(f.REQUEST_CODE, {"phone": phone})
    code = f.latest_code(settings, phone)
    guesses = [f"{(int(code) + i) % 10**6:06d}" for i in range(1, 31)]
    answers = await asyncio.gather(*(gql(f.SIGN_IN, {"phone": phone, "code": g}) for g in guesses))
    codes = [a["signInWithSmsCode"]["errors"][0]["code"] for a in answers]
    assert codes.count("INVALID_CODE") == 5 and codes.count("CODE_EXPIRED") == 25
    out = (await gql(f.SIGN_IN, {"phone": phone, "code": code}))["signInWithSmsCode"]
    assert out["errors"][0]["code"] == "CODE_EXPIRED"


async def test_a_code_in_the_wrong_shape_costs_no_attempt(devices: Devices, settings: Settings) -> None:
    gql, phone = await devices(), f.phone()
    await gql(f.REQUEST_CODE, {"phone": phone})
    for bad in ("12345", "1234567", "12a456", ""):
        error = (await gql(f.SIGN_IN, {"phone": phone, "code": bad}))["signInWithSmsCode"]["errors"][0]
        assert error["code"] == "INVALID_CODE" and "6 位" in error["message"]
    assert (await SmsCode.get(phone=phone)).attempts == 0
    assert (await gql(f.SIGN_IN, {"phone": phone, "code": f.latest_code(settings, phone)}))["signInWithSmsCode"][
        "errors"
    ] == []


async def test_signing_in_with_a_phone_that_never_got_a_code_reveals_nothing(devices: Devices) -> None:
    gql = await devices()
    out = (await gql(f.SIGN_IN, {"phone": f.phone(), "code": "123456"}))["signInWithSmsCode"]
    assert out["errors"] == [
        {"field": ["code"], "message": "验证码已失效，请重新获取", "code": "CODE_EXPIRED"}
    ]


async def test_a_disabled_citizen_cannot_sign_in(devices: Devices, settings: Settings) -> None:
    person = await f.sign_in(devices, settings)
    await Citizen.filter(phone=person.phone).update(is_active=False)
    await f.backdate_codes(person.phone)
    gql = await devices()
    assert (await gql(f.REQUEST_CODE, {"phone": person.phone}))["requestSmsCode"]["sent"]  # the same answer
    out = (await gql(f.SIGN_IN, {"phone": person.phone, "code": f.latest_code(settings, person.phone)}))[
        "signInWithSmsCode"
    ]
    assert out["tokens"] is None and out["errors"][0]["code"] == "NOT_ALLOWED"


# --- real-name verification ------------------------------------------------------------------------


async def test_real_name_verification_derives_birth_date_and_sex(
    devices: Devices, settings: Settings
) -> None:
    person = await f.sign_in(devices, settings)
    number = f.id_number(birth="19850615", sex="F")
    number = number[:17] + ("x" if number[17] == "X" else number[17])
    out = (await person.gql(f.VERIFY, {"name": "王秀英", "idNumber": number}))["verifyRealName"]
    assert out["errors"] == []
    c = out["citizen"]
    assert (c["name"], c["idNumber"], c["birthDate"], c["sex"]) == (
        "王秀英",
        number.upper(),
        "1985-06-15",
        "FEMALE",
    )
    assert c["verified"] is True and c["masked"] is False
    profile = (await person.gql(PROFILE))["myProfile"]
    assert profile["verified"] is True and profile["verifiedAt"] and profile["idNumber"] == number.upper()


async def test_a_lower_case_x_is_accepted(devices: Devices, settings: Settings) -> None:
    person = await f.sign_in(devices, settings)
    for _ in range(200):
        number = f.id_number()
        if number.endswith("X"):
            break
    assert number.endswith("X")
    out = (await person.gql(f.VERIFY, {"name": "李明", "idNumber": number.lower()}))["verifyRealName"]
    assert (
        out["errors"] == []
        and out["citizen"]["idNumber"] == number
        and out["citizen"]["sex"] in ("MALE", "FEMALE")
    )


async def test_minority_names_with_a_middle_dot(devices: Devices, settings: Settings) -> None:
    person = await f.sign_in(devices, settings)
    out = (await person.gql(f.VERIFY, {"name": "阿依古丽 • 买买提", "idNumber": f.id_number()}))[
        "verifyRealName"
    ]
    assert out["errors"] == [] and out["citizen"]["name"] == "阿依古丽·买买提"


@pytest.mark.parametrize("name", ["张", "Zhang San", "张三1", "·张三", "张三·", "张··三", "张" * 31, ""])
async def test_names_that_are_refused(devices: Devices, settings: Settings, name: str) -> None:
    person = await f.sign_in(devices, settings)
    out = (await person.gql(f.VERIFY, {"name": name, "idNumber": f.id_number()}))["verifyRealName"]
    assert out["citizen"] is None
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("INVALID", ["name"])]


async def test_every_problem_is_reported_at_once(devices: Devices, settings: Settings) -> None:
    person = await f.sign_in(devices, settings)
    number = f.id_number()
    out = await person.gql(
        f.VERIFY, {"name": "X", "idNumber": number[:17] + ("0" if number[17] != "0" else "1")}
    )
    errors = out["verifyRealName"]["errors"]
    assert sorted((e["code"], e["field"][0]) for e in errors) == [
        ("INVALID", "name"),
        ("INVALID_ID_NUMBER", "idNumber"),
    ]
    assert not (await Citizen.get(phone=person.phone)).verified_at


async def test_an_id_number_bound_to_another_citizen_is_a_mismatch(
    devices: Devices, settings: Settings
) -> None:
    first = await f.verified_person(devices, settings)
    second = await f.sign_in(devices, settings)
    out = (await second.gql(f.VERIFY, {"name": first.name, "idNumber": first.id_number}))["verifyRealName"]
    error = out["errors"][0]
    assert out["citizen"] is None and error["code"] == "MISMATCH" and error["field"] == ["idNumber"]
    assert first.phone not in error["message"] and first.phone[-4:] not in error["message"]
    assert str(first.name) not in error["message"]
    assert (await Citizen.get(phone=second.phone)).id_number is None


async def test_verification_is_once(devices: Devices, settings: Settings) -> None:
    person = await f.verified_person(devices, settings)
    same = (await person.gql(f.VERIFY, {"name": person.name, "idNumber": str(person.id_number).lower()}))[
        "verifyRealName"
    ]
    assert same["errors"] == [] and same["citizen"]["idNumber"] == person.id_number
    for name, number in ((person.name, f.id_number()), ("欧阳修", person.id_number)):
        out = (await person.gql(f.VERIFY, {"name": name, "idNumber": number}))["verifyRealName"]
        assert out["citizen"] is None and out["errors"][0]["code"] == "INVALID_STATE"
    row = await Citizen.get(phone=person.phone)
    assert (row.name, row.id_number) == (person.name, person.id_number)


async def test_only_a_signed_in_citizen_verifies(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    variables = {"name": "张三", "idNumber": f.id_number()}
    assert await (await devices()).refused(f.VERIFY, variables, field="verifyRealName") == "UNAUTHENTICATED"
    assert await (await gql.as_user("city_clerk")).refused(f.VERIFY, variables, field="verifyRealName") == "FORBIDDEN"


# --- the profile and masking -----------------------------------------------------------------------


async def test_my_profile_is_for_citizens_only(devices: Devices, gql: GraphQLClient) -> None:
    assert refusal(await (await devices())(PROFILE, expect_errors=True), "myProfile") == "UNAUTHENTICATED"
    assert refusal(await (await gql.as_user("city_admin"))(PROFILE, expect_errors=True), "myProfile") == "FORBIDDEN"


@strawberry.type(description="测试用查询")
class _Probe:
    @strawberry.field(description="按手机号读取群众")
    async def citizen(self, info: Info, phone: str) -> CitizenType | None:
        row = await Citizen.get_or_none(phone=phone)
        return CitizenType.of(row) if row else None


async def _as_seen_by(actor: Actor, phone: str, settings: Settings) -> dict[str, Any]:
    schema = strawberry.Schema(query=_Probe)
    result = await schema.execute(
        "query($p: String!) { citizen(phone: $p) { phone name idNumber birthDate sex verified masked enterprises { id } } }",
        variable_values={"p": phone},
        context_value=Context(actor=actor, settings=settings, request_id="t"),
    )
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data["citizen"])


async def test_a_citizen_is_masked_for_everybody_but_themself(devices: Devices, settings: Settings) -> None:
    person = await f.verified_person(devices, settings, birth="19760304", sex="M")
    row = await Citizen.get(phone=person.phone)
    staff = Actor(
        user_id=1, username="city_admin", roles=frozenset({Role.CITY_ADMIN}), region_path="37/3715/"
    )
    masked = {
        "phone": f"{person.phone[:3]}****{person.phone[-4:]}",
        "name": str(person.name)[0] + "*" * (len(str(person.name)) - 1),
        "idNumber": f"{str(person.id_number)[:4]}{'*' * 10}{str(person.id_number)[-4:]}",
        "birthDate": None,
        "sex": "MALE",
        "verified": True,
        "masked": True,
        "enterprises": None,
    }
    for viewer in (staff, Actor(citizen_id=row.id + 100_000), Actor()):
        assert await _as_seen_by(viewer, person.phone, settings) == masked
    own = await _as_seen_by(Actor(citizen_id=row.id), person.phone, settings)
    assert own == {
        "phone": person.phone,
        "name": person.name,
        "idNumber": person.id_number,
        "birthDate": "1976-03-04",
        "sex": "MALE",
        "verified": True,
        "masked": False,
        "enterprises": [],
    }


async def test_a_citizen_node_is_readable_by_that_citizen_only(
    devices: Devices, settings: Settings, gql: GraphQLClient
) -> None:
    person = await f.verified_person(devices, settings)
    other = await f.sign_in(devices, settings)
    query = "query($id: ID!) { node(id: $id) { ... on Citizen { phone name masked } } }"
    own = (await person.gql(query, {"id": person.id}))["node"]
    assert own == {"phone": person.phone, "name": person.name, "masked": False}
    assert (await other.gql(query, {"id": person.id}))["node"] is None
    assert (await (await gql.as_user("city_admin"))(query, {"id": person.id}))["node"] is None
    assert (await (await devices())(query, {"id": person.id}))["node"] is None
