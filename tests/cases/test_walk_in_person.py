"""A person registered at the counter and their application are written together or not at all
(issue 15): a refused walk-in leaves nobody behind, an ID number on file typed with another name is
shown to the clerk before anything is saved, and two windows registering the same person at once
end with one person, never two."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from server.domain.accounts.models import Citizen
from server.domain.cases import bundles, window
from server.domain.cases.models import Case, CaseBundle, CaseEvent
from server.domain.errors import DomainError, DomainErrors
from server.domain.themes.resolve import resolve
from tests import factories as f
from tests.bundles import helpers as t

pytestmark = pytest.mark.usefixtures("database")

ITEM, SITUATION = "公共场所卫生许可", "公共场所卫生许可新办"


async def _walk_in(clerk: Any, person: window.WalkInPerson, *, stray_material: bool = False) -> Case:
    item, version = await f.item(ITEM)
    sit, mats = await f.situation(version, SITUATION)
    paper = [window.PaperMaterial(m.id) for m in mats if m.necessity == "required"]
    return await window.receive_walk_in(
        actor=clerk, settings=None, idempotency_key=f.key(), item_id=item.id, situation_id=sit.id, person=person,
        form_data=f.form_answers(version), materials=paper + ([window.PaperMaterial(10**9)] if stray_material else []),
    )


async def test_a_refused_walk_in_leaves_nobody_behind() -> None:
    clerk = await f.staff("city_clerk")
    number = f.id_number()
    with pytest.raises(DomainError) as err:  # a material of another situation
        await _walk_in(clerk, window.WalkInPerson(id_number=number, name="冯小雨", phone=f.phone()), stray_material=True)
    assert err.value.code == "INVALID"
    assert not await Citizen.exists(id_number=number)


async def test_a_walk_in_that_fails_inside_its_transaction_leaves_nobody_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = await f.staff("city_clerk")
    number = f.id_number()

    async def broken(*_: Any) -> str:
        raise RuntimeError("编号服务不可用")

    monkeypatch.setattr(window, "next_number", broken)
    with pytest.raises(RuntimeError):
        await _walk_in(clerk, window.WalkInPerson(id_number=number, name="冯小雨", phone=f.phone()))
    assert not await Citizen.exists(id_number=number)
    monkeypatch.undo()
    case = await _walk_in(clerk, window.WalkInPerson(id_number=number, name="冯小雨", phone=f.phone()))
    person = await Citizen.get(id_number=number)
    assert case.applicant_citizen_id == person.id and person.verified_at is not None
    [received] = await CaseEvent.filter(case_id=case.id)
    assert received.on_behalf_citizen_id == person.id and received.reason == "新登记申请人并核验身份证"


async def test_another_name_for_an_id_number_on_file_is_shown_before_anything_is_saved() -> None:
    clerk = await f.staff("city_clerk")
    on_file = await f.citizen(name="郑明远")
    before = await Case.filter(applicant_citizen_id=on_file.id).count()
    with pytest.raises(DomainError) as err:
        await _walk_in(clerk, window.WalkInPerson(id_number=on_file.id_number or "", name="郑明亮", phone=f.phone()))
    assert err.value.code == "PERSON_MISMATCH" and err.value.field == ["applicant", "name"]
    assert "郑**" in err.value.message and "郑明远" not in err.value.message and "郑明亮" in err.value.message
    assert await Case.filter(applicant_citizen_id=on_file.id).count() == before
    # the same name, another phone: the person on file, whose phone stays as it was
    case = await _walk_in(clerk, window.WalkInPerson(id_number=on_file.id_number or "", name="郑明远", phone=f.phone()))
    assert case.applicant_citizen_id == on_file.id
    assert (await Citizen.get(id=on_file.id)).phone == on_file.phone


async def test_two_windows_registering_one_person_at_once_end_with_one_person() -> None:
    clerks = [await f.staff("city_clerk") for _ in range(3)]
    number = f.id_number()
    results = await asyncio.gather(*[
        _walk_in(c, window.WalkInPerson(id_number=number, name="韩冬梅", phone=f.phone())) for c in clerks
    ], return_exceptions=True)
    people = await Citizen.filter(id_number=number)
    assert len(people) == 1
    made = [r for r in results if isinstance(r, Case)]
    assert made and all(c.applicant_citizen_id == people[0].id for c in made)
    refused = [r for r in results if not isinstance(r, Case)]
    assert all(isinstance(r, DomainError) and r.code == "CONFLICT" for r in refused), refused


async def test_a_walk_in_bundle_writes_its_new_person_with_it() -> None:
    version = await t.publish(t.RESTAURANT)
    resolved = await resolve(version=version, answers={"ad": "no"})
    clerk = await f.staff("city_clerk")
    number = f.id_number()
    paper = [bundles.MaterialFile(key=m.key, provided=True) for m in resolved.materials
             if not m.generated and not m.shared_data and m.necessity == "required"]
    code = (await version.theme).code
    a = await t.applicant()  # a new person at the counter, for a registered enterprise
    person = window.WalkInPerson(id_number=number, name="邵文静", phone=f.phone(), enterprise_credit_code=a.enterprise.credit_code)
    with pytest.raises(DomainErrors):  # the form left empty: refused, and nobody is left behind
        await bundles.receive_walk_in(actor=clerk, settings=None, idempotency_key=f.key(), theme_id=None,
                                      theme_code=code, answers={"ad": "no"}, person=person, form_data={}, materials=paper)
    assert not await Citizen.exists(id_number=number)
    b = await bundles.receive_walk_in(actor=clerk, settings=None, idempotency_key=f.key(), theme_id=None, theme_code=code,
                                      answers={"ad": "no"}, person=person, form_data=t.form_for(resolved.form),
                                      materials=paper)
    registered = await Citizen.get(id_number=number)
    row = await CaseBundle.get(id=b.id)
    assert row.contact_citizen_id == registered.id and row.applicant_enterprise_id == a.enterprise.id
    subs = await Case.filter(bundle_id=b.id)
    assert subs and all(s.contact_citizen_id == registered.id for s in subs)
    events = await CaseEvent.filter(case_id__in=[s.id for s in subs])
    assert events and all(e.on_behalf_citizen_id == registered.id for e in events)


async def test_the_clerk_sees_whom_an_id_number_belongs_to_before_saving() -> None:
    """Issue 16: before saving, the window looks the ID number up: the name on file masked (to
    compare with the card in hand), or that the person is new; a bad number is refused on its field;
    only those who may receive a walk-in ask."""
    clerk = await f.staff("city_clerk")
    person = await Citizen.create(phone=f.phone(), name="欧阳晓雪", id_number=f.id_number())
    try:
        on_file = await window.person_on_file(actor=clerk, id_number=person.id_number or "")
        phone = person.phone
        assert on_file == window.PersonOnFile(found=True, masked_name="欧***", masked_phone=f"{phone[:3]}****{phone[-4:]}",
                                              verified=False)
        assert await window.person_on_file(actor=clerk, id_number=f.id_number()) == window.PersonOnFile(found=False)
        with pytest.raises(DomainError) as bad:
            await window.person_on_file(actor=clerk, id_number="37152519900101001")
        assert bad.value.code == "INVALID_ID_NUMBER" and bad.value.field == ["idNumber"]
        with pytest.raises(DomainError) as refused:
            await window.person_on_file(actor=await f.staff("city_reviewer_scjg"), id_number=person.id_number or "")
        assert refused.value.code == "NOT_ALLOWED"
    finally:
        await person.delete()
