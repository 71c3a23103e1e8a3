"""A material meant for someone other than the applicant — an agent's (受托人, 代理人), a company's
clerk's (经办人), a mortgagee's (抵押权人) — is never marked supplied from the applicant's own ID card,
e-licences or base records (issue 15): that person brings it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from server.domain.cases import evidence
from server.domain.shareddata import rules
from server.domain.shareddata.rules import Base


def _material(name: str, kind: str | None = "居民身份证", shared: bool = True) -> SimpleNamespace:
    return SimpleNamespace(name=name, elicence=kind, shared_data=shared)


class _Everything(evidence.Holdings):
    """Holdings that would satisfy any material of the applicant's: an ID card and a business licence
    in the e-licence library, every base's record, the material verified at a window before."""

    def covers(self, base: Base) -> Any:
        return object()


def _held(names: list[str]) -> evidence.Holdings:
    lic: Any = SimpleNamespace(id=7, number="370000-SFZ-0001")
    verified: dict[str, Any] = {n: SimpleNamespace(id=9) for n in names}
    return _Everything(licences={"居民身份证": lic, "营业执照": lic}, verified=verified)


PERSON = evidence.Holder(citizen_id=1, identity_verified=True, code="371502199001011234", name="张三")
COMPANY = evidence.Holder(enterprise_id=2, code="91371500MA3C000000", name="聊城测试有限公司")


@pytest.mark.parametrize(("name", "kind", "holder"), [
    ("受托人居民身份证", "居民身份证", PERSON),
    ("委托代理人身份证件及委托书", "居民身份证", PERSON),
    ("委托书及委托人、受托人身份证件", "居民身份证", PERSON),
    ("经办人身份证件", "居民身份证", COMPANY),
    ("抵押权人营业执照、金融许可证及经办人授权委托书", "营业执照", COMPANY),
])
def test_someone_elses_document_is_never_the_applicants(name: str, kind: str, holder: evidence.Holder) -> None:
    m = _material(name, kind)
    assert rules.names_someone_else(m)
    got = evidence.satisfy(m, holder=holder, held=_held([name]))
    assert got.state == "pending", got
    assert evidence.satisfy(m, holder=holder, held=_held([name]), upload_id=5).state == "provided"
    assert rules.covering_base(m, enterprise=holder.enterprise) is None
    assert rules.licence_kinds([m]) == []  # nor is the e-licence library asked for it


@pytest.mark.parametrize(("name", "kind", "holder", "state"), [
    ("申请人居民身份证", "居民身份证", PERSON, "reused"),
    ("营业执照", "营业执照", COMPANY, "reused"),
])
def test_the_applicants_own_document_is_still_reused(name: str, kind: str, holder: evidence.Holder, state: str) -> None:
    m = _material(name, kind)
    assert not rules.names_someone_else(m)
    assert evidence.satisfy(m, holder=holder, held=_held([])).state == state


def test_the_seeded_agent_materials_are_someone_elses() -> None:
    """Every seeded material naming an agent, a clerk or a mortgagee is caught by the rule."""
    import glob

    import yaml

    names: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, dict):
            n = x.get("name")
            if isinstance(n, str) and x.get("elicence") and any(w in n for w in ("受托人", "代理人", "经办人", "抵押权人")):
                names.add(n)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in glob.glob("seeds/items/*.yaml"):
        with open(path, encoding="utf-8") as fh:
            walk(yaml.safe_load(fh))
    assert len(names) >= 8
    assert all(rules.names_someone_else(SimpleNamespace(name=n)) for n in names)
