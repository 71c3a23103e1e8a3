"""The one way a case changes (DESIGN.md rule 5): every write to a case goes through
:func:`transition` (or :func:`create`, the transition from "no case yet").

Each checks the move against the lifecycle table in :mod:`server.domain.cases.states` — the case's
status × the action → the new status, and which parties may take it — then writes the new state
with a conditional ``UPDATE … WHERE row_version = ?``, the timeline event (who, when, from, to,
why) and the outbox rows of its notifications in one transaction, and hands the outbox rows on
after commit. When two people act on one case at once, exactly one update matches: the other gets
CONFLICT and nothing of theirs is written. Several moves can share one transaction (an instant
approval: accepted → approved → e-licence → completed) by passing the same ``Unit``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar, cast

from tortoise.transactions import in_transaction

from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, daily, errors
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.scope import case_scope
from server.domain.cases.states import (
    ACTIONS,
    FINAL,
    PARTY_LABELS,
    SETTLED,
    WHO_MAY,
    Action,
    Move,
    Party,
    Status,
    label,
    move,
)
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

T = TypeVar("T")

MAX_REASON = 1000
MAX_STAFF_NOTIFIED = 20

ROLE_PARTIES = {
    Role.WINDOW_CLERK: Party.CLERK,
    Role.DEPT_REVIEWER: Party.REVIEWER,
    Role.HALL_SUPERVISOR: Party.SUPERVISOR,
    Role.ASSISTANCE_AGENT: Party.AGENT,
    Role.CITY_ADMIN: Party.ADMIN,
}


@dataclass(slots=True)
class Acting:
    """Who acts, as the timeline records it: an agent under a mandate records the principal too."""

    actor: Actor
    mandate_id: int | None = None
    on_behalf_citizen_id: int | None = None
    system: bool = False

    @property
    def parties(self) -> frozenset[Party]:
        return parties_of(self.actor, system=self.system)

    def event_fields(self) -> dict[str, Any]:
        a = self.actor
        if self.system:
            kind, ident, name = "system", None, "系统"
        elif a.is_staff:
            kind, ident, name = "staff", a.user_id, a.display_name or a.username
        elif a.is_citizen:
            kind, ident, name = "citizen", a.citizen_id, a.display_name or "申请人"
        elif a.is_partner:
            kind, ident, name = "partner", a.api_key_id if a.api_key_id is not None else a.exchange_partner_id, a.display_name
        else:
            kind, ident, name = "system", None, "系统"
        return {
            "actor_kind": kind, "actor_id": ident, "actor_name": name[:64], "mandate_id": self.mandate_id,
            "on_behalf_citizen_id": self.on_behalf_citizen_id,
        }


SYSTEM = Acting(Actor(), system=True)


def parties_of(actor: Actor, *, system: bool = False) -> frozenset[Party]:
    """The lifecycle parties an actor counts as."""
    if system:
        return frozenset({Party.SYSTEM})
    if actor.is_citizen:
        return frozenset({Party.APPLICANT})
    if actor.is_partner:
        return frozenset({Party.PARTNER})
    return frozenset(ROLE_PARTIES[r] for r in actor.roles if r in ROLE_PARTIES)


def applicant_recipient(case: Case) -> int | None:
    """The person told about a case: who applied (for themself, or for their enterprise)."""
    return case.contact_citizen_id or case.applicant_citizen_id


@dataclass(slots=True)
class Outgoing:
    """Notifications a transition writes, in its transaction."""

    conn: Any
    case: Case
    ids: list[int] = field(default_factory=list)
    unit: Unit | None = None  # the transaction, for further moves inside a side effect

    def params(self, **extra: Any) -> dict[str, Any]:
        return {"item": self.case.item_name, "case_no": self.case.number or str(self.case.id), **extra}

    async def applicant(self, event: str, *, sms: bool = True, **extra: Any) -> None:
        c = self.case
        if c.bundle_id is not None and event not in _bundle_flow().SUB_CASE_EVENTS:
            return  # a bundle's sub-case: the bundle speaks for it (bundle_flow), unless it needs the applicant
        params = self.params(**extra)
        citizen_id = applicant_recipient(c)
        if citizen_id is not None:
            row = await notify.enqueue(
                self.conn, event=event, channel=Channel.INBOX,
                recipient=notify.Recipient(citizen_id=citizen_id), params=params, case_id=c.id,
            )
            self.ids.append(row.id)
        if sms and (c.contact_phone or citizen_id):
            row = await notify.enqueue(
                self.conn, event=event, channel=Channel.SMS,
                recipient=notify.Recipient(citizen_id=citizen_id, phone=c.contact_phone or None),
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


@dataclass(slots=True)
class Unit:
    """One transaction shared by several moves; the outbox rows are handed on after it commits."""

    conn: Any
    ids: list[int] = field(default_factory=list)
    exchange_ids: list[int] = field(default_factory=list)  # outbound exchange messages (server.domain.exchange)
    counted: daily.Deltas = field(default_factory=dict)  # what its moves changed in the daily statistics

    def count(self, before: daily.Deltas, after: daily.Deltas) -> None:
        daily.merge(self.counted, daily.difference(before, after))

    def out(self, case: Case) -> Outgoing:
        return Outgoing(self.conn, case, self.ids, self)


@asynccontextmanager
async def unit(settings: Settings | None) -> AsyncIterator[Unit]:
    """``async with flow.unit(settings) as u:`` — moves passed ``within=u`` commit together."""
    async with in_transaction() as conn:
        u = Unit(conn)
        yield u
        await daily.apply(conn, u.counted)  # the statistics of its moves, in the same transaction
    if settings is not None and u.ids:
        await notify.after_commit(settings, u.ids)
    if u.exchange_ids:
        from server.domain.exchange import routing

        await routing.after_commit(settings, u.exchange_ids)


async def staff_with_role(role: Role, *, department_code: str | None = None, hall_code: str | None = None) -> list[int]:
    """Active staff holding ``role`` in a department or a hall (whom to tell about a case)."""
    qs = StaffUser.filter(is_active=True, role_tags__contains=f"|{role.value}|")
    if department_code is not None:
        qs = qs.filter(department_id=department_code)
    if hall_code is not None:
        qs = qs.filter(hall_id=hall_code)
    # tortoise types values_list(flat=True) as tuples; it yields the column's values
    return cast(list[int], list(await qs.order_by("id").limit(MAX_STAFF_NOTIFIED).values_list("id", flat=True)))


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


# ---------------------------------------------------------------- the table's checks


def may(who: Actor | Acting, action: Action) -> None:
    """NOT_ALLOWED unless the caller is one of the parties the table lets take ``action`` (from
    any state); the state itself is checked by :func:`check` once the case is loaded."""
    acting = who if isinstance(who, Acting) else Acting(who)
    allowed = WHO_MAY[action]
    if acting.parties.isdisjoint(allowed):
        raise DomainError(errors.NOT_ALLOWED, f"无权{ACTIONS[action]}（{'、'.join(PARTY_LABELS[p] for p in sorted(allowed))}可以）")


def check(case: Case | Status | str | None, action: Action, acting: Acting | Actor | None = None,
          to: Status | None = None) -> Move:
    """The table's row for ``action`` from the case's status: INVALID_STATE (naming the state)
    when there is none, NOT_ALLOWED when ``acting`` may not take it, INVALID when ``to`` is not
    one of its destinations."""
    status = case.status if isinstance(case, Case) else case
    row = move(status, action)
    if row is None:
        raise DomainError(errors.INVALID_STATE, f"办件当前状态为“{label(status)}”，不能{ACTIONS[action]}", ["caseId"])
    if acting is not None:
        a = acting if isinstance(acting, Acting) else Acting(acting)
        if a.parties.isdisjoint(row.who):
            raise DomainError(errors.NOT_ALLOWED, f"无权{ACTIONS[action]}")
    if to is not None and to not in row.to:
        raise AssertionError(f"{action} from {status} cannot lead to {to}")  # a bug, not a user error
    return row


Side = Callable[[Any, Outgoing], Awaitable[None]]


async def _event(conn: Any, case: Case, *, acting: Acting, action: Action, from_status: str | None, reason: str,
                 data: dict[str, Any] | None) -> None:
    await CaseEvent.create(
        case_id=case.id, at=clock.now(), action=action.value, from_status=from_status, to_status=case.status,
        reason=reason, data=data or {}, using_db=conn, **acting.event_fields(),
    )


async def transition(
    case: Case, *, acting: Acting, action: Action, settings: Settings | None, to: Status | None = None,
    reason: str = "", updates: dict[str, Any] | None = None, data: dict[str, Any] | None = None,
    side: Side | None = None, within: Unit | None = None,
) -> Case:
    """Take ``action`` on ``case``: state, event and notifications in one transaction, or an error
    (INVALID_STATE, NOT_ALLOWED, CONFLICT) and nothing written. ``to`` picks one of the row's
    destinations where it has several; ``within`` joins a transaction opened by :func:`unit`."""
    row = check(case, action, acting, to)
    if case.bundle_id is not None:
        _bundle_flow().guard(case, action)  # the window works a bundle as one
    dest = to or row.to[0]
    if within is None:
        return await run_unit(
            settings, lambda u: _apply(case, row, dest, u, acting, action, reason, updates, data, side, settings),
            on_retry=keep(case),
        )
    return await _apply(case, row, dest, within, acting, action, reason, updates, data, side, settings)


class NeedsPull(Exception):
    """Raised inside a :func:`run_unit` when a bundle's item opens (a later stage) and a base it needs
    is read from a partner: no HTTP call is made inside the transaction. The unit rolls back, the
    bases are read outside any transaction, and the unit runs again with their answers."""

    def __init__(self, bundle: Any, keys: Sequence[str]) -> None:
        super().__init__(f"bundle {bundle.number}: {', '.join(keys)}")
        self.bundle, self.keys = bundle, list(keys)  # the bundle as the rolled-back round had it


def keep(*rows: Any) -> Callable[[], None]:
    """A way back to the rows as they are now (their attributes), for a :func:`run_unit` that runs its
    body again after a rollback: the moves of the first round changed them in memory."""
    saved = [(r, dict(r.__dict__)) for r in rows]

    def restore() -> None:
        for r, d in saved:
            r.__dict__.clear()
            r.__dict__.update(d)

    return restore


MAX_PULL_ROUNDS = 8  # a later stage's instant item may open one more stage per round (at most 6 stages)


async def run_unit(settings: Settings | None, body: Callable[[Unit], Awaitable[T]], *,
                   on_retry: Callable[[], None] | None = None) -> T:
    """``body`` in one transaction (:func:`unit`); the later-stage items it opens read remote bases
    before the transaction, never inside it (:class:`NeedsPull`): each round rolls back, reads what
    was missing, and runs ``body`` again, with everything read so far. Local bases are read inside
    the transaction as before (no network)."""
    bf = _bundle_flow()
    with bf.prefetching() as cache:
        for _ in range(MAX_PULL_ROUNDS):
            try:
                async with unit(settings) as u:
                    return await body(u)
            except NeedsPull as need:
                await cache.fill(need.bundle, need.keys, settings)
                if on_retry is not None:
                    on_retry()
        cache.strict = False  # a runaway chain: the last round may read inside, bounded by the partner timeout
        async with unit(settings) as u:
            return await body(u)


def _bundle_flow() -> Any:
    from server.domain.cases import bundle_flow  # it creates and moves cases through this module

    return bundle_flow


async def _apply(case: Case, row: Move, dest: Status, u: Unit, acting: Acting, action: Action, reason: str,
                 updates: dict[str, Any] | None, data: dict[str, Any] | None, side: Side | None,
                 settings: Settings | None = None) -> Case:
    updates = dict(updates or {})
    updates.pop("status", None)
    # a sub-case decided (or completed) may open its bundle's next stage or finish the bundle: the
    # bundle row is locked first (every writer of a bundle's sub-cases takes the bundle before the
    # case, so none deadlock)
    before = Status(case.status)
    ends_sub = case.bundle_id is not None and (
        (dest in SETTLED and before not in SETTLED) or (dest in FINAL and before not in FINAL))
    if ends_sub:
        await _bundle_flow().lock(u.conn, case.bundle_id)
    counted_before = await _counted_before(u.conn, case, dest, updates)
    new_version = case.row_version + 1
    changed = await Case.filter(id=case.id, row_version=case.row_version).using_db(u.conn).update(
        status=dest.value, row_version=new_version, updated_at=clock.now(), **updates
    )
    if changed != 1:
        raise DomainError(errors.CONFLICT, "办件刚被他人处理，请刷新后重试", ["caseId"])
    from_status = case.status
    for key, value in updates.items():
        setattr(case, key, value)
    case.status, case.row_version = dest.value, new_version
    if counted_before is not None:
        counted, old = counted_before
        u.count(counted, daily.contribution({**old, **{k: v for k, v in updates.items() if k in daily.COUNTED},
                                             "status": dest.value}))
    await _event(u.conn, case, acting=acting, action=action, from_status=from_status, reason=reason, data=data)
    if side is not None:
        await side(u.conn, u.out(case))
    if action in ROUTED_AT:
        await _forward(u, case)
    if ends_sub:
        await _bundle_flow().sub_case_ended(u, case, settings=settings, action=action, reason=reason)
    return case


async def _counted_before(conn: Any, case: Case, dest: Status, updates: dict[str, Any]
                          ) -> tuple[daily.Deltas, dict[str, Any]] | None:
    """What the case counts in the daily statistics before this move, read from its row (callers
    set columns on the instance before they move it: the instance is not the row), or None when the
    move cannot change it. A row of another version is a CONFLICT, as the conditional update would say."""
    crosses = any((case.status in kind) != (dest.value in kind) for kind in (daily.CONCLUDED, daily.OPEN))
    if not crosses and daily.COUNTED.isdisjoint(updates):
        return None
    rows = await Case.filter(id=case.id).using_db(conn).values("row_version", *sorted(daily.COUNTED))
    if not rows or rows[0]["row_version"] != case.row_version:
        raise DomainError(errors.CONFLICT, "办件刚被他人处理，请刷新后重试", ["caseId"])
    return daily.contribution(rows[0]), rows[0]


ROUTED_AT = frozenset({Action.ACCEPTED, Action.ACCEPTED_MISSING, Action.OPENED})
"""The moves that accept a case: a case a partner takes is forwarded to it in the same transaction."""


async def _forward(u: Unit, case: Case) -> None:
    from server.domain.exchange import routing  # it moves cases through this module

    await routing.forward(u, case)


async def create(
    *, acting: Acting, action: Action, columns: dict[str, Any], settings: Settings | None, reason: str = "",
    data: dict[str, Any] | None = None, side: Side | None = None, within: Unit | None = None,
) -> Case:
    """The move from "no case yet": a draft, a submission or a walk-in creates the case row with
    the status the table gives, and its first timeline event, in one transaction."""
    row = check(None, action, acting)
    columns = {k: v for k, v in columns.items() if k not in ("status", "row_version")}

    async def go(u: Unit) -> Case:
        case = await Case.create(status=row.to[0].value, using_db=u.conn, **columns)
        u.count({}, daily.contribution(case))
        await _event(u.conn, case, acting=acting, action=action, from_status=None, reason=reason, data=data)
        if side is not None:
            await side(u.conn, u.out(case))
        if action in ROUTED_AT:
            await _forward(u, case)
        return case

    if within is None:
        async with unit(settings) as u:
            return await go(u)
    return await go(within)


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""
