"""Text messages to mobile phones: one sender interface, and the development sink behind it.

Domain code hands a message to an :class:`SmsSender` as a template name and its parameters; it
never builds the text itself. Until the notifications issue routes the same interface through the
outbox and a real SMS gateway, :func:`get_sms_sender` returns the log sink, :class:`LogSmsSender`:
it writes one log line per message (the phone masked) and keeps the latest messages in memory,
where the tests read them. In production the sink writes no code into the log and keeps no copy:
a production deployment needs the gateway, which the notifications issue adds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol

from server.domain.accounts.identifiers import mask_phone
from server.settings import Settings

log = logging.getLogger("liaoyi.sms")

SIGN_IN_CODE = "sign_in_code"

# template name -> (what the log line calls it, the text sent)
TEMPLATES: dict[str, tuple[str, str]] = {
    SIGN_IN_CODE: ("短信验证码", "【聊易】您的登录验证码为 {code}，{minutes} 分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。"),
}


class SmsSender(Protocol):
    async def send(
        self, *, phone: str, template: str, params: dict[str, str], message_id: str = ""
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class SmsMessage:
    phone: str
    template: str
    params: dict[str, str]
    text: str
    at: datetime


def _lookup(template: str) -> tuple[str, str]:
    if template in TEMPLATES:
        return TEMPLATES[template]
    from server.domain.notifications.templates import current

    t = current(template)
    return t.label, t.body


def render(template: str, params: dict[str, str]) -> str:
    _label, text = _lookup(template)
    return text.format(**params)


class SmsGatewayError(Exception):
    """The gateway could not take the message; ``transient`` says whether trying again may help."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass
class HttpSmsGateway:
    """An HTTP SMS gateway: POSTs JSON {id, phone, template, params, text} with the key as a bearer
    token. ``id`` (the outbox row) lets the gateway drop a message it already took. 5xx, 429 and
    network errors are transient, other 4xx are not."""

    url: str
    key: str = ""
    timeout: float = 10.0

    async def send(self, *, phone: str, template: str, params: dict[str, str], message_id: str = "") -> None:
        import httpx

        body = {"id": message_id, "phone": phone, "template": template, "params": params,
                "text": render(template, params)}
        headers = {"authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SmsGatewayError(f"短信网关不可达：{type(exc).__name__}", transient=True) from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise SmsGatewayError(f"短信网关暂时失败：HTTP {response.status_code}", transient=True)
        if response.status_code >= 400:
            raise SmsGatewayError(f"短信网关拒绝：HTTP {response.status_code}", transient=False)


@dataclass
class LogSmsSender:
    """The development sink: a log line per message and the latest ``keep`` messages in ``outbox``.

    ``reveal`` False (production) keeps the text out of the log and nothing in memory."""

    reveal: bool = True
    keep: int = 200
    outbox: list[SmsMessage] = field(default_factory=list)

    async def send(self, *, phone: str, template: str, params: dict[str, str], message_id: str = "") -> None:
        label, _text = _lookup(template)
        text = render(template, params)
        if not self.reveal:
            log.warning("%s 发往 %s（未配置短信网关，内容不写入日志）", label, mask_phone(phone))
            return
        log.info("%s 发往 %s：%s", label, mask_phone(phone), text)
        self.outbox.append(SmsMessage(phone, template, dict(params), text, datetime.now(timezone.utc)))
        if len(self.outbox) > self.keep:
            del self.outbox[: len(self.outbox) - self.keep]

    def last_to(self, phone: str, template: str | None = None) -> SmsMessage | None:
        """The latest message kept for ``phone`` (of ``template`` when given)."""
        for message in reversed(self.outbox):
            if message.phone == phone and (template is None or message.template == template):
                return message
        return None


_development_sink = LogSmsSender(reveal=True)
_production_sink = LogSmsSender(reveal=False, keep=0)


def get_sms_sender(settings: Settings) -> LogSmsSender:
    """The log sink of this process (one per process, so what a test sends stays readable)."""
    return _production_sink if settings.production else _development_sink


def sms_sender_for(settings: Settings) -> SmsSender:
    """What delivers SMS: the HTTP gateway when LIAOYI_SMS_GATEWAY_URL is set, else the log sink."""
    if settings.sms_gateway_url:
        return HttpSmsGateway(settings.sms_gateway_url, settings.sms_gateway_key)
    return get_sms_sender(settings)
