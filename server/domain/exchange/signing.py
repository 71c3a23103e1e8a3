"""Signing and verifying exchange messages the Standard Webhooks way (the ``standardwebhooks``
package): headers ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` — ``v1,<base64
HMAC-SHA256 of "id.timestamp.body">`` — with one signature per valid key during a rotation, and a
timestamp outside ±5 minutes refused. Secrets are ``whsec_`` + base64 of 32 random bytes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from server import clock
from server.domain.accounts.identifiers import mask_id_number, mask_name, mask_phone

TOLERANCE_SECONDS = 5 * 60  # the package's own tolerance; stated here for the error messages


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def encode(payload: Mapping[str, Any]) -> bytes:
    """The exact bytes sent and signed (compact JSON, UTF-8)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def sign(body: bytes, *, message_id: str, secrets_in_use: Sequence[str], at: datetime | None = None) -> dict[str, str]:
    """The three headers, one ``v1,`` signature per key (the newest first)."""
    when = at or clock.utcnow()
    sigs = " ".join(Webhook(s).sign(message_id, when, body) for s in secrets_in_use)
    return {"webhook-id": message_id, "webhook-timestamp": str(int(when.timestamp())), "webhook-signature": sigs}


@dataclass(frozen=True, slots=True)
class Verified:
    ok: bool
    reason: str  # ok | missing_headers | stale | bad_signature
    message: str  # Chinese, for the refusal and the log


def verify(body: bytes, headers: Mapping[str, str], *, secrets_in_use: Sequence[str]) -> Verified:
    """Whether one of ``secrets_in_use`` signed ``body`` with these headers, within the tolerance."""
    h = {k.lower(): v for k, v in headers.items()}
    if not (h.get("webhook-id") and h.get("webhook-timestamp") and h.get("webhook-signature")):
        return Verified(False, "missing_headers", "缺少签名头（webhook-id、webhook-timestamp、webhook-signature）")
    try:
        sent = int(h["webhook-timestamp"])
    except ValueError:
        return Verified(False, "stale", "签名时间戳格式错误")
    if abs(clock.utcnow().timestamp() - sent) > TOLERANCE_SECONDS:
        return Verified(False, "stale", f"签名时间戳超出 ±{TOLERANCE_SECONDS // 60} 分钟，消息已过期或时钟不同步")
    # the timestamp was checked above against the one clock (server.clock), not the host's: the library's
    # own verify() reads the host's clock, so a frozen or simulated clock would refuse every message;
    # the signature is the library's HMAC over "id.timestamp.body", compared in constant time
    passed = [s.encode() for s in h["webhook-signature"].split(" ")]
    when = datetime.fromtimestamp(sent, UTC)
    for secret in secrets_in_use:
        try:
            expected = Webhook(secret).sign(h["webhook-id"], when, body).encode()
        except WebhookVerificationError:  # a malformed secret
            continue
        if any(hmac.compare_digest(expected, sig) for sig in passed):
            return Verified(True, "ok", "签名有效")
    return Verified(False, "bad_signature", "签名无效")


# ---------------------------------------------------------------- what the log keeps

PERSONAL = {"name": mask_name, "applicant_name": mask_name, "holder_name": mask_name, "new_holder": mask_name, "id_number": mask_id_number,
            "idNumber": mask_id_number, "phone": mask_phone, "contact_phone": mask_phone, "contactPhone": mask_phone}
DROPPED = ("address", "account_holder_id")


def masked(value: Any) -> Any:
    """A body as the log keeps it: personal values masked wherever they sit, the rest as sent."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k in PERSONAL and isinstance(v, str):
                out[k] = PERSONAL[k](v) or ""
            elif k in DROPPED:
                out[k] = "***"
            else:
                out[k] = masked(v)
        return out
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value
