"""The written decision a case ended against the applicant is owed: the 不予受理决定书 of a case
refused at acceptance (行政许可法 第三十二条: in writing, sealed and dated, with the reasons and the
applicant's remedies) and the 不予许可决定书 of a case denied after review (第三十八条第二款: the
reasons, and the right to 行政复议 or 行政诉讼).

Nothing is stored for it: the decision is read from the case and the timeline entry that decided it
(``rejection_confirmed`` for 不予受理; ``denied``, or ``supply_expired`` when a 容缺 material was
never supplied, for 不予许可). Its number is derived from the case number, so it is unique per case
and the same on every print. A case that did not end that way (completed, withdrawn, still open)
has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from server import clock
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.states import Action, Status

if TYPE_CHECKING:
    from server.domain.cases.queries import CaseRow

REJECTION = "rejection"  # 不予受理: refused at acceptance, confirmed by the hall's supervisor
DENIAL = "denial"  # 不予许可: denied after review (or ended so when a 容缺 material never came)

KINDS = {Status.REJECTED: REJECTION, Status.DENIED: DENIAL}
TITLES = {REJECTION: "不予受理决定书", DENIAL: "不予许可决定书"}
DECIDING = {REJECTION: frozenset({Action.REJECTION_CONFIRMED}), DENIAL: frozenset({Action.DENIED, Action.SUPPLY_EXPIRED})}
BASIS = {
    REJECTION: "《中华人民共和国行政许可法》第三十二条",
    DENIAL: "《中华人民共和国行政许可法》第三十八条第二款",
}
DECIDED = {REJECTION: "不予受理", DENIAL: "不予许可"}
RECONSIDERATION_DAYS = 60  # 行政复议法 第二十条: within sixty days of knowing of the decision
LITIGATION_MONTHS = 6  # 行政诉讼法 第四十六条: within six months of knowing of it


@dataclass(frozen=True, slots=True)
class Decision:
    kind: str  # REJECTION | DENIAL
    title: str
    number: str
    decided_at: datetime
    decided_by: str
    reason: str
    basis: str
    reconsideration_body: str
    remedy: str


def kind_of(case: Case | CaseRow) -> str | None:
    """REJECTION or DENIAL for a case that ended so, else None."""
    return KINDS.get(Status(case.status)) if case.status in KINDS else None


def reconsideration_body(region_name: str) -> str:
    """Where a decision of a department of ``region_name`` is reviewed (行政复议法 第二十四条: the
    people's government of its level)."""
    return f"{region_name}人民政府"


def remedy(body: str) -> str:
    return (f"如不服本决定，可以自收到本决定书之日起{_days(RECONSIDERATION_DAYS)}日内向{body}申请行政复议，"
            f"也可以自收到本决定书之日起{_months(LITIGATION_MONTHS)}个月内依法向人民法院提起行政诉讼。")


def _days(n: int) -> str:
    return {60: "六十"}.get(n, str(n))


def _months(n: int) -> str:
    return {6: "六"}.get(n, str(n))


def number(case: Case | CaseRow, kind: str, decided_at: datetime) -> str:
    """The decision's number: its kind, the year of the decision (China time), the case number."""
    year = clock.china(decided_at).year
    return f"{DECIDED[kind]}〔{year}〕{case.number or case.id}号"


def decision(case: Case | CaseRow, events: Iterable[CaseEvent], *, region_name: str) -> Decision | None:
    """The decision of ``case`` from its timeline (``events`` in order), or None when it has none.
    ``region_name``: the region whose people's government reviews the department's decisions."""
    kind = kind_of(case)
    if kind is None:
        return None
    deciding = [e for e in events if e.action in DECIDING[kind] and e.to_status == case.status]
    if not deciding:
        return None
    e = deciding[-1]
    body = reconsideration_body(region_name)
    return Decision(
        kind=kind, title=TITLES[kind], number=number(case, kind, e.at), decided_at=e.at,
        decided_by=e.actor_name or "系统", reason=(case.decision_reason or e.reason or "").strip(),
        basis=BASIS[kind], reconsideration_body=body, remedy=remedy(body),
    )
