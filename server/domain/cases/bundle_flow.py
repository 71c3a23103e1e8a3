"""The stages of a themed bundle (主题式“一件事”) moving by themselves, inside the case lifecycle.

A bundle's plan (``CaseBundle.plan``, resolved from the theme at submission) lists its items per
stage, each with the items it waits for (``depends_on``: the theme's own, or else every item of the
stage before). One rule opens items: an item with no sub-case yet opens when every item it waits for
has COMPLETED; an item one of whose prerequisites failed (denied, rejected, withdrawn) or is itself
held, is *held* — shown as such, never silently left hanging — until the applicant applies again
for what failed and that completes.

The rule runs inside the transaction of the sub-case move that ends a sub-case
(:func:`server.domain.cases.flow.transition` calls :func:`lock` before it writes the case and
:func:`sub_case_ended` after). :func:`lock` is an ``UPDATE case_bundle … WHERE id = ?``: on
PostgreSQL a second transaction ending another sub-case of the same bundle waits on that row
until the first commits, and then reads the first's sub-case as ended — so when the last two
sub-cases of a stage end at the same moment, exactly one of the two transactions sees the stage
done, and it moves ``open_stage`` with a conditional ``UPDATE … WHERE open_stage = k`` (SQLite
serialises the transactions anyway). New sub-cases are created through :func:`flow.create` with
:attr:`Action.OPENED`: accepted at once into their departments' queues, without a new visit.

Notifications speak of the bundle (“您的“开办餐饮店一件事”已进入第 2 阶段”); a sub-case's own
messages reach the applicant only where it needs them (:data:`SUB_CASE_EVENTS`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from tortoise.expressions import F

from server.domain.accounts.roles import Role
from server.domain.cases import clock, errors, evidence, flow
from server.domain.cases.models import Case, CaseBundle, CaseMaterial
from server.domain.cases.states import ACTIONS, AWAITING_DELIVERY, BAD_END, GOOD, LABELS, Action, Status
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

SUB_CASE_EVENTS = frozenset({
    "correction_needed", "accepted_missing", "elicence_issued", "supply_reminder", "suspended", "extended", "deadline_moved",
    "result_pickup", "result_posted",
})
"""A sub-case's own messages that still reach the applicant (it needs them: a correction, a 容缺
material, its e-licence, its result, a pause of its clock); the rest are the bundle's to say."""

GENERATED_NOTE = "由一表申请的表单生成（申请书），无需另行提交"

WINDOW_ACTIONS = frozenset({
    Action.ACCEPTED, Action.ACCEPTED_MISSING, Action.CORRECTION_REQUESTED, Action.REJECTION_PROPOSED,
    Action.REJECTION_CONFIRMED, Action.REJECTION_OVERTURNED,
})
"""What the window decides for the bundle as a whole (:mod:`bundles`), never for one of its items."""

RESULT_ACTIONS = frozenset({Action.RESULT_ISSUED, Action.COMPLETED})
"""The results of a bundle are delivered together (one pickup or one parcel): the window issues
and completes them for the bundle (:func:`bundles.issue_results`), never item by item."""

_inside: ContextVar[frozenset[int]] = ContextVar("bundle_moves", default=frozenset())
_quiet: ContextVar[frozenset[int]] = ContextVar("bundle_quiet", default=frozenset())


@contextmanager
def bundle_move(bundle_id: int, *, quiet: bool = False) -> Iterator[None]:
    """A move of the whole bundle (:mod:`bundles`): its window actions reach the sub-cases; with
    ``quiet`` (withdrawing it, a rejection of the whole bundle) the sub-cases it ends do not each
    tell the applicant, the move sends one message for the bundle."""
    inside = _inside.set(_inside.get() | {bundle_id})
    hush = _quiet.set(_quiet.get() | {bundle_id}) if quiet else None
    try:
        yield
    finally:
        if hush is not None:
            _quiet.reset(hush)
        _inside.reset(inside)


def guard(case: Case, action: Action) -> None:
    """The window accepts, corrects and rejects a bundle as one (一窗受理): not item by item."""
    if case.bundle_id in _inside.get():
        return
    if action in WINDOW_ACTIONS:
        raise DomainError(errors.INVALID_STATE, "该办件属于主题办件（一件事），请在主题办件中统一受理、补正或不予受理", ["caseId"])
    if action in RESULT_ACTIONS:
        raise DomainError(errors.INVALID_STATE, "该办件属于主题办件（一件事），办理结果在主题办件中统一出件、办结", ["caseId"])


# ---------------------------------------------------------------- the plan, as data


def plan_items(plan: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every item of the plan, in order, each with its ``stage`` (1-based)."""
    return [{**it, "stage": int(st["stage"])} for st in plan for it in st.get("items", [])]


def latest_subs(plan: Sequence[dict[str, Any]], subs: Sequence[Case]) -> dict[str, Case]:
    """What stands: the newest sub-case of each plan item (an item applied for again counts by its
    new sub-case)."""
    key_of = {(it["stage"], it["item_id"]): it["key"] for it in plan_items(plan)}
    out: dict[str, Case] = {}
    for c in sorted(subs, key=lambda c: c.id):
        k = key_of.get((c.bundle_stage, c.item_id))
        if k is not None:
            out[k] = c
    return out


OPEN, COMPLETED, FAILED, HELD, WAITING = "open", "completed", "failed", "held", "waiting"


def item_states(plan: Sequence[dict[str, Any]], latest: dict[str, Case]) -> dict[str, str]:
    """Each plan item's place: open (a sub-case is being handled), completed (approved: its result
    may still wait for the bundle's one delivery), failed (its latest
    sub-case was denied, rejected or withdrawn), held (not opened: something it waits for failed
    or is held) or waiting (not opened yet: what it waits for is still being handled)."""
    states: dict[str, str] = {}
    returned = sent_back(latest)
    for it in plan_items(plan):  # dependencies point at earlier items, so one pass in order does
        sub = latest.get(it["key"])
        if sub is not None:
            s = Status(sub.status)
            states[it["key"]] = COMPLETED if s in GOOD else FAILED if s in BAD_END else OPEN
        elif any(states.get(d) in (FAILED, HELD) or d in returned for d in it.get("depends_on", [])):
            states[it["key"]] = HELD
        else:
            states[it["key"]] = WAITING
    return states


def sent_back(latest: dict[str, Case]) -> set[str]:
    """The items whose sub-case a reviewer sent back to the applicant (退回补正): what waits for them
    is held, with the reason and what to do, until the applicant resubmits and the item completes."""
    return {k for k, c in latest.items() if c.status == Status.RETURNED}


def openable(plan: Sequence[dict[str, Any]], latest: dict[str, Case]) -> list[dict[str, Any]]:
    """The items to open now: not opened yet, and everything they wait for completed."""
    states = item_states(plan, latest)
    return [
        it for it in plan_items(plan)
        if states[it["key"]] == WAITING and it.get("depends_on") and all(states.get(d) == COMPLETED for d in it["depends_on"])
    ]


def holders(plan: Sequence[dict[str, Any]], states: dict[str, str], key: str, *,
            returned: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The names of the failed (or ``returned``: sent back to the applicant) items that hold ``key``
    back (following held prerequisites)."""
    by_key = {it["key"]: it for it in plan_items(plan)}
    seen: list[str] = []

    def walk(k: str) -> None:
        for d in by_key[k].get("depends_on", []):
            if (states.get(d) == FAILED or d in returned) and by_key[d]["name"] not in seen:
                seen.append(by_key[d]["name"])
            elif states.get(d) == HELD:
                walk(d)

    walk(key)
    return seen


# ---------------------------------------------------------------- notifications of the bundle


def recipient_of(bundle: CaseBundle) -> int | None:
    return bundle.contact_citizen_id or bundle.applicant_citizen_id


async def tell(u: flow.Unit, bundle: CaseBundle, event: str, *, sms: bool = True, **params: Any) -> None:
    """One message about the bundle to its applicant (the inbox, and an SMS), in ``u``."""
    values = {"theme": bundle.theme_name, "bundle_no": bundle.number, **params}
    citizen_id = recipient_of(bundle)
    if citizen_id is not None:
        row = await notify.enqueue(u.conn, event=event, channel=Channel.INBOX,
                                   recipient=notify.Recipient(citizen_id=citizen_id), params=values, bundle_id=bundle.id)
        u.ids.append(row.id)
    if sms and (bundle.contact_phone or citizen_id):
        row = await notify.enqueue(u.conn, event=event, channel=Channel.SMS, params=values, bundle_id=bundle.id,
                                   recipient=notify.Recipient(citizen_id=citizen_id, phone=bundle.contact_phone or None))
        u.ids.append(row.id)


def names(items: Sequence[dict[str, Any]]) -> str:
    return "、".join(f"“{it['name']}”" for it in items)


# ---------------------------------------------------------------- the hook in flow.transition


async def lock(conn: Any, bundle_id: int) -> None:
    """Take the bundle's row for this transaction (a write lock on PostgreSQL; SQLite serialises)."""
    await CaseBundle.filter(id=bundle_id).using_db(conn).update(row_version=F("row_version") + 1)


async def sub_case_ended(u: flow.Unit, case: Case, *, settings: Settings | None, action: Action, reason: str) -> None:
    """A sub-case was decided (approved, denied, rejected, withdrawn) or completed in ``u``: say what
    it means for the bundle and open what can open. When every item is decided, the applicant
    hears once that the results are ready (to be delivered together), and once more when they
    were delivered (with the invitation to rate the bundle)."""
    bundle = await CaseBundle.filter(id=case.bundle_id).using_db(u.conn).first()
    if bundle is None:
        return
    subs = list(await Case.filter(bundle_id=bundle.id).using_db(u.conn).order_by("id"))
    latest = latest_subs(bundle.plan, subs)
    silent = bundle.id in _quiet.get() or bundle.withdrawn_at is not None
    status = Status(case.status)
    if status in BAD_END and not silent:
        await _tell_failure(u, bundle, case, latest, action=action, reason=reason)
    opened = await open_ready(u, bundle, latest, settings=settings, silent=silent)
    if opened or silent:
        return
    states = item_states(bundle.plan, latest)
    if not all(s in (COMPLETED, FAILED, HELD) for s in states.values()):
        return
    items = plan_items(bundle.plan)
    done = [it for it in items if states[it["key"]] == COMPLETED]
    rest = [it for it in items if states[it["key"]] != COMPLETED]
    awaiting = [c for c in latest.values() if Status(c.status) in AWAITING_DELIVERY]
    if awaiting:
        if status == Status.APPROVED or status in BAD_END:  # this move decided the last item
            await tell(u, bundle, "bundle_results_ready", count=len(awaiting),
                       failed=f"；{names(rest)}未办成" if rest else "")
        return
    if done and not rest:
        if settings is not None:  # 好差评: the signed, single-use SMS link rating the bundle once
            from server.domain.cases import ratings

            link = ratings.link(settings, await ratings.issue_bundle_token(u.conn, bundle, settings))
        else:
            link = f"/evaluate/{bundle.number}"
        await tell(u, bundle, "bundle_completed", count=len(done), link=link)
    elif done and status == Status.COMPLETED:  # the failure itself was told when it happened
        await tell(u, bundle, "bundle_finished_partly", done=len(done), failed=names(rest))


async def _tell_failure(u: flow.Unit, bundle: CaseBundle, case: Case, latest: dict[str, Case], *, action: Action,
                        reason: str) -> None:
    states = item_states(bundle.plan, latest)
    held = [it for it in plan_items(bundle.plan) if states[it["key"]] == HELD]
    standing = [it for it in plan_items(bundle.plan) if states[it["key"]] in (OPEN, COMPLETED, WAITING)]
    why = case.decision_reason or reason or ACTIONS[action]
    parts = []
    if standing:
        parts.append(f"{names(standing)}不受影响，继续有效")
    if held:
        parts.append(f"{names(held)}须等该事项办成后才能办理，暂缓")
    await tell(
        u, bundle, "bundle_item_failed", item=case.item_name, outcome=LABELS[Status(case.status)], reason=why[:200],
        effect="；".join(parts) or "其余事项已办结",
        options=f"您可以重新申请“{case.item_name}”" + ("，或撤回其余在办事项" if any(
            states[it["key"]] in (OPEN, WAITING, HELD) for it in plan_items(bundle.plan)) else ""),
    )


async def open_ready(u: flow.Unit, bundle: CaseBundle, latest: dict[str, Case], *, settings: Settings | None,
                     silent: bool = False) -> list[Case]:
    """Open every item that can open now (under the bundle's lock): its sub-case is created
    accepted, in its department's queue, with its own deadline; ``open_stage`` moves once."""
    if bundle.withdrawn_at is not None:
        return []
    ready = openable(bundle.plan, latest)
    if not ready:
        return []
    stage = max(it["stage"] for it in ready)
    if stage > bundle.open_stage:
        moved = await CaseBundle.filter(id=bundle.id, open_stage=bundle.open_stage).using_db(u.conn).update(
            open_stage=stage, row_version=F("row_version") + 1
        )
        if moved != 1:
            return []  # another transaction opened it (cannot happen under the lock; never twice)
        advanced, bundle.open_stage = True, stage
    else:
        advanced = False
    created = [await open_item(u, bundle, it, settings=settings) for it in ready]
    if not silent:
        if advanced:
            await tell(u, bundle, "bundle_stage_opened", stage=stage, stages=bundle.stages, items=names(ready))
        else:
            await tell(u, bundle, "bundle_items_opened", items=names(ready))
    # 秒批 items need no reviewer: approved now, once every opened sub-case exists (an approval may
    # open what comes after them, through this function again)
    from server.domain.cases.bundles import instant_after_acceptance

    await instant_after_acceptance(u, bundle, created, settings)
    return [c for c, _ in created]


@dataclass(slots=True)
class Opened:
    """The pinned catalogue rows of one plan item (the version it was applied under)."""

    version: Any
    materials: list[Any] = field(default_factory=list)


async def _pinned_item(it: dict[str, Any]) -> Opened:
    from server.domain.catalog.models import ItemVersion, Material

    version = await ItemVersion.get(id=it["version_id"])
    ids = [m["id"] for m in it.get("materials", [])]
    rows = {m.id: m for m in await Material.filter(id__in=ids)} if ids else {}
    return Opened(version, [rows[i] for i in ids if i in rows])


def holder_of(bundle: CaseBundle, *, identity_verified: bool = True, code: str | None = None) -> evidence.Holder:
    if bundle.applicant_kind == "enterprise":
        return evidence.Holder(enterprise_id=bundle.applicant_enterprise_id, code=code, name=bundle.applicant_name)
    return evidence.Holder(citizen_id=bundle.applicant_citizen_id, identity_verified=identity_verified, code=code,
                           name=bundle.applicant_name)


async def verified_holder(bundle: CaseBundle) -> evidence.Holder:
    """The bundle's applicant as an evidence holder (a citizen's identity card counts once verified),
    with the ID number or credit code the base databases know them by."""
    from server.domain.accounts.models import Citizen, Enterprise

    if bundle.applicant_kind == "enterprise":
        code = await Enterprise.filter(id=bundle.applicant_enterprise_id).values_list("credit_code", flat=True)
        return holder_of(bundle, code=str(code[0]) if code else None)
    rows = await Citizen.filter(id=bundle.applicant_citizen_id).values_list("verified_at", "id_number")
    at, number = rows[0] if rows else (None, None)
    return holder_of(bundle, identity_verified=at is not None, code=number)


def bundle_why(purpose: str, bundle: CaseBundle, caller: Any) -> Any:
    """Why a bundle's later step reads the bases: scoped as the bundle, naming it."""
    from server.domain.shareddata.service import Why

    return Why(purpose=purpose[:200], caller=caller, region_code=bundle.region_code, city_code=bundle.city_code,
               county_code=bundle.county_code, bundle_id=bundle.id, bundle_number=bundle.number)


def item_material_rows(
    it: dict[str, Any], materials: Sequence[Any], bundle_files: dict[str, Any], *, holder: evidence.Holder,
    held: evidence.Holdings,
) -> list[CaseMaterial]:
    """One plan item's materials, satisfied once for the bundle: the application form from the
    merged form, else reuse (A, a base that covers it 免提交, B), else the one upload of the bundle's
    material."""
    key_of = {m["id"]: m for m in it.get("materials", [])}
    out = []
    for m in materials:
        spec = key_of.get(m.id, {})
        if spec.get("generated"):
            s = evidence.Satisfied("exempt", None, note=GENERATED_NOTE)
        else:
            file = bundle_files.get(spec.get("key", ""), {})
            s = evidence.satisfy(m, holder=holder, held=held, upload_id=file.get("upload_id"))
            if s.state == "pending" and file.get("paper"):
                s = evidence.Satisfied("provided", "C", note="窗口收取纸质材料")
        out.append(CaseMaterial(
            material_id=m.id, position=m.position, name=m.name, necessity=m.necessity, state=s.state, trust=s.trust,
            upload_id=s.upload_id, elicence_id=s.elicence_id, verified_id=s.verified_id, check_note=s.note,
        ))
    return out


def sub_case_columns(bundle: CaseBundle, it: dict[str, Any], version: Any, region: Any) -> dict[str, Any]:
    """The columns of a bundle item's sub-case: the applicant and the window from the bundle, the
    item from its pinned version, its own form data (the merged form's values for its keys)."""
    from server.domain.cases.apply import region_columns

    form = {k: bundle.form_data[k] for k in it.get("form_keys", []) if k in (bundle.form_data or {})}
    return {
        "applicant_kind": bundle.applicant_kind, "applicant_name": bundle.applicant_name,
        "applicant_citizen_id": bundle.applicant_citizen_id, "applicant_enterprise_id": bundle.applicant_enterprise_id,
        "contact_citizen_id": bundle.contact_citizen_id, "contact_phone": bundle.contact_phone,
        "submitted_by_staff_id": bundle.submitted_by_staff_id, "mandate_id": bundle.mandate_id,
        **region_columns(region), "item_id": it["item_id"], "version_id": version.id,
        "situation_id": it["situation_id"], "item_name": version.name, "basic_code": it["basic_code"],
        "department_code": it["department_code"], "form_data": form, "committed_limit": version.committed_limit,
        "committed_unit": version.committed_unit, "hall_code": bundle.hall_code, "channel": bundle.channel,
        "bundle_id": bundle.id, "bundle_stage": it["stage"], "submitted_at": bundle.submitted_at,
    }


async def deadlines(region_code: str, version: Any, accepted_at: datetime, settings: Settings | None) -> dict[str, Any]:
    """A just-accepted sub-case's deadlines (its own committed limit, from the calendar)."""
    probe = SimpleNamespace(accepted_at=accepted_at, region_code=region_code, committed_limit=version.committed_limit,
                            committed_unit=version.committed_unit, extension_days=0, pauses=[])
    dl = await clock.compute(probe, statutory_limit=version.statutory_limit, statutory_unit=version.statutory_unit,
                             yellow=clock.yellow_days(settings))
    return {"accepted_at": accepted_at, "deadline": dl.deadline, "statutory_deadline": dl.statutory, "warn_on": dl.warn_on}


# ---------------------------------------------------------------- the bases, read before the transaction

CREDIT_KEY = "*credit"  # in a prefetch: the credit base's listings of the bundle's applicant


@dataclass(slots=True)
class Prefetched:
    """What a :func:`server.domain.cases.flow.run_unit` read outside its transaction, by (bundle,
    item key): an item opening in the transaction takes it instead of calling a remote base there.
    ``strict``: a remote base not read yet raises :class:`flow.NeedsPull` rather than being called."""

    found: dict[tuple[str, str], Any] = field(default_factory=dict)
    strict: bool = True

    async def fill(self, bundle: CaseBundle, keys: Sequence[str], settings: Settings | None) -> None:
        """Read the bases for these items of the bundle (and its credit listing), outside any transaction:
        the same logged pulls, with the same purposes, as inside. ``bundle`` as the rolled-back round had
        it (a bundle created in that round is not in the database): the pulls name it, and the round
        that opens the item names the case and the bundle again (:func:`open_item`)."""
        holder = await verified_holder(bundle)
        items = {it["key"]: it for it in plan_items(bundle.plan)}
        for key in keys:
            if key == CREDIT_KEY:
                self.found[(_ident(bundle), key)] = await _read_credit(bundle, holder, settings)
            elif key in items:
                it = items[key]
                self.found[(_ident(bundle), key)] = await _read_item(bundle, it, await _pinned_item(it), holder, settings)


def _ident(bundle: CaseBundle) -> str:
    """The same bundle in every round of a unit (a bundle created in a round gets a new id in the next)."""
    return f"key:{bundle.idempotency_key}" if bundle.idempotency_key else f"id:{bundle.id}"


_prefetch: ContextVar[Prefetched | None] = ContextVar("bundle_prefetch", default=None)


@contextmanager
def prefetching() -> Iterator[Prefetched]:
    cache = Prefetched()
    token = _prefetch.set(cache)
    try:
        yield cache
    finally:
        _prefetch.reset(token)


def _remote(settings: Settings | None) -> bool:
    from server.domain.shareddata.sources import remote_bases

    return bool(remote_bases(settings))


async def _prefetched_or_read(bundle: CaseBundle, key: str, settings: Settings | None, read: Any) -> Any:
    """What was read before the transaction for this item, else: with a remote base configured and a
    :func:`flow.run_unit` around, :class:`flow.NeedsPull` (read it before, run again); with local
    bases only (no network), read here."""
    cache = _prefetch.get()
    if cache is not None and (_ident(bundle), key) in cache.found:
        return cache.found[(_ident(bundle), key)]  # kept: a later round (after another rollback) takes it again
    if cache is not None and cache.strict and _remote(settings):
        raise flow.NeedsPull(bundle, [key])
    return await read()


async def _read_item(bundle: CaseBundle, it: dict[str, Any], pinned: Opened, holder: evidence.Holder,
                     settings: Settings | None) -> evidence.Holdings:
    from server.domain.shareddata.service import SYSTEM as SYSTEM_CALLER

    why = bundle_why(f"主题办件“{bundle.theme_name}”第 {it['stage']} 阶段开办“{it['name']}”：材料免提交核验",
                     bundle, SYSTEM_CALLER)
    return await evidence.holdings(holder, on=clock.today(), why=why, settings=settings, materials=pinned.materials)


async def _read_credit(bundle: CaseBundle, holder: evidence.Holder, settings: Settings | None) -> str | None:
    from server.domain.shareddata.service import SYSTEM as SYSTEM_CALLER

    why = bundle_why(f"主题办件“{bundle.theme_name}”受理后秒批：信用核查", bundle, SYSTEM_CALLER)
    return await evidence.credit_listing(holder, why=why, settings=settings)


async def credit_for_instant(bundle: CaseBundle, settings: Settings | None) -> str | None:
    """The bundle applicant's credit listings for its instant items, read before the transaction when
    the credit base is remote (as :func:`_prefetched_or_read`)."""
    async def read() -> str | None:
        return await _read_credit(bundle, await verified_holder(bundle), settings)

    return await _prefetched_or_read(bundle, CREDIT_KEY, settings, read)


async def open_item(u: flow.Unit, bundle: CaseBundle, it: dict[str, Any], *,
                    settings: Settings | None) -> tuple[Case, list[CaseMaterial]]:
    """The sub-case of a later stage's item: created accepted (no new visit to the window)."""
    from server.domain.cases.apply import next_number, query_code
    from server.domain.catalog.models import Region, ServiceItem

    pinned = await _pinned_item(it)
    item = await ServiceItem.get(id=it["item_id"])
    region = await Region.get(code=item.region_id)
    from server.domain.shareddata.service import attach

    holder = await verified_holder(bundle)
    held = await _prefetched_or_read(bundle, it["key"], settings, lambda: _read_item(bundle, it, pinned, holder, settings))
    rows = item_material_rows(it, pinned.materials, bundle.materials or {}, holder=holder, held=held)
    now = clock.now()
    columns = {
        **sub_case_columns(bundle, it, pinned.version, region), "query_code": query_code(),
        "number": await next_number(u.conn, region.code, now.date()),
        **await deadlines(region.code, pinned.version, now, settings),
    }

    async def side(conn: Any, out: flow.Outgoing) -> None:
        for r in rows:
            r.case_id = out.case.id
        await CaseMaterial.bulk_create(rows, using_db=conn)
        await attach(held.batch, conn=conn, case=out.case, bundle=bundle)
        await out.staff("staff_new_case", await flow.staff_with_role(Role.DEPT_REVIEWER, department_code=out.case.department_code))

    case = await flow.create(
        acting=flow.SYSTEM, action=Action.OPENED, columns=columns, settings=settings, within=u, side=side,
        reason=f"“{bundle.theme_name}”第 {it['stage']} 阶段", data={"bundle": bundle.number, "stage": it["stage"]},
    )
    return case, rows


async def hall_sessions(bundle: CaseBundle) -> tuple[Any, ...]:
    """The sessions of a working day at the bundle's hall (its published hours; the default without one)."""
    from server.domain.calendar import hours
    from server.domain.catalog.models import Hall

    text = (await Hall.filter(code=bundle.hall_code).values_list("hours", flat=True)) if bundle.hall_code else []
    return hours.sessions_of(str(text[0]) if text else None)


async def bundle_deadline_at(bundle: CaseBundle, *, start: datetime) -> datetime | None:
    """When a budget in working hours runs out: on the hall's hours of each working day (None for a
    budget in days)."""
    from server.domain.calendar import hours

    if bundle.budget_unit != "working_hour":
        return None
    return await hours.add_hours(region=bundle.region_code, sessions=await hall_sessions(bundle), start=start,
                                 hours=bundle.budget_value)


async def bundle_deadline(bundle: CaseBundle, *, start: datetime | date) -> date:
    """The bundle's deadline: its theme's time budget from acceptance, on the working calendar (the
    day a working-hour budget runs out, on the hall's hours)."""
    from server.clock import ZONE
    from server.domain.calendar import service as calendar

    if bundle.budget_unit == "working_hour":
        at = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time(), tzinfo=ZONE)
        end = await bundle_deadline_at(bundle, start=at)
        assert end is not None
        return end.astimezone(ZONE).date()
    return (await calendar.deadline(region=bundle.region_code, start=start, limit_value=bundle.budget_value,
                                    limit_unit=bundle.budget_unit)).deadline

