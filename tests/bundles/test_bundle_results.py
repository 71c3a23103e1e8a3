"""A bundle's ends, in the domain: instant (秒批) items inside a bundle, results delivered together
(one pickup or one parcel, e-licences as each item is approved), and one rating for the bundle —
by the applicant, or the default 基本满意 once the whole bundle has ended long enough ago."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from server.clock import now
from server.domain.cases import bundles, ratings
from server.domain.cases.models import Case, CaseBundle, CaseEvent, CaseRating, Rectification
from server.domain.cases.states import ParentStatus
from server.domain.errors import DomainError
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests.bundles import helpers as t

# two instant items of the catalogue whose materials the platform holds for a registered
# enterprise (its licence by shared data; the application form generated from the merged form)
INSTANT: dict[str, Any] = {
    **t.TEN, "name": "新办企业涉税及参保一件事",
    "stages": [{"key": "all", "name": "并联办理", "items": [
        {"key": "tax", "basic_code": "100160001000", "department": "371500-SWJ"},
        {"key": "social", "basic_code": "200170001000", "department": "371500-RSJ"},
    ]}],
}
# one reviewed item, then the two instant ones
TWO_STAGES: dict[str, Any] = {
    **t.TEN, "name": "开办企业许可与登记一件事",
    "stages": [
        {"key": "permit", "name": "许可", "items": [
            {"key": "food", "basic_code": "010110001000", "department": "371500-XZSPJ", "situations": ["食品经营许可新办"]},
        ]},
        INSTANT["stages"][0],
    ],
}


async def _events(bundle_id: int) -> list[str]:
    """The bundle's applicant's notifications (inbox rows), in order."""
    b = await CaseBundle.get(id=bundle_id)
    rows = await Outbox.filter(citizen_id=b.contact_citizen_id, channel="inbox").order_by("id").values_list("event", flat=True)
    return [str(r) for r in rows]


async def _view(b: CaseBundle) -> bundles.BundleView:
    return await bundles.load_view(await CaseBundle.get(id=b.id))


async def test_a_bundle_of_instant_items_needs_no_window(database: str) -> None:
    """Every item of the first stage passes its rule: the system accepts the bundle and approves
    them in the submitting transaction; the results wait for the one delivery."""
    version = await t.publish(INSTANT)
    a = await t.applicant()
    b = (await t.apply(a, version)).bundle
    subs = await t.subs(b)
    assert [c.status for c in subs] == ["approved", "approved"] and all(c.instant_rule for c in subs)
    for c in subs:
        acts = await CaseEvent.filter(case_id=c.id).order_by("id").values_list("action", flat=True)
        assert acts == ["submitted", "accepted", "instant_approved"]
    v = await _view(b)
    assert v.derived.status == ParentStatus.RESULTS_READY and v.bundle.accepted_at is not None
    assert v.bundle.deadline is not None
    clerk = await f.staff("city_clerk")
    assert b.id not in [x.id for x in await bundles.bundle_queue(actor=clerk, queue="window", after=b.id - 1, limit=1)]
    assert [x.id for x in await bundles.bundle_queue(actor=clerk, queue="result", after=b.id - 1, limit=1)] == [b.id]


async def test_an_instant_item_of_a_later_stage_is_approved_when_it_opens(database: str) -> None:
    version = await t.publish(TWO_STAGES)
    a = await t.applicant()
    b = (await t.apply(a, version)).bundle
    (food,) = await t.subs(b)
    assert food.status == "submitted"  # not instant: the window accepts the bundle
    clerk = await f.staff("city_clerk")
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    await t.finish(await Case.get(id=food.id))
    later = [c for c in await t.subs(b) if c.bundle_stage == 2]
    assert [c.status for c in later] == ["approved", "approved"]
    assert (await _view(b)).derived.status == ParentStatus.RESULTS_READY


async def test_results_go_out_together_by_post_and_the_bundle_is_rated_once(database: str, settings: Settings) -> None:
    version = await t.publish(TWO_STAGES)
    a = await t.applicant()
    b = (await t.apply(a, version)).bundle
    clerk = await f.staff("city_clerk")
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    # not before every item is decided
    with pytest.raises(DomainError) as early:
        await bundles.issue_results(actor=clerk, settings=None, bundle_id=b.id, method="pickup")
    assert early.value.code == "INVALID_STATE" and "食品经营许可" in early.value.message
    (food,) = await t.subs(b)
    await t.finish(food)
    # electronic only when every approved item has an e-licence; post needs its tracking number
    with pytest.raises(DomainError) as paper:
        await bundles.issue_results(actor=clerk, settings=None, bundle_id=b.id, method="electronic")
    assert paper.value.code == "INVALID" and paper.value.field == ["method"]
    with pytest.raises(DomainError) as untracked:
        await bundles.issue_results(actor=clerk, settings=None, bundle_id=b.id, method="postal")
    assert untracked.value.field == ["trackingNumber"]
    citizen = a.actor
    with pytest.raises(DomainError) as not_clerk:
        await bundles.issue_results(actor=citizen, settings=None, bundle_id=b.id, method="pickup")
    assert not_clerk.value.code == "NOT_ALLOWED"
    b = await bundles.issue_results(actor=clerk, settings=None, bundle_id=b.id, method="postal", tracking_number="SF1234567890")
    assert {c.status for c in await t.subs(b)} == {"result_issued"} and b.tracking_number == "SF1234567890"
    assert (await _view(b)).derived.status == ParentStatus.RESULTS_ISSUED
    posted = await Outbox.filter(event="bundle_result_posted", channel="inbox").order_by("-id").first()
    assert posted is not None and posted.params["tracking_no"] == "SF1234567890" and posted.params["count"] == "3"
    # not rateable until delivered
    with pytest.raises(DomainError) as undelivered:
        await bundles.rate(actor=citizen, settings=None, bundle_id=b.id, level=5)
    assert undelivered.value.code == "INVALID_STATE"
    b = await bundles.complete(actor=clerk, settings=None, bundle_id=b.id)
    assert (await _view(b)).derived.status == ParentStatus.DONE
    told = [e for e in await _events(b.id) if e.startswith("bundle_")]
    assert told[-3:] == ["bundle_results_ready", "bundle_result_posted", "bundle_completed"]
    # a bad rating needs its reason; one rating for the bundle, on each department's item
    with pytest.raises(DomainError) as why:
        await bundles.rate(actor=citizen, settings=None, bundle_id=b.id, level=2)
    assert why.value.field == ["comment"]
    await bundles.rate(actor=citizen, settings=None, bundle_id=b.id, level=2, comment="邮寄的结果少了一份")
    rows = await CaseRating.filter(bundle_id=b.id)
    assert len(rows) == 3 and {r.level for r in rows} == {2} and {r.channel for r in rows} == {"app"}
    # a bad rating of the bundle (差评) opens a rectification for each department's item (issue 18)
    rects = await Rectification.filter(case_id__in=[r.case_id for r in rows])
    assert sorted(x.department_code for x in rects) == sorted(c.department_code for c in await t.subs(b))
    assert {x.status for x in rects} == {"pending"} and {r.item_id for r in rows} == {c.item_id for c in await t.subs(b)}
    with pytest.raises(DomainError) as twice:
        await bundles.rate(actor=citizen, settings=None, bundle_id=b.id, level=5)
    assert twice.value.code == "INVALID_STATE"
    # and the default job leaves it alone
    assert await ratings.default_ratings(today=(now() + timedelta(days=60)).date(), settings=settings) >= 0
    assert await CaseRating.filter(bundle_id=b.id).count() == 3 and not await CaseRating.filter(
        bundle_id=b.id, channel="default").exists()


async def test_the_default_rating_waits_for_the_whole_bundle(database: str, settings: Settings) -> None:
    """An item that ended long ago is not rated by default while another item of its bundle runs;
    once the bundle has ended long enough ago, it is rated once, as a whole."""
    version = await t.publish(TWO_STAGES)
    a = await t.applicant()
    b = (await t.apply(a, version)).bundle
    clerk = await f.staff("city_clerk")
    b = await bundles.accept(actor=clerk, settings=None, bundle_id=b.id)
    (food,) = await t.subs(b)
    r = await t.reviewer(food.department_code)
    from server.domain.cases import review

    await review.claim(actor=r, settings=None, case_id=food.id)
    food = await review.deny(actor=r, settings=None, case_id=food.id, reason="经营场所不符合要求")
    # the item failed and ended; its bundle holds the rest: the bundle has ended, it is rateable
    long_ago = now() - timedelta(days=settings.default_rating_days + 5)
    await f.rewrite(food.id, completed_at=long_ago)
    later = (now() + timedelta(days=1)).date()
    assert await ratings.default_ratings(today=later, settings=settings) >= 1
    rows = await CaseRating.filter(bundle_id=b.id)
    assert [(r.case_id, r.level, r.channel) for r in rows] == [(food.id, 3, "default")]

    # a second bundle: one item ended long ago, another still runs — no default yet
    b2 = (await t.apply(a, await t.publish(TWO_STAGES))).bundle
    b2 = await bundles.accept(actor=clerk, settings=None, bundle_id=b2.id)
    (food2,) = await t.subs(b2)
    await review.claim(actor=r, settings=None, case_id=food2.id)
    await review.deny(actor=r, settings=None, case_id=food2.id, reason="经营场所不符合要求")
    await f.rewrite(food2.id, completed_at=long_ago)
    again = await bundles.reapply_item(actor=a.actor, settings=None, bundle_id=b2.id, case_id=food2.id)
    assert again.status == "submitted"
    await ratings.default_ratings(today=later, settings=settings)
    assert not await CaseRating.filter(bundle_id=b2.id).exists()
