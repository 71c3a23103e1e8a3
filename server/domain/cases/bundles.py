"""Themed "one thing" bundles (主题式服务 · 一件事): applying once, the window working the bundle,
reading it.

One submission (idempotent by key, like :func:`apply.submit`) resolves the theme's published version
with the questionnaire's answers (:func:`server.domain.themes.resolve.resolve`), checks the merged
form once (fields the platform knows are filled in from their source) and the one set of materials
once (a material several items need is uploaded once; e-licences, window-verified materials and
shared data are reused as for a single item; the 申请书 is generated from the form), then writes
the bundle (:class:`CaseBundle`) and one sub-case per item of the first stage, each routed to its
item's department, in one transaction. Later stages open by themselves (:mod:`bundle_flow`).

The window works the bundle, not each item: accept every sub-case waiting at the window in one
transaction, accept with missing materials (one 容缺 notice), request corrections once (one
一次性告知单 across all items), propose a rejection (a supervisor confirms or overturns it for the
bundle). The applicant supplies once for the bundle, withdraws it (every open sub-case), or applies
again for an item that failed. The bundle's status is derived (:func:`view`), never stored.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery

from server.domain.accounts.models import Citizen, Enterprise
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import bundle_flow, clock, errors, evidence, flow, founding, idempotency, realestate
from server.domain.cases import window as desk
from server.domain.cases.apply import (
    Applicant,
    Application,
    InstantDecision,
    MaterialInput,
    _check_object,
    _key,
    applicant_for,
    evaluate_instant,
    hall_of,
    instant_approve,
    instant_needs_credit,
    next_number,
    owned_uploads,
    query_code,
    region_columns,
    require_applicant,
)
from server.domain.cases.bundle_flow import (
    COMPLETED,
    FAILED,
    HELD,
    OPEN,
    WAITING,
    item_material_rows,
    item_states,
    latest_subs,
    plan_items,
    sub_case_columns,
    tell,
)
from server.domain.cases.models import Case, CaseBundle, CaseEvent, CaseMaterial, CaseRating, ELicence
from server.domain.cases.scope import case_scope, region_q, sees_cases
from server.domain.cases.states import (
    ACTIONS,
    AT_WINDOW,
    AWAITING_DELIVERY,
    AWAITING_SUPPLY,
    BAD_END,
    LABELS,
    RATEABLE,
    WITHDRAWABLE,
    Action,
    Derived,
    Party,
    Status,
    parent_status,
)
from server.domain.catalog.forms import validate_form
from server.domain.catalog.models import Hall, ItemVersion, Material, Region
from server.domain.errors import DomainError, DomainErrors
from server.domain.shareddata import rules as shared_rules
from server.domain.shareddata import service as shareddata
from server.domain.themes import resolve as themes
from server.domain.themes.models import Theme, ThemeVersion
from server.settings import Settings

MAX_ANSWERS = 20
MAX_BUNDLE_MATERIALS = 60
BUNDLE_NOT_FOUND = "主题办件不存在或无权查看"

# ---------------------------------------------------------------- applying


@dataclass(frozen=True, slots=True)
class MaterialFile:
    """One material of the bundle's set (``key``: its standard code, or ``M<id>``) and its upload."""

    key: str
    upload_id: int | None = None
    provided: bool = True  # at the window: presented on paper (with ``upload_id`` scanned, or not)


@dataclass(slots=True)
class ThemeApplication:
    theme_id: int | None = None  # the theme, by id …
    theme_code: str | None = None  # … or by its code
    answers: dict[str, str] = field(default_factory=dict)
    form_data: dict[str, Any] = field(default_factory=dict)
    materials: list[MaterialFile] = field(default_factory=list)
    enterprise_id: int | None = None
    principal_citizen_id: int | None = None
    principal_enterprise_id: int | None = None
    # the partner the applicant chose for an item a partner of their choice does (the bank, the seal
    # carver): theme item key -> partner code
    partners: dict[str, str] = field(default_factory=dict)
    # the construction project (工程建设项目审批): required for a theme with budgets by investment type
    project: Any = None  # construction.service.ProjectInput


@dataclass(slots=True)
class SubmittedBundle:
    bundle: CaseBundle
    created: bool  # False when the idempotency key named a bundle already submitted


async def published_theme(theme_id: int | None, theme_code: str | None = None) -> tuple[Theme, ThemeVersion]:
    """The theme (by id, or else by code) and its version in force, or why it cannot be applied for."""
    if theme_id is None and not (theme_code or "").strip():
        raise DomainError(errors.INVALID, "请指定主题（themeId 或 themeCode）", ["themeId"])
    if theme_id is not None:
        theme = await Theme.get_or_none(id=theme_id)
    else:
        theme = await Theme.get_or_none(code=(theme_code or "").strip()[:48])
    if theme is None:
        raise DomainError(errors.NOT_FOUND, "主题不存在", ["themeId"])
    if theme.status != "active" or theme.published_version_id is None:
        raise DomainError(errors.ITEM_UNAVAILABLE, "该主题当前不可申请（未发布、已暂停或已取消）", ["themeId"])
    return theme, await ThemeVersion.get(id=theme.published_version_id)


def _answers(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict) or len(raw) > MAX_ANSWERS:
        raise DomainError(errors.INVALID, "情形引导的回答应为对象（问题标识 → 选项）", ["answers"])
    return {str(k): str(v) for k, v in raw.items()}


async def _resolved(version: ThemeVersion, answers: dict[str, str]) -> themes.Bundle:
    b = await themes.resolve(version=version, answers=answers)
    if b.problems:
        raise DomainErrors([DomainError(errors.ITEM_UNAVAILABLE, f"{p.message}，暂不能申请该主题", p.field) for p in b.problems])
    if not b.items:
        raise DomainError(errors.INVALID, "按您的回答，该主题没有需要办理的事项", ["answers"])
    return b


async def _applicant(actor: Actor, app: ThemeApplication, b: themes.Bundle) -> Applicant:
    """Who applies (as for a single item); an agent's mandate must cover every item of the bundle."""
    single = Application(item_id=0, enterprise_id=app.enterprise_id, principal_citizen_id=app.principal_citizen_id,
                         principal_enterprise_id=app.principal_enterprise_id)
    codes = list(dict.fromkeys(i.item.basic_code for i in b.items))
    a = await applicant_for(actor, single, basic_code=codes[0])
    if actor.is_staff:
        for code in codes[1:]:
            await applicant_for(actor, single, basic_code=code)
    fits_audience(b, a)
    return a


def fits_audience(b: themes.Bundle, a: Applicant) -> None:
    """A person theme is applied for by a person, an enterprise theme by an enterprise (or by the
    person founding it); each item must be open to who applies."""
    audience = b.content.audience
    if audience == "person" and a.kind != "citizen":
        raise DomainError(errors.ITEM_UNAVAILABLE, "该主题面向个人，请以个人身份申请", ["enterpriseId"])
    if audience == "enterprise" and a.kind != "enterprise" and not b.content.founds_entity:
        raise DomainError(errors.ITEM_UNAVAILABLE, "该主题面向企业，请以企业身份申请", ["enterpriseId"])
    for i in b.items:
        if not (b.content.founds_entity and a.kind == "citizen"):
            _check_object(SimpleNamespace(version=i.version), a)  # type: ignore[arg-type]


def _known(source: str, a: Applicant) -> Any:
    person = a.contact or a.citizen
    ent = a.enterprise
    return {
        "applicant.name": person.name if person else None,
        "applicant.id_number": person.id_number if person else None,
        "applicant.phone": person.phone if person else None,
        "enterprise.name": ent.name if ent else None,
        "enterprise.credit_code": ent.credit_code if ent else None,
        "enterprise.legal_representative": ent.legal_rep_name if ent else None,
    }.get(source)


def merged_form(b: themes.Bundle, a: Applicant, data: Any,
                held: evidence.Holdings | None = None) -> tuple[dict[str, Any], list[DomainError]]:
    """The merged form (一表申请) checked once: what the base databases hold is filled in from them
    (``held``), else what the platform's account knows from its source, the rest as typed."""
    values = dict(data) if isinstance(data, dict) else {}
    later = {f.key for f in b.form if founding.produced(f.source)}
    for f in b.form:
        if f.key in later:
            values.pop(f.key, None)  # the registration produces it (founding.py): never typed
        elif held is not None and f.key in held.prefilled:
            values[f.key] = held.prefilled[f.key].value
        elif f.source:
            known = _known(f.source, a)
            if known:
                values[f.key] = known
    form, problems = validate_form([f.definition() for f in b.form if f.key not in later], values)
    if held is not None:
        from server.domain.cases.apply import explain_unavailable

        problems = explain_unavailable(problems, held)
    return form, problems


def _theme_region(theme: Theme) -> SimpleNamespace:
    return SimpleNamespace(code=theme.region_code, path=theme.region_path)


async def bundle_holdings(actor: Actor, b: themes.Bundle, a: Applicant, *, theme: Theme, purpose: str,
                          settings: Settings | None) -> evidence.Holdings:
    """What the applicant holds for every item of the bundle: one logged pull over the bases its
    materials and its merged form need (each base once, for the whole bundle)."""
    materials = [u.material for bm in b.materials if not bm.generated for u in bm.uses]
    keys = shared_rules.prefill_keys([f.key for f in b.form], founds_entity=b.content.founds_entity)
    why = shareddata.Why.on(f"{purpose}“{b.content.name or theme.code}”：材料免提交核验、一表申请预填",
                            shareddata.Caller.of(actor), _theme_region(theme))
    return await evidence.holdings(a.holder, on=clock.today(), why=why, settings=settings, materials=materials,
                                   form_keys=keys, credit=any(instant_needs_credit(i.version) for i in b.items))


def _produced_before(b: themes.Bundle) -> dict[str, int]:
    """E-licence kinds the bundle's own items issue, by the stage that issues them first."""
    out: dict[str, int] = {}
    for st in b.stages:
        for i in st.items:
            kind = i.version.result_licence
            if kind and kind not in out:
                out[kind] = st.number
    return out


async def _files(actor: Actor, b: themes.Bundle, inputs: Sequence[MaterialFile], *, window: bool) -> dict[str, Any]:
    """The bundle's one set of materials as submitted: ``{key: {upload_id, name, paper}}``."""
    if len(inputs) > MAX_BUNDLE_MATERIALS:
        raise DomainError(errors.INVALID, f"材料最多 {MAX_BUNDLE_MATERIALS} 项", ["materials"])
    by_key = {m.key: m for m in b.materials}
    problems = [DomainError(errors.INVALID, "提交的材料不属于该主题的材料清单", ["materials", f.key])
                for f in inputs if f.key not in by_key]
    problems += [DomainError(errors.INVALID, f"“{by_key[f.key].name}”由申请表生成，无需上传", ["materials", f.key])
                 for f in inputs if f.key in by_key and by_key[f.key].generated and f.upload_id is not None]
    if problems:
        raise DomainErrors(problems)
    owned = await owned_uploads(actor, [MaterialInput(n, f.upload_id) for n, f in enumerate(inputs)])
    out: dict[str, Any] = {}
    for n, f in enumerate(inputs):
        if f.upload_id is not None or (window and f.provided):
            out[f.key] = {"upload_id": owned.get(n), "name": by_key[f.key].name, "paper": window and f.provided}
    return out


def _check_materials(b: themes.Bundle, a: Applicant, files: dict[str, Any], held: evidence.Holdings) -> None:
    """Every required material of the set is satisfied once: generated, reused, or uploaded (a
    licence one of the bundle's earlier items issues is awaited, not asked for)."""
    holder = a.holder
    produced = _produced_before(b)
    stage_of = {i.key: st.number for st in b.stages for i in st.items}
    missing = []
    for bm in b.materials:
        if bm.generated or bm.necessity != "required" or bm.key in files:
            continue
        first = min(stage_of[u.item_key] for u in bm.uses)
        if bm.elicence and produced.get(bm.elicence, first) < first:
            continue
        if all(evidence.satisfy(u.material, holder=holder, held=held).state == "pending" for u in bm.uses):
            why = next((w for u in bm.uses if (w := held.unavailable_for(u.material, enterprise=holder.enterprise))), None)
            note = f"（{why}，本次不能免提交）" if why else ""
            missing.append(DomainError(errors.MISSING_MATERIAL, f"请提交“{bm.name}”{note}", ["materials", bm.key]))
    if missing:
        raise DomainErrors(missing)


async def choose_partners(b: themes.Bundle, wanted: Mapping[str, str] | None) -> dict[str, str]:
    """The partner doing each item the applicant chooses a partner for (``partner_kind``: the bank
    for the account, the seal carver): the one chosen, checked to be active, of that kind and
    taking the item in its region; chosen for them when only one can; none when none takes it (the
    department does it). Raises every problem at once."""
    from server.domain.exchange import routing  # it routes cases: imported where used
    from server.domain.exchange.models import PARTNER_KINDS, PartnerKind

    wanted = {str(k).strip(): str(v).strip().lower() for k, v in (wanted or {}).items()}
    choosing = {i.key: i for i in b.items if i.partner_kind}
    problems = [DomainError(errors.INVALID, f"本次申请没有需要选择合作单位的事项“{k}”", ["partners", k])
                for k in wanted if k not in choosing]
    out: dict[str, str] = {}
    regions = {r.code: r for r in await Region.filter(code__in=list({i.item.region_id for i in choosing.values()}))}
    for key, i in choosing.items():
        kind = str(i.partner_kind)
        what = PARTNER_KINDS.get(PartnerKind(kind), "合作单位") if kind in PARTNER_KINDS else "合作单位"
        options = await routing.choosable(kind, i.item.basic_code, regions[i.item.region_id])
        code = wanted.get(key)
        if code:
            if code in {p.code for p in options}:
                out[key] = code
            else:
                names = "、".join(p.name for p in options) or "（暂无）"
                problems.append(DomainError(
                    errors.INVALID, f"“{i.name}”不能由所选{what}办理（可选：{names}）", ["partners", key]))
        elif len(options) == 1:
            out[key] = options[0].code
        elif len(options) > 1:
            problems.append(DomainError(errors.INVALID, f"请选择办理“{i.name}”的{what}", ["partners", key]))
    if problems:
        raise DomainErrors(problems)
    return out


def build_plan(b: themes.Bundle, partners: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The bundle's stages and items as pinned data: versions, situations, the form keys each item
    takes, its materials and their keys in the set, what it waits for (the theme's ``depends_on``,
    or else every item of the stage before), and the partner the applicant chose for it."""
    materials: dict[str, list[dict[str, Any]]] = {}
    for bm in b.materials:
        for u in bm.uses:
            materials.setdefault(u.item_key, []).append({"id": u.material.id, "key": bm.key, "generated": bm.generated})
    plan: list[dict[str, Any]] = []
    before: list[str] = []
    for st in b.stages:
        items = []
        for i in st.items:
            items.append({
                "key": i.key, "item_id": i.item.id, "version_id": i.version.id, "basic_code": i.item.basic_code,
                "situation_id": i.situations[0].id, "situation_ids": [s.id for s in i.situations], "name": i.name,
                "department_code": i.department_code, "depends_on": list(i.depends_on or before),
                "form_keys": [f["key"] for f in i.version.form_fields or []], "materials": materials.get(i.key, []),
                "result_licence": i.version.result_licence,
                **({"partner_kind": i.partner_kind, "partner_code": (partners or {}).get(i.key)} if i.partner_kind else {}),
            })
        plan.append({"stage": st.number, "key": st.key, "name": st.name, "lead_department_code": st.lead_department_code,
                     "items": items})
        before = [i.key for i in st.items]
    return plan


async def _project(version: ThemeVersion, b: themes.Bundle, a: Applicant, given: Any) -> tuple[Any, list[DomainError]]:
    """The construction project of an application (工程建设项目审批), checked: required for a theme
    with budgets by investment type, refused for another (:mod:`server.domain.construction.service`)."""
    from server.domain.construction import service as construction

    return await construction.check(version, given, plan=[{"key": st.key} for st in b.stages], answers=b.answers,
                                    enterprise=a.enterprise)


def _channel(actor: Actor) -> str:
    return "agent" if actor.is_staff else "online"


async def submit(
    *, actor: Actor, settings: Settings | None, idempotency_key: str, app: ThemeApplication,
) -> SubmittedBundle:
    """Apply for a theme: the bundle and the sub-cases of its first stage, in one transaction. The
    same key returns the same bundle, however often it is sent."""
    require_applicant(actor)
    key = _key(actor, idempotency_key)
    request = idempotency.digest("bundle", app if app.project is not None else  # the digest of a request without a project, as before
                                 {f.name: getattr(app, f.name) for f in fields(app) if f.name != "project"})
    existing = await CaseBundle.get_or_none(idempotency_key=key)
    if existing is not None:
        return SubmittedBundle(idempotency.replay(existing, request), created=False)
    theme, version = await published_theme(app.theme_id, app.theme_code)
    b = await _resolved(version, _answers(app.answers))
    a = await _applicant(actor, app, b)
    person = a.contact if a.kind == "enterprise" else a.citizen
    if actor.is_citizen and (person is None or person.verified_at is None):
        raise DomainError(errors.NOT_VERIFIED, "请先完成实名认证再提交申请")
    held = await bundle_holdings(actor, b, a, theme=theme, purpose="申请主题办件", settings=settings)
    form, problems = merged_form(b, a, app.form_data, held)
    problems += realestate.party_problems(b, a, form, problems)
    try:
        files = await _files(actor, b, app.materials, window=False)
        _check_materials(b, a, files, held)
    except DomainErrors as exc:
        problems += exc.errors
    try:
        partners = await choose_partners(b, app.partners)
    except DomainErrors as exc:
        problems += exc.errors
    project, found = await _project(version, b, a, app.project)
    problems += found
    if problems:
        raise DomainErrors(problems)
    try:
        bundle = await _create(actor, settings, key=key, request=request, theme=theme, version=version, b=b, a=a,
                               form=form, files=files, answers=dict(b.answers), action=Action.SUBMITTED,
                               channel=_channel(actor), hall=None, held=held, partners=partners, project=project)
    except IntegrityError:
        again = await CaseBundle.get_or_none(idempotency_key=key)
        if again is None:
            raise
        return SubmittedBundle(idempotency.replay(again, request), created=False)
    return SubmittedBundle(bundle, created=True)


async def receive_walk_in(
    *, actor: Actor, settings: Settings | None, idempotency_key: str, theme_id: int | None, answers: dict[str, str],
    person: desk.WalkInPerson, form_data: dict[str, Any], materials: list[MaterialFile], theme_code: str | None = None,
    partners: dict[str, str] | None = None, project: Any = None,
) -> CaseBundle:
    """代为收件 of a bundle: the clerk enters the application of the person at the counter (found by
    ID number or registered on the spot); it waits at this window for the bundle's acceptance."""
    flow.may(actor, Action.RECEIVED)
    key = _key(actor, idempotency_key)
    request = idempotency.digest("walk_in_bundle", {
        "theme_id": theme_id, "theme_code": theme_code, "answers": answers, "person": person, "form_data": form_data,
        "materials": materials, **({"partners": partners} if partners else {}), **({"project": project} if project else {}),
    })
    existing = await CaseBundle.get_or_none(idempotency_key=key)
    if existing is not None:
        return idempotency.replay(existing, request)
    theme, version = await published_theme(theme_id, theme_code)
    b = await _resolved(version, _answers(answers))
    citizen, registered = await desk._walk_in_person(person, actor=actor)
    acting = flow.Acting(actor, on_behalf_citizen_id=citizen.id)
    if person.enterprise_credit_code:
        ent = await Enterprise.get_or_none(credit_code=person.enterprise_credit_code.strip().upper())
        if ent is None:
            raise DomainError(errors.NOT_FOUND, "该企业尚未在平台登记", ["applicant", "enterpriseCreditCode"])
        a = Applicant("enterprise", ent.name, None, ent, citizen, acting)
    else:
        a = Applicant("citizen", citizen.name or "", citizen, None, citizen, acting)
    fits_audience(b, a)
    held = await bundle_holdings(actor, b, a, theme=theme, purpose="窗口代为收件（主题办件）", settings=settings)
    form, problems = merged_form(b, a, form_data, held)
    problems += realestate.party_problems(b, a, form, problems)
    try:
        files = await _files(actor, b, materials, window=True)
    except DomainErrors as exc:
        problems += exc.errors
        files = {}
    try:
        chosen = await choose_partners(b, partners)
    except DomainErrors as exc:
        problems += exc.errors
    checked, found = await _project(version, b, a, project)
    problems += found
    if problems:
        raise DomainErrors(problems)
    try:
        return await _create(actor, settings, key=key, request=request, theme=theme, version=version, b=b, a=a,
                             form=form, files=files, answers=dict(b.answers), action=Action.RECEIVED, channel="window",
                             hall=actor.hall_code, held=held, partners=chosen, project=checked,
                             register=citizen if registered else None)
    except IntegrityError:
        again = await CaseBundle.get_or_none(idempotency_key=key)
        if again is None:
            raise
        return idempotency.replay(again, request)


async def _create(
    actor: Actor, settings: Settings | None, *, key: str, request: str, theme: Theme, version: ThemeVersion, b: themes.Bundle,
    a: Applicant, form: dict[str, Any], files: dict[str, Any], answers: dict[str, str], action: Action, channel: str,
    hall: str | None, held: evidence.Holdings, partners: Mapping[str, str] | None = None, project: Any = None,
    register: Citizen | None = None,
) -> CaseBundle:
    """Writes the bundle and its first stage's sub-cases in one transaction; ``register``, a person
    new to the platform at the counter, is written in the same one (:func:`window.register`)."""
    region = await Region.get(code=theme.region_code)
    regions = {r.code: r for r in await Region.filter(code__in=list({i.item.region_id for i in b.items}))}
    plan = build_plan(b, partners)
    first = plan[0]["items"]
    pinned = await _pinned_materials(first)
    now = clock.now()

    async def create(u: flow.Unit) -> CaseBundle:
        if register is not None:
            await desk.register(u.conn, register, a.acting)
        bundle = await CaseBundle.create(
            number=await next_number(u.conn, region.code, now.date()), query_code=query_code(), idempotency_key=key,
            request_digest=request,
            channel=channel, theme_id=theme.id, theme_version_id=version.id, theme_code=theme.code,
            theme_version_number=version.number, theme_name=version.name,
            lead_department_code=version.lead_department_code, **region_columns(region),
            hall_code=hall or await hall_of(region), **a.columns(), submitted_by_staff_id=actor.user_id,
            mandate_id=a.acting.mandate_id, answers=answers, form_data=form, plan=plan, materials=files,
            stages=len(plan), open_stage=1, budget_value=version.budget_value, budget_unit=version.budget_unit,
            submitted_at=now, using_db=u.conn,
        )
        await shareddata.attach(held.batch, conn=u.conn, bundle=bundle)
        if project is not None:
            from server.domain.construction import service as construction

            await construction.attach(u.conn, bundle, project)
        await realestate.record_parties(u.conn, bundle, b, form)
        made: list[tuple[Case, list[CaseMaterial]]] = []
        for it in first:
            it = {**it, "stage": 1}
            rows = item_material_rows(it, pinned[it["key"]], files, holder=a.holder, held=held)
            made.append((await _create_sub(u, bundle, it, regions[_region_of(b, it)], rows, acting=a.acting,
                                           action=action, settings=settings), rows))
        await tell(u, bundle, "bundle_submitted", count=len(first), items=bundle_flow.names(first))
        await _instant_at_submission(u, bundle, made, a, settings, dishonest=held.dishonest)
        return bundle

    # an instant first stage may open the next one at once: its remote bases are read before the transaction
    return await flow.run_unit(settings, create)


# ---------------------------------------------------------------- 秒批 inside a bundle


async def _versions(cases: Sequence[Case]) -> dict[int, ItemVersion]:
    ids = list({c.version_id for c in cases})
    return {v.id: v for v in await ItemVersion.filter(id__in=ids)} if ids else {}


def _decide(version: ItemVersion, a: Applicant, rows: Sequence[CaseMaterial],
            dishonest: str | None = None) -> InstantDecision | None:
    """The instant (秒批) rule of a sub-case's item against what the bundle satisfied for it (and the
    credit base's listings, ``dishonest``); None when the item is not an instant one."""
    if not (version.instant and version.instant_rule):
        return None
    return evaluate_instant(version.instant_rule, applicant=a, dishonest=dishonest,
                            materials=[(r.name, r.necessity, r.state) for r in rows])


async def _instant_at_submission(u: flow.Unit, bundle: CaseBundle, made: Sequence[tuple[Case, list[CaseMaterial]]],
                                 a: Applicant, settings: Settings | None, *, dishonest: str | None = None) -> None:
    """When every item of the first stage passes its instant rule, nothing is left for the window to
    decide: the system accepts the bundle and approves them (e-licences issued, next stage opened).
    Otherwise the bundle waits for the window; an instant item that fails its rule says why on
    its timeline, and one that passes is approved when the window accepts the bundle."""
    versions = await _versions([c for c, _ in made])
    decided = [(c, versions[c.version_id], _decide(versions[c.version_id], a, rows, dishonest)) for c, rows in made]
    if decided and all(d is not None and d.approved for _, _, d in decided):
        with bundle_flow.bundle_move(bundle.id):
            await _accepted(u, bundle)
            for c, v, d in decided:
                assert d is not None
                await instant_approve(u, c, v, d, settings)
        return
    for c, _, d in decided:
        if d is not None and not d.approved:
            await flow.transition(c, acting=flow.SYSTEM, action=Action.INSTANT_DECLINED, settings=settings, within=u,
                                  reason="；".join(d.reasons), data={"rule": d.rule, "reasons": d.reasons})


async def bundle_applicant(bundle: CaseBundle) -> Applicant:
    """The bundle's applicant, as the instant rules read it (identity verified, dishonesty list)."""
    ids = [i for i in (bundle.applicant_citizen_id, bundle.contact_citizen_id) if i]
    people = {c.id: c for c in await Citizen.filter(id__in=ids)} if ids else {}
    ent = await Enterprise.get_or_none(id=bundle.applicant_enterprise_id) if bundle.applicant_enterprise_id else None
    return Applicant(bundle.applicant_kind, bundle.applicant_name, people.get(bundle.applicant_citizen_id or 0), ent,
                     people.get(bundle.contact_citizen_id or 0), flow.SYSTEM)


async def instant_after_acceptance(u: flow.Unit, bundle: CaseBundle, accepted: Sequence[tuple[Case, Sequence[CaseMaterial]]],
                                   settings: Settings | None) -> None:
    """Each just-accepted sub-case of an instant item whose rule holds is approved by the system."""
    versions = await _versions([c for c, _ in accepted])
    if not any(v.instant and v.instant_rule for v in versions.values()):
        return
    a = await bundle_applicant(bundle)
    dishonest = None
    if any(instant_needs_credit(v) for v in versions.values()):
        dishonest = await bundle_flow.credit_for_instant(bundle, settings)
    for c, rows in accepted:
        if c.partner_code:
            continue  # forwarded to a partner (a utility): the partner decides it, through the exchange
        d = _decide(versions[c.version_id], a, rows, dishonest)
        if d is not None and d.approved:
            await instant_approve(u, c, versions[c.version_id], d, settings)


def _region_of(b: themes.Bundle, it: dict[str, Any]) -> str:
    return next(i.item.region_id for i in b.items if i.key == it["key"])


async def _pinned_materials(items: Sequence[dict[str, Any]]) -> dict[str, list[Material]]:
    ids = [m["id"] for it in items for m in it.get("materials", [])]
    rows = {m.id: m for m in await Material.filter(id__in=ids)} if ids else {}
    return {it["key"]: [rows[m["id"]] for m in it.get("materials", []) if m["id"] in rows] for it in items}


async def _create_sub(u: flow.Unit, bundle: CaseBundle, it: dict[str, Any], region: Region, rows: list[CaseMaterial],
                      *, acting: flow.Acting, action: Action, settings: Settings | None,
                      version: ItemVersion | None = None, submitted_at: datetime | None = None) -> Case:
    """A sub-case at the window, submitted with the bundle (or, applied for again, at ``submitted_at``)."""
    version = version or await ItemVersion.get(id=it["version_id"])
    columns = {**sub_case_columns(bundle, it, version, region), "query_code": query_code(),
               "number": await next_number(u.conn, region.code, clock.today())}
    if submitted_at is not None:
        columns["submitted_at"] = submitted_at

    async def side(conn: Any, out: flow.Outgoing) -> None:
        for r in rows:
            r.case_id = out.case.id
        await CaseMaterial.bulk_create(rows, using_db=conn)

    return await flow.create(acting=acting, action=action, columns=columns, settings=settings, within=u, side=side,
                             data={"bundle": bundle.number, "stage": it["stage"]})


# ---------------------------------------------------------------- who sees a bundle


async def bundle_scope(actor: Actor) -> Q:
    """The condition on :class:`CaseBundle` that selects what ``actor`` may see: the applicant's
    own, the hall's for its clerks, the region's for supervisors, admins and viewers, an agent's
    own; a reviewer or a partner sees a bundle through a sub-case of theirs."""
    if actor.is_citizen:
        from server.domain.cases.scope import enterprise_ids_of

        mine = Q(applicant_citizen_id=actor.citizen_id)
        ents = await enterprise_ids_of(actor.citizen_id)  # type: ignore[arg-type]
        return Q(mine, Q(applicant_enterprise_id__in=ents), join_type="OR") if ents else mine
    if not sees_cases(actor):
        return Q(id__in=[])
    through = Q(id__in=Subquery(Case.filter(await case_scope(actor), bundle_id__not_isnull=True).values("bundle_id")))
    if actor.is_partner:
        return through
    parts = [through]
    if actor.has_any(frozenset({Role.CITY_ADMIN, Role.HALL_SUPERVISOR, Role.COUNTY_VIEWER})):
        parts.append(region_q(actor.region_path))
    if Role.WINDOW_CLERK in actor.roles:
        parts.append(Q(hall_code=actor.hall_code) if actor.hall_code else region_q(actor.region_path))
    if Role.ASSISTANCE_AGENT in actor.roles:
        parts.append(Q(submitted_by_staff_id=actor.user_id))
    return Q(*parts, join_type="OR") if len(parts) > 1 else parts[0]


async def visible_bundle(actor: Actor, bundle_id: int) -> CaseBundle:
    bundle = await CaseBundle.filter(await bundle_scope(actor), id=bundle_id).first()
    if bundle is None:
        raise DomainError(errors.NOT_FOUND, BUNDLE_NOT_FOUND, ["bundleId"])
    return bundle


async def bundles_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, CaseBundle]:
    if not ids:
        return {}
    return {b.id: b for b in await CaseBundle.filter(await bundle_scope(actor), id__in=list(ids))}


async def subs_of(bundle_ids: Sequence[int]) -> dict[int, list[Case]]:
    """Every sub-case of bundles the caller already may see (one query for a page of bundles)."""
    out: dict[int, list[Case]] = {i: [] for i in bundle_ids}
    for c in await Case.filter(bundle_id__in=list(bundle_ids)).order_by("bundle_id", "id"):
        out[c.bundle_id].append(c)  # type: ignore[index]
    return out


async def _mine_qs(actor: Actor) -> Any:
    if actor.is_citizen:
        return CaseBundle.filter(await bundle_scope(actor))
    if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles:
        return CaseBundle.filter(submitted_by_staff_id=actor.user_id)
    return None


async def my_bundles(*, actor: Actor, after: int | None = None, limit: int = 20) -> list[CaseBundle]:
    """The caller's own bundles (a citizen's and their enterprises', an agent's), newest first."""
    qs = await _mine_qs(actor)
    if qs is None:
        return []
    if after is not None:
        qs = qs.filter(id__lt=after)
    return list(await qs.order_by("-id").limit(limit))


async def count_my_bundles(*, actor: Actor) -> int:
    qs = await _mine_qs(actor)
    return 0 if qs is None else await qs.count()


async def _queue_qs(actor: Actor, queue: str) -> Any:
    if not actor.is_staff or not sees_cases(actor):
        raise DomainError(errors.NOT_ALLOWED, "无权查看主题办件队列")
    if queue == "all":
        return CaseBundle.filter(await bundle_scope(actor))
    scope = await case_scope(actor)
    if queue == "result":  # every item decided, results waiting for the one pickup or parcel
        ready = Case.filter(scope, bundle_id__not_isnull=True, status__in=[s.value for s in AWAITING_DELIVERY])
        running = Case.filter(bundle_id__not_isnull=True, status__in=[s.value for s in QUEUE_RUNNING])
        return CaseBundle.filter(Q(id__in=Subquery(ready.values("bundle_id"))),
                                 ~Q(id__in=Subquery(running.values("bundle_id"))))
    statuses = [s.value for s in (AT_WINDOW if queue == "window" else IN_REVIEW)]
    waiting = Case.filter(scope, bundle_id__not_isnull=True, status__in=statuses).values("bundle_id")
    return CaseBundle.filter(id__in=Subquery(waiting))


IN_REVIEW = (Status.ACCEPTED, Status.UNDER_REVIEW, Status.SUSPENDED, Status.RETURNED)
QUEUE_RUNNING = (Status.SUBMITTED, Status.CORRECTION_REQUESTED, Status.REJECTION_PROPOSED, Status.ACCEPTED,
                 Status.UNDER_REVIEW, Status.SUSPENDED, Status.RETURNED)


async def bundle_queue(*, actor: Actor, queue: str = "window", after: int | None = None, limit: int = 20) -> list[CaseBundle]:
    """Bundles with sub-cases of the caller's at the window (``window``, oldest first), in the back
    office (``review``, oldest first), with every item decided and results to issue together
    (``result``, oldest first), or every bundle the caller sees (``all``, newest first)."""
    qs = await _queue_qs(actor, queue)
    if queue == "all":
        qs = qs.filter(id__lt=after) if after is not None else qs
        return list(await qs.order_by("-id").limit(limit))
    qs = qs.filter(id__gt=after) if after is not None else qs
    return list(await qs.order_by("id").limit(limit))


async def count_bundle_queue(*, actor: Actor, queue: str = "window") -> int:
    return await (await _queue_qs(actor, queue)).count()


async def track(*, number: str, query_code: str) -> CaseBundle | None:
    """A bundle by its number and public query code, for anyone; None when either is wrong."""
    number = (number or "").strip()
    code = (query_code or "").strip().upper()
    if not (5 <= len(number) <= 32) or not (4 <= len(code) <= 8):
        return None
    bundle = await CaseBundle.get_or_none(number=number)
    if bundle is None or not hmac.compare_digest(bundle.query_code, code):
        return None
    return bundle


# ---------------------------------------------------------------- what a bundle is now (derived)


@dataclass(slots=True)
class ItemView:
    key: str
    stage: int
    name: str
    department_code: str
    state: str  # bundle_flow: open | completed | failed | held | waiting
    case: Case | None  # what stands: the item's newest sub-case
    attempts: int  # sub-cases of this item (more than one: applied for again)
    held_by: list[str]  # names of the failed items that hold it back
    partner_code: str | None = None  # the partner doing it: the one the applicant chose, or the one its sub-case went to


@dataclass(slots=True)
class Failure:
    item_key: str
    name: str
    case: Case
    reason: str
    at: datetime | None


@dataclass(slots=True)
class Denial:
    """A partial failure, made explicit: what failed and why, what still stands, what is held back,
    and what the applicant can do."""

    failed: list[Failure]
    standing: list[str]
    held: list[tuple[str, list[str]]]
    options: list[str]

    @property
    def summary(self) -> str:
        parts = [f"“{f.name}”{LABELS[Status(f.case.status)]}（{f.reason}）" for f in self.failed]
        text = "；".join(parts)
        if self.standing:
            text += f"。{'、'.join(f'“{n}”' for n in self.standing)}不受影响"
        if self.held:
            text += f"；{'、'.join(f'“{n}”' for n, _ in self.held)}暂缓办理"
        return text + "。"


@dataclass(slots=True)
class BundleView:
    bundle: CaseBundle
    derived: Derived
    items: list[ItemView]
    denial: Denial | None
    subs: list[Case]


def _failure_reason(c: Case) -> str:
    if c.decision_reason:
        return c.decision_reason
    return {Status.WITHDRAWN: "申请已撤回", Status.REJECTED: "不予受理", Status.DENIED: "不予许可"}.get(Status(c.status), "")


def view(bundle: CaseBundle, subs: Sequence[Case], *, owes: frozenset[int] | set[int] = frozenset()) -> BundleView:
    """The bundle now: its derived status (states.parent_status over what stands), each item's
    place, and the denial, if any. ``owes``: sub-cases with a 容缺 material still missing."""
    latest = latest_subs(bundle.plan, subs)
    states = item_states(bundle.plan, latest)
    counts: dict[str, int] = {}
    key_of = {(it["stage"], it["item_id"]): it["key"] for it in plan_items(bundle.plan)}
    for c in subs:
        k = key_of.get((c.bundle_stage, c.item_id))
        if k:
            counts[k] = counts.get(k, 0) + 1
    items = [
        ItemView(key=it["key"], stage=it["stage"], name=it["name"], department_code=it["department_code"],
                 state=states[it["key"]], case=latest.get(it["key"]), attempts=counts.get(it["key"], 0),
                 held_by=bundle_flow.holders(bundle.plan, states, it["key"], returned=bundle_flow.sent_back(latest))
                 if states[it["key"]] == HELD else [],
                 partner_code=it.get("partner_code") or (latest[it["key"]].partner_code if it["key"] in latest else None))
        for it in plan_items(bundle.plan)
    ]
    derived = parent_status(
        [(c.bundle_stage or 1, c.status, c.id in owes) for c in latest.values()], stages=bundle.stages,
        withdrawn=bundle.withdrawn_at is not None, open_stage=bundle.open_stage,
    )
    failed = [i for i in items if i.state == FAILED]
    denial = None
    if failed:
        running = [i for i in items if i.state in (OPEN, WAITING, HELD)]
        options = []
        if bundle.withdrawn_at is None:
            options += [f"重新申请“{i.name}”" for i in failed]
            if running:
                options.append("撤回其余在办事项（整件撤回）")
        denial = Denial(
            failed=[Failure(i.key, i.name, i.case, _failure_reason(i.case), i.case.completed_at or i.case.decided_at)
                    for i in failed if i.case is not None],
            standing=[i.name for i in items if i.state in (OPEN, COMPLETED, WAITING)],
            held=[(i.name, i.held_by) for i in items if i.state == HELD], options=options,
        )
    return BundleView(bundle, derived, items, denial, list(subs))


async def owing(case_ids: Sequence[int]) -> set[int]:
    """Sub-cases with a 容缺 material still missing."""
    if not case_ids:
        return set()
    ids: list[int] = await CaseMaterial.filter(  # type: ignore[assignment]
        case_id__in=list(case_ids), state="missing").values_list("case_id", flat=True)
    return set(ids)


async def load_view(bundle: CaseBundle) -> BundleView:
    subs = (await subs_of([bundle.id]))[bundle.id]
    return view(bundle, subs, owes=await owing([c.id for c in subs]))


# ---------------------------------------------------------------- the window works the bundle


@dataclass(frozen=True, slots=True)
class BundleCheck:
    """A clerk's check of one material of the set (it counts for every item that uses it)."""

    key: str
    ok: bool = True
    note: str = ""


@dataclass(frozen=True, slots=True)
class BundleMissing:
    key: str
    how: str = ""


@dataclass(frozen=True, slots=True)
class BundleCorrection:
    note: str
    key: str | None = None  # a material of the set; None: not tied to a material
    case_id: int | None = None  # only this item's sub-case (else every item concerned)


@dataclass(slots=True)
class AtWindow:
    bundle: CaseBundle
    subs: list[Case]  # the bundle's sub-cases the caller sees, in order
    rows: dict[int, list[CaseMaterial]]  # their materials

    def keys(self, case: Case) -> dict[int, str]:
        """material id → key in the bundle's set, for one sub-case's item."""
        for it in plan_items(self.bundle.plan):
            if it["item_id"] == case.item_id and it["stage"] == case.bundle_stage:
                return {m["id"]: m["key"] for m in it.get("materials", [])}
        return {}

    def in_status(self, *statuses: Status) -> list[Case]:
        return [c for c in self.subs if Status(c.status) in statuses]


async def _at_window(actor: Actor, bundle_id: int, action: Action) -> AtWindow:
    flow.may(actor, action)
    bundle = await visible_bundle(actor, bundle_id)
    subs = list(await Case.filter(await case_scope(actor), bundle_id=bundle.id).order_by("id"))
    rows: dict[int, list[CaseMaterial]] = {c.id: [] for c in subs}
    for m in await CaseMaterial.filter(case_id__in=[c.id for c in subs]).order_by("case_id", "position"):
        rows[m.case_id].append(m)
    return AtWindow(bundle, subs, rows)


def _waiting(w: AtWindow, status: Status, action: Action, actor: Actor) -> list[Case]:
    subs = w.in_status(status)
    if not subs:
        raise DomainError(errors.INVALID_STATE, f"该主题办件没有“{LABELS[status]}”的事项，不能{ACTIONS[action]}", ["bundleId"])
    for c in subs:
        flow.check(c, action, actor)
    return subs


async def _take(u: flow.Unit, bundle: CaseBundle) -> None:
    """The bundle row for this transaction, at the version read (a concurrent bundle move: CONFLICT)."""
    n = await CaseBundle.filter(id=bundle.id, row_version=bundle.row_version).using_db(u.conn).update(
        row_version=bundle.row_version + 1
    )
    if n != 1:
        raise DomainError(errors.CONFLICT, "主题办件刚被他人处理，请刷新后重试", ["bundleId"])
    bundle.row_version += 1


def _check_problems(w: AtWindow, checks: Sequence[BundleCheck]) -> list[DomainError]:
    known = {m["key"]: m for it in plan_items(w.bundle.plan) for m in it.get("materials", [])}
    out = []
    for c in checks[: desk.MAX_NOTICE_ITEMS]:
        if c.key not in known:
            out.append(DomainError(errors.INVALID, "材料不属于该主题办件", ["checks", c.key]))
        elif not c.ok:
            out.append(DomainError(errors.MISSING_MATERIAL, f"材料“{c.key}”未通过审查：{c.note or '不符合审查要点'}；请改为一次性告知补正",
                                   ["checks", c.key]))
    return out


async def _verify_once(conn: Any, w: AtWindow, subs: Sequence[Case], actor: Actor,
                       skip: frozenset[int] | set[int] = frozenset()) -> None:
    """Paper checked at the window becomes trust level B once per material of the set, not once per item."""
    seen: set[str] = set()
    for c in subs:
        keys = w.keys(c)
        fresh = []
        for r in w.rows[c.id]:
            k = keys.get(r.material_id, f"M{r.material_id}")
            if r.state == "provided" and r.material_id not in skip and k not in seen:
                seen.add(k)
                fresh.append(r)
        await desk._verify_paper(conn, c, fresh, actor)


async def _accepted(u: flow.Unit, bundle: CaseBundle) -> None:
    if bundle.accepted_at is None:
        now = clock.now()
        bundle.accepted_at, bundle.deadline = now, await bundle_flow.bundle_deadline(bundle, start=now)
        await CaseBundle.filter(id=bundle.id).using_db(u.conn).update(accepted_at=now, deadline=bundle.deadline)


async def accept(
    *, actor: Actor, settings: Settings | None, bundle_id: int, checks: Sequence[BundleCheck] = (), note: str = "",
) -> CaseBundle:
    """受理 the bundle: every sub-case waiting at the window, in one transaction, each into its
    department's queue with its own deadline; the bundle's deadline from the theme's budget."""
    w = await _at_window(actor, bundle_id, Action.ACCEPTED)
    subs = _waiting(w, Status.SUBMITTED, Action.ACCEPTED, actor)
    problems = _check_problems(w, checks)
    seen: set[str] = set()
    for c in subs:
        for r in w.rows[c.id]:
            if r.state in ("pending", "missing") and r.necessity != "optional" and r.name not in seen:
                seen.add(r.name)
                problems.append(DomainError(errors.MISSING_MATERIAL, f"缺少“{r.name}”，可容缺受理或一次性告知补正",
                                            ["materials", w.keys(c).get(r.material_id, f"M{r.material_id}")]))
    if problems:
        raise DomainErrors(problems)
    why = flow.reason_text(note, required=False, what="备注", field_name="note")
    updates = {c.id: await desk._accept_columns(c, settings) for c in subs}

    async def accept_all(u: flow.Unit) -> None:
        await _take(u, w.bundle)
        await _verify_once(u.conn, w, subs, actor)
        for c in subs:
            await flow.transition(c, acting=flow.Acting(actor), action=Action.ACCEPTED, to=Status.ACCEPTED, settings=settings,
                                  within=u, reason=why, updates=updates[c.id], side=_tell_department,
                                  data={"bundle": w.bundle.number})
        await _accepted(u, w.bundle)
        await tell(u, w.bundle, "bundle_accepted", count=len(subs), deadline=flow.iso(w.bundle.deadline))
        await instant_after_acceptance(u, w.bundle, [(c, w.rows[c.id]) for c in subs], settings)

    with bundle_flow.bundle_move(w.bundle.id):  # an instant item's next stage reads remote bases before
        await flow.run_unit(settings, accept_all, on_retry=flow.keep(w.bundle, *subs))
    return w.bundle


async def _tell_department(conn: Any, out: flow.Outgoing) -> None:
    await desk._notify_department(out, out.case)


async def accept_with_missing(
    *, actor: Actor, settings: Settings | None, bundle_id: int, missing: Sequence[BundleMissing], commitment: str,
    supply_by: date | None = None, checks: Sequence[BundleCheck] = (),
) -> CaseBundle:
    """容缺受理 of the bundle: the secondary materials listed may follow (one commitment, one notice
    for the bundle, one deadline no later than any affected item's committed deadline); the items
    that lack none of them are accepted plainly, in the same transaction."""
    w = await _at_window(actor, bundle_id, Action.ACCEPTED_MISSING)
    subs = _waiting(w, Status.SUBMITTED, Action.ACCEPTED, actor)
    b = w.bundle
    why = bundle_flow.bundle_why(f"主题办件“{b.theme_name}”容缺受理：信用核查（失信名单不适用容缺受理）", b,
                                 shareddata.Caller.of(actor))
    listing = await evidence.credit_listing(await evidence.applicant_holder(b), why=why, settings=settings)
    if listing:
        raise DomainError(errors.DISHONEST, f"申请人在失信名单中（来自信用库：{listing}），不适用容缺受理", ["bundleId"])
    promise = flow.reason_text(commitment, required=True, what="申请人承诺（容缺受理承诺书）", field_name="commitment")
    problems = _check_problems(w, checks)
    if not missing:
        problems.append(DomainError(errors.INVALID, "请列出容缺的材料", ["missing"]))
    hows = {m.key: (m.how or "").strip()[:200] or "到受理窗口补交" for m in missing[: desk.MAX_NOTICE_ITEMS]}
    listed: dict[int, list[CaseMaterial]] = {c.id: [] for c in subs}
    used: set[str] = set()
    for c in subs:
        keys = w.keys(c)
        for r in w.rows[c.id]:
            k = keys.get(r.material_id, f"M{r.material_id}")
            if k in hows:
                used.add(k)
                if r.necessity != "deferrable":
                    problems.append(DomainError(errors.NOT_DEFERRABLE, f"“{r.name}”是主要材料，不能容缺", ["missing", k]))
                elif r.state in ("pending", "missing"):
                    listed[c.id].append(r)
            elif r.state == "pending" and r.necessity != "optional":
                code = errors.NOT_DEFERRABLE if r.necessity == "required" else errors.MISSING_MATERIAL
                problems.append(DomainError(code, f"缺少“{r.name}”且未列入容缺", ["missing", k]))
    problems += [DomainError(errors.INVALID, "该材料不属于待受理的事项", ["missing", k]) for k in hows if k not in used]
    if not any(listed.values()) and not problems:
        problems.append(DomainError(errors.INVALID, "所列材料均已提交，无需容缺，请直接受理", ["missing"]))
    if problems:
        raise DomainErrors(_dedupe(problems))
    updates = {c.id: await desk._accept_columns(c, settings) for c in subs}
    affected = [c for c in subs if listed[c.id]]
    latest = min(updates[c.id]["deadline"] for c in affected)
    if supply_by is None:
        supply_by = min(latest, await clock.working_days_from(region=b.region_code, start=clock.today(), days=5))
    if supply_by > latest:
        raise DomainError(errors.DEADLINE_TOO_LATE, f"补齐期限不能晚于承诺办结期限 {latest.isoformat()}", ["supplyBy"])
    if supply_by < clock.today():
        raise DomainError(errors.INVALID, "补齐期限不能早于今天", ["supplyBy"])
    names = list(dict.fromkeys(r.name for c in affected for r in listed[c.id]))
    skip = {r.material_id for c in affected for r in listed[c.id]}

    async def accept_all(u: flow.Unit) -> None:
        await _take(u, b)
        await _verify_once(u.conn, w, subs, actor, skip)
        for c in subs:
            rows = listed[c.id]
            if not rows:
                await flow.transition(c, acting=flow.Acting(actor), action=Action.ACCEPTED, to=Status.ACCEPTED,
                                      settings=settings, within=u, updates=updates[c.id], side=_tell_department,
                                      data={"bundle": b.number})
                continue
            keys = w.keys(c)

            async def side(conn: Any, out: flow.Outgoing, rows: list[CaseMaterial] = rows,
                           keys: dict[int, str] = keys) -> None:
                for r in rows:
                    await CaseMaterial.filter(id=r.id).using_db(conn).update(
                        state="missing", supply_note=hows[keys.get(r.material_id, f"M{r.material_id}")])
                await _tell_department(conn, out)

            await flow.transition(
                c, acting=flow.Acting(actor), action=Action.ACCEPTED_MISSING, to=Status.ACCEPTED, settings=settings,
                within=u, reason=f"容缺：{'、'.join(r.name for r in rows)}", updates={**updates[c.id], "supply_by": supply_by},
                side=side, data={
                    "bundle": b.number, "notice": b.row_version, "commitment": promise, "supply_by": supply_by.isoformat(),
                    "missing": [{"material_id": r.material_id, "name": r.name,
                                 "how": hows[keys.get(r.material_id, f"M{r.material_id}")]} for r in rows],
                },
            )
        await _accepted(u, b)
        await tell(u, b, "bundle_accepted_missing", supply_by=supply_by.isoformat(), materials="、".join(names),
                   deadline=flow.iso(b.deadline))
        await instant_after_acceptance(u, b, [(c, w.rows[c.id]) for c in subs if not listed[c.id]], settings)

    with bundle_flow.bundle_move(b.id):  # an instant item's next stage reads remote bases before
        await flow.run_unit(settings, accept_all, on_retry=flow.keep(b, *subs))
    return b


def _dedupe(problems: list[DomainError]) -> list[DomainError]:
    seen, out = set(), []
    for p in problems:
        k = (p.code, p.message, tuple(p.field or []))
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


async def request_correction(
    *, actor: Actor, settings: Settings | None, bundle_id: int, corrections: Sequence[BundleCorrection], note: str = "",
) -> CaseBundle:
    """补正, told once for the bundle: one notice listing everything to correct across all items;
    the items concerned wait for the applicant (correction requested), the others at the window."""
    w = await _at_window(actor, bundle_id, Action.CORRECTION_REQUESTED)
    if any(c.correction_sent for c in w.subs):
        raise DomainError(errors.CORRECTION_ALREADY_SENT, "该主题办件已一次性告知过补正，不能再次要求补正", ["bundleId"])
    subs = _waiting(w, Status.SUBMITTED, Action.CORRECTION_REQUESTED, actor)
    if not corrections:
        raise DomainError(errors.INVALID, "请逐项列出需要补正的内容", ["corrections"])
    ids = {c.id for c in subs}
    per: dict[int, list[dict[str, Any]]] = {c.id: [] for c in subs}
    notice: list[dict[str, Any]] = []
    problems = []
    for n, item in enumerate(corrections[: desk.MAX_NOTICE_ITEMS]):
        text = (item.note or "").strip()[:300]
        if not text:
            problems.append(DomainError(errors.INVALID, "请写明补正要求", ["corrections", str(n), "note"]))
            continue
        if item.case_id is not None and item.case_id not in ids:
            problems.append(DomainError(errors.INVALID, "该事项不在待受理之列", ["corrections", str(n), "caseId"]))
            continue
        hit = False
        name = ""
        for c in subs:
            if item.case_id is not None and c.id != item.case_id:
                continue
            keys = w.keys(c)
            if item.key is None:
                per[c.id].append({"material_id": None, "name": "", "note": text})
                hit = True
                continue
            for r in w.rows[c.id]:
                if keys.get(r.material_id, f"M{r.material_id}") == item.key:
                    per[c.id].append({"material_id": r.material_id, "name": r.name, "note": text})
                    hit, name = True, r.name
        if not hit:
            problems.append(DomainError(errors.INVALID, "材料不属于待受理的事项", ["corrections", str(n), "key"]))
        else:
            notice.append({"key": item.key, "name": name, "note": text})
    if problems:
        raise DomainErrors(problems)
    supply_by = await clock.working_days_from(region=w.bundle.region_code, start=clock.today(),
                                              days=clock.CORRECTION_WORKING_DAYS)
    general = flow.reason_text(note, required=False, what="补正说明", field_name="note")
    summary = "；".join(f"{i['name']}：{i['note']}" if i["name"] else i["note"] for i in notice)
    with bundle_flow.bundle_move(w.bundle.id):
        async with flow.unit(settings) as u:
            await _take(u, w.bundle)
            for c in subs:
                items = per[c.id]
                if not items:
                    continue
                rows = {r.material_id: r for r in w.rows[c.id]}

                async def side(conn: Any, out: flow.Outgoing, items: list[dict[str, Any]] = items,
                               rows: dict[int, CaseMaterial] = rows) -> None:
                    for i in items:
                        if i["material_id"] is not None:
                            await CaseMaterial.filter(id=rows[i["material_id"]].id).using_db(conn).update(
                                state="pending", trust=None, supply_note=i["note"])

                mine = "；".join(f"{i['name']}：{i['note']}" if i["name"] else i["note"] for i in items)
                await flow.transition(
                    c, acting=flow.Acting(actor), action=Action.CORRECTION_REQUESTED, to=Status.CORRECTION_REQUESTED,
                    settings=settings, within=u, reason=mine, side=side,
                    updates={"correction_sent": True, "correction_note": general or mine, "supply_by": supply_by},
                    data={"bundle": w.bundle.number, "notice": w.bundle.row_version, "items": items, "note": general,
                          "supply_by": supply_by.isoformat(), "bundle_items": notice},
                )
            await tell(u, w.bundle, "bundle_correction_needed", reason=summary[:500], supply_by=supply_by.isoformat())
    return w.bundle


async def propose_rejection(*, actor: Actor, settings: Settings | None, bundle_id: int, reason: str) -> CaseBundle:
    """拟不予受理 of the bundle (every item waiting at the window): the hall supervisor decides."""
    w = await _at_window(actor, bundle_id, Action.REJECTION_PROPOSED)
    subs = _waiting(w, Status.SUBMITTED, Action.REJECTION_PROPOSED, actor)
    why = flow.reason_text(reason, required=True, what="不予受理的理由")
    with bundle_flow.bundle_move(w.bundle.id):
        async with flow.unit(settings) as u:
            await _take(u, w.bundle)
            for n, c in enumerate(subs):
                async def side(conn: Any, out: flow.Outgoing, first: bool = n == 0) -> None:
                    if first:
                        await out.staff("staff_bundle_rejection_proposed", await flow.staff_with_role(
                            Role.HALL_SUPERVISOR, hall_code=w.bundle.hall_code), reason=why, theme=w.bundle.theme_name,
                            bundle_no=w.bundle.number)

                await flow.transition(c, acting=flow.Acting(actor), action=Action.REJECTION_PROPOSED,
                                      to=Status.REJECTION_PROPOSED, settings=settings, within=u, reason=why, side=side,
                                      data={"bundle": w.bundle.number})
    return w.bundle


async def confirm_rejection(*, actor: Actor, settings: Settings | None, bundle_id: int, reason: str = "") -> CaseBundle:
    """不予受理 of the bundle, confirmed by the hall supervisor: one message for the bundle."""
    w = await _at_window(actor, bundle_id, Action.REJECTION_CONFIRMED)
    subs = _waiting(w, Status.REJECTION_PROPOSED, Action.REJECTION_CONFIRMED, actor)
    proposed = await CaseEvent.filter(case_id=subs[0].id, action=Action.REJECTION_PROPOSED).order_by("-id").first()
    why = flow.reason_text(reason, required=False, what="意见") or (proposed.reason if proposed else "")
    now = clock.now()
    with bundle_flow.bundle_move(w.bundle.id, quiet=True):
        async with flow.unit(settings) as u:
            await _take(u, w.bundle)
            for c in subs:
                await flow.transition(c, acting=flow.Acting(actor), action=Action.REJECTION_CONFIRMED, to=Status.REJECTED,
                                      settings=settings, within=u, reason=why, data={"bundle": w.bundle.number},
                                      updates={"decision": "rejected", "decision_reason": why, "decided_at": now,
                                               "completed_at": now})
            await tell(u, w.bundle, "bundle_rejected", reason=why[:300])
    return w.bundle


async def overturn_rejection(*, actor: Actor, settings: Settings | None, bundle_id: int, reason: str) -> CaseBundle:
    """The supervisor does not uphold the proposal: the bundle goes back to the window."""
    w = await _at_window(actor, bundle_id, Action.REJECTION_OVERTURNED)
    subs = _waiting(w, Status.REJECTION_PROPOSED, Action.REJECTION_OVERTURNED, actor)
    why = flow.reason_text(reason, required=True, what="否决的理由")
    proposer = await CaseEvent.filter(case_id=subs[0].id, action=Action.REJECTION_PROPOSED).order_by("-id").first()
    with bundle_flow.bundle_move(w.bundle.id):
        async with flow.unit(settings) as u:
            await _take(u, w.bundle)
            for n, c in enumerate(subs):
                async def side(conn: Any, out: flow.Outgoing, first: bool = n == 0) -> None:
                    if first and proposer is not None and proposer.actor_id is not None:
                        await out.staff("staff_rejection_overturned", [proposer.actor_id], reason=why)

                await flow.transition(c, acting=flow.Acting(actor), action=Action.REJECTION_OVERTURNED, to=Status.SUBMITTED,
                                      settings=settings, within=u, reason=why, side=side, data={"bundle": w.bundle.number})
    return w.bundle


@dataclass(frozen=True, slots=True)
class BundleSupplied:
    key: str
    upload_id: int | None = None  # None: handed in on paper at the window (a clerk records it)


async def supply(*, actor: Actor, settings: Settings | None, bundle_id: int, materials: Sequence[BundleSupplied]) -> CaseBundle:
    """The applicant supplies once for the bundle: each material counts for every item that asked
    for it (补正 or 容缺); a corrected item returns to the window."""
    if flow.parties_of(actor).isdisjoint({Party.APPLICANT, Party.AGENT, Party.CLERK}):
        raise DomainError(errors.NOT_ALLOWED, "只有申请人、其代办员或窗口工作人员可以补交材料")
    bundle = await visible_bundle(actor, bundle_id)
    if actor.is_staff and not (Role.WINDOW_CLERK in actor.roles
                               or (Role.ASSISTANCE_AGENT in actor.roles and bundle.submitted_by_staff_id == actor.user_id)):
        raise DomainError(errors.NOT_ALLOWED, "无权为该主题办件补交材料")
    if not materials:
        raise DomainError(errors.INVALID, "请选择要补交的材料", ["materials"])
    w = await _at_window(actor, bundle_id, Action.SUPPLIED) if actor.is_staff else await _own_window(actor, bundle)
    clerk = actor.is_staff and Role.WINDOW_CLERK in actor.roles
    owned = await owned_uploads(actor, [MaterialInput(n, m.upload_id) for n, m in enumerate(materials)])
    wanted = {m.key: owned.get(n) for n, m in enumerate(materials)}
    problems = [DomainError(errors.MISSING_MATERIAL, "请上传该材料", ["materials", m.key])
                for m in materials if m.upload_id is None and not clerk]
    open_states = ("pending", "missing")
    moves: list[tuple[Case, list[CaseMaterial], Action, bool]] = []
    hit: set[str] = set()
    for c in w.in_status(*AWAITING_SUPPLY):
        keys = w.keys(c)
        rows = w.rows[c.id]
        mine = [r for r in rows if r.state in open_states and keys.get(r.material_id, f"M{r.material_id}") in wanted]
        if not mine:
            continue
        hit.update(keys.get(r.material_id, f"M{r.material_id}") for r in mine)
        correcting = c.status == Status.CORRECTION_REQUESTED
        left = [r for r in rows if r.state in open_states and r not in mine
                and (r.necessity == "required" if correcting else r.necessity != "optional")]
        action = (Action.CORRECTED_PART if left else Action.CORRECTED) if correcting else Action.SUPPLIED
        moves.append((c, mine, action, not left))
    problems += [DomainError(errors.INVALID, "该材料无需补交", ["materials", k]) for k in wanted if k not in hit]
    if problems:
        raise DomainErrors(problems)
    acting = flow.Acting(actor, mandate_id=bundle.mandate_id if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles else None)
    async with flow.unit(settings) as u:
        await _take(u, w.bundle)
        for c, mine, action, done in moves:
            keys = w.keys(c)

            async def side(conn: Any, out: flow.Outgoing, mine: list[CaseMaterial] = mine, keys: dict[int, str] = keys) -> None:
                now = clock.now()
                for r in mine:
                    await CaseMaterial.filter(id=r.id).using_db(conn).update(
                        state="provided", trust="B" if clerk else "C",
                        upload_id=wanted[keys.get(r.material_id, f"M{r.material_id}")],
                        checked_by_id=actor.user_id if clerk else None, checked_at=now if clerk else None)

            await flow.transition(c, acting=acting, action=action, settings=settings, within=u,
                                  reason=f"补交：{'、'.join(r.name for r in mine)}", side=side,
                                  updates={"supply_by": None} if done else {},
                                  data={"bundle": w.bundle.number, "materials": [r.material_id for r in mine]})
    return w.bundle


async def _own_window(actor: Actor, bundle: CaseBundle) -> AtWindow:
    subs = list(await Case.filter(bundle_id=bundle.id).order_by("id"))
    rows: dict[int, list[CaseMaterial]] = {c.id: [] for c in subs}
    for m in await CaseMaterial.filter(case_id__in=[c.id for c in subs]).order_by("case_id", "position"):
        rows[m.case_id].append(m)
    return AtWindow(bundle, subs, rows)


def _may_act_for(actor: Actor, bundle: CaseBundle) -> None:
    if actor.is_citizen:
        return
    if actor.is_staff and Role.ASSISTANCE_AGENT in actor.roles and bundle.submitted_by_staff_id == actor.user_id:
        return
    raise DomainError(errors.NOT_ALLOWED, "只有申请人或其代办员可以撤回或重新申请")


async def withdraw(*, actor: Actor, settings: Settings | None, bundle_id: int, reason: str = "") -> CaseBundle:
    """撤回 the bundle: every sub-case still open is withdrawn with it (decided items stand)."""
    flow.may(actor, Action.WITHDRAWN)
    bundle = await visible_bundle(actor, bundle_id)
    _may_act_for(actor, bundle)
    if bundle.withdrawn_at is not None:
        raise DomainError(errors.INVALID_STATE, "该主题办件已撤回", ["bundleId"])
    w = await _own_window(actor, bundle)
    open_subs = [c for c in w.subs if Status(c.status) in WITHDRAWABLE]
    if not open_subs:
        raise DomainError(errors.INVALID_STATE, "该主题办件没有可撤回的在办事项", ["bundleId"])
    why = flow.reason_text(reason, required=False, what="撤回原因")
    acting = flow.Acting(actor, mandate_id=bundle.mandate_id if actor.is_staff else None)
    now = clock.now()
    with bundle_flow.bundle_move(bundle.id, quiet=True):
        async with flow.unit(settings) as u:
            await _take(u, bundle)
            await CaseBundle.filter(id=bundle.id).using_db(u.conn).update(withdrawn_at=now, withdraw_reason=why)
            bundle.withdrawn_at, bundle.withdraw_reason = now, why
            for c in open_subs:
                await flow.transition(c, acting=acting, action=Action.WITHDRAWN, to=Status.WITHDRAWN, settings=settings,
                                      within=u, reason=why or "撤回主题办件", updates={"supply_by": None, "completed_at": now},
                                      data={"bundle": bundle.number})
            await tell(u, bundle, "bundle_withdrawn", count=len(open_subs))
    return bundle


async def reapply_item(
    *, actor: Actor, settings: Settings | None, bundle_id: int, case_id: int, form_data: dict[str, Any] | None = None,
    materials: Sequence[MaterialFile] = (),
) -> Case:
    """Apply again, inside the bundle, for an item that failed (denied, rejected, withdrawn): a new
    sub-case at the window for the same item and stage; the items it holds back open once it completes."""
    require_applicant(actor)
    bundle = await visible_bundle(actor, bundle_id)
    _may_act_for(actor, bundle)
    if bundle.withdrawn_at is not None:
        raise DomainError(errors.INVALID_STATE, "该主题办件已撤回，请重新申请主题", ["bundleId"])
    subs = (await subs_of([bundle.id]))[bundle.id]
    latest = latest_subs(bundle.plan, subs)
    it = next((i for i in plan_items(bundle.plan) if latest.get(i["key"]) is not None and latest[i["key"]].id == case_id), None)
    if it is None or Status(latest[it["key"]].status) not in BAD_END:
        raise DomainError(errors.INVALID_STATE, "只能重新申请未获办理（不予许可、不予受理或已撤回）的事项", ["caseId"])
    version = await ItemVersion.get(id=it["version_id"])
    overrides = dict(form_data or {})
    form = {**{k: bundle.form_data[k] for k in it["form_keys"] if k in bundle.form_data}, **overrides}
    cleaned, problems = validate_form(version.form_fields or [], form)
    by_key = {m["key"]: m for m in it.get("materials", [])}
    problems += [DomainError(errors.INVALID, "材料不属于该事项", ["materials", f.key]) for f in materials if f.key not in by_key]
    if problems:
        raise DomainErrors(problems)
    owned = await owned_uploads(actor, [MaterialInput(n, f.upload_id) for n, f in enumerate(materials)])
    files = {**(bundle.materials or {}), **{f.key: {"upload_id": owned[n], "name": f.key} for n, f in enumerate(materials)
                                           if n in owned}}
    pinned = (await _pinned_materials([it]))[it["key"]]
    holder = await bundle_flow.verified_holder(bundle)
    why = bundle_flow.bundle_why(f"主题办件“{bundle.theme_name}”重新申请“{it['name']}”：材料免提交核验", bundle,
                                 shareddata.Caller.of(actor))
    held = await evidence.holdings(holder, on=clock.today(), why=why, settings=settings, materials=pinned)
    rows = item_material_rows(it, pinned, files, holder=holder, held=held)
    region = await Region.get(code=await _item_region(it["item_id"]))
    acting = flow.Acting(actor, mandate_id=bundle.mandate_id if actor.is_staff else None)
    async with flow.unit(settings) as u:
        await _take(u, bundle)
        await CaseBundle.filter(id=bundle.id).using_db(u.conn).update(form_data={**bundle.form_data, **cleaned},
                                                                      materials=files)
        bundle.form_data, bundle.materials = {**bundle.form_data, **cleaned}, files
        case = await _create_sub(u, bundle, it, region, rows, acting=acting, action=Action.SUBMITTED, settings=settings,
                                 version=version, submitted_at=clock.now())
        await shareddata.attach(held.batch, conn=u.conn, case=case)
        await tell(u, bundle, "bundle_item_reapplied", item=it["name"])
    return case


async def _item_region(item_id: int) -> str:
    from server.domain.catalog.models import ServiceItem

    return str((await ServiceItem.get(id=item_id)).region_id)


# ---------------------------------------------------------------- results delivered together, one rating

RESULT_METHODS = {"pickup": "窗口一次领取", "postal": "一次寄递", "electronic": "电子证照"}


async def issue_results(
    *, actor: Actor, settings: Settings | None, bundle_id: int, method: str, tracking_number: str | None = None,
) -> CaseBundle:
    """统一出件: once every item is decided, the results of all approved items go out together — one
    pickup at the window or one parcel (their e-licences were issued as each was approved); with
    ``electronic`` (every approved item has an e-licence) the bundle completes at once."""
    flow.may(actor, Action.RESULT_ISSUED)
    bundle = await visible_bundle(actor, bundle_id)
    if method not in RESULT_METHODS:
        raise DomainError(errors.INVALID, "出件方式只能为窗口领取、邮寄或电子证照", ["method"])
    tracking = (tracking_number or "").strip()
    if method == "postal" and not desk._TRACKING.match(tracking):
        raise DomainError(errors.INVALID, "请填写 8 到 32 位的邮寄运单号（字母或数字）", ["trackingNumber"])
    v = await load_view(bundle)
    running = [i.name for i in v.items if i.state in (OPEN, WAITING)]
    if running:
        raise DomainError(errors.INVALID_STATE, f"{'、'.join(running)}尚在办理，各事项办完后统一出件", ["bundleId"])
    ready = [i.case for i in v.items if i.case is not None and i.case.status == Status.APPROVED]
    if not ready:
        raise DomainError(errors.INVALID_STATE, "该主题办件没有待出件的办理结果", ["bundleId"])
    for c in ready:
        flow.check(c, Action.RESULT_ISSUED, actor)
    if method == "electronic":
        with_licence = set(await ELicence.filter(case_id__in=[c.id for c in ready]).values_list("case_id", flat=True))
        lacking = [c.item_name for c in ready if c.id not in with_licence]
        if lacking:
            raise DomainError(errors.INVALID, f"{'、'.join(lacking)}没有电子证照，请选择窗口领取或邮寄", ["method"])
    used = {c.id: await clock.used_working_days(c, until=clock.today()) for c in ready} if method == "electronic" else {}
    hall = await Hall.get_or_none(code=bundle.hall_code) if bundle.hall_code else None
    place = f"{hall.name}（{hall.address}）" if hall else "受理窗口"
    now = clock.now()
    how = "窗口领取" if method == "pickup" else f"邮寄，运单号 {tracking}" if method == "postal" else "电子证照出件"
    with bundle_flow.bundle_move(bundle.id):
        async with flow.unit(settings) as u:
            await _take(u, bundle)
            await CaseBundle.filter(id=bundle.id).using_db(u.conn).update(
                result_method=method, tracking_number=tracking or None, results_issued_at=now)
            bundle.result_method, bundle.tracking_number, bundle.results_issued_at = method, tracking or None, now
            for c in ready:
                if method == "electronic":
                    await flow.transition(c, acting=flow.Acting(actor), action=Action.COMPLETED, settings=settings, within=u,
                                          reason=f"主题办件统一出件：{how}", data={"bundle": bundle.number},
                                          updates={"result_method": "electronic", "completed_at": now,
                                                   "working_days_used": used[c.id]})
                else:
                    await flow.transition(c, acting=flow.Acting(actor), action=Action.RESULT_ISSUED, to=Status.RESULT_ISSUED,
                                          settings=settings, within=u, reason=f"主题办件统一出件：{how}",
                                          data={"bundle": bundle.number},
                                          updates={"result_method": method, "tracking_number": tracking or None})
            if method == "pickup":
                await tell(u, bundle, "bundle_result_pickup", count=len(ready), place=place)
            elif method == "postal":
                await tell(u, bundle, "bundle_result_posted", count=len(ready), tracking_no=tracking)
    return bundle


async def complete(*, actor: Actor, settings: Settings | None, bundle_id: int, note: str = "") -> CaseBundle:
    """办结 the bundle's results issued together: picked up at the window, or delivered by post."""
    flow.may(actor, Action.COMPLETED)
    bundle = await visible_bundle(actor, bundle_id)
    v = await load_view(bundle)
    issued = [i.case for i in v.items if i.case is not None and i.case.status == Status.RESULT_ISSUED]
    if not issued:
        raise DomainError(errors.INVALID_STATE, "该主题办件没有已出件待办结的结果，请先统一出件", ["bundleId"])
    for c in issued:
        flow.check(c, Action.COMPLETED, actor)
    why = flow.reason_text(note, required=False, what="备注", field_name="note")
    why = why or ("申请人已一次领取" if bundle.result_method == "pickup" else "邮件已妥投")
    used = {c.id: await clock.used_working_days(c, until=clock.today()) for c in issued}
    now = clock.now()
    with bundle_flow.bundle_move(bundle.id):
        async with flow.unit(settings) as u:
            await _take(u, bundle)
            for c in issued:
                await flow.transition(c, acting=flow.Acting(actor), action=Action.COMPLETED, settings=settings, within=u,
                                      reason=why, data={"bundle": bundle.number},
                                      updates={"completed_at": now, "working_days_used": used[c.id]})
    return bundle


def rateable(v: BundleView) -> list[Case]:
    """The sub-cases a bundle's one rating covers, once every item has its end (nothing running,
    no result waiting): what stands of each item that reached a rateable end."""
    if any(i.state in (OPEN, WAITING) for i in v.items):
        return []
    ends = [i.case for i in v.items if i.case is not None]
    if any(Status(c.status) in AWAITING_DELIVERY for c in ends):
        return []
    return [c for c in ends if Status(c.status) in RATEABLE]


async def rate(*, actor: Actor, settings: Settings | None, bundle_id: int, level: int, channel: str = "app",
               comment: str = "") -> CaseBundle:
    """The applicant rates the bundle once (好差评 for the “一件事”), after every item has its end:
    one rating, recorded for each department's item (each sub-case carries it, with the bundle)."""
    from server.domain.cases.ratings import CHANNELS, LEVELS

    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有申请人可以评价")
    bundle = await visible_bundle(actor, bundle_id)
    if level not in LEVELS:
        raise DomainError(errors.INVALID, "评价等级应为 1 到 5", ["level"])
    if channel not in CHANNELS:
        raise DomainError(errors.INVALID, "未知的评价渠道", ["channel"])
    text = flow.reason_text(comment, required=level <= 2, what="不满意的原因", field_name="comment")
    if await CaseRating.exists(bundle_id=bundle.id):
        raise DomainError(errors.INVALID_STATE, "该主题办件已评价过", ["bundleId"])
    subs = rateable(await load_view(bundle))
    if not subs:
        raise DomainError(errors.INVALID_STATE, "主题办件的各事项全部办结后才能评价", ["bundleId"])
    await rate_subs(bundle, subs, acting=flow.Acting(actor), settings=settings, level=level, channel=channel, comment=text,
                    citizen_id=actor.citizen_id, reason=LEVELS[level])
    return bundle


async def rate_subs(bundle: CaseBundle, subs: Sequence[Case], *, acting: flow.Acting, settings: Settings | None, level: int,
                    channel: str, comment: str, citizen_id: int | None, reason: str,
                    token_id: int | None = None) -> None:
    """One rating of the bundle, on each of ``subs``, in one transaction (a sub-case rated meanwhile:
    nothing is written, CONFLICT); ``token_id``: the SMS link's token, used once in it."""
    from server.domain.cases import ratings, rectification
    from server.domain.cases.models import RatingToken

    now = clock.now()
    # a bad rating (差评) of the bundle opens a rectification for each item's department
    dues = {c.id: await rectification.due_date(c, settings or Settings()) for c in subs} \
        if level in ratings.BAD and channel != "default" else {}
    async with flow.unit(settings) as u:
        await _take(u, bundle)
        if token_id is not None:
            used = await RatingToken.filter(id=token_id, used_at=None).using_db(u.conn).update(used_at=now)
            if not used:
                raise DomainError(errors.INVALID_STATE, "该评价链接已使用过", ["token"])
        for c in subs:

            async def side(conn: Any, out: flow.Outgoing, c: Case = c) -> None:
                row = await CaseRating.create(
                    case_id=c.id, level=level, channel=channel, comment=comment, citizen_id=citizen_id,
                    department_code=c.department_code, region_code=c.region_code, bundle_id=bundle.id, rated_at=now,
                    item_id=c.item_id, hall_code=c.hall_code, dimension_set=ratings.dimension_set_for(c, channel),
                    using_db=conn)
                if c.id in dues:
                    await rectification.open_for(conn, out, row, c, dues[c.id])

            try:
                await flow.transition(c, acting=acting, action=Action.RATED, settings=settings, within=u, reason=reason,
                                      data={"level": level, "channel": channel, "bundle": bundle.number}, side=side)
            except IntegrityError:
                raise DomainError(errors.CONFLICT, "主题办件刚被评价，请刷新后查看", ["bundleId"]) from None


# ---------------------------------------------------------------- the stages in time


@dataclass(frozen=True, slots=True)
class StageTime:
    opened_at: datetime | None  # its first sub-case: submitted (stage 1) or opened
    finished_at: datetime | None  # its last decision, once every item of it is decided


def _decided_at(c: Case) -> datetime | None:
    return c.decided_at or c.completed_at


def stage_time(items: Sequence[ItemView]) -> StageTime:
    cases = [i.case for i in items if i.case is not None]
    starts = [t for t in (c.submitted_at if c.bundle_stage == 1 else c.accepted_at or c.created_at for c in cases) if t]
    opened = min(starts) if starts else None
    if not items or any(i.state in (OPEN, WAITING) for i in items):
        return StageTime(opened, None)
    ends = [t for t in (_decided_at(c) for c in cases) if t]
    return StageTime(opened, max(ends) if ends else None)


def finished_at(v: BundleView) -> datetime | None:
    """When the last item was decided (None while something runs or waits)."""
    if not v.items or any(i.state in (OPEN, WAITING) for i in v.items):
        return None
    ends = [t for t in (_decided_at(i.case) for i in v.items if i.case is not None) if t]
    return max(ends) if ends else None


async def working_days_used(v: BundleView) -> int | None:
    """Working days of the bundle's budget used: from acceptance to the last decision, or to today."""
    b = v.bundle
    if b.accepted_at is None:
        return None
    from server.domain.calendar import service as calendar

    end = finished_at(v) or clock.now()
    return await calendar.working_days_between(region=b.region_code, start=b.accepted_at, end=end)


# ---------------------------------------------------------------- working hours (一日办结)


class BudgetState(StrEnum):
    ON_TRACK = "on_track"  # running, less than half of the budget used
    HALF_USED = "half_used"  # running, half of it or more used: a warning
    USED_UP = "used_up"  # running past the budget
    MET = "met"  # every item decided within the budget
    MISSED = "missed"  # decided, past the budget


BUDGET_STATE_LABELS = {
    BudgetState.ON_TRACK: "办理中，用时未过半", BudgetState.HALF_USED: "办理中，用时已过半（预警）",
    BudgetState.USED_UP: "已超出时限", BudgetState.MET: "已在时限内办结", BudgetState.MISSED: "已办结，超出时限",
}


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """The bundle's time budget measured in working hours on its hall's hours (one working day: the
    hall's hours of that day), from acceptance to the last decision or now."""

    budget: float  # hours: a budget in days is days × the hall's hours of a day
    used: float
    day_hours: float
    deadline_at: datetime  # when the budget runs out, on the hall's hours
    finished: bool

    @property
    def left(self) -> float:
        return max(0.0, self.budget - self.used)

    @property
    def state(self) -> BudgetState:
        if self.finished:
            return BudgetState.MET if self.used <= self.budget else BudgetState.MISSED
        if self.used >= self.budget:
            return BudgetState.USED_UP
        return BudgetState.HALF_USED if self.used * 2 >= self.budget else BudgetState.ON_TRACK


def budget_hours(b: CaseBundle, day_hours: float) -> float:
    return float(b.budget_value) if b.budget_unit == "working_hour" else b.budget_value * day_hours


async def working_hours(v: BundleView) -> WorkingHours | None:
    """Hours used and left of an accepted bundle (None before acceptance)."""
    from server.domain.calendar import hours

    b = v.bundle
    if b.accepted_at is None:
        return None
    sessions = await bundle_flow.hall_sessions(b)
    day = hours.day_hours(sessions)
    budget = budget_hours(b, day)
    end = finished_at(v)
    used = await hours.hours_between(region=b.region_code, sessions=sessions, start=b.accepted_at,
                                     end=end or clock.now())
    deadline_at = await hours.add_hours(region=b.region_code, sessions=sessions, start=b.accepted_at, hours=budget)
    return WorkingHours(budget=budget, used=round(used, 2), day_hours=day, deadline_at=deadline_at,
                        finished=end is not None)


@dataclass(frozen=True, slots=True)
class HourReport:
    """How fast a theme's bundles accepted in a period were done, in working hours on the halls' hours."""

    accepted: int
    finished: int
    within_day: int  # finished within one working day of the hall
    within_half_day: int
    within_budget: int
    p50_hours: float | None  # of the finished ones
    p90_hours: float | None

    def share(self, n: int) -> float | None:
        return round(n / self.finished, 4) if self.finished else None


MAX_REPORT_DAYS = 366


async def hour_report(*, actor: Actor, theme_code: str, date_from: date, date_to: date) -> HourReport:
    """The share of a theme's bundles (e.g. 企业开办) accepted between ``date_from`` and ``date_to`` that
    were done within one working day and within half a day, and p50/p90 of the working hours they took:
    the bundles the caller may see, a handful of queries whatever their number (one calendar read per
    region and hall hours)."""
    from server.domain.calendar import hours
    from server.domain.cases.stats import can_read_statistics
    from server.domain.catalog.models import Hall

    if not can_read_statistics(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员、大厅负责人、县级查询员和县市级系统可以查看办件统计")
    if date_to < date_from:
        raise DomainError(errors.INVALID, "结束日期早于开始日期", ["dateTo"])
    if (date_to - date_from).days + 1 > MAX_REPORT_DAYS:
        raise DomainError(errors.INVALID, f"统计区间最多 {MAX_REPORT_DAYS} 天", ["dateTo"])
    lo = datetime.combine(date_from, time.min, clock.ZONE)
    hi = datetime.combine(date_to + timedelta(days=1), time.min, clock.ZONE)
    rows = list(await CaseBundle.filter(await bundle_scope(actor), theme_code=theme_code.strip()[:48],
                                        accepted_at__gte=lo, accepted_at__lt=hi).order_by("id"))
    subs = await subs_of([b.id for b in rows])
    halls = dict(await Hall.filter(code__in=list({b.hall_code for b in rows if b.hall_code})).values_list("code", "hours"))
    meters: dict[tuple[str, Any], Any] = {}
    spans: dict[tuple[str, Any], tuple[date, date]] = {}
    done: list[tuple[CaseBundle, datetime, Any]] = []
    for b in rows:
        end = finished_at(view(b, subs[b.id]))
        if end is None or b.accepted_at is None:
            continue
        key = (b.region_code, hours.sessions_of(halls.get(b.hall_code or "")))
        a, z = b.accepted_at.astimezone(clock.ZONE).date(), end.astimezone(clock.ZONE).date()
        first, last = spans.get(key, (a, z))
        spans[key] = (min(first, a), max(last, z))
        done.append((b, end, key))
    for key, (first, last) in spans.items():
        meters[key] = await hours.Meter.load(region=key[0], sessions=key[1], start=first, end=last)
    took: list[float] = []
    within_day = within_half = within_budget = 0
    for b, end, key in done:
        assert b.accepted_at is not None
        used = meters[key].between(b.accepted_at, end)
        day = hours.day_hours(key[1])
        took.append(used)
        within_day += used <= day
        within_half += used * 2 <= day
        within_budget += used <= budget_hours(b, day)
    took.sort()

    def pct(p: float) -> float | None:
        return round(took[min(len(took) - 1, int(p * len(took)))], 2) if took else None

    return HourReport(accepted=len(rows), finished=len(done), within_day=within_day, within_half_day=within_half,
                      within_budget=within_budget, p50_hours=pct(0.5), p90_hours=pct(0.9))


# ---------------------------------------------------------------- the one set of materials, now


@dataclass(slots=True)
class SetMaterial:
    """One material of the bundle's set as it stands: its key (what supplying names), and how the
    items that use it have it (the state that needs the applicant most, across them)."""

    key: str
    name: str
    necessity: str  # the strictest of its uses
    state: str  # pending | missing | provided | reused | exempt
    supply_note: str
    upload_id: int | None
    item_keys: list[str]


_NEED = {"pending": 0, "missing": 1, "provided": 2, "reused": 3, "exempt": 4}
_STRICT = {"required": 0, "deferrable": 1, "optional": 2}


def set_materials(v: BundleView, rows: dict[int, Sequence[CaseMaterial]]) -> list[SetMaterial]:
    """The set over what stands (each item's newest sub-case; items not opened yet are left out):
    ``rows`` are the sub-cases' materials by case id."""
    out: dict[str, SetMaterial] = {}
    for it in plan_items(v.bundle.plan):
        case = next((i.case for i in v.items if i.key == it["key"]), None)
        if case is None:
            continue
        key_of = {m["id"]: m["key"] for m in it.get("materials", [])}
        for r in rows.get(case.id, []):
            k = key_of.get(r.material_id, f"M{r.material_id}")
            s = out.get(k)
            if s is None:
                out[k] = SetMaterial(k, r.name, r.necessity, r.state, r.supply_note, r.upload_id, [it["key"]])
                continue
            s.item_keys.append(it["key"])
            if _STRICT.get(r.necessity, 2) < _STRICT.get(s.necessity, 2):
                s.necessity = r.necessity
            if _NEED.get(r.state, 4) < _NEED.get(s.state, 4):
                s.state, s.supply_note = r.state, r.supply_note or s.supply_note
            s.upload_id = s.upload_id or r.upload_id
    return list(out.values())
