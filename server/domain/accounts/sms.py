"""Text messages to mobile phones: one sender interface, and the adapters behind it.

Nothing calls a sender directly: domain code writes an outbox row (the sign-in code included, see
accounts/citizens.py), and the notifications pipeline hands it to :func:`sms_sender_for` when it
delivers the row. A message is a template name and its parameters; the text comes from
notifications/templates.py. The adapters:

- :class:`HttpSmsGateway` when LIAOYI_SMS_GATEWAY_URL is set (production);
- :class:`FileSmsSender` (LIAOYI_SMS_SINK=file, the development default): one JSON line per message
  in LIAOYI_SMS_FILE (default data/sms-outbox.jsonl), and the log line below as well;
- :class:`LogSmsSender` otherwise: one log line per message (the phone masked), the latest messages
  kept in memory where the tests read them. In production it writes no text into the log and keeps
  no copy: a production deployment needs the gateway.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from server import clock
from server.domain.accounts.identifiers import mask_phone
from server.settings import Settings

log = logging.getLogger("liaoyi.sms")

SIGN_IN_CODE = "sign_in_code"


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
    """(what the log line calls it, the text) of the current version of ``template``."""
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
        self.outbox.append(SmsMessage(phone, template, dict(params), text, clock.utcnow()))
        if len(self.outbox) > self.keep:
            del self.outbox[: len(self.outbox) - self.keep]

    def last_to(self, phone: str, template: str | None = None) -> SmsMessage | None:
        """The latest message kept for ``phone`` (of ``template`` when given)."""
        for message in reversed(self.outbox):
            if message.phone == phone and (template is None or message.template == template):
                return message
        return None


@dataclass
class FileSmsSender:
    """The development sink: appends {id, at, phone, template, params, text} as one JSON line to
    ``path`` (the directory is created), then hands the message to ``also`` (the log sink)."""

    path: Path
    also: SmsSender | None = None

    async def send(self, *, phone: str, template: str, params: dict[str, str], message_id: str = "") -> None:
        line = json.dumps({"id": message_id, "at": clock.utcnow().isoformat(), "phone": phone,
                           "template": template, "params": dict(params), "text": render(template, params)},
                          ensure_ascii=False)
        try:
            await asyncio.to_thread(self._append, line)
        except OSError as exc:
            raise SmsGatewayError(f"短信文件写入失败：{exc}", transient=True) from exc
        if self.also is not None:
            await self.also.send(phone=phone, template=template, params=params, message_id=message_id)

    def _append(self, line: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def messages(self) -> list[dict[str, Any]]:
        """Every message in the file, oldest first."""
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]


_file_lock = threading.Lock()
_development_sink = LogSmsSender(reveal=True)
_production_sink = LogSmsSender(reveal=False, keep=0)


def get_sms_sender(settings: Settings) -> LogSmsSender:
    """The log sink of this process (one per process, so what a test sends stays readable)."""
    return _production_sink if settings.production else _development_sink


class NoGateway:
    """Production without a gateway: no message can reach a phone, so none is ever marked
    delivered. Each is refused as a permanent failure (the outbox row goes dead, shown on the
    dead-letter page) with an error in the log. ``Settings.from_env`` refuses to start production
    without a gateway; this covers settings built any other way."""

    async def send(self, *, phone: str, template: str, params: dict[str, Any], message_id: str | None = None) -> None:
        log.error("SMS %s to %s not sent: production has no SMS gateway (LIAOYI_SMS_GATEWAY_URL)",
                  message_id or template, mask_phone(phone))
        raise SmsGatewayError("生产环境未配置短信网关（LIAOYI_SMS_GATEWAY_URL），短信无法送达", transient=False)


def sms_sender_for(settings: Settings) -> SmsSender:
    """What delivers SMS: the HTTP gateway when LIAOYI_SMS_GATEWAY_URL is set, else the file sink
    (LIAOYI_SMS_SINK=file) or the log sink — never in production, where nothing but a gateway can
    deliver (:class:`NoGateway`)."""
    if settings.sms_gateway_url:
        return HttpSmsGateway(settings.sms_gateway_url, settings.sms_gateway_key)
    if settings.production:
        return NoGateway()
    if settings.sms_sink == "file":
        return FileSmsSender(Path(settings.sms_file), also=get_sms_sender(settings))
    return get_sms_sender(settings)
