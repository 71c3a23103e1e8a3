"""The case lifecycle as data: the states, the actions, and the one transition table every writer
goes through (``flow.transition`` checks it; nothing else changes a case).

A row of :data:`TABLE` says: from this status, this action leads to this status (or one of a few,
where the domain decides, e.g. a resumed case returns to where it was suspended), and these parties
may take it. ``None`` as the source is a case that does not exist yet (drafts, submissions and
walk-ins create one). Self-moves (``to`` = ``from``) are timeline entries that change no status:
a rating, a reminder, a deadline warning, an e-licence issued with an approval.

The diagram in ``docs/ARCHITECTURE.md`` is generated from this table (``python -m server
export-lifecycle``); a test fails when it is stale.

A parent case (a themed bundle) has no status of its own: :func:`parent_status` derives it from
its sub-cases, and nothing writes it by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # 已申报, waiting at the window (预审/受理)
    CORRECTION_REQUESTED = "correction_requested"  # 补正
    REJECTION_PROPOSED = "rejection_proposed"  # a clerk proposes 不予受理, a supervisor decides
    REJECTED = "rejected"  # 不予受理 (confirmed)
    ACCEPTED = "accepted"  # 已受理 (or 容缺受理), in the department's queue
    UNDER_REVIEW = "under_review"  # claimed by a reviewer
    SUSPENDED = "suspended"  # 中止: off the clock
    APPROVED = "approved"  # 准予许可, result to issue
    DENIED = "denied"  # 不予许可 (办结)
    RESULT_ISSUED = "result_issued"  # waiting at the window for pickup, or posted
    COMPLETED = "completed"  # 办结
    WITHDRAWN = "withdrawn"  # 撤回
    RETURNED = "returned"  # 退回补正: a reviewer sent an opened sub-case back to the applicant (off the clock)


LABELS: dict[Status, str] = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "已申报，待受理",
    Status.CORRECTION_REQUESTED: "待补正",
    Status.REJECTION_PROPOSED: "拟不予受理，待负责人确认",
    Status.REJECTED: "不予受理",
    Status.ACCEPTED: "已受理，待审查",
    Status.UNDER_REVIEW: "审查中",
    Status.SUSPENDED: "已中止",
    Status.APPROVED: "已准予，待出件",
    Status.DENIED: "不予许可",
    Status.RESULT_ISSUED: "已出件，待领取或寄递中",
    Status.COMPLETED: "已办结",
    Status.WITHDRAWN: "已撤回",
    Status.RETURNED: "已退回补正，待申请人重新提交",
}

DESCRIPTIONS: dict[Status, str] = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "已申报，待窗口受理",
    Status.CORRECTION_REQUESTED: "待补正（已一次性告知）",
    Status.REJECTION_PROPOSED: "窗口拟不予受理，待大厅负责人确认",
    Status.REJECTED: "不予受理",
    Status.ACCEPTED: "已受理（含容缺受理），在部门待审队列中",
    Status.UNDER_REVIEW: "审查中（已有审批人员领取）",
    Status.SUSPENDED: "已中止（不计入办理时限）",
    Status.APPROVED: "准予许可，待出件",
    Status.DENIED: "不予许可",
    Status.RESULT_ISSUED: "已出件：待窗口领取或邮寄中",
    Status.COMPLETED: "已办结",
    Status.WITHDRAWN: "已撤回",
    Status.RETURNED: "审查中退回申请人补正（申请人补正的时间不计入办理时限），补正后重新提交给原审批人员",
}

AT_WINDOW = frozenset({Status.SUBMITTED, Status.CORRECTION_REQUESTED, Status.REJECTION_PROPOSED})
CLOCK_RUNNING = frozenset({Status.ACCEPTED, Status.UNDER_REVIEW, Status.APPROVED, Status.RESULT_ISSUED})
"""Accepted and not yet completed: the committed limit is counting (suspended is off the clock)."""
FINAL = frozenset({Status.REJECTED, Status.DENIED, Status.COMPLETED, Status.WITHDRAWN})
WITHDRAWABLE = frozenset(
    {Status.DRAFT, Status.SUBMITTED, Status.CORRECTION_REQUESTED, Status.REJECTION_PROPOSED, Status.ACCEPTED,
     Status.UNDER_REVIEW, Status.SUSPENDED, Status.RETURNED}
)
RATEABLE = frozenset({Status.COMPLETED, Status.DENIED, Status.REJECTED})
AWAITING_SUPPLY = frozenset({Status.CORRECTION_REQUESTED, Status.ACCEPTED, Status.UNDER_REVIEW, Status.SUSPENDED})
"""Where an applicant may still owe something: a correction, or a 容缺 material."""
REVIEWING = frozenset({Status.ACCEPTED, Status.UNDER_REVIEW})
URGEABLE = frozenset({Status.ACCEPTED, Status.UNDER_REVIEW, Status.SUSPENDED})
"""With the department (in its queue, claimed, or suspended): where a supervisor may urge it (督办)."""
WITH_APPLICANT = frozenset({Status.CORRECTION_REQUESTED, Status.RETURNED})
"""The applicant's turn: a correction at the window, or a sub-case sent back during review."""


class Action(StrEnum):
    """Every entry a case's timeline can hold (the value is what the event row stores)."""

    DRAFT_SAVED = "draft_saved"
    SUBMITTED = "submitted"
    RECEIVED = "received"
    OPENED = "opened"
    INSTANT_APPROVED = "instant_approved"
    INSTANT_DECLINED = "instant_declined"
    ACCEPTED = "accepted"
    ACCEPTED_MISSING = "accepted_missing"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTED = "corrected"
    CORRECTED_PART = "corrected_part"
    SUPPLIED = "supplied"
    REJECTION_PROPOSED = "rejection_proposed"
    REJECTION_CONFIRMED = "rejection_confirmed"
    REJECTION_OVERTURNED = "rejection_overturned"
    CLAIMED = "claimed"
    RELEASED = "released"
    STEP_PASSED = "step_passed"
    APPROVED = "approved"
    DENIED = "denied"
    ELICENCE_ISSUED = "elicence_issued"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    EXTENDED = "extended"
    RESULT_ISSUED = "result_issued"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    SUPPLY_EXPIRED = "supply_expired"
    SUPPLY_REMINDED = "supply_reminded"
    WARNED_YELLOW = "warned_yellow"
    WARNED_RED = "warned_red"
    RATED = "rated"
    FORWARDED = "forwarded"
    REMOTE_ACCEPTED = "remote_accepted"
    DEADLINE_RECOMPUTED = "deadline_recomputed"  # a year's holiday arrangement was loaded: the deadline counted again
    SENT_BACK = "sent_back"
    RESUBMITTED = "resubmitted"
    PARTY_CONFIRMED = "party_confirmed"
    VISIT_BOOKED = "visit_booked"
    ONSITE_VERIFIED = "onsite_verified"
    DEED_TAX_PAID = "deed_tax_paid"
    URGED = "urged"  # 督办: a supervisor urges the department, with a message


ACTIONS: dict[Action, str] = {
    Action.DRAFT_SAVED: "保存草稿",
    Action.SUBMITTED: "提交申请",
    Action.RECEIVED: "窗口代为收件",
    Action.OPENED: "主题办件进入本阶段，直接分送部门办理",
    Action.INSTANT_APPROVED: "秒批通过",
    Action.INSTANT_DECLINED: "不符合秒批条件，转人工审查",
    Action.ACCEPTED: "受理",
    Action.ACCEPTED_MISSING: "容缺受理",
    Action.CORRECTION_REQUESTED: "一次性告知补正",
    Action.CORRECTED: "补正材料",
    Action.CORRECTED_PART: "补正部分材料",
    Action.SUPPLIED: "补齐容缺材料",
    Action.REJECTION_PROPOSED: "拟不予受理",
    Action.REJECTION_CONFIRMED: "确认不予受理",
    Action.REJECTION_OVERTURNED: "否决拟不予受理意见",
    Action.CLAIMED: "领取审查",
    Action.RELEASED: "退回待审队列",
    Action.FORWARDED: "转送办理单位（经签名交换）",
    Action.REMOTE_ACCEPTED: "办理单位已接收",
    Action.STEP_PASSED: "审查环节通过",
    Action.APPROVED: "准予许可",
    Action.DENIED: "不予许可",
    Action.ELICENCE_ISSUED: "签发电子证照",
    Action.SUSPENDED: "中止办理",
    Action.RESUMED: "恢复办理",
    Action.EXTENDED: "延长办理时限",
    Action.RESULT_ISSUED: "出件",
    Action.COMPLETED: "办结",
    Action.WITHDRAWN: "撤回申请",
    Action.SUPPLY_EXPIRED: "逾期未补齐材料",
    Action.SUPPLY_REMINDED: "提醒补齐材料",
    Action.WARNED_YELLOW: "黄灯预警",
    Action.WARNED_RED: "红灯预警",
    Action.RATED: "评价",
    Action.DEADLINE_RECOMPUTED: "按公布的节假日安排重新计算期限",
    Action.SENT_BACK: "审查中退回申请人补正",
    Action.RESUBMITTED: "补正后重新提交",
    Action.PARTY_CONFIRMED: "出卖人确认转移",
    Action.VISIT_BOOKED: "预约现场核验",
    Action.ONSITE_VERIFIED: "现场核验通过",
    Action.DEED_TAX_PAID: "登记契税缴纳（完税）",
    Action.URGED: "督办",
}

PRIVATE_ACTIONS = frozenset({Action.DRAFT_SAVED, Action.SUPPLY_REMINDED, Action.WARNED_YELLOW, Action.WARNED_RED,
                             Action.URGED})
"""Timeline entries the public tracking page does not show."""


class Party(StrEnum):
    """Who may take an action (an :class:`~server.domain.accounts.roles.Actor` maps onto these)."""

    APPLICANT = "applicant"  # the citizen applying (for themself or their enterprise)
    AGENT = "agent"  # 帮办代办员, under a mandate
    CLERK = "clerk"  # 综合窗口受理员
    REVIEWER = "reviewer"  # 部门审批人员
    SUPERVISOR = "supervisor"  # 大厅负责人
    ADMIN = "admin"  # 管理员 (of a city or a county): only supervises (督办)
    PARTNER = "partner"  # a partner system, on the sub-cases routed to it
    SYSTEM = "system"  # the platform itself: instant rules, scheduled jobs


PARTY_LABELS: dict[Party, str] = {
    Party.APPLICANT: "申请人",
    Party.AGENT: "帮办代办员",
    Party.CLERK: "窗口受理员",
    Party.REVIEWER: "审批人员",
    Party.SUPERVISOR: "大厅负责人",
    Party.ADMIN: "管理员",
    Party.PARTNER: "合作机构",
    Party.SYSTEM: "系统",
}


@dataclass(frozen=True, slots=True)
class Move:
    source: Status | None
    action: Action
    to: tuple[Status, ...]  # the first is the default destination
    who: frozenset[Party]


P = Party
S = Status
A = Action
APPLICANTS = frozenset({P.APPLICANT, P.AGENT})
SUPPLIERS = frozenset({P.APPLICANT, P.AGENT, P.CLERK})
CLERK = frozenset({P.CLERK})
REVIEWER = frozenset({P.REVIEWER})
SUPERVISOR = frozenset({P.SUPERVISOR})
SYSTEM = frozenset({P.SYSTEM})
PARTNER = frozenset({P.PARTNER})
EXTENDERS = frozenset({P.REVIEWER, P.SUPERVISOR})
URGERS = frozenset({P.SUPERVISOR, P.ADMIN})


def _rows() -> list[Move]:
    rows: list[Move] = []

    def add(sources: Iterable[Status | None], action: Action, to: Status | tuple[Status, ...] | None,
            who: frozenset[Party]) -> None:
        ordered = sorted(sources, key=lambda x: -1 if x is None else list(Status).index(x))  # stable, whatever the hash seed
        for s in ordered:
            dest = (s,) if to is None else (to if isinstance(to, tuple) else (to,))
            assert all(d is not None for d in dest)
            rows.append(Move(s, action, tuple(d for d in dest if d is not None), who))

    # applying
    add([None, S.DRAFT], A.DRAFT_SAVED, S.DRAFT, APPLICANTS)
    add([None, S.DRAFT], A.SUBMITTED, S.SUBMITTED, APPLICANTS)
    add([None], A.RECEIVED, S.SUBMITTED, CLERK)
    # a later stage of a themed bundle opens by itself: accepted at the window with the bundle
    add([None], A.OPENED, S.ACCEPTED, SYSTEM)
    add([S.SUBMITTED], A.INSTANT_DECLINED, None, SYSTEM)
    # the window
    add([S.SUBMITTED], A.ACCEPTED, S.ACCEPTED, CLERK | SYSTEM)
    add([S.SUBMITTED], A.ACCEPTED_MISSING, S.ACCEPTED, CLERK)
    add([S.SUBMITTED], A.CORRECTION_REQUESTED, S.CORRECTION_REQUESTED, CLERK)
    add([S.SUBMITTED], A.REJECTION_PROPOSED, S.REJECTION_PROPOSED, CLERK)
    add([S.REJECTION_PROPOSED], A.REJECTION_CONFIRMED, S.REJECTED, SUPERVISOR)
    add([S.REJECTION_PROPOSED], A.REJECTION_OVERTURNED, S.SUBMITTED, SUPERVISOR)
    # what the applicant owes
    add([S.CORRECTION_REQUESTED], A.CORRECTED, S.SUBMITTED, SUPPLIERS)
    add([S.CORRECTION_REQUESTED], A.CORRECTED_PART, None, SUPPLIERS)
    add([S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED], A.SUPPLIED, None, SUPPLIERS)
    add(AWAITING_SUPPLY, A.SUPPLY_REMINDED, None, SYSTEM)
    add([S.CORRECTION_REQUESTED], A.SUPPLY_EXPIRED, S.WITHDRAWN, SYSTEM)
    add([S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED], A.SUPPLY_EXPIRED, S.DENIED, SYSTEM)
    # the back office
    add([S.ACCEPTED], A.CLAIMED, S.UNDER_REVIEW, REVIEWER)
    add([S.UNDER_REVIEW], A.RELEASED, S.ACCEPTED, REVIEWER)
    # one claim covers every review step: passing a step that is not the last keeps the case with
    # its claimant, under review at the next step (the timeline records each step passed)
    add([S.UNDER_REVIEW], A.STEP_PASSED, None, REVIEWER)
    add([S.UNDER_REVIEW], A.APPROVED, S.APPROVED, REVIEWER | PARTNER)
    add([S.ACCEPTED], A.INSTANT_APPROVED, S.APPROVED, SYSTEM)
    add([S.UNDER_REVIEW], A.DENIED, S.DENIED, REVIEWER | PARTNER)
    # a case routed to a partner (a bank, a utility, the owning platform) through the signed
    # exchange: the message is written with the move; the partner answers for it
    add([S.ACCEPTED], A.FORWARDED, None, SYSTEM)
    add([S.ACCEPTED], A.REMOTE_ACCEPTED, S.UNDER_REVIEW, PARTNER)
    add([S.ACCEPTED], A.APPROVED, S.APPROVED, PARTNER)
    add([S.ACCEPTED], A.DENIED, S.DENIED, PARTNER)
    add([S.APPROVED], A.ELICENCE_ISSUED, None, REVIEWER | SYSTEM)
    add(REVIEWING, A.SUSPENDED, S.SUSPENDED, REVIEWER)
    add([S.SUSPENDED], A.RESUMED, (S.ACCEPTED, S.UNDER_REVIEW), REVIEWER)
    add(REVIEWING, A.EXTENDED, None, EXTENDERS)
    # 督办: a hall supervisor or an administrator urges the department on a case it holds, with a
    # message to the claimant (or the department's reviewers); a timeline entry, no status change
    add(URGEABLE, A.URGED, None, URGERS)
    # a reviewer sends a case under review back to the applicant for correction (e.g. a bundle's
    # opened sub-case, which never passes the window again): off the clock until the applicant
    # resubmits it, then back with the same reviewer
    add([S.UNDER_REVIEW], A.SENT_BACK, S.RETURNED, REVIEWER)
    add([S.RETURNED], A.RESUBMITTED, S.UNDER_REVIEW, SUPPLIERS)
    add(CLOCK_RUNNING, A.WARNED_YELLOW, None, SYSTEM)
    add(CLOCK_RUNNING, A.WARNED_RED, None, SYSTEM)
    add(CLOCK_RUNNING | {S.SUSPENDED}, A.DEADLINE_RECOMPUTED, None, SYSTEM)
    # the result
    add([S.APPROVED], A.RESULT_ISSUED, S.RESULT_ISSUED, CLERK)
    add([S.APPROVED, S.RESULT_ISSUED], A.COMPLETED, S.COMPLETED, CLERK | SYSTEM)
    add(WITHDRAWABLE, A.WITHDRAWN, S.WITHDRAWN, APPLICANTS)
    add(RATEABLE, A.RATED, None, frozenset({P.APPLICANT, P.SYSTEM}))
    # 二手房转移登记 (server/domain/cases/realestate.py): the seller, a citizen who is not the
    # applicant, confirms on the transfer's sub-case; the applicant books the on-site verification
    # after the online review, the registry verifies at the visit; the tax department records the
    # deed tax paid, which decides its sub-case
    add([S.SUBMITTED, S.CORRECTION_REQUESTED, S.ACCEPTED, S.UNDER_REVIEW, S.SUSPENDED], A.PARTY_CONFIRMED, None,
        frozenset({P.APPLICANT}))
    add([S.ACCEPTED, S.UNDER_REVIEW], A.VISIT_BOOKED, None, APPLICANTS)
    add([S.ACCEPTED, S.UNDER_REVIEW], A.ONSITE_VERIFIED, None, REVIEWER)
    add([S.ACCEPTED, S.UNDER_REVIEW], A.DEED_TAX_PAID, S.APPROVED, REVIEWER)
    return rows


TRANSITIONS: tuple[Move, ...] = tuple(_rows())
TABLE: dict[tuple[Status | None, Action], Move] = {(m.source, m.action): m for m in TRANSITIONS}
assert len(TABLE) == len(TRANSITIONS), "one row per (status, action)"

CREATING = frozenset(m.action for m in TRANSITIONS if m.source is None)
WHO_MAY: dict[Action, frozenset[Party]] = {
    a: frozenset().union(*(m.who for m in TRANSITIONS if m.action == a)) for a in Action
}
"""Who may take each action from some state (checked before the case is loaded)."""


def move(source: Status | str | None, action: Action) -> Move | None:
    """The row for ``action`` from ``source``, or None when the table has none."""
    return TABLE.get((Status(source) if source is not None else None, action))


def allowed_actions(source: Status | str | None) -> list[Action]:
    s = Status(source) if source is not None else None
    return [m.action for m in TRANSITIONS if m.source == s]


def label(status: Status | str | None) -> str:
    return LABELS[Status(status)] if status else "未创建"


# ---------------------------------------------------------------- parent cases (themed bundles)


class ParentStatus(StrEnum):
    """A bundle's aggregate state, derived from its sub-cases (never stored by hand)."""

    AT_WINDOW = "at_window"  # submitted, waiting for the window's decision on the bundle
    WAITING_APPLICANT = "waiting_applicant"  # a sub-case waits for the applicant (补正, 容缺)
    IN_PROGRESS = "in_progress"  # sub-cases of the open stage are with their departments
    PARTLY_DENIED = "partly_denied"  # at least one sub-case failed; the others stand
    RESULTS_READY = "results_ready"  # every item decided; the results wait to be delivered together
    RESULTS_ISSUED = "results_issued"  # the results went out together: waiting at the window, or posted
    DONE = "done"  # every sub-case finished well
    FAILED = "failed"  # nothing stands: every sub-case rejected, denied or withdrawn
    WITHDRAWN = "withdrawn"  # the applicant withdrew the whole bundle


PARENT_LABELS: dict[ParentStatus, str] = {
    ParentStatus.AT_WINDOW: "已申报，待窗口受理",
    ParentStatus.WAITING_APPLICANT: "待申请人补正或补齐材料",
    ParentStatus.IN_PROGRESS: "办理中",
    ParentStatus.PARTLY_DENIED: "部分事项未获准予",
    ParentStatus.RESULTS_READY: "各事项均已准予，办理结果待统一领取或寄递",
    ParentStatus.RESULTS_ISSUED: "办理结果已统一出件，待领取或寄递中",
    ParentStatus.DONE: "已全部办结",
    ParentStatus.FAILED: "未获办理",
    ParentStatus.WITHDRAWN: "已撤回",
}

GOOD_END = frozenset({Status.COMPLETED})
BAD_END = frozenset({Status.REJECTED, Status.DENIED, Status.WITHDRAWN})
AWAITING_DELIVERY = frozenset({Status.APPROVED, Status.RESULT_ISSUED})
"""A bundle's sub-case decided in favour whose paper result waits for the bundle's one pickup or
one parcel (its e-licence, if any, is issued at approval)."""
GOOD = GOOD_END | AWAITING_DELIVERY
"""Decided in favour: for the bundle the item is done (the next stage may open on it)."""
SETTLED = FINAL | AWAITING_DELIVERY
"""Decided, one way or the other: nothing more for a department to do on the sub-case."""


@dataclass(frozen=True, slots=True)
class Derived:
    status: ParentStatus
    stage: int  # the open stage (1-based); the last one when everything is finished
    stages: int

    @property
    def label(self) -> str:
        base = PARENT_LABELS[self.status]
        if self.status in (ParentStatus.IN_PROGRESS, ParentStatus.WAITING_APPLICANT) and self.stages > 1:
            return f"{base}：第 {self.stage} 阶段（共 {self.stages} 个阶段）"
        return base


def parent_status(
    subs: Iterable[tuple[int, Status | str, bool]], *, stages: int = 1, withdrawn: bool = False,
    open_stage: int | None = None,
) -> Derived:
    """A bundle's status from its sub-cases: ``(stage, status, owes_material)`` for each (stage
    1-based; ``owes_material``: a 容缺 material is still missing). Pass what stands: the latest
    sub-case of each item (an item applied for again counts by its new sub-case, not the failed one).
    ``stages`` is the number of stages the bundle has (later stages have no sub-cases until they
    open); ``open_stage`` the bundle's open stage (by default the highest stage with a sub-case).

    The rule, first match wins: withdrawn by the applicant → WITHDRAWN; nothing yet → AT_WINDOW;
    everything decided → FAILED (nothing approved), PARTLY_DENIED (some failed), IN_PROGRESS (a
    later stage is about to open), RESULTS_READY (approved results wait for the one delivery),
    RESULTS_ISSUED (they went out together) or DONE (every result delivered); something failed while the
    rest runs → PARTLY_DENIED; a sub-case waits for the applicant (补正, a 容缺 material) →
    WAITING_APPLICANT; every sub-case still at the window → AT_WINDOW; else IN_PROGRESS."""
    rows = [(int(st), Status(s), bool(owes)) for st, s, owes in subs]
    stage = open_stage or max((r[0] for r in rows), default=1)
    if withdrawn:
        return Derived(ParentStatus.WITHDRAWN, stage, stages)
    if not rows:
        return Derived(ParentStatus.AT_WINDOW, stage, stages)
    if all(s in SETTLED for _, s, _ in rows):
        good = [s for _, s, _ in rows if s in GOOD]
        if not good:
            return Derived(ParentStatus.FAILED, stage, stages)
        if len(good) < len(rows):
            return Derived(ParentStatus.PARTLY_DENIED, stage, stages)
        if stage < stages:
            return Derived(ParentStatus.IN_PROGRESS, stage, stages)
        if any(s == Status.APPROVED for s in good):
            return Derived(ParentStatus.RESULTS_READY, stage, stages)
        if any(s == Status.RESULT_ISSUED for s in good):
            return Derived(ParentStatus.RESULTS_ISSUED, stage, stages)
        return Derived(ParentStatus.DONE, stage, stages)
    if any(s in BAD_END for _, s, _ in rows):
        return Derived(ParentStatus.PARTLY_DENIED, stage, stages)
    if any(s in WITH_APPLICANT or owes for _, s, owes in rows):
        return Derived(ParentStatus.WAITING_APPLICANT, stage, stages)
    if all(s in AT_WINDOW or s == Status.DRAFT for _, s, _ in rows):
        return Derived(ParentStatus.AT_WINDOW, stage, stages)
    return Derived(ParentStatus.IN_PROGRESS, stage, stages)
