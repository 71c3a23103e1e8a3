"""The front desk (前台统一受理) and the comprehensive window that issues results (综合窗口出件).

A clerk receives a walk-in (代为收件), checks each material against its review points, and then
accepts, accepts with missing materials (容缺), requests corrections once (补正, 一次性告知), or
proposes rejection, which only a hall supervisor confirms or overturns (无权否决). Applicants supply
what is missing; the window issues the result and completes the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.exceptions import IntegrityError

from server.domain.accounts import identifiers
from server.domain.accounts.models import Citizen, Enterprise
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors, evidence, flow, idempotency
from server.domain.cases.apply import (
    Applicant,
    MaterialInput,
    _case_material,
    _check_object,
    _key,
    case_columns,
    explain_unavailable,
    founds_entity,
    hall_of,
    held_for,
    material_rows,
    next_number,
    owned_uploads,
    pinned,
    prefilled_form,
    query_code,
)
from server.domain.cases.flow import (
    SYSTEM,
    Acting,
    Outgoing,
    check,
    iso,
    may,
    reason_text,
    staff_with_role,
    transition,
    visible_case,
)
from server.domain.cases.models import Case, CaseEvent, CaseMaterial, ELicence, VerifiedMaterial
from server.domain.cases.states import AWAITING_SUPPLY, Action, Party, Status
from server.domain.catalog.forms import validate_form
from server.domain.catalog.models import Hall, ItemVersion
from server.domain.errors import DomainError, DomainErrors
from server.domain.shareddata import service as shareddata
from server.settings import Settings

MAX_NOTICE_ITEMS = 60
_TRACKING = re.compile(r"^[A-Za-z0-9]{8,32}$")


# ---------------------------------------------------------------- walk-in


ENTERPRISE_KINDS = ("个人独资企业", "个体工商户", "合伙企业", "有限责任公司", "股份有限公司", "农民专业合作社")


@dataclass(frozen=True, slots=True)
class FutureEnterprise:
    """The enterprise a 设立登记 founds, as the person at the counter describes it: it cannot be on
    file yet. Its 经营者 (investor, legal representative) is the person."""

    name: str = ""
    kind: str = ""
    address: str = ""

    def checked(self) -> dict[str, str]:
        """The stored form, or every problem at once, each next to its field."""
        name, kind, address = self.name.strip(), self.kind.strip(), self.address.strip()
        where = ("applicant", "futureEnterprise")
        problems = []
        if not 2 <= len(name) <= 64:
            problems.append(DomainError(errors.INVALID, "请填写拟设立企业的名称（2 至 64 个字，与名称自主申报结果一致）",
                                        [*where, "name"]))
        if kind not in ENTERPRISE_KINDS:
            problems.append(DomainError(errors.INVALID, f"请选择企业类型：{'、'.join(ENTERPRISE_KINDS)}", [*where, "kind"]))
        if not 5 <= len(address) <= 200:
            problems.append(DomainError(errors.INVALID, "请填写拟设立企业的住所（经营场所），5 至 200 个字", [*where, "address"]))
        if problems:
            raise DomainErrors(problems)
        return {"name": name, "kind": kind, "address": address}


@dataclass(slots=True)
class WalkInPerson:
    """The person at the counter: found by ID number, or registered on the spot (ID card seen)."""

    id_number: str
    name: str = ""
    phone: str = ""
    enterprise_credit_code: str | None = None  # they apply for this (registered) enterprise
    future_enterprise: FutureEnterprise | None = None  # or found this one (设立登记 items only)


@dataclass(frozen=True, slots=True)
class PaperMaterial:
    material_id: int
    provided: bool = True  # presented at the counter
    upload_id: int | None = None  # scanned


@dataclass(frozen=True, slots=True)
class PersonOnFile:
    """Whom an ID number belongs to on the platform, masked as every list masks it."""

    found: bool
    masked_name: str | None = None
    masked_phone: str | None = None
    verified: bool = False


async def person_on_file(*, actor: Actor, id_number: str) -> PersonOnFile:
    """Who an ID number belongs to, for the window clerk before a walk-in is saved (issue 16): the
    name on file masked ("欧***"), to compare with the identity card in hand, or that the person is
    new (then the walk-in registers them with the name and phone typed). Only those who may receive
    a walk-in ask; nothing is revealed that the walk-in's own PERSON_MISMATCH would not show."""
    may(actor, Action.RECEIVED)
    rid = identifiers.parse_id_number(id_number, field="idNumber")
    citizen = await Citizen.get_or_none(id_number=rid.number)
    if citizen is None:
        return PersonOnFile(found=False)
    return PersonOnFile(
        found=True, masked_name=identifiers.mask_name(citizen.name), masked_phone=identifiers.mask_phone(citizen.phone),
        verified=citizen.verified_at is not None,
    )


async def _walk_in_person(person: WalkInPerson, *, actor: Actor) -> tuple[Citizen, bool]:
    """The person at the counter, and whether they are new to the platform. Nothing is written here:
    a new person comes back unsaved and is written in the transaction of the application
    (:func:`register`), so a walk-in refused for any reason leaves nobody behind. A name typed for
    an ID number on file that is not the name on file is shown to the clerk before anything is
    saved (the name on file masked: the clerk compares it with the card in hand)."""
    rid = identifiers.parse_id_number(person.id_number, field="applicant.idNumber")
    name = person.name.strip()
    citizen = await Citizen.get_or_none(id_number=rid.number)
    if citizen is not None:
        if name and citizen.name and name != citizen.name:
            raise DomainError(
                errors.PERSON_MISMATCH,
                f"该身份证号已登记的姓名为“{identifiers.mask_name(citizen.name)}”，与填写的姓名“{name}”不一致，"
                "请核对身份证后重新填写",
                ["applicant", "name"],
            )
        return citizen, False
    if not 2 <= len(name) <= 32:
        raise DomainError(errors.INVALID, "请填写申请人姓名（与身份证一致）", ["applicant", "name"])
    phone = identifiers.check_phone(person.phone, field="applicant.phone")
    if await Citizen.exists(phone=phone):
        raise DomainError(errors.INVALID, "该手机号已由另一位群众登记，请核对", ["applicant", "phone"])
    return Citizen(
        phone=phone, name=name, id_number=rid.number, birth_date=rid.birth_date, sex=rid.sex,
        verified_at=clock.now(),  # the clerk has the identity card in hand
    ), True


async def register(conn: Any, citizen: Citizen, acting: Acting) -> None:
    """Writes a person registered at the counter inside the application's transaction, before its
    case or bundle: both are written or neither. Another window registering the same ID number or
    phone at the same moment wins; this one is refused, and nothing of it is kept."""
    citizen._saved_in_db = False  # a round of flow.run_unit rolled back writes it again
    citizen.id = None  # type: ignore[assignment]
    try:
        await citizen.save(using_db=conn)
    except IntegrityError as exc:
        raise DomainError(errors.CONFLICT, "该申请人刚由另一窗口登记，请重新提交", ["applicant", "idNumber"]) from exc
    acting.on_behalf_citizen_id = citizen.id


async def receive_walk_in(
    *, actor: Actor, settings: Settings | None, idempotency_key: str, item_id: int, situation_id: int | None,
    person: WalkInPerson, form_data: dict[str, Any], materials: list[PaperMaterial],
) -> Case:
    """代为收件: the clerk enters the application of the person at the counter; it waits at this
    window for the acceptance decision."""
    may(actor, Action.RECEIVED)
    key = _key(actor, idempotency_key)
    request = idempotency.digest("walk_in", {"item_id": item_id, "situation_id": situation_id, "person": person,
                                             "form_data": form_data, "materials": materials})
    existing = await Case.get_or_none(idempotency_key=key)
    if existing is not None:
        return idempotency.replay(existing, request)
    p = await pinned(item_id, situation_id)
    citizen, registered = await _walk_in_person(person, actor=actor)
    acting = Acting(actor, on_behalf_citizen_id=citizen.id)
    founding = founds_entity(p.version)
    future: dict[str, str] | None = None
    if person.enterprise_credit_code:
        ent = await Enterprise.get_or_none(credit_code=person.enterprise_credit_code.strip().upper())
        if ent is None:
            raise DomainError(errors.NOT_FOUND, "该企业尚未在平台登记" + (
                "：设立登记请不填信用代码，改填拟设立企业的名称、类型和住所" if founding else ""),
                ["applicant", "enterpriseCreditCode"])
        a = Applicant("enterprise", ent.name, None, ent, citizen, acting)
    elif founding:
        # the enterprise cannot exist yet (issue 16): the person applies as its 经营者, with its details
        future = (person.future_enterprise or FutureEnterprise()).checked()
        a = Applicant("citizen", citizen.name or "", citizen, None, citizen, acting)
    else:
        a = Applicant("citizen", citizen.name or "", citizen, None, citizen, acting)
    if future is None:
        _check_object(p, a)
    known = {m.id for m in p.materials}
    if any(m.material_id not in known for m in materials):
        raise DomainError(errors.INVALID, "材料不属于所选办理情形", ["materials"])
    held = await held_for(actor, p, a, purpose="窗口代为收件", settings=settings)
    form, problems = validate_form(p.version.form_fields or [], prefilled_form(p, held, form_data))
    if problems:
        raise DomainErrors(explain_unavailable(problems, held))
    presented = {m.material_id: m for m in materials if m.provided}
    rows = await material_rows(p, a, {}, strict=False, held=held)
    now = clock.now()

    async def side(conn: Any, ob: Outgoing) -> None:
        out: list[CaseMaterial] = []
        for m, s in rows:
            if s.state == "pending" and m.id in presented:
                s = evidence.Satisfied("provided", "C", upload_id=presented[m.id].upload_id, note="窗口收取纸质材料")
            out.append(_case_material(ob.case.id, m, s))
        await CaseMaterial.bulk_create(out, using_db=conn)
        await shareddata.attach(held.batch, conn=conn, case=ob.case)
        await ob.applicant("submitted")

    async with flow.unit(settings) as u:
        if registered:
            await register(u.conn, citizen, acting)
        number = await next_number(u.conn, p.region.code, now.date())
        columns = {
            **case_columns(actor, p, a, form), "idempotency_key": key, "request_digest": request, "submitted_at": now,
            "query_code": query_code(), "hall_code": actor.hall_code or await hall_of(p.region), "channel": "window",
            "number": number, "future_enterprise": future,
        }
        case = await flow.create(
            acting=acting, action=Action.RECEIVED, columns=columns, settings=settings, within=u, side=side,
            reason="新登记申请人并核验身份证" if registered else "",
        )
    return case


# ---------------------------------------------------------------- checking and accepting


@dataclass(frozen=True, slots=True)
class MaterialCheck:
    """A clerk's check of one material against its review points."""

    material_id: int
    ok: bool = True
    note: str = ""


async def _materials(case: Case) -> list[CaseMaterial]:
    return list(await CaseMaterial.filter(case_id=case.id).order_by("position"))


def _apply_checks(rows: list[CaseMaterial], checks: list[MaterialCheck]) -> list[DomainError]:
    by_id = {r.material_id: r for r in rows}
    problems = []
    for c in checks[:MAX_NOTICE_ITEMS]:
        row = by_id.get(c.material_id)
        if row is None:
            problems.append(DomainError(errors.INVALID, "材料不属于该办件", ["checks", str(c.material_id)]))
        elif not c.ok:
            problems.append(DomainError(
                errors.MISSING_MATERIAL, f"“{row.name}”未通过审查：{c.note or '不符合审查要点'}；请改为一次性告知补正",
                ["checks", str(c.material_id)],
            ))
    return problems


async def _region_deadlines(case: Case, settings: Settings | None) -> clock.Deadlines:
    version = await ItemVersion.get(id=case.version_id)
    return await clock.compute(case, statutory_limit=version.statutory_limit, statutory_unit=version.statutory_unit,
                               yellow=clock.yellow_days(settings))


async def _accept_columns(case: Case, settings: Settings | None) -> dict[str, Any]:
    now = clock.now()
    case.accepted_at = now
    dl = await _region_deadlines(case, settings)
    return {"accepted_at": now, "deadline": dl.deadline, "statutory_deadline": dl.statutory, "warn_on": dl.warn_on}


async def _verify_paper(conn: Any, case: Case, rows: list[CaseMaterial], actor: Actor) -> None:
    """Materials a clerk checked at the window become trust level B for the applicant's later cases."""
    now = clock.now()
    for r in rows:
        if r.state == "provided":
            await CaseMaterial.filter(id=r.id).using_db(conn).update(trust="B", checked_by_id=actor.user_id, checked_at=now)
            await VerifiedMaterial.create(
                name=r.name, holder_citizen_id=case.applicant_citizen_id,
                holder_enterprise_id=case.applicant_enterprise_id,
                upload_id=r.upload_id, case_id=case.id, verified_by_id=actor.user_id, verified_at=now, using_db=conn,
            )


async def _notify_department(out: Outgoing, case: Case) -> None:
    await out.staff("staff_new_case", await staff_with_role(Role.DEPT_REVIEWER, department_code=case.department_code))


async def accept(
    *, actor: Actor, settings: Settings | None, case_id: int, checks: list[MaterialCheck] | None = None,
    note: str = "",
) -> Case:
    """受理: every required material is satisfied and passes its review points."""
    may(actor, Action.ACCEPTED)
    case = await visible_case(actor, case_id)
    check(case, Action.ACCEPTED, actor)
    rows = await _materials(case)
    problems = _apply_checks(rows, checks or [])
    problems += [
        DomainError(errors.MISSING_MATERIAL, f"缺少“{r.name}”，可容缺受理或一次性告知补正", ["materials", str(r.material_id)])
        for r in rows if r.state in ("pending", "missing") and r.necessity != "optional"
    ]
    if problems:
        raise DomainErrors(problems)
    updates = await _accept_columns(case, settings)

    async def side(conn: Any, out: Outgoing) -> None:
        await _verify_paper(conn, case, rows, actor)
        await out.applicant("accepted", deadline=iso(case.deadline))
        await _notify_department(out, case)

    return await transition(
        case, acting=Acting(actor), action=Action.ACCEPTED, to=Status.ACCEPTED, settings=settings,
        reason=reason_text(note, required=False, what="备注", field_name="note"), updates=updates, side=side,
    )


@dataclass(frozen=True, slots=True)
class Missing:
    material_id: int
    how: str = ""  # how to supply it (邮寄、网上上传、窗口补交 …)


async def accept_with_missing(
    *, actor: Actor, settings: Settings | None, case_id: int, missing: list[Missing], commitment: str,
    supply_by: date | None = None, checks: list[MaterialCheck] | None = None,
) -> Case:
    """容缺受理: only secondary (deferrable) materials may be missing; the applicant signs a
    commitment; the notice lists each missing material, how to supply it and by when — no later
    than the committed deadline. Applicants on the dishonesty list are refused."""
    may(actor, Action.ACCEPTED_MISSING)
    case = await visible_case(actor, case_id)
    check(case, Action.ACCEPTED_MISSING, actor)
    why = evidence.case_why(f"窗口容缺受理“{case.item_name}”：信用核查（失信名单不适用容缺受理）", case,
                            shareddata.Caller.of(actor))
    listing = await evidence.credit_listing(await evidence.applicant_holder(case), why=why, settings=settings)
    if listing:
        raise DomainError(errors.DISHONEST, f"申请人在失信名单中（来自信用库：{listing}），不适用容缺受理", ["caseId"])
    commitment = reason_text(commitment, required=True, what="申请人承诺（容缺受理承诺书）", field_name="commitment")
    rows = await _materials(case)
    by_id = {r.material_id: r for r in rows}
    problems = _apply_checks(rows, checks or [])
    if not missing:
        problems.append(DomainError(errors.INVALID, "请列出容缺的材料", ["missing"]))
    listed = set()
    for m in missing[:MAX_NOTICE_ITEMS]:
        row = by_id.get(m.material_id)
        if row is None:
            problems.append(DomainError(errors.INVALID, "材料不属于该办件", ["missing", str(m.material_id)]))
        elif row.necessity != "deferrable":
            problems.append(DomainError(errors.NOT_DEFERRABLE, f"“{row.name}”是主要材料，不能容缺", ["missing", str(m.material_id)]))
        elif row.state not in ("pending", "missing"):
            problems.append(DomainError(errors.INVALID, f"“{row.name}”已提交，无需容缺", ["missing", str(m.material_id)]))
        else:
            listed.add(m.material_id)
    for r in rows:
        if r.state == "pending" and r.necessity != "optional" and r.material_id not in listed:
            code = errors.NOT_DEFERRABLE if r.necessity == "required" else errors.MISSING_MATERIAL
            problems.append(DomainError(code, f"缺少“{r.name}”且未列入容缺", ["missing", str(r.material_id)]))
    if problems:
        raise DomainErrors(problems)
    updates = await _accept_columns(case, settings)
    deadline = updates["deadline"]
    if supply_by is None:
        supply_by = min(deadline, await clock.working_days_from(region=case.region_code, start=clock.today(), days=5))
    if supply_by > deadline:
        raise DomainError(errors.DEADLINE_TOO_LATE, f"补齐期限不能晚于承诺办结期限 {deadline.isoformat()}", ["supplyBy"])
    if supply_by < clock.today():
        raise DomainError(errors.INVALID, "补齐期限不能早于今天", ["supplyBy"])
    updates["supply_by"] = supply_by
    hows = {m.material_id: (m.how or "").strip()[:200] or "到受理窗口补交" for m in missing}
    names = [by_id[i].name for i in listed]

    async def side(conn: Any, out: Outgoing) -> None:
        for mid in listed:
            await CaseMaterial.filter(id=by_id[mid].id).using_db(conn).update(state="missing", supply_note=hows[mid])
        await _verify_paper(conn, case, [r for r in rows if r.material_id not in listed], actor)
        await out.applicant("accepted_missing", supply_by=supply_by.isoformat(), materials="、".join(names))
        await _notify_department(out, case)

    return await transition(
        case, acting=Acting(actor), action=Action.ACCEPTED_MISSING, to=Status.ACCEPTED, settings=settings,
        reason=f"容缺：{'、'.join(names)}", updates=updates, side=side,
        data={"commitment": commitment, "supply_by": supply_by.isoformat(),
              "missing": [{"material_id": i, "name": by_id[i].name, "how": hows[i]} for i in listed]},
    )


@dataclass(frozen=True, slots=True)
class _CorrectionItem:
    material_id: int | None
    name: str
    note: str

    def as_data(self) -> dict[str, Any]:
        return {"material_id": self.material_id, "name": self.name, "note": self.note}


@dataclass(frozen=True, slots=True)
class Correction:
    material_id: int | None  # None: a correction not tied to one material (e.g. the form)
    note: str


async def request_correction(
    *, actor: Actor, settings: Settings | None, case_id: int, corrections: list[Correction], note: str = "",
) -> Case:
    """补正, told once: one notice listing everything to correct, with a deadline 5 working days out."""
    may(actor, Action.CORRECTION_REQUESTED)
    case = await visible_case(actor, case_id)
    check(case, Action.CORRECTION_REQUESTED, actor)
    if case.correction_sent:
        raise DomainError(errors.CORRECTION_ALREADY_SENT, "该办件已一次性告知过补正，不能再次要求补正", ["caseId"])
    if not corrections:
        raise DomainError(errors.INVALID, "请逐项列出需要补正的内容", ["corrections"])
    rows = {r.material_id: r for r in await _materials(case)}
    problems = []
    items: list[_CorrectionItem] = []
    for i, c in enumerate(corrections[:MAX_NOTICE_ITEMS]):
        text = (c.note or "").strip()
        if not text:
            problems.append(DomainError(errors.INVALID, "请写明补正要求", ["corrections", str(i), "note"]))
        if c.material_id is not None and c.material_id not in rows:
            problems.append(DomainError(errors.INVALID, "材料不属于该办件", ["corrections", str(i), "materialId"]))
        items.append(_CorrectionItem(c.material_id, rows[c.material_id].name if c.material_id in rows else "", text[:300]))
    if problems:
        raise DomainErrors(problems)
    supply_by = await clock.working_days_from(region=case.region_code, start=clock.today(), days=clock.CORRECTION_WORKING_DAYS)
    summary = "；".join(f"{it.name}：{it.note}" if it.name else it.note for it in items)
    general = reason_text(note, required=False, what="补正说明", field_name="note")

    async def side(conn: Any, out: Outgoing) -> None:
        for it in items:
            if it.material_id is not None:
                await CaseMaterial.filter(id=rows[it.material_id].id).using_db(conn).update(
                    state="pending", trust=None, supply_note=it.note
                )
        await out.applicant("correction_needed", reason=summary, supply_by=supply_by.isoformat())

    return await transition(
        case, acting=Acting(actor), action=Action.CORRECTION_REQUESTED, to=Status.CORRECTION_REQUESTED, settings=settings,
        reason=summary, updates={"correction_sent": True, "correction_note": general or summary, "supply_by": supply_by},
        data={"items": [it.as_data() for it in items], "note": general, "supply_by": supply_by.isoformat()}, side=side,
    )


async def propose_rejection(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """拟不予受理: a clerk never says no alone; the hall supervisor decides."""
    may(actor, Action.REJECTION_PROPOSED)
    case = await visible_case(actor, case_id)
    check(case, Action.REJECTION_PROPOSED, actor)
    why = reason_text(reason, required=True, what="不予受理的理由")

    async def side(conn: Any, out: Outgoing) -> None:
        await out.staff("staff_rejection_proposed", await staff_with_role(Role.HALL_SUPERVISOR, hall_code=case.hall_code), reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.REJECTION_PROPOSED, to=Status.REJECTION_PROPOSED, settings=settings,
        reason=why, side=side,
    )


async def confirm_rejection(*, actor: Actor, settings: Settings | None, case_id: int, reason: str = "") -> Case:
    may(actor, Action.REJECTION_CONFIRMED)
    case = await visible_case(actor, case_id)
    check(case, Action.REJECTION_CONFIRMED, actor)
    proposed = await CaseEvent.filter(case_id=case.id, action=Action.REJECTION_PROPOSED).order_by("-id").first()
    why = reason_text(reason, required=False, what="意见") or (proposed.reason if proposed else "")

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("rejected", reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.REJECTION_CONFIRMED, to=Status.REJECTED, settings=settings, reason=why,
        updates={"decision": "rejected", "decision_reason": why, "decided_at": clock.now(), "completed_at": clock.now()},
        side=side,
    )


async def overturn_rejection(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """The supervisor does not uphold the proposal: the case goes back to the window to be accepted."""
    may(actor, Action.REJECTION_OVERTURNED)
    case = await visible_case(actor, case_id)
    check(case, Action.REJECTION_OVERTURNED, actor)
    why = reason_text(reason, required=True, what="否决的理由")
    proposer = await CaseEvent.filter(case_id=case.id, action=Action.REJECTION_PROPOSED).order_by("-id").first()

    async def side(conn: Any, out: Outgoing) -> None:
        if proposer is not None and proposer.actor_id is not None:
            await out.staff("staff_rejection_overturned", [proposer.actor_id], reason=why)

    return await transition(
        case, acting=Acting(actor), action=Action.REJECTION_OVERTURNED, to=Status.SUBMITTED, settings=settings,
        reason=why, side=side,
    )


# ---------------------------------------------------------------- supplying, withdrawing


@dataclass(frozen=True, slots=True)
class Supplied:
    material_id: int
    upload_id: int | None = None  # None: handed in on paper at the window (a clerk records it)


def _may_act_as_applicant(actor: Actor, case: Case) -> bool:
    if actor.is_citizen:
        return True  # visible_case already limited it to their own (or their enterprise's) cases
    return actor.is_staff and (
        Role.WINDOW_CLERK in actor.roles
        or (Role.ASSISTANCE_AGENT in actor.roles and case.submitted_by_staff_id == actor.user_id)
    )


async def supply(*, actor: Actor, settings: Settings | None, case_id: int, materials: list[Supplied]) -> Case:
    """Supply what a correction or a 容缺 acceptance asked for. A corrected case returns to the window;
    a 容缺 case keeps its state, and once nothing is missing its supply deadline is lifted."""
    if flow.parties_of(actor).isdisjoint({Party.APPLICANT, Party.AGENT, Party.CLERK}):
        raise DomainError(errors.NOT_ALLOWED, "只有申请人、其代办员或窗口工作人员可以补交材料")
    case = await visible_case(actor, case_id)
    if not _may_act_as_applicant(actor, case):
        raise DomainError(errors.NOT_ALLOWED, "无权为该办件补交材料")
    if case.status not in AWAITING_SUPPLY:
        check(case, Action.SUPPLIED)  # INVALID_STATE, naming the state
    rows = {r.material_id: r for r in await _materials(case)}
    if not materials:
        raise DomainError(errors.INVALID, "请选择要补交的材料", ["materials"])
    await owned_uploads(actor, [MaterialInput(m.material_id, m.upload_id) for m in materials])
    open_states = ("pending", "missing")
    problems = []
    for m in materials:
        row = rows.get(m.material_id)
        if row is None or row.state not in open_states:
            problems.append(DomainError(errors.INVALID, "该材料无需补交", ["materials", str(m.material_id)]))
        elif m.upload_id is None and not (actor.is_staff and Role.WINDOW_CLERK in actor.roles):
            problems.append(DomainError(errors.MISSING_MATERIAL, f"请上传“{row.name}”", ["materials", str(m.material_id)]))
    if problems:
        raise DomainErrors(problems)
    supplied = {m.material_id: m for m in materials}
    correcting = case.status == Status.CORRECTION_REQUESTED
    # what still blocks: for a correction the required materials (deferrable ones can still be
    # accepted as missing at the window); for a 容缺 case every material it lacks
    left = [
        r for mid, r in rows.items()
        if r.state in open_states and mid not in supplied
        and (r.necessity == "required" if correcting else r.necessity != "optional")
    ]
    if correcting:
        action = Action.CORRECTED_PART if left else Action.CORRECTED
    else:
        action = Action.SUPPLIED
    updates: dict[str, Any] = {}
    if not left:
        updates["supply_by"] = None
    names = "、".join(rows[mid].name for mid in supplied)

    async def side(conn: Any, out: Outgoing) -> None:
        now = clock.now()
        clerk = actor.is_staff and Role.WINDOW_CLERK in actor.roles
        for mid, m in supplied.items():
            await CaseMaterial.filter(id=rows[mid].id).using_db(conn).update(
                state="provided", trust="B" if clerk else "C", upload_id=m.upload_id,
                checked_by_id=actor.user_id if clerk else None, checked_at=now if clerk else None,
            )

    acting = Acting(actor, mandate_id=case.mandate_id if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles else None)
    return await transition(
        case, acting=acting, action=action, settings=settings, reason=f"补交：{names}",
        updates=updates, data={"materials": list(supplied), "remaining": len(left)}, side=side,
    )


async def withdraw(*, actor: Actor, settings: Settings | None, case_id: int, reason: str) -> Case:
    """撤回: the applicant (or their agent) takes the application back before it is decided."""
    may(actor, Action.WITHDRAWN)
    case = await visible_case(actor, case_id)
    if not (actor.is_citizen or (actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles and case.submitted_by_staff_id == actor.user_id)):
        raise DomainError(errors.NOT_ALLOWED, "只有申请人或其代办员可以撤回申请")
    check(case, Action.WITHDRAWN, actor)
    why = reason_text(reason, required=False, what="撤回原因")
    return await transition(
        case, acting=Acting(actor, mandate_id=case.mandate_id if actor.is_staff else None), action=Action.WITHDRAWN,
        to=Status.WITHDRAWN, settings=settings, reason=why, updates={"supply_by": None, "completed_at": clock.now()},
    )


async def expire_supply(case_id: int, *, today: date, settings: Settings | None) -> bool:
    """The applicant missed the 补正 or 容缺 deadline (the scheduled job calls this): a correction
    not made ends the application as not accepted (视为撤回); a 容缺 case not completed in time is
    ended as not approved. Returns whether it changed anything."""
    case = await Case.get_or_none(id=case_id)
    if case is None or case.supply_by is None or case.supply_by >= today:
        return False
    updates: dict[str, Any]
    if case.status == Status.CORRECTION_REQUESTED:
        why = f"逾期（{case.supply_by.isoformat()} 前）未补正，视为撤回申请"
        to, updates = Status.WITHDRAWN, {"supply_by": None, "completed_at": clock.now()}
    elif case.status in (Status.ACCEPTED, Status.UNDER_REVIEW, Status.SUSPENDED):
        if not await CaseMaterial.exists(case_id=case.id, state="missing"):
            return False
        why = f"容缺材料逾期（{case.supply_by.isoformat()} 前）未补齐，终止办理"
        to = Status.DENIED
        updates = {"supply_by": None, "decision": "denied", "decision_reason": why, "decided_at": clock.now(),
                   "completed_at": clock.now()}
    else:
        return False

    async def side(conn: Any, out: Outgoing) -> None:
        await out.applicant("supply_expired", reason=why)

    try:
        await transition(case, acting=SYSTEM, action=Action.SUPPLY_EXPIRED, to=to, settings=settings, reason=why,
                         updates=updates, side=side)
    except DomainError:
        return False
    return True


# ---------------------------------------------------------------- result


async def issue_result(
    *, actor: Actor, settings: Settings | None, case_id: int, method: str, tracking_number: str | None = None,
) -> Case:
    """出件: an e-licence already issued completes the case at once (electronic); a paper result
    waits at the window for pickup or is posted with a tracking number."""
    may(actor, Action.RESULT_ISSUED)
    case = await visible_case(actor, case_id)
    check(case, Action.RESULT_ISSUED, actor)
    if method not in ("pickup", "postal", "electronic"):
        raise DomainError(errors.INVALID, "出件方式只能为窗口领取、邮寄或电子证照", ["method"])
    if method == "electronic" and not await ELicence.exists(case_id=case.id):
        raise DomainError(errors.INVALID, "该办件没有签发电子证照，请选择窗口领取或邮寄", ["method"])
    tracking = (tracking_number or "").strip()
    if method == "postal" and not _TRACKING.match(tracking):
        raise DomainError(errors.INVALID, "请填写 8 到 32 位的邮寄运单号（字母或数字）", ["trackingNumber"])
    if method == "electronic":
        return await _complete(case, actor=actor, settings=settings, updates={"result_method": "electronic"},
                               reason="电子证照出件")
    hall = await Hall.get_or_none(code=case.hall_code) if case.hall_code else None
    place = f"{hall.name}（{hall.address}）" if hall else "受理窗口"

    async def side(conn: Any, out: Outgoing) -> None:
        if method == "pickup":
            await out.applicant("result_pickup", place=place)
        else:
            await out.applicant("result_posted", tracking_no=tracking)

    return await transition(
        case, acting=Acting(actor), action=Action.RESULT_ISSUED, to=Status.RESULT_ISSUED, settings=settings,
        reason="窗口领取" if method == "pickup" else f"邮寄，运单号 {tracking}",
        updates={"result_method": method, "tracking_number": tracking or None}, side=side,
    )


async def complete(*, actor: Actor, settings: Settings | None, case_id: int, note: str = "") -> Case:
    """办结: the result was picked up, or the post delivered it."""
    may(actor, Action.COMPLETED)
    case = await visible_case(actor, case_id)
    check(case, Action.COMPLETED, actor)
    why = reason_text(note, required=False, what="备注", field_name="note")
    return await _complete(case, actor=actor, settings=settings, updates={},
                           reason=why or ("申请人已领取" if case.result_method == "pickup" else "邮件已妥投"))


async def _complete(case: Case, *, actor: Actor, settings: Settings | None, updates: dict[str, Any], reason: str) -> Case:
    used = await clock.used_working_days(case, until=clock.today())

    async def side(conn: Any, out: Outgoing) -> None:
        if settings is not None and case.bundle_id is None:  # 好差评: the signed, single-use SMS link
            from server.domain.cases import ratings

            link = ratings.link(settings, await ratings.issue_token(conn, case, "sms", settings))
        else:
            link = f"/evaluate/{case.number}"
        await out.applicant("evaluation_invitation", link=link)

    return await transition(
        case, acting=Acting(actor), action=Action.COMPLETED, to=Status.COMPLETED, settings=settings, reason=reason,
        updates={**updates, "completed_at": clock.now(), "working_days_used": used}, side=side,
    )
