"""The one way a case changes state (DESIGN.md rule 5).

:func:`transition` writes the new state with a conditional ``UPDATE … WHERE row_version = ?``, the
timeline event (who, when, from, to, why) and the outbox rows of its notifications in one
transaction, then hands the outbox rows on after commit. When two people act on one case at once,
exactly one update matches: the other gets CONFLICT and nothing of theirs is written.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise.transactions import in_transaction

from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.scope import case_scope
from server.domain.cases.states import LABELS, Status
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

MAX_REASON = 1000
MAX_STAFF_NOTIFIED = 20


@dataclass(slots=True)
class Acting:
    """Who acts, as the timeline records it: an agent under a mandate records the principal too."""

    actor: Actor
    mandate_id: int | None = None
    on_behalf_citizen_id: int | None = None
    system: bool = False

    def event_fields(self) -> dict[str, Any]:
        a = self.actor
        if self.system:
            kind, ident, name = "system", None, "系统"
        elif a.is_staff:
            kind, ident, name = "staff", a.user_id, a.display_name or a.username
        elif a.is_citizen:
            kind, ident, name = "citizen", a.citizen_id, a.display_name or "申请人"
        elif a.is_partner:
            kind, ident, name = "partner", a.api_key_id, a.display_name
        else:
            kind, ident, name = "system", None, "系统"
        return {
            "actor_kind": kind, "actor_id": ident, "actor_name": name[:64], "mandate_id": self.mandate_id,
            "on_behalf_citizen_id": self.on_behalf_citizen_id,
        }


@dataclass(slots=True)
class Outgoing:
    """Notifications a transition writes, in its transaction."""

    conn: Any
    case: Case
    ids: list[int] = field(default_factory=list)

    def params(self, **extra: Any) -> dict[str, Any]:
        return {"item": self.case.item_name, "case_no": self.case.number or "", **extra}

    async def applicant(self, event: str, *, sms: bool = True, **extra: Any) -> None:
        c = self.case
        params = self.params(**extra)
        if c.contact_citizen_id is not None:
            row = await notify.enqueue(
                self.conn, event=event, channel=Channel.INBOX,
                recipient=notify.Recipient(citizen_id=c.contact_citizen_id), params=params, case_id=c.id,
            )
            self.ids.append(row.id)
        if sms and (c.contact_phone or c.contact_citizen_id):
            row = await notify.enqueue(
                self.conn, event=event, channel=Channel.SMS,
                recipient=notify.Recipient(citizen_id=c.contact_citizen_id, phone=c.contact_phone or None),
                params=params, case_id=c.id,
            )
            self.ids.append(row.id)

    async def staff(self, event: str, staff_ids: Iterable[int], **extra: Any) -> None:
        for sid in list(dict.fromkeys(staff_ids))[:MAX_STAFF_NOTIFIED]:
            row = await notify.enqueue(
                self.conn, event=event, channel=Channel.INBOX, recipient=notify.Recipient(staff_id=sid),
                params=self.params(**extra), case_id=self.case.id,
            )
            self.ids.append(row.id)


async def staff_with_role(role: Role, *, department_code: str | None = None, hall_code: str | None = None) -> list[int]:
    """Active staff holding ``role`` in a department or a hall (whom to tell about a case)."""
    qs = StaffUser.filter(is_active=True, role_tags__contains=f"|{role.value}|")
    if department_code is not None:
        qs = qs.filter(department_id=department_code)
    if hall_code is not None:
        qs = qs.filter(hall_id=hall_code)
    return list(await qs.order_by("id").limit(MAX_STAFF_NOTIFIED).values_list("id", flat=True))


def reason_text(reason: str | None, *, required: bool, what: str = "理由", field_name: str = "reason") -> str:
    text = (reason or "").strip()
    if required and len(text) < 2:
        raise DomainError(errors.INVALID, f"请填写{what}", [field_name])
    if len(text) > MAX_REASON:
        raise DomainError(errors.INVALID, f"{what}不能超过 {MAX_REASON} 个字", [field_name])
    return text


async def visible_case(actor: Actor, case_id: int) -> Case:
    """The case if the caller may see it; NOT_FOUND otherwise (never says which)."""
    case = await Case.filter(await case_scope(actor), id=case_id).first()
    if case is None:
        raise DomainError(errors.NOT_FOUND, "办件不存在或无权查看", ["caseId"])
    return case


def require_status(case: Case, allowed: Iterable[Status], what: str) -> None:
    allowed = frozenset(allowed)
    if case.status not in allowed:
        raise DomainError(
            errors.INVALID_STATE, f"办件当前状态为“{LABELS[Status(case.status)]}”，不能{what}", ["caseId"]
        )


def require_role(actor: Actor, roles: Iterable[Role], what: str) -> None:
    if not (actor.is_staff and actor.has_any(frozenset(roles))):
        raise DomainError(errors.NOT_ALLOWED, f"无权{what}")


Side = Callable[[Any, Outgoing], Awaitable[None]]


async def transition(
    case: Case, *, acting: Acting, action: str, to: Status, settings: Settings | None, reason: str = "",
    updates: dict[str, Any] | None = None, data: dict[str, Any] | None = None, side: Side | None = None,
) -> Case:
    """Move ``case`` to ``to``: state, event and notifications in one transaction, or CONFLICT."""
    updates = dict(updates or {})
    new_version = case.row_version + 1
    async with in_transaction() as conn:
        changed = await Case.filter(id=case.id, row_version=case.row_version).using_db(conn).update(
            status=to.value, row_version=new_version, updated_at=clock.now(), **updates
        )
        if changed != 1:
            raise DomainError(errors.CONFLICT, "办件刚被他人处理，请刷新后重试", ["caseId"])
        from_status = case.status
        for key, value in updates.items():
            setattr(case, key, value)
        case.status, case.row_version = to.value, new_version
        await CaseEvent.create(
            case_id=case.id, at=clock.now(), action=action, from_status=from_status, to_status=to.value,
            reason=reason, data=data or {}, using_db=conn, **acting.event_fields(),
        )
        out = Outgoing(conn, case)
        if side is not None:
            await side(conn, out)
    if settings is not None and out.ids:
        await notify.after_commit(settings, out.ids)
    return case


async def record(case: Case, *, conn: Any, acting: Acting, action: str, reason: str = "", data: dict[str, Any] | None = None) -> None:
    """An extra timeline entry inside a transition's transaction (the state does not change)."""
    await CaseEvent.create(
        case_id=case.id, at=clock.now(), action=action, from_status=case.status, to_status=case.status,
        reason=reason, data=data or {}, using_db=conn, **acting.event_fields(),
    )


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""
