"""The SMS adapters chosen by settings, and the file sink (JSON lines) the sign-in code reaches through
the outbox (urgent: past quiet hours; its code scrubbed from the row once delivered)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from server.domain.accounts import citizens
from server.domain.accounts.ratelimit import SlidingWindowLimiter
from server.domain.accounts.sms import (
    SIGN_IN_CODE,
    FileSmsSender,
    HttpSmsGateway,
    LogSmsSender,
    get_sms_sender,
    sms_sender_for,
)
from server.domain.notifications.models import Outbox
from server.settings import ROOT, Settings
from tests import factories as f


def test_settings_choose_the_adapter(tmp_path: Path) -> None:
    base = Settings(env="test", secret_key="s" * 40)
    assert isinstance(sms_sender_for(base), LogSmsSender)
    file_sink = sms_sender_for(dataclasses.replace(base, sms_sink="file", sms_file=tmp_path / "sms.jsonl"))
    assert isinstance(file_sink, FileSmsSender) and file_sink.path == tmp_path / "sms.jsonl"
    assert file_sink.also is get_sms_sender(base)  # and the log line, as before
    gateway = sms_sender_for(dataclasses.replace(base, sms_sink="file", sms_gateway_url="http://127.0.0.1:9/sms"))
    assert isinstance(gateway, HttpSmsGateway)  # a configured gateway wins


def test_development_defaults_to_the_file_sink_under_data(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LIAOYI_SMS_SINK", "LIAOYI_SMS_FILE", "LIAOYI_ENV"):
        monkeypatch.delenv(name, raising=False)
    dev = Settings.from_env()
    assert dev.sms_sink == "file" and dev.sms_file == ROOT / "data" / "sms-outbox.jsonl"
    monkeypatch.setenv("LIAOYI_ENV", "test")
    assert Settings.from_env().sms_sink == "log"
    monkeypatch.setenv("LIAOYI_SMS_SINK", "file")
    monkeypatch.setenv("LIAOYI_SMS_FILE", "/tmp/x/sms.jsonl")
    chosen = Settings.from_env()
    assert chosen.sms_sink == "file" and chosen.sms_file == Path("/tmp/x/sms.jsonl")
    monkeypatch.setenv("LIAOYI_SMS_SINK", "carrier-pigeon")
    with pytest.raises(SystemExit, match="LIAOYI_SMS_SINK"):
        Settings.from_env()


async def test_the_file_sink_appends_one_json_line_per_message(tmp_path: Path) -> None:
    log_sink = LogSmsSender()
    sink = FileSmsSender(tmp_path / "nested" / "sms.jsonl", also=log_sink)
    await sink.send(phone="13800138000", template="supply_reminder", message_id="notify:7",
                    params={"item": "测试事项", "case_no": "N1", "supply_by": "2026-12-01"})
    await sink.send(phone="13800138001", template=SIGN_IN_CODE, params={"code": "123456", "minutes": "5"})
    lines = (tmp_path / "nested" / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["id"] == "notify:7" and first["phone"] == "13800138000" and first["template"] == "supply_reminder"
    assert "需在 2026-12-01 前补充材料" in first["text"] and "测试事项" in lines[0]  # readable UTF-8
    assert second["params"] == {"code": "123456", "minutes": "5"} and "123456" in second["text"]
    assert sink.messages() == [first, second]
    assert log_sink.last_to("13800138001", SIGN_IN_CODE) is not None


async def test_a_sign_in_code_goes_through_the_outbox_to_the_file_sink(settings: Settings, tmp_path: Path) -> None:
    s = dataclasses.replace(settings, sms_sink="file", sms_file=tmp_path / "sms.jsonl", quiet_hours="0-24")
    phone = f.phone()
    await citizens.request_code(phone=phone, client="10.9.8.7", secret=s.secret_key, settings=s,
                                limiter=SlidingWindowLimiter(limit=100, window=60))
    [message] = [m for m in FileSmsSender(s.sms_file).messages() if m["phone"] == phone]
    assert message["template"] == SIGN_IN_CODE and message["id"].startswith("notify:")
    code = message["params"]["code"]
    assert len(code) == 6 and code in message["text"]
    # urgent: delivered in quiet hours; the code is scrubbed from the row once delivered
    row = await Outbox.get(id=int(message["id"].split(":")[1]))
    assert row.urgent and row.status == "delivered" and row.params["code"] == "***"
    signed_in = await citizens.sign_in(phone=phone, code=code, client="10.9.8.7", secret=s.secret_key,
                                       lifetimes=s.token_lifetimes)
    assert signed_in.citizen.phone == phone and signed_in.first_sign_in
