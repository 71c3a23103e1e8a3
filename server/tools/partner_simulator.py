"""The partner simulator (``python -m server simulate-partners``): one HTTP server on loopback that
plays every partner of the database (the demo's, ``seed --demo``) so that a routed case runs its
course in the demo. At ``POST /<code>`` it takes the platform's signed messages the way a real peer
must — verified with that partner's signing keys as the database has them (Standard Webhooks,
:mod:`server.domain.exchange.signing`), each message id once — and answers 2xx at once. For a
``case.routed`` it then, after ``delay`` seconds each, posts back a signed ``case.accepted`` and a
signed ``case.decided`` (approved, with what such a partner produces: an account number, seal
records, a utility account) to the platform's ``POST /exchange/<code>``, through
:func:`server.domain.exchange.outbound.post`; a ``case.status_query`` (reconciliation) is answered
with what it has done so far. It only reads the database."""

from __future__ import annotations

import asyncio
import json
import logging
import random
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server import clock
from server.domain.exchange import outbound, signing
from server.domain.exchange.models import Partner, PartnerKind

log = logging.getLogger("liaoyi.simulator")

DEFAULT_PORT = 8700
DEFAULT_PLATFORM = "http://127.0.0.1:8000"
DEFAULT_DELAY = 3.0
POST_ATTEMPTS = 6  # an answer the platform did not take (down, restarting) is tried again, 1, 2, 4 … s apart
AGENT = "liaoyi-partner-simulator/1"


@dataclass
class Simulator:
    platform_url: str = DEFAULT_PLATFORM
    delay: float = DEFAULT_DELAY
    seen: set[tuple[str, str]] = field(default_factory=set)  # (partner code, message id): each taken once
    # case number → received | accepted | approved, as this "partner" sees it (for status queries)
    statuses: dict[str, str] = field(default_factory=dict)
    # (partner code, case number, event, the platform's HTTP status or 0 when it never answered)
    answers: list[tuple[str, str, str, int]] = field(default_factory=list)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{code}", self.handle, methods=["POST"])])

    async def handle(self, request: Request) -> JSONResponse:
        code = str(request.path_params["code"])[:32]
        partner = await Partner.get_or_none(code=code, is_active=True)
        if partner is None:
            return JSONResponse({"message": f"模拟器中没有合作单位 {code}"}, status_code=404)
        body = await request.body()
        check = signing.verify(body, dict(request.headers), secrets_in_use=[k["secret"] for k in partner.keys])
        if not check.ok:
            log.warning("simulator %s: refused a message (%s)", code, check.reason)
            return JSONResponse({"message": check.message}, status_code=401)
        try:
            message = json.loads(body)
            data = message["data"]
            if not isinstance(data, dict):
                raise ValueError("data is not an object")
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"message": "消息体应为 JSON 对象：{event, data}"}, status_code=400)
        event = str(message.get("event") or "")
        if event == "case.status_query":
            numbers = [str(n) for n in data.get("case_numbers") or []]
            return JSONResponse({"cases": {n: {"status": self.statuses[n]} for n in numbers if n in self.statuses}})
        mid = request.headers["webhook-id"]
        number = str(data.get("case_number") or "")
        own = own_number(partner, number)
        if (code, mid) in self.seen:
            return JSONResponse({"received": True, "duplicate": True, "number": own})
        self.seen.add((code, mid))
        if event == "case.routed" and number:
            self.statuses.setdefault(number, "received")
            log.info("simulator %s: received %s, answering in %.0f s", code, number, self.delay)
            task = asyncio.create_task(self._answer(code, data, own))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return JSONResponse({"received": True, "duplicate": False, "number": own})

    async def _answer(self, code: str, routed: dict[str, Any], own: str) -> None:
        number = str(routed["case_number"])
        await asyncio.sleep(self.delay)
        if await self.send(code, "case.accepted", {"case_number": number, "number": own}):
            self.statuses[number] = "accepted"
        await asyncio.sleep(self.delay)
        partner = await Partner.get_or_none(code=code)
        if partner is None:
            return
        result_number, result, reason = decision(partner, routed, own)
        if await self.send(code, "case.decided", {"case_number": number, "decision": "approved", "reason": reason,
                                                  "result_number": result_number, "result": result}):
            self.statuses[number] = "approved"

    async def send(self, code: str, event: str, data: dict[str, Any]) -> bool:
        """One answer, signed with the partner's newest keys, to the platform: the same message id on
        every attempt (the platform takes it once); True when the platform took it (2xx)."""
        message_id = signing.new_message_id()
        body = signing.encode({"id": message_id, "event": event, "data": data})
        status = 0
        for attempt in range(POST_ATTEMPTS):
            partner = await Partner.get_or_none(code=code)
            if partner is None or not partner.keys:
                break
            # the platform's inbound endpoint for this partner, signed with its keys (outbound.post)
            to = Partner(code=code, keys=partner.keys, base_url=f"{self.platform_url.rstrip('/')}/exchange/{code}")
            try:
                answer = await outbound.post(to, body, message_id=message_id, timeout=10.0, agent=AGENT)
            except (TimeoutError, httpx.HTTPError) as exc:
                log.warning("simulator %s: %s for %s not delivered (%s)", code, event, data["case_number"],
                            type(exc).__name__)
            else:
                status = answer.status_code
                if status < 500 and status != 429:
                    break
            await asyncio.sleep(2 ** attempt)
        self.answers.append((code, str(data["case_number"]), event, status))
        ok = 200 <= status < 300
        (log.info if ok else log.warning)("simulator %s: %s for %s → HTTP %s", code, event, data["case_number"],
                                          status or "—")
        return ok

    async def drain(self) -> None:
        """Wait for every answer under way (tests)."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    async def stop(self) -> None:
        for t in list(self.tasks):
            t.cancel()
        await asyncio.gather(*list(self.tasks), return_exceptions=True)


def own_number(partner: Partner, case_number: str) -> str:
    """The partner's own number for a case (stable: the same case, the same number)."""
    prefix = {PartnerKind.BANK: "KH", PartnerKind.SEAL_CARVER: "KZ"}.get(PartnerKind(partner.kind), "HH")
    return f"{partner.code.upper()}-{prefix}-{case_number[-8:] or '0'}"


def _digits(seed: str, n: int) -> str:
    rnd = random.Random(seed)
    return "".join(str(rnd.randrange(10)) for _ in range(n))


def decision(partner: Partner, routed: dict[str, Any], own: str) -> tuple[str, dict[str, Any], str]:
    """(result number, result, reason) of an approval, as such a partner would give it."""
    number = str(routed.get("case_number") or "")
    applicant = routed.get("applicant")
    holder = str(applicant.get("name") or "") if isinstance(applicant, dict) else ""
    today = clock.today().isoformat()
    kind = PartnerKind(partner.kind)
    if kind == PartnerKind.BANK:
        account = "6222" + _digits(partner.code + number, 15)
        return account, {"account_number": account, "bank_branch": partner.name, "opened_on": today}, \
            f"{partner.name}已开立基本存款账户"
    if kind == PartnerKind.SEAL_CARVER:
        serial = _digits(partner.code + number, 13)
        records = [{"seal": name, "serial": f"{serial[:-1]}{i}", "carver": partner.name, "filed_on": today}
                   for i, name in enumerate(("单位公章", "财务专用章", "发票专用章", "法定代表人名章"), 1)]
        return f"BA{serial}", {"seal_records": records}, f"{partner.name}已刻制印章并完成备案"
    account = _digits(partner.code + number, 10)
    return account, {"account_number": account, "new_holder": holder, "transferred_on": today}, \
        f"{partner.name}已办理过户"


async def run(*, host: str, port: int, platform_url: str, delay: float) -> None:
    """Serve until stopped (the database already open)."""
    import uvicorn

    sim = Simulator(platform_url=platform_url, delay=delay)
    codes = await Partner.filter(is_active=True).order_by("code").values_list("code", flat=True)
    print(f"合作单位模拟器：http://{host}:{port}/<代码>（{len(codes)} 家：{'、'.join(str(c) for c in codes) or '无'}），"
          f"答复发往 {platform_url}/exchange/<代码>，间隔 {delay:g} 秒", flush=True)
    server = uvicorn.Server(uvicorn.Config(sim.app(), host=host, port=port, log_level="warning", lifespan="off",
                                           access_log=False, server_header=False))
    try:
        await server.serve()
    finally:
        await sim.stop()
