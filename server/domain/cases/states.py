"""The states of a case, what each means to the applicant, and which transitions leave it.

draft → submitted → (correction_requested ⇄ submitted) · (rejection_proposed → rejected | submitted)
→ accepted ⇄ under_review (one claim per review step) ⇄ suspended → approved | denied →
result_issued → completed. A case may be withdrawn until it is decided.
"""

from __future__ import annotations

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


LABELS = {
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
}

AT_WINDOW = frozenset({Status.SUBMITTED, Status.CORRECTION_REQUESTED, Status.REJECTION_PROPOSED})
CLOCK_RUNNING = frozenset({Status.ACCEPTED, Status.UNDER_REVIEW, Status.APPROVED, Status.RESULT_ISSUED})
"""Accepted and not yet completed: the committed limit is counting (suspended is off the clock)."""
FINAL = frozenset({Status.REJECTED, Status.DENIED, Status.COMPLETED, Status.WITHDRAWN})
WITHDRAWABLE = frozenset(
    {Status.DRAFT, Status.SUBMITTED, Status.CORRECTION_REQUESTED, Status.REJECTION_PROPOSED, Status.ACCEPTED,
     Status.UNDER_REVIEW, Status.SUSPENDED}
)

# what each action is called in the timeline
ACTIONS = {
    "draft_saved": "保存草稿",
    "submitted": "提交申请",
    "received": "窗口代为收件",
    "instant_approved": "秒批通过",
    "instant_declined": "不符合秒批条件，转人工审查",
    "accepted": "受理",
    "accepted_missing": "容缺受理",
    "correction_requested": "一次性告知补正",
    "corrected": "补正材料",
    "supplied": "补齐容缺材料",
    "rejection_proposed": "拟不予受理",
    "rejection_confirmed": "确认不予受理",
    "rejection_overturned": "否决拟不予受理意见",
    "claimed": "领取审查",
    "released": "退回待审队列",
    "step_passed": "审查环节通过",
    "approved": "准予许可",
    "denied": "不予许可",
    "elicence_issued": "签发电子证照",
    "suspended": "中止办理",
    "resumed": "恢复办理",
    "extended": "延长办理时限",
    "result_issued": "出件",
    "completed": "办结",
    "withdrawn": "撤回申请",
    "supply_expired": "逾期未补齐材料",
    "supply_reminded": "提醒补齐材料",
    "rated": "评价",
}
