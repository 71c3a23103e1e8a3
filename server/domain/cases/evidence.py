"""What an applicant already holds, and how each material of a situation is satisfied.

Trust levels (DOMAIN.md): A an e-licence issued by a department, B a material a clerk verified at a
window, C an upload by the applicant, D a self-declaration. A and B count without asking again;
shared data (共享数据) makes a material 免提交. A real-name-verified citizen's resident identity card
comes from the population base database, so 居民身份证 counts as held (A) once they are verified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.expressions import Q

from server.domain.cases.models import ELicence, VerifiedMaterial

IDENTITY_CARD = "居民身份证"


@dataclass(frozen=True, slots=True)
class Holder:
    """Who the evidence belongs to: a citizen or an enterprise."""

    citizen_id: int | None = None
    enterprise_id: int | None = None
    identity_verified: bool = False

    def q(self, prefix: str = "holder_") -> Q:
        lookup: dict[str, Any] = (
            {f"{prefix}citizen_id": self.citizen_id} if self.citizen_id is not None
            else {f"{prefix}enterprise_id": self.enterprise_id}
        )
        return Q(**lookup)


@dataclass(slots=True)
class Satisfied:
    state: str  # provided | reused | exempt | pending
    trust: str | None = None
    upload_id: int | None = None
    elicence_id: int | None = None
    verified_id: int | None = None
    note: str = ""


async def holdings(holder: Holder, *, on: date) -> tuple[dict[str, ELicence], dict[str, VerifiedMaterial]]:
    """The holder's valid e-licences by kind and verified materials by name (latest of each)."""
    valid = Q(Q(valid_to=None), Q(valid_to__gte=on), join_type="OR")
    licences = await ELicence.filter(holder.q(), valid, revoked_at=None).order_by("issued_at", "id")
    verified = await VerifiedMaterial.filter(holder.q(), valid).order_by("verified_at", "id")
    return {e.kind: e for e in licences}, {v.name: v for v in verified}


def satisfy(
    material: Any, *, holder: Holder, licences: dict[str, ELicence], verified: dict[str, VerifiedMaterial],
    upload_id: int | None = None,
) -> Satisfied:
    """How one catalogue material is satisfied: reuse first (A, B, shared data), then an upload (C)."""
    if material.elicence:
        if material.elicence in licences:
            lic = licences[material.elicence]
            return Satisfied("reused", "A", elicence_id=lic.id, note=f"电子证照 {lic.number}")
        if material.elicence == IDENTITY_CARD and holder.citizen_id is not None and holder.identity_verified:
            return Satisfied("reused", "A", note="人口库实名核验")
    if material.name in verified:
        v = verified[material.name]
        return Satisfied("reused", "B", verified_id=v.id, note="窗口已核验材料")
    if material.shared_data:
        return Satisfied("exempt", None, note="共享数据，免提交")
    if upload_id is not None:
        return Satisfied("provided", "C", upload_id=upload_id, note="申请人上传")
    return Satisfied("pending")
