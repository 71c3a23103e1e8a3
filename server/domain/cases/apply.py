"""Applying: drafts, submission (idempotent, pinned to the published version), instant approval.

A citizen applies for themself or for an enterprise they represent or operate; an assistance agent
applies for a principal under a mandate (the timeline records both). Materials are reused before
anything is asked (e-licence A, a base database that holds what the material proves 免提交,
window-verified B); what is left must be uploaded. Form fields the base databases know (人口库,
法人库) are filled from them at submission, whatever was typed; each pull is logged with its
purpose and, once the case exists, the case (:mod:`server.domain.shareddata`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.domain.accounts import enterprises, mandates
from server.domain.accounts.models import Citizen, Enterprise
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, errors, evidence, flow, idempotency
from server.domain.cases.flow import SYSTEM, Acting, Outgoing, transition
from server.domain.cases.models import Case, CaseCounter, CaseMaterial, ELicence, Upload
from server.domain.cases.states import APPLICANTS, Action, Status
from server.domain.catalog.forms import validate_form
from server.domain.catalog.models import Hall, ItemVersion, Material, Region, ServiceItem, Situation
from server.domain.errors import DomainError, DomainErrors
from server.domain.shareddata import rules as shared_rules
from server.domain.shareddata import service as shareddata
from server.settings import Settings

QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
MAX_KEY = 64
MAX_MATERIAL_INPUTS = 60


@dataclass(frozen=True, slots=True)
class MaterialInput:
    material_id: int
    upload_id: int | None = None


@dataclass(slots=True)
class Application:
    """What the applicant filled in (a draft, or a submission)."""

    item_id: int
    situation_id: int | None = None
    form_data: dict[str, Any] = field(default_factory=dict)
    materials: list[MaterialInput] = field(default_factory=list)
    enterprise_id: int | None = None  # apply for this enterprise (its representative or operator)
    principal_citizen_id: int | None = None  # an agent applies for this person
    principal_enterprise_id: int | None = None  # … or for this enterprise
    contact_phone: str | None = None


@dataclass(slots=True)
class InstantDecision:
    approved: bool
    rule: str  # "<code>@v<version>"
    reasons: list[str]


@dataclass(slots=True)
class Submitted:
    case: Case
    created: bool  # False when the idempotency key named a case already submitted
    instant: InstantDecision | None = None


@dataclass(slots=True)
class Applicant:
    kind: str
    name: str
    citizen: Citizen | None
    enterprise: Enterprise | None
    contact: Citizen | None
    acting: Acting

    @property
    def holder(self) -> evidence.Holder:
        if self.kind == "enterprise":
            assert self.enterprise is not None
            return evidence.Holder(enterprise_id=self.enterprise.id, code=self.enterprise.credit_code,
                                   name=self.enterprise.name)
        assert self.citizen is not None
        return evidence.Holder(citizen_id=self.citizen.id, identity_verified=self.citizen.verified_at is not None,
                               code=self.citizen.id_number, name=self.citizen.name or "")

    def columns(self) -> dict[str, Any]:
        return {
            "applicant_kind": self.kind, "applicant_name": self.name,
            "applicant_citizen_id": self.citizen.id if self.citizen else None,
            "applicant_enterprise_id": self.enterprise.id if self.enterprise else None,
            "contact_citizen_id": self.contact.id if self.contact else None,
            "contact_phone": self.contact.phone if self.contact else "",
        }


async def _citizen(citizen_id: int) -> Citizen:
    citizen = await Citizen.get_or_none(id=citizen_id)
    if citizen is None or not citizen.is_active:
        raise DomainError(errors.NOT_FOUND, "申请人不存在", ["principalCitizenId"])
    return citizen


async def applicant_for(actor: Actor, app: Application, *, basic_code: str) -> Applicant:
    """Who applies, and on whose authority the caller acts."""
    if actor.is_citizen:
        me = await _citizen(actor.citizen_id)  # type: ignore[arg-type]
        if app.principal_citizen_id or app.principal_enterprise_id:
            raise DomainError(errors.NOT_ALLOWED, "群众不能代他人申请；请由帮办代办员办理", ["principalCitizenId"])
        if app.enterprise_id is not None:
            m = await enterprises.membership(actor=actor, enterprise_id=app.enterprise_id)
            if m is None:
                raise DomainError(errors.NOT_ALLOWED, "您不是该企业的法定代表人或经办人", ["enterpriseId"])
            return Applicant("enterprise", m.enterprise.name, None, m.enterprise, me, Acting(actor))
        return Applicant("citizen", me.name or "", me, None, me, Acting(actor))
    if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles:
        if (app.principal_citizen_id is None) == (app.principal_enterprise_id is None):
            raise DomainError(errors.INVALID, "代办须指定委托人（一位群众或一家企业）", ["principalCitizenId"])
        mandate = await mandates.mandate_for(
            agent=actor, principal_citizen_id=app.principal_citizen_id,
            principal_enterprise_id=app.principal_enterprise_id, basic_code=basic_code, on=clock.today(),
        )
        if mandate is None:
            raise DomainError(errors.NO_MANDATE, "没有覆盖该事项的有效委托，不能代办", ["principalCitizenId"])
        if app.principal_citizen_id is not None:
            person = await _citizen(app.principal_citizen_id)
            return Applicant(
                "citizen", person.name or "", person, None, person,
                Acting(actor, mandate_id=mandate.id, on_behalf_citizen_id=person.id),
            )
        ent = await Enterprise.get(id=app.principal_enterprise_id)
        rep = await Citizen.get_or_none(id=ent.legal_rep_id) if ent.legal_rep_id else None
        return Applicant("enterprise", ent.name, None, ent, rep, Acting(actor, mandate_id=mandate.id))
    raise DomainError(errors.NOT_ALLOWED, "请先登录后再申请")


@dataclass(slots=True)
class Pinned:
    item: ServiceItem
    version: ItemVersion
    situation: Situation
    materials: list[Material]
    region: Region


async def pinned(item_id: int, situation_id: int | None) -> Pinned:
    """The item's published version and the chosen situation, or why they cannot be applied for."""
    item = await ServiceItem.get_or_none(id=item_id).select_related("region")
    if item is None:
        raise DomainError(errors.NOT_FOUND, "事项不存在", ["itemId"])
    if item.status != "active" or item.published_version_id is None:
        raise DomainError(errors.ITEM_UNAVAILABLE, "该事项当前不可申请（未发布、已暂停或已取消）", ["itemId"])
    version = await ItemVersion.get(id=item.published_version_id)
    situations = await Situation.filter(version_id=version.id).order_by("position")
    if situation_id is None:
        if len(situations) != 1:
            raise DomainError(errors.INVALID, "请选择办理情形", ["situationId"])
        situation = situations[0]
    else:
        situation = next((s for s in situations if s.id == situation_id), None)  # type: ignore[assignment]
        if situation is None:
            raise DomainError(errors.INVALID, "所选办理情形不属于该事项的现行版本，请刷新后重选", ["situationId"])
    materials = await Material.filter(situation_id=situation.id).order_by("position")
    return Pinned(item, version, situation, list(materials), item.region)


def _check_object(p: Pinned, a: Applicant) -> None:
    objects = set(p.version.service_objects or [])
    if not objects:
        return
    if a.kind == "citizen" and "natural_person" not in objects:
        raise DomainError(errors.ITEM_UNAVAILABLE, "该事项面向法人和其他组织，请以企业身份申请", ["enterpriseId"])
    if a.kind == "enterprise" and objects == {"natural_person"}:
        raise DomainError(errors.ITEM_UNAVAILABLE, "该事项只面向自然人，不能以企业身份申请", ["enterpriseId"])


def case_columns(actor: Actor, p: Pinned, a: Applicant, form: dict[str, Any]) -> dict[str, Any]:
    """The columns every new case takes from its pinned item version, its applicant and who entered it."""
    return {
        **a.columns(), **region_columns(p.region), "item_id": p.item.id, "version_id": p.version.id,
        "situation_id": p.situation.id, "item_name": p.version.name, "basic_code": p.item.basic_code,
        "department_code": p.item.department_id, "form_data": form,
        "committed_limit": p.version.committed_limit, "committed_unit": p.version.committed_unit,
        "mandate_id": a.acting.mandate_id, "submitted_by_staff_id": actor.user_id,
    }


def region_columns(region: Region) -> dict[str, Any]:
    codes = [c for c in region.path.split("/") if c]
    return {
        "region_code": region.code,
        "city_code": codes[2] if len(codes) >= 3 else region.code,
        "county_code": codes[3] if len(codes) >= 4 else None,
    }


async def hall_of(region: Region) -> str | None:
    """The hall a case of this region goes to: the region's own, else the nearest above it."""
    codes = [c for c in region.path.split("/") if c]
    halls = await Hall.filter(region_id__in=codes).order_by("code").values_list("code", "region_id")
    for code in reversed(codes):
        for hall_code, region_code in halls:
            if region_code == code:
                return str(hall_code)
    return None


async def owned_uploads(actor: Actor, inputs: list[MaterialInput]) -> dict[int, int]:
    """material id → upload id, each upload belonging to the caller."""
    if len(inputs) > MAX_MATERIAL_INPUTS:
        raise DomainError(errors.INVALID, f"材料最多 {MAX_MATERIAL_INPUTS} 项", ["materials"])
    wanted = {m.upload_id for m in inputs if m.upload_id is not None}
    owner = {"owner_citizen_id": actor.citizen_id} if actor.is_citizen else {"owner_staff_id": actor.user_id}
    mine = set(await Upload.filter(id__in=wanted, **owner).values_list("id", flat=True)) if wanted else set()
    problems = [
        DomainError(errors.NOT_FOUND, "上传的文件不存在或不属于您", ["materials", str(m.material_id), "uploadId"])
        for m in inputs if m.upload_id is not None and m.upload_id not in mine
    ]
    if problems:
        raise DomainErrors(problems)
    return {m.material_id: m.upload_id for m in inputs if m.upload_id is not None}


def founds_entity(version: ItemVersion) -> bool:
    """Whether the item registers a new market entity (a 设立登记 issuing a 营业执照): its form describes
    that entity, so no legal-person field is taken from the applicant's own record."""
    return version.result_licence == shared_rules.BUSINESS_LICENCE and "设立" in version.name


def instant_needs_credit(version: ItemVersion) -> bool:
    """Whether the item's instant rule asks the credit base (its ``not_dishonest`` condition)."""
    return bool(version.instant and "not_dishonest" in (version.instant_rule or {}).get("conditions", []))


async def held_for(actor: Actor, p: Pinned, a: Applicant, *, purpose: str, settings: Settings | None,
                   form: bool = True) -> evidence.Holdings:
    """What the applicant holds for this situation: one logged pull of the bases it needs (``form``:
    the item's form fields are to be prefilled too)."""
    keys = [str(f.get("key")) for f in p.version.form_fields or []] if form else []
    keys = shared_rules.prefill_keys(keys, founds_entity=founds_entity(p.version))
    why = shareddata.Why.on(f"{purpose}“{p.version.name}”：材料免提交核验" + ("、申请表预填" if keys else ""),
                            shareddata.Caller.of(actor), p.region)
    return await evidence.holdings(a.holder, on=clock.today(), why=why, settings=settings, materials=p.materials,
                                   form_keys=keys, credit=instant_needs_credit(p.version))


def prefilled_form(p: Pinned, held: evidence.Holdings, data: dict[str, Any] | None) -> dict[str, Any]:
    """The applicant's form data with what the bases know put in (a base value replaces a typed one)."""
    declared = {f.get("key") for f in p.version.form_fields or []}
    return {**(data or {}), **{k: v.value for k, v in held.prefilled.items() if k in declared}}


def explain_unavailable(problems: list[DomainError], held: evidence.Holdings) -> list[DomainError]:
    """A form field a base that was down would have filled says so (the applicant fills it in)."""
    out = []
    for e in problems:
        why = held.unavailable_for_field(e.field[-1]) if e.field and e.field[0] == "formData" else None
        out.append(DomainError(e.code, f"{e.message}（{why}，未能自动填写）", e.field) if why else e)
    return out


async def material_rows(
    p: Pinned, a: Applicant, uploads: dict[int, int], *, strict: bool, held: evidence.Holdings,
) -> list[tuple[Material, evidence.Satisfied]]:
    """Each material of the situation and how it is satisfied (from ``held``, read once); with
    ``strict`` every required material must be (deferrable ones may wait for the window's 容缺)."""
    unknown = set(uploads) - {m.id for m in p.materials}
    if unknown:
        raise DomainError(errors.INVALID, "提交的材料不属于所选办理情形", ["materials"])
    holder = a.holder
    rows = [(m, evidence.satisfy(m, holder=holder, held=held, upload_id=uploads.get(m.id))) for m in p.materials]
    if strict:
        missing = []
        for m, s in rows:
            if s.state == "pending" and m.necessity == "required":
                why = held.unavailable_for(m, enterprise=holder.enterprise)
                note = f"（{why}，本次不能免提交）" if why else ""
                missing.append(DomainError(errors.MISSING_MATERIAL, f"请提交“{m.name}”{note}", ["materials", str(m.id)]))
        if missing:
            raise DomainErrors(missing)
    return rows


def _case_material(case_id: int, m: Material, s: evidence.Satisfied) -> CaseMaterial:
    return CaseMaterial(
        case_id=case_id, material_id=m.id, position=m.position, name=m.name, necessity=m.necessity,
        state=s.state, trust=s.trust, upload_id=s.upload_id, elicence_id=s.elicence_id,
        verified_id=s.verified_id, check_note=s.note,
    )


async def next_number(conn: Any, region_code: str, day: date) -> str:
    """``<region>-<yyyymmdd>-<seq>``: the counter row is locked by the update until commit."""
    key = day.strftime("%Y%m%d")
    for _ in range(3):
        n = await CaseCounter.filter(region_code=region_code, day=key).using_db(conn).update(last_seq=F("last_seq") + 1)
        if n == 1:
            seq = await CaseCounter.filter(region_code=region_code, day=key).using_db(conn).values_list(
                "last_seq", flat=True
            )
            return f"{region_code}-{key}-{seq[0]:05d}"
        ph = "$1, $2" if conn.capabilities.dialect == "postgres" else "?, ?"
        await conn.execute_query(
            f"INSERT INTO case_counter (region_code, day, last_seq) VALUES ({ph}, 0) "
            "ON CONFLICT (region_code, day) DO NOTHING",
            [region_code, key],
        )
    raise RuntimeError("case counter could not be claimed")


def query_code() -> str:
    return "".join(secrets.choice(QUERY_ALPHABET) for _ in range(8))


def evaluate_instant(rule: dict[str, Any], *, applicant: Applicant, materials: Iterable[tuple[str, str, str]],
                     dishonest: str | None = None) -> InstantDecision:
    """The instant item's declarative rule against this submission: every condition, with reasons.
    ``materials``: (name, necessity, how it is satisfied) of each of the case's materials;
    ``dishonest``: the credit base's dishonesty listings of the applicant in force, if any."""
    reasons: list[str] = []
    for cond in rule.get("conditions", []):
        if cond == "identity_verified":
            person = applicant.contact if applicant.kind == "enterprise" else applicant.citizen
            if person is None or person.verified_at is None:
                reasons.append("申请人未完成实名认证")
        elif cond == "materials_by_evidence":
            for name, necessity, state in materials:
                if necessity != "optional" and state not in ("reused", "exempt"):
                    reasons.append(f"“{name}”无电子证照或共享数据可用，需人工核验")
        elif cond == "not_dishonest":
            if dishonest:
                reasons.append(f"申请人在失信名单中（来自信用库：{dishonest}）")
        else:
            reasons.append(f"未知的秒批条件 {cond}")
    return InstantDecision(approved=not reasons, rule=f"{rule.get('code', '')}@v{rule.get('version', 1)}", reasons=reasons)


def elicence_number(case: Case) -> str:
    return f"DZZZ-{case.number}"


async def issue_elicence(conn: Any, case: Case, kind: str) -> ELicence:
    """The case's e-licence; a 设立登记's 营业执照 founds the enterprise, which holds it
    (:mod:`server.domain.cases.founding`)."""
    from server.domain.cases import founding

    number = elicence_number(case)
    data: dict[str, Any] = {"item": case.item_name, "case_no": case.number}
    holder_enterprise_id, holder_name = case.applicant_enterprise_id, case.applicant_name
    if founding.founds(case, kind):
        ent = await founding.register(conn, case)
        if ent is not None:
            holder_enterprise_id, holder_name = ent.id, ent.name
            data |= {"credit_code": ent.credit_code, "name": ent.name}
    return await ELicence.create(
        number=number, kind=kind, holder_citizen_id=case.applicant_citizen_id,
        holder_enterprise_id=holder_enterprise_id, holder_name=holder_name,
        department_code=case.department_code, case_id=case.id, issued_at=clock.now(),
        data=data, using_db=conn,
    )


def require_applicant(actor: Actor) -> None:
    """Citizens apply for themselves (or their enterprise), assistance agents for a principal."""
    if flow.parties_of(actor).isdisjoint(APPLICANTS):
        raise DomainError(errors.NOT_ALLOWED, "只有群众本人或帮办代办员可以在线申请；窗口收件请用“代为收件”")


# ---------------------------------------------------------------- drafts


async def save_draft(*, actor: Actor, app: Application, draft_id: int | None = None,
                     settings: Settings | None = None) -> Case:
    """Create or replace a draft (form data kept as typed, prefilled at submission; materials as
    chosen so far, shared data looked up)."""
    require_applicant(actor)
    p = await pinned(app.item_id, app.situation_id)
    a = await applicant_for(actor, app, basic_code=p.item.basic_code)
    _check_object(p, a)
    uploads = await owned_uploads(actor, app.materials)
    held = await held_for(actor, p, a, purpose="保存申请草稿", settings=settings, form=False)
    rows = await material_rows(p, a, uploads, strict=False, held=held)
    declared = {f.get("key") for f in p.version.form_fields or []}
    form = {k: v for k, v in (app.form_data or {}).items() if k in declared}
    columns = case_columns(actor, p, a, form)

    async def side(conn: Any, out: Outgoing) -> None:
        await CaseMaterial.filter(case_id=out.case.id).using_db(conn).delete()
        await CaseMaterial.bulk_create([_case_material(out.case.id, m, s) for m, s in rows], using_db=conn)
        await shareddata.attach(held.batch, conn=conn, case=out.case)

    if draft_id is None:
        case = await flow.create(acting=a.acting, action=Action.DRAFT_SAVED, settings=None, side=side,
                                 columns={**columns, "channel": _channel(actor)})
    else:
        case = await transition(await _own_draft(actor, draft_id), acting=a.acting, action=Action.DRAFT_SAVED,
                                settings=None, updates=columns, side=side)
    return await Case.get(id=case.id)


def _channel(actor: Actor) -> str:
    return "agent" if actor.is_staff else "online"


async def _own_draft(actor: Actor, draft_id: int) -> Case:
    owner = {"applicant_citizen_id": actor.citizen_id} if actor.is_citizen else {"submitted_by_staff_id": actor.user_id}
    case = await Case.filter(id=draft_id, status="draft", **owner).first()
    if case is None and actor.is_citizen:
        case = await Case.filter(id=draft_id, status="draft", contact_citizen_id=actor.citizen_id).first()
    if case is None:
        raise DomainError(errors.NOT_FOUND, "草稿不存在或已提交", ["draftId"])
    return case


# ---------------------------------------------------------------- submission


def _key(actor: Actor, key: str) -> str:
    key = (key or "").strip()
    if not 8 <= len(key) <= MAX_KEY:
        raise DomainError(errors.INVALID, "幂等键应为 8 到 64 个字符（客户端为每次提交生成一个）", ["idempotencyKey"])
    who = f"c{actor.citizen_id}" if actor.is_citizen else f"s{actor.user_id}"
    return f"{who}:{key}"


async def submit(
    *, actor: Actor, settings: Settings | None, idempotency_key: str, app: Application | None = None,
    draft_id: int | None = None,
) -> Submitted:
    """Submit a draft or a new application. The same key returns the same case, however often it
    is sent; a case pins the item version published at this moment."""
    require_applicant(actor)
    key = _key(actor, idempotency_key)
    # the application given wins over the draft; a draft alone is the same request when the case the
    # key names is that draft, submitted
    request = idempotency.digest("application", app) if app is not None else None
    existing = await Case.get_or_none(idempotency_key=key)
    if existing is not None:
        if app is None and existing.id != draft_id:
            request = ""  # another draft under a used key: never the same request
        return Submitted(idempotency.replay(existing, request), created=False)
    draft = None
    if draft_id is not None:
        draft = await _own_draft(actor, draft_id)
        if app is None:
            app = await _application_of(draft)
    if app is None:
        raise DomainError(errors.INVALID, "请填写申请内容或指定草稿", ["itemId"])
    request = idempotency.digest("application", app)
    p = await pinned(app.item_id, app.situation_id)
    a = await applicant_for(actor, app, basic_code=p.item.basic_code)
    _check_object(p, a)
    person = a.contact if a.kind == "enterprise" else a.citizen
    if actor.is_citizen and (person is None or person.verified_at is None):
        raise DomainError(errors.NOT_VERIFIED, "请先完成实名认证再提交申请")
    uploads = await owned_uploads(actor, app.materials)
    held = await held_for(actor, p, a, purpose="申请", settings=settings)
    form, problems = validate_form(p.version.form_fields or [], prefilled_form(p, held, app.form_data))
    problems = explain_unavailable(problems, held)
    try:
        rows = await material_rows(p, a, uploads, strict=True, held=held)
    except DomainErrors as exc:
        problems += exc.errors
        rows = []
    if problems:
        raise DomainErrors(problems)
    instant = None
    if p.version.instant and p.version.instant_rule:
        instant = evaluate_instant(p.version.instant_rule, applicant=a, dishonest=held.dishonest,
                                   materials=[(m.name, m.necessity, st.state) for m, st in rows])
    try:
        case = await _create(actor, key, request, p, a, form, rows, instant, draft, settings, batch=held.batch)
    except IntegrityError:
        again = await Case.get_or_none(idempotency_key=key)
        if again is None:
            raise
        return Submitted(idempotency.replay(again, request), created=False)
    return Submitted(case, created=True, instant=instant)


async def _application_of(draft: Case) -> Application:
    mats = await CaseMaterial.filter(case_id=draft.id).values_list("material_id", "upload_id")
    return Application(
        item_id=draft.item_id, situation_id=draft.situation_id, form_data=dict(draft.form_data or {}),
        materials=[MaterialInput(m, u) for m, u in mats if u is not None],
        enterprise_id=draft.applicant_enterprise_id if draft.submitted_by_staff_id is None else None,
        principal_citizen_id=draft.applicant_citizen_id if draft.submitted_by_staff_id else None,
        principal_enterprise_id=draft.applicant_enterprise_id if draft.submitted_by_staff_id else None,
    )


async def _create(
    actor: Actor, key: str, request: str, p: Pinned, a: Applicant, form: dict[str, Any],
    rows: list[tuple[Material, evidence.Satisfied]], instant: InstantDecision | None, draft: Case | None,
    settings: Settings | None, *, batch: str | None = None,
) -> Case:
    now = clock.now()
    columns: dict[str, Any] = {
        **case_columns(actor, p, a, form), "idempotency_key": key, "request_digest": request, "submitted_at": now,
        "query_code": query_code(), "hall_code": await hall_of(p.region),
    }

    async def materials(conn: Any, out: Outgoing) -> None:
        if draft is not None:
            await CaseMaterial.filter(case_id=out.case.id).using_db(conn).delete()
        await CaseMaterial.bulk_create([_case_material(out.case.id, m, s) for m, s in rows], using_db=conn)
        await shareddata.attach(batch, conn=conn, case=out.case)

    async with flow.unit(settings) as u:
        columns["number"] = await next_number(u.conn, p.region.code, now.date())
        if draft is None:
            case = await flow.create(acting=a.acting, action=Action.SUBMITTED, settings=settings, within=u,
                                     columns={**columns, "channel": _channel(actor)}, side=materials)
        else:
            case = await transition(draft, acting=a.acting, action=Action.SUBMITTED, settings=settings, within=u,
                                    updates=columns, side=materials)
        out = u.out(case)
        if instant is not None and instant.approved:
            if await instant_approve(u, case, p.version, instant, settings):
                await out.applicant("approved")
        else:
            if instant is not None:
                await transition(case, acting=SYSTEM, action=Action.INSTANT_DECLINED, settings=settings, within=u,
                                 reason="；".join(instant.reasons), data={"rule": instant.rule, "reasons": instant.reasons})
            await out.applicant("submitted")
    return case


async def instant_approve(u: flow.Unit, case: Case, version: ItemVersion, instant: InstantDecision,
                          settings: Settings | None) -> bool:
    """秒批 inside ``u``: accepted (unless it already is: a bundle's later stage opens accepted), approved
    with the rule recorded, the e-licence issued, and completed electronically. A bundle's sub-case
    without an e-licence stays approved: its paper result goes out with the bundle's (统一出件)."""
    now = clock.now()
    rule = {"rule": instant.rule}
    if case.status == Status.SUBMITTED:
        case.accepted_at = now
        dl = await clock.compute(case, statutory_limit=version.statutory_limit, statutory_unit=version.statutory_unit,
                                 yellow=clock.yellow_days(settings))
        await transition(case, acting=SYSTEM, action=Action.ACCEPTED, settings=settings, within=u, reason="系统自动受理",
                         data=rule, updates={"accepted_at": now, "deadline": dl.deadline, "statutory_deadline": dl.statutory,
                                             "warn_on": dl.warn_on})
    if case.partner_code is not None:
        return False  # forwarded at acceptance to the partner that decides it (server.domain.exchange)
    await transition(case, acting=SYSTEM, action=Action.INSTANT_APPROVED, settings=settings, within=u,
                     reason=f"秒批规则 {instant.rule}", data=rule,
                     updates={"decided_at": now, "decision": "approved", "decision_reason": f"符合秒批规则 {instant.rule}",
                              "instant_rule": instant.rule})
    if not version.result_licence:
        if case.bundle_id is None:
            await transition(case, acting=SYSTEM, action=Action.COMPLETED, settings=settings, within=u, reason="秒批办结",
                             updates={"completed_at": now, "result_method": "electronic", "working_days_used": 0})
        return True
    lic = await issue_elicence(u.conn, case, version.result_licence)
    await transition(case, acting=SYSTEM, action=Action.ELICENCE_ISSUED, settings=settings, within=u,
                     reason=f"{lic.kind} {lic.number}", data={"elicence_id": lic.id})
    await u.out(case).applicant("elicence_issued", sms=False)
    from server.domain.cases.bundle_flow import bundle_move

    with bundle_move(case.bundle_id) if case.bundle_id is not None else nullcontext():
        await transition(case, acting=SYSTEM, action=Action.COMPLETED, settings=settings, within=u, reason="秒批办结",
                         updates={"completed_at": now, "result_method": "electronic", "working_days_used": 0})
    return True
