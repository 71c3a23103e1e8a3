"""Shared set-up of the bundle tests: themes published through the themes service over real seeded
items, an enterprise and its representative, reviewers of each department, and the moves that
take a sub-case through the back office to its end."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from server.domain.accounts.models import Citizen, Enterprise
from server.domain.accounts.roles import Actor
from server.domain.cases import bundles, review
from server.domain.cases.models import Case, CaseBundle
from server.domain.themes import service as themes
from server.domain.themes.content import content_from_dict
from server.domain.themes.models import ThemeVersion
from tests import factories as h

GUIDE = {"summary": "一次告知：测试主题", "process": ["网上申请或窗口申请", "一窗受理", "部门并联审批", "统一出件"]}

# 开办餐饮店一件事 (an existing enterprise): two stages, four departments
RESTAURANT: dict[str, Any] = {
    "name": "开办餐饮店一件事", "audience": "enterprise", "life_stage": "entry", "lead_department": "371500-XZSPJ",
    "cooperating_departments": ["371500-CGJ", "371500-RSJ", "371500-SWJ"], "budget": {"value": 10, "unit": "working_day"},
    "guide": GUIDE,
    "questions": [{"key": "ad", "text": "是否设置大型户外广告？", "kind": "yes_no"}],
    "stages": [
        {"key": "permits", "name": "许可办理", "items": [
            {"key": "food", "basic_code": "010110001000", "department": "371500-XZSPJ", "situations": ["食品经营许可新办"]},
            {"key": "ad", "basic_code": "010607003000", "department": "371500-CGJ",
             "when": {"question": "ad", "in": ["yes"]}},
        ]},
        {"key": "filings", "name": "登记备案", "items": [
            {"key": "social", "basic_code": "200170001000", "department": "371500-RSJ"},
            {"key": "tax", "basic_code": "100160001000", "department": "371500-SWJ"},
        ]},
    ],
}

TEN: dict[str, Any] = {
    "name": "新办企业经营十件事", "audience": "enterprise", "life_stage": "operation", "lead_department": "371500-XZSPJ",
    "budget": {"value": 8, "unit": "working_hour"}, "guide": GUIDE,
    "stages": [{"key": "all", "name": "并联办理", "items": [
        {"key": "food", "basic_code": "010110001000", "department": "371500-XZSPJ", "situations": ["食品经营许可新办"]},
        {"key": "health", "basic_code": "010120001000", "department": "371500-XZSPJ", "situations": ["公共场所卫生许可新办"]},
        {"key": "ad", "basic_code": "010607003000", "department": "371500-CGJ"},
        {"key": "social", "basic_code": "200170001000", "department": "371500-RSJ"},
        {"key": "tax", "basic_code": "100160001000", "department": "371500-SWJ"},
        {"key": "fund", "basic_code": "200180001000", "department": "371500-GJJ"},
        {"key": "seal", "basic_code": "100150001000", "department": "371500-GAJ",
         "situations": ["新办企业首次刻制备案（企业开办一窗通）"]},
        {"key": "bank", "basic_code": "200100010000", "department": "371500-XZSPJ"},
        {"key": "insured", "basic_code": "200820003000", "department": "371500-RSJ", "situations": ["企业参保登记"]},
        {"key": "fire", "basic_code": "010504001000", "department": "371500-ZJJ"},
    ]}],
}


def two_of_ten(n: int) -> dict[str, Any]:
    """The first ``n`` items of TEN (for comparing the cost of small and large bundles)."""
    stage = dict(TEN["stages"][0])
    stage["items"] = stage["items"][:n]
    return {**TEN, "name": f"新办企业经营 {n} 件事", "stages": [stage]}


async def publish(raw: dict[str, Any]) -> ThemeVersion:
    admin = await h.staff("city_catalog")
    code = f"test-{uuid.uuid4().hex[:10]}"  # test- themes are not seeds (test_theme_seeds skips them)
    draft = await themes.create_draft(actor=admin, code=code, content=content_from_dict(raw))
    return await themes.publish(actor=admin, theme_id=draft.theme_id)


@dataclass
class Applicant:
    rep: Citizen
    enterprise: Enterprise
    actor: Actor


async def applicant() -> Applicant:
    rep = await h.citizen(name="钱多多")
    ent = await h.enterprise(rep)
    return Applicant(rep, ent, h.as_citizen(rep))


_reviewers: dict[str, Actor] = {}


async def reviewer(department: str) -> Actor:
    """A reviewer of ``department`` (a throw-away account, created once per test session)."""
    if department not in _reviewers:
        user = await h.new_staff("dept_reviewer", department_code=department)
        _reviewers[department] = await h.staff(user.username)
    return _reviewers[department]


async def key_of(bundle: CaseBundle, name_part: str) -> str:
    """The key in the bundle's set of the material whose name contains ``name_part``."""
    from server.domain.catalog.models import Material

    for st in bundle.plan:
        for it in st["items"]:
            for m in it["materials"]:
                if name_part in (await Material.get(id=m["id"])).name:
                    return str(m["key"])
    raise AssertionError(f"no material like {name_part}")


async def uploads(a: Applicant, version: ThemeVersion, answers: dict[str, str], *,
                  leave_out: frozenset[str] = frozenset()) -> list[bundles.MaterialFile]:
    """One upload for each required or deferrable material of the set that shared data does not
    satisfy, except those whose name contains one of ``leave_out``."""
    from server.domain.themes.resolve import resolve

    b = await resolve(version=version, answers=answers)
    out = []
    for m in b.materials:
        if m.necessity != "optional" and not m.generated and not m.shared_data and not any(x in m.name for x in leave_out):
            out.append(bundles.MaterialFile(m.key, await h.upload(a.actor, m.name)))
    return out


def form_for(version_form: list[Any]) -> dict[str, Any]:
    values = {"text": "测试内容", "textarea": "测试内容", "number": 5, "date": "2026-01-05", "phone": "13800138000",
              "boolean": True}
    out: dict[str, Any] = {}
    for f in version_form:
        t = f.type
        if t == "select":
            out[f.key] = f.options[0]
        elif t == "id_number":
            out[f.key] = h.id_number()
        elif t == "credit_code":
            out[f.key] = h.credit_code()
        else:
            out[f.key] = values.get(t, "测试内容")
    return out


async def apply(a: Applicant, version: ThemeVersion, answers: dict[str, str] | None = None, *, settings: Any = None,
                key: str | None = None, leave_out: frozenset[str] = frozenset()) -> bundles.SubmittedBundle:
    from server.domain.themes.resolve import resolve

    answers = answers or {}
    b = await resolve(version=version, answers=answers)
    return await bundles.submit(
        actor=a.actor, settings=settings, idempotency_key=key or h.key(),
        app=bundles.ThemeApplication(theme_id=version.theme_id, answers=answers, form_data=form_for(b.form),
                                     materials=await uploads(a, version, answers, leave_out=leave_out), enterprise_id=a.enterprise.id),
    )


async def subs(bundle: CaseBundle) -> list[Case]:
    return list(await Case.filter(bundle_id=bundle.id).order_by("id"))


async def finish(case: Case, *, settings: Any = None, deny: str | None = None) -> Case:
    """Claim once, pass every review step and approve (or deny) a sub-case: done for the bundle (its
    result goes out with the bundle's)."""
    r = await reviewer(case.department_code)
    c = await review.claim(actor=r, settings=settings, case_id=case.id)
    if deny:
        return await review.deny(actor=r, settings=settings, case_id=c.id, reason=deny)
    while True:
        c = await review.approve(actor=r, settings=settings, case_id=c.id, opinion="同意")
        if c.status == "approved":
            break
        assert c.status == "under_review" and c.claimed_by_id == r.user_id  # one claim covers every step
    return c


async def ready_to_finish(case: Case, *, settings: Any = None) -> tuple[Actor, Case]:
    """Claim once and pass every step; the last approve ends the review."""
    r = await reviewer(case.department_code)
    c = await review.claim(actor=r, settings=settings, case_id=case.id)
    from server.domain.catalog.models import ItemVersion

    steps = len((await ItemVersion.get(id=c.version_id)).review_steps or []) or 1
    for _ in range(steps - 1):
        c = await review.approve(actor=r, settings=settings, case_id=c.id, opinion="同意")
    c = await review.approve(actor=r, settings=settings, case_id=c.id, opinion="同意")
    assert c.status == "approved"
    return r, c

