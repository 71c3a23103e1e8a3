"""Personal data seen whole (unmasked), and the access log that records every such view.

Names, phone numbers and ID numbers are masked wherever they are listed (DESIGN.md rule 9). A staff
member whose work needs them whole asks for them explicitly, with a reason: :func:`reveal` checks
the role and the region, reads the values and writes one :class:`AccessLog` row in the same
transaction, so there is no view without its record. Refused attempts raise NOT_ALLOWED and write
nothing (they are not views).

Who may reveal:
- roles that handle people's matters: window clerks, hall supervisors, department reviewers,
  assistance agents and city admins. Catalogue admins, county viewers and auditors may not.
- an enterprise with a region, or a staff member: only within the actor's own region (or below).
- a citizen: citizens carry no region, so only when a case the actor may see (cases/scope.py) is
  theirs — as the applicant, or as the person who applied for an enterprise — or when they gave the
  actor a mandate.

A case's or a bundle's filled-in form is a subject too: its fields whose type holds personal data
(names, phones, ID numbers, addresses: ``catalog.rules.PERSONAL_FORM_FIELD_TYPES``) are masked for
everyone but the applicant, and :func:`reveal_form` shows them whole to a revealing role that may see
the case (``cases/scope.py``) or the bundle, logged the same way (field ``form_data``, and
``form_data.<key>`` for each form field shown).

Who may read the log: auditors and city admins, for views by staff of their region (or below),
scoped by ``viewer_region_path`` in the query itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.domain.accounts import errors
from server.domain.accounts.identifiers import mask_name, mask_phone
from server.domain.accounts.models import AccessLog, Citizen, Enterprise, StaffUser
from server.domain.accounts.roles import Actor, Role
from server.domain.errors import DomainError, DomainErrors

REVEALING_ROLES = frozenset(
    {Role.WINDOW_CLERK, Role.HALL_SUPERVISOR, Role.DEPT_REVIEWER, Role.ASSISTANCE_AGENT, Role.CITY_ADMIN}
)
LOG_READERS = frozenset({Role.AUDITOR, Role.CITY_ADMIN})

MIN_REASON = 4
MAX_REASON = 500
MAX_FIELDS = 10

SUBJECT_KINDS = ("citizen", "enterprise", "staff", "case", "bundle")
FORM_SUBJECTS = ("case", "bundle")
FORM_DATA = "form_data"

# per kind of subject: field name -> (model attribute, Chinese label)
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "citizen": {
        "name": ("name", "姓名"),
        "phone": ("phone", "手机号码"),
        "id_number": ("id_number", "居民身份证号码"),
    },
    "enterprise": {
        "legal_rep_name": ("legal_rep_name", "法定代表人姓名"),
        "legal_rep_id_number": ("legal_rep_id_number", "法定代表人身份证号码"),
    },
    "staff": {
        "name": ("display_name", "姓名"),
    },
    "case": {FORM_DATA: ("form_data", "申请表中的个人信息")},
    "bundle": {FORM_DATA: ("form_data", "一表申请中的个人信息")},
}

_MODELS: dict[str, Any] = {"citizen": Citizen, "enterprise": Enterprise, "staff": StaffUser}
_KIND_LABELS = {"citizen": "群众", "enterprise": "企业", "staff": "工作人员", "case": "办件", "bundle": "主题办件"}


def may_reveal(actor: Actor) -> bool:
    return actor.is_staff and actor.has_any(REVEALING_ROLES)


def may_read_log(actor: Actor) -> bool:
    return actor.is_staff and actor.has_any(LOG_READERS) and actor.region_path is not None


def viewer_label(actor: Actor) -> str:
    """姓名(用户名), as the log shows the viewer."""
    return f"{actor.display_name or actor.username}({actor.username})"[:96]


def _check_request(subject_kind: str, fields: Sequence[str], reason: str) -> tuple[list[str], str]:
    problems: list[DomainError] = []
    allowed = FIELDS.get(subject_kind)
    if allowed is None:
        raise DomainError(errors.INVALID, "查看对象只能是群众、企业、工作人员、办件或主题办件", ["subjectId"])
    if len(fields) > MAX_FIELDS:
        raise DomainError(errors.INVALID, f"一次最多查看 {MAX_FIELDS} 项信息", ["fields"])
    wanted = list(dict.fromkeys(fields))  # keep the order, drop repeats
    if not wanted:
        problems.append(DomainError(errors.INVALID, "请至少选择一项要查看的信息", ["fields"]))
    for i, name in enumerate(wanted):
        if name not in allowed:
            labels = "、".join(label for _attr, label in allowed.values())
            problems.append(DomainError(
                errors.INVALID, f"{_KIND_LABELS[subject_kind]}没有可查看的“{name}”，可查看：{labels}", ["fields", str(i)]
            ))
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        problems.append(DomainError(errors.INVALID, f"请填写查看原因（至少 {MIN_REASON} 个字）", ["reason"]))
    elif len(reason) > MAX_REASON:
        problems.append(DomainError(errors.INVALID, f"查看原因不超过 {MAX_REASON} 个字", ["reason"]))
    if problems:
        raise DomainErrors(problems)
    return wanted, reason


async def reveal(
    *, actor: Actor, subject_kind: str, subject_id: int, fields: Sequence[str], reason: str, request_id: str,
) -> dict[str, str | None]:
    """The requested fields of one person or enterprise, whole; the view is logged in the same
    transaction. A field that was never recorded (a citizen not yet verified) comes back as None."""
    if not may_reveal(actor):
        raise DomainError(errors.NOT_ALLOWED, "您的角色无权查看完整的个人信息")
    wanted, reason = _check_request(subject_kind, fields, reason)
    if subject_kind in FORM_SUBJECTS:
        raise DomainError(errors.INVALID, "办件申请表中的个人信息请用 reveal_form 查看", ["subjectId"])
    model = _MODELS[subject_kind]
    async with in_transaction() as conn:
        qs = model.filter(id=subject_id).using_db(conn)
        if subject_kind in ("enterprise", "staff"):
            qs = qs.select_related("region")
        subject = await qs.first()
        if subject is None:
            raise DomainError(errors.NOT_FOUND, f"要查看的{_KIND_LABELS[subject_kind]}不存在", ["subjectId"])
        region = getattr(subject, "region", None) if subject_kind != "citizen" else None
        if subject_kind == "citizen" and not await _handles_citizen(actor, subject.id):
            raise DomainError(
                errors.NOT_ALLOWED, "只能查看您经办的办件或委托中申请人的个人信息", ["subjectId"]
            )
        if region is not None and not actor.covers(region.path):
            raise DomainError(errors.NOT_ALLOWED, f"只能查看本区划内{_KIND_LABELS[subject_kind]}的个人信息", ["subjectId"])
        values = {name: getattr(subject, FIELDS[subject_kind][name][0]) for name in wanted}
        await AccessLog.create(
            viewer_staff_id=actor.user_id, viewer_label=viewer_label(actor), viewer_region_path=actor.region_path,
            subject_kind=subject_kind, subject_id=subject.id, fields_shown=wanted, reason=reason,
            request_id=(request_id or "-")[:64], using_db=conn,
        )
    return {k: (None if v is None else str(v)) for k, v in values.items()}


@dataclass(frozen=True, slots=True)
class Revealed:
    """One value seen whole: the field, its Chinese label, the value, and for a form its key."""

    field: str
    label: str
    value: str | None
    key: str | None = None


async def reveal_values(
    *, actor: Actor, subject_kind: str, subject_id: int, fields: Sequence[str], reason: str, request_id: str,
) -> list[Revealed]:
    """:func:`reveal` or :func:`reveal_form`, by the kind of subject, as one list."""
    if subject_kind in FORM_SUBJECTS:
        if not may_reveal(actor):
            raise DomainError(errors.NOT_ALLOWED, "您的角色无权查看完整的个人信息")
        _check_request(subject_kind, fields, reason)
        found = await reveal_form(actor=actor, subject_kind=subject_kind, subject_id=subject_id, reason=reason,
                                  request_id=request_id)
        return [Revealed(FORM_DATA, label, value, key) for key, label, value in found]
    values = await reveal(actor=actor, subject_kind=subject_kind, subject_id=subject_id, fields=fields, reason=reason,
                          request_id=request_id)
    labels = FIELDS[subject_kind]
    return [Revealed(name, labels[name][1], value) for name, value in values.items()]


async def form_definitions(version_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The form-field definitions of the given item versions (a case's one, a bundle's every item)."""
    from server.domain.catalog.models import ItemVersion

    ids = list(dict.fromkeys(i for i in version_ids if i is not None))
    if not ids:
        return []
    rows = await ItemVersion.filter(id__in=ids).values_list("id", "form_fields")
    by_id = {i: f for i, f in rows}
    return [d for i in ids for d in (by_id.get(i) or [])]


def bundle_version_ids(plan: Sequence[Any]) -> list[int]:
    """The pinned item versions of a bundle's plan (every stage's items, opened or not)."""
    return [int(it["version_id"]) for st in plan or [] for it in st.get("items", []) if it.get("version_id")]


async def reveal_form(
    *, actor: Actor, subject_kind: str, subject_id: int, reason: str, request_id: str,
) -> list[tuple[str, str, str | None]]:
    """The personal fields of a case's or bundle's filled-in form, whole, as (key, label, value), in
    the form's order; the view is logged in the same transaction. A form with no personal field gives
    an empty list and logs nothing (nothing was shown)."""
    from server.domain.catalog.forms import personal_fields

    if not may_reveal(actor):
        raise DomainError(errors.NOT_ALLOWED, "您的角色无权查看完整的个人信息")
    _wanted, reason = _check_request(subject_kind, [FORM_DATA], reason)
    if subject_kind == "case":
        from server.domain.cases.queries import cases_by_ids

        case = (await cases_by_ids(actor=actor, ids=[subject_id])).get(subject_id)
        if case is None:
            raise DomainError(errors.NOT_FOUND, "要查看的办件不存在或不在您的办理范围内", ["subjectId"])
        data, defs = dict(case.form_data or {}), await form_definitions([case.version_id])
    else:
        from server.domain.cases.bundles import bundles_by_ids

        bundle = (await bundles_by_ids(actor=actor, ids=[subject_id])).get(subject_id)
        if bundle is None:
            raise DomainError(errors.NOT_FOUND, "要查看的主题办件不存在或不在您的办理范围内", ["subjectId"])
        data, defs = dict(bundle.form_data or {}), await form_definitions(bundle_version_ids(bundle.plan))
    shown = [(k, label, None if data[k] is None else str(data[k]))
             for k, label in personal_fields(defs).items() if k in data]
    if shown:
        await AccessLog.create(
            viewer_staff_id=actor.user_id, viewer_label=viewer_label(actor), viewer_region_path=actor.region_path,
            subject_kind=subject_kind, subject_id=subject_id,
            fields_shown=[FORM_DATA, *(f"{FORM_DATA}.{k}" for k, _l, _v in shown)], reason=reason,
            request_id=(request_id or "-")[:64],
        )
    return shown


async def _handles_citizen(actor: Actor, citizen_id: int) -> bool:
    """A citizen carries no region: a staff member may see one whole when a case they may see is
    that person's (as applicant or as the one who applied for an enterprise), or when the person
    gave them a mandate."""
    from tortoise.expressions import Q

    from server.domain.accounts.models import Mandate
    from server.domain.cases.models import Case
    from server.domain.cases.scope import case_scope

    person = Q(Q(applicant_citizen_id=citizen_id), Q(contact_citizen_id=citizen_id), join_type="OR")
    if await Case.filter(await case_scope(actor), person).exists():
        return True
    return actor.user_id is not None and await Mandate.exists(principal_citizen_id=citizen_id, agent_id=actor.user_id)


# --- the access log --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogFilter:
    subject_kind: str | None = None
    subject_id: int | None = None
    viewer_staff_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def _log_query(actor: Actor, flt: LogFilter) -> QuerySet[AccessLog]:
    if not may_read_log(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有审计员和管理员可以查阅个人信息访问日志")
    if flt.subject_kind is not None and flt.subject_kind not in SUBJECT_KINDS:
        raise DomainError(errors.INVALID, "查看对象只能是群众、企业、工作人员、办件或主题办件", ["filter", "subjectKind"])
    if flt.since is not None and flt.until is not None and flt.since > flt.until:
        raise DomainError(errors.INVALID, "起始时间不能晚于截止时间", ["filter", "since"])
    assert actor.region_path is not None
    qs = AccessLog.filter(viewer_region_path__startswith=actor.region_path)
    if flt.subject_kind is not None:
        qs = qs.filter(subject_kind=flt.subject_kind)
    if flt.subject_id is not None:
        qs = qs.filter(subject_id=flt.subject_id)
    if flt.viewer_staff_id is not None:
        qs = qs.filter(viewer_staff_id=flt.viewer_staff_id)
    if flt.since is not None:
        qs = qs.filter(at__gte=flt.since)
    if flt.until is not None:
        qs = qs.filter(at__lt=flt.until)
    return qs


async def access_log(*, actor: Actor, flt: LogFilter, offset: int = 0, limit: int = 20) -> list[AccessLog]:
    """The views of personal data by staff of the actor's region (or below), newest first."""
    return await _log_query(actor, flt).order_by("-at", "-id").offset(offset).limit(limit)


async def access_log_count(*, actor: Actor, flt: LogFilter) -> int:
    return await _log_query(actor, flt).count()


async def access_log_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, AccessLog]:
    """Log rows by id for the Node interface; rows outside the actor's scope are simply absent."""
    if not may_read_log(actor) or not ids:
        return {}
    assert actor.region_path is not None
    rows = await AccessLog.filter(id__in=list(ids), viewer_region_path__startswith=actor.region_path)
    return {r.id: r for r in rows}


def _masked_applicant(kind: str, name: str | None) -> str:
    """An applicant as the log shows it: a person's name masked, an enterprise's name as registered
    (an enterprise's name is public)."""
    if kind == "citizen":
        return mask_name(name) or "（未实名）"
    return name or "—"


async def subject_labels(keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Whose data a log row is about, masked (issue 16: "张* 138****5678", not only "群众"), for a
    page of rows at once: one query per subject kind on the page. Rows of the log are only read by
    auditors and administrators (:func:`access_log` checks), and the labels carry no more than any
    list shows: masked names and phones, the enterprise's registered name, the case's number."""
    from server.domain.cases.models import Case, CaseBundle

    wanted: dict[str, set[int]] = {}
    for kind, subject_id in keys:
        wanted.setdefault(kind, set()).add(subject_id)
    out: dict[tuple[str, int], str] = {}
    if ids := wanted.get("citizen"):
        for c in await Citizen.filter(id__in=list(ids)).only("id", "name", "phone"):
            out[("citizen", c.id)] = f"{mask_name(c.name) or '（未实名）'} {mask_phone(c.phone)}"
    if ids := wanted.get("enterprise"):
        for e in await Enterprise.filter(id__in=list(ids)).only("id", "name", "legal_rep_name"):
            out[("enterprise", e.id)] = f"{e.name}（法定代表人 {mask_name(e.legal_rep_name)}）"
    if ids := wanted.get("staff"):
        for s in await StaffUser.filter(id__in=list(ids)).only("id", "display_name", "username"):
            out[("staff", s.id)] = f"{mask_name(s.display_name)}({s.username})"
    if ids := wanted.get("case"):
        for k in await Case.filter(id__in=list(ids)).only("id", "number", "applicant_kind", "applicant_name"):
            out[("case", k.id)] = f"{k.number or '草稿'}：{_masked_applicant(k.applicant_kind, k.applicant_name)}"
    if ids := wanted.get("bundle"):
        for b in await CaseBundle.filter(id__in=list(ids)).only("id", "number", "applicant_kind", "applicant_name"):
            out[("bundle", b.id)] = f"{b.number}：{_masked_applicant(b.applicant_kind, b.applicant_name)}"
    return out
