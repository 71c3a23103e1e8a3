"""Idempotency keys with a digest of the request they were first used for (issue 15).

A client sends a key with each submission; the same key returns the same case or bundle, however
often it is sent. A key is also remembered with the SHA-256 of the *normalised* request it came
with (:func:`digest`): the same key with a different request is refused with
``IDEMPOTENCY_KEY_REUSED`` (as payment APIs do) rather than silently answering with the first case,
which would lose the second application without a word.

Normalised: what the case is made of, whatever the order or spelling of the request. Dictionaries
are compared by content (keys sorted), the list of materials as a set, strings without surrounding
spaces; an identity number and a credit code in upper case, as the domain reads them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any, TypeVar

from server.domain.cases import errors
from server.domain.errors import DomainError

R = TypeVar("R")

UNORDERED = frozenset({"materials"})  # lists whose order does not change what is applied for
UPPER = frozenset({"id_number", "enterprise_credit_code"})


def _normal(value: Any, name: str = "") -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _normal(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_normal(v) for v in value]
        if name in UNORDERED:
            items.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False, default=str))
        return items
    if isinstance(value, str):
        value = value.strip()
        return value.upper() if name in UPPER else value
    return value


def digest(kind: str, request: Any) -> str:
    """The SHA-256 (hex) of one kind of request (``application``, ``walk_in``, ``bundle`` …)."""
    text = json.dumps({"kind": kind, "request": _normal(request)}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def replay(row: R, request_digest: str | None) -> R:
    """The row a used key names, when the request is the one it was first used for; refused when
    the request differs. ``request_digest=None``: the caller established the sameness itself."""
    kept = getattr(row, "request_digest", None)
    if request_digest is not None and kept is not None and kept != request_digest:
        raise DomainError(
            errors.IDEMPOTENCY_KEY_REUSED,
            "该幂等键已用于另一份内容不同的申请：重复提交须与首次内容完全一致，新的申请请生成新的幂等键",
            ["idempotencyKey"],
        )
    return row
