"""Where a base database is read: one interface (:class:`Source`) with a local implementation per
base (the tables the seeds fill, and the ELicence table) and a remote one that asks a partner over
the signed exchange (a ``data.query`` message, answered synchronously). Which one each base uses is
configuration (``LIAOYI_SHARED_DATA_REMOTE``); local by default.

Sources are read only by :func:`server.domain.shareddata.service.pull`, which logs every read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

import httpx
from tortoise.expressions import Q

from server import clock
from server.domain.accounts.identifiers import mask_id_number, mask_name
from server.domain.exchange import outbound, signing
from server.domain.exchange.models import Direction, ExchangeMessage, MessageStatus, Partner
from server.domain.shareddata.models import CreditRecord, LegalPersonRecord, PopulationRecord
from server.domain.shareddata.rules import BASE_LABELS, CREDIT_KINDS, FIELDS, Base
from server.settings import Settings

EVENT = "data.query"
MAX_REMOTE_SECONDS = 10.0  # an applicant is waiting: a remote base answers within this, or not at all


@dataclass(frozen=True, slots=True)
class Subject:
    """Whose data: a person (by ID number) or an entity (by unified social credit code), with the
    platform's own ids when known (the e-licence table is keyed by them; the log by them too)."""

    kind: str  # person | enterprise
    code: str
    name: str = ""
    citizen_id: int | None = None
    enterprise_id: int | None = None

    @property
    def label(self) -> str:
        """As the log keeps it: a person masked (张*（3715**********1234）), an entity by name and code."""
        if self.kind == "person":
            return f"{mask_name(self.name) or '（姓名未知）'}（{mask_id_number(self.code) or ''}）"
        return f"{self.name or '（名称未知）'}（{self.code}）"


@dataclass(frozen=True, slots=True)
class Record:
    """What a base answered: the fields asked for that it holds (JSON values: dates as ISO text)."""

    base: Base
    values: dict[str, Any]


class SourceUnavailable(Exception):
    """The base could not answer (a remote base down, slow or answering nonsense); ``message`` is
    Chinese, for the applicant and the log."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Source(Protocol):
    """One base database, read for one subject. ``fields`` are the fields wanted (for e-licences,
    the licence kinds): a source answers those it holds and nothing else (最小必要)."""

    base: Base
    mode: str  # local | remote
    partner_code: str | None

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None: ...


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _pick(row: Any, base: Base, fields: Sequence[str]) -> dict[str, Any]:
    known = FIELDS[base]
    return {f: _json(getattr(row, f)) for f in fields if f in known}


# ---------------------------------------------------------------- local: the tables the seeds fill


class LocalPopulation:
    base = Base.POPULATION
    mode = "local"
    partner_code = None

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None:
        if subject.kind != "person" or not subject.code:
            return None
        row = await PopulationRecord.get_or_none(id_number=subject.code)
        return Record(self.base, _pick(row, self.base, fields)) if row else None


class LocalLegalPerson:
    base = Base.LEGAL_PERSON
    mode = "local"
    partner_code = None

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None:
        if subject.kind != "enterprise" or not subject.code:
            return None
        row = await LegalPersonRecord.get_or_none(credit_code=subject.code)
        return Record(self.base, _pick(row, self.base, fields)) if row else None


class LocalCredit:
    """The subject's entries in force today (a dishonesty list, an honour); None when there are none."""

    base = Base.CREDIT
    mode = "local"
    partner_code = None

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None:
        if not subject.code:
            return None
        today = clock.today()
        rows = await CreditRecord.filter(
            Q(Q(valid_until=None), Q(valid_until__gte=today), join_type="OR"),
            subject_kind=subject.kind, subject_code=subject.code, valid_from__lte=today,
        ).order_by("valid_from", "id")
        if not rows:
            return None
        return Record(self.base, {"entries": [
            {"kind": r.kind, "kind_label": CREDIT_KINDS.get(r.kind, r.kind), "detail": r.detail,
             "authority": r.authority, "valid_from": r.valid_from.isoformat(),
             "valid_until": r.valid_until.isoformat() if r.valid_until else None}
            for r in rows
        ]})


class LocalELicence:
    """The holder's valid e-licences of the kinds asked (the latest of each kind)."""

    base = Base.ELICENCE
    mode = "local"
    partner_code = None

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None:
        from server.domain.cases.models import ELicence

        holder = ({"holder_citizen_id": subject.citizen_id} if subject.kind == "person"
                  else {"holder_enterprise_id": subject.enterprise_id})
        if next(iter(holder.values())) is None or not fields:
            return None
        today = clock.today()
        rows = await ELicence.filter(Q(Q(valid_to=None), Q(valid_to__gte=today), join_type="OR"), revoked_at=None,
                                     kind__in=list(fields), **holder).order_by("issued_at", "id")
        if not rows:
            return None
        return Record(self.base, {e.kind: {"id": e.id, "number": e.number, "kind": e.kind,
                                           "valid_to": e.valid_to.isoformat() if e.valid_to else None,
                                           "department_code": e.department_code} for e in rows})


LOCAL: dict[Base, type] = {
    Base.POPULATION: LocalPopulation, Base.LEGAL_PERSON: LocalLegalPerson, Base.CREDIT: LocalCredit,
    Base.ELICENCE: LocalELicence,
}


# ---------------------------------------------------------------- remote: a partner over the signed exchange


class RemoteSource:
    """A base another platform keeps (the provincial data-sharing platform, 省级数据共享交换平台):
    a signed ``data.query`` POST to the partner's address, answered in the same request with
    ``{"found": bool, "record": {field: value}}``. The message is kept in the exchange log (the
    subject masked, the answer reduced to what was found); a partner that does not answer in time,
    answers an error or nonsense raises :class:`SourceUnavailable` with a Chinese message."""

    mode = "remote"

    def __init__(self, base: Base, partner_code: str, *, client: httpx.AsyncClient | None = None) -> None:
        self.base = base
        self.partner_code: str | None = partner_code
        self.client = client

    def _down(self, partner: Partner | None, why: str) -> SourceUnavailable:
        who = partner.name if partner else self.partner_code
        return SourceUnavailable(f"{BASE_LABELS[self.base]}暂时无法访问（{who}：{why}）")

    async def lookup(self, subject: Subject, *, fields: Sequence[str], purpose: str) -> Record | None:
        partner = await Partner.get_or_none(code=self.partner_code, is_active=True)
        if partner is None or not partner.keys:
            raise self._down(None, "未配置或已停用")
        message_id = signing.new_message_id()
        data = {"base": self.base.value, "subject": {"kind": subject.kind, "code": subject.code},
                "fields": list(fields), "purpose": purpose}
        body = signing.encode({"id": message_id, "event": EVENT, "partner": partner.code, "data": data})
        kept = {"id": message_id, "event": EVENT, "partner": partner.code,
                "data": {**data, "subject": {"kind": subject.kind, "label": subject.label}}}
        row = await ExchangeMessage.create(
            message_id=message_id, direction=Direction.OUT.value, partner_code=partner.code, event=EVENT,
            region_code=partner.region_code, body=kept, digest=signing.digest(body),
            status=MessageStatus.SENDING.value, attempts=1, claimed_at=clock.now())
        limit = min(partner.timeout_seconds, MAX_REMOTE_SECONDS)
        error, status, answer = "", None, None
        try:
            got = await outbound.post(partner, body, message_id=message_id, timeout=limit, client=self.client,
                                      agent="liaoyi-shareddata/1")
            status = got.status_code
            if not 200 <= got.status_code < 300:
                error = f"HTTP {got.status_code}"
            else:
                try:
                    answer = got.json()
                except ValueError:
                    answer = None
                if not isinstance(answer, dict) or not isinstance(answer.get("found"), bool) or (
                        answer["found"] and not isinstance(answer.get("record"), dict)):
                    error, answer = "答复格式不正确", None
        except (TimeoutError, httpx.TimeoutException):
            error = f"{limit:g} 秒内未答复"
        except httpx.HTTPError as exc:
            error = f"连接失败（{type(exc).__name__}）"
        record = None
        if answer is not None and answer["found"]:
            wanted = set(fields)
            record = Record(self.base, {k: v for k, v in answer["record"].items() if k in wanted})
        await ExchangeMessage.filter(id=row.id).update(
            status=MessageStatus.DEAD.value if error else MessageStatus.DELIVERED.value, claimed_at=None,
            answer_status=status, last_error=error, delivered_at=None if error else clock.now(),
            answer={"found": record is not None, "fields": sorted(record.values) if record else []})
        if error:
            raise self._down(partner, error)
        return record


# ---------------------------------------------------------------- configuration


def remote_bases(settings: Settings | None) -> dict[Base, str]:
    """``LIAOYI_SHARED_DATA_REMOTE``: ``population=<partner code>,credit=<partner code>`` — the bases
    read from a partner; every other base is read locally."""
    out: dict[Base, str] = {}
    raw = settings.shared_data_remote if settings is not None else ""
    for part in (raw or "").split(","):
        if "=" in part:
            name, code = (p.strip() for p in part.split("=", 1))
            if name in {b.value for b in Base} and code:
                out[Base(name)] = code
    return out


def configured(settings: Settings | None, *, client: httpx.AsyncClient | None = None) -> dict[Base, Source]:
    """The source of each base under ``settings`` (local for every base without a remote)."""
    remote = remote_bases(settings)
    return {b: (RemoteSource(b, remote[b], client=client) if b in remote else LOCAL[b]()) for b in Base}
