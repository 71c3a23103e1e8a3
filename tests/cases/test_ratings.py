"""Rating a finished case (好差评): once, by the applicant, a reason when unhappy; and the default
基本满意 for a case left unrated after the configured number of days, given once."""

from __future__ import annotations

import base64
from datetime import timedelta

from server.domain.cases import clock, ratings
from server.domain.cases.models import CaseEvent, CaseRating
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

RATE = """mutation($i: RateCaseInput!) { rateCase(input: $i) {
  case { rating { level levelLabel channel comment } timeline { action reason } } errors { field message code } } }"""


def gid(pk: int) -> str:
    return base64.b64encode(f"Case:{pk}".encode()).decode()


async def test_the_applicant_rates_once(gql: GraphQLClient, settings: Settings) -> None:
    case, citizen_id = await f.completed_case(None)
    from server.domain.accounts.models import Citizen

    me = await f.citizen_client(gql, settings, await Citizen.get(id=citizen_id))
    unhappy = (await me(RATE, {"i": {"caseId": gid(case.id), "level": 2}}))["rateCase"]
    assert unhappy["errors"][0]["field"] == ["comment"]
    done = (await me(RATE, {"i": {"caseId": gid(case.id), "level": 5, "comment": "一次办好"}}))["rateCase"]
    assert done["errors"] == [] and done["case"]["rating"] == {
        "level": 5, "levelLabel": "非常满意", "channel": "app", "comment": "一次办好"}
    assert done["case"]["timeline"][-1]["action"] == "rated"
    again = (await me(RATE, {"i": {"caseId": gid(case.id), "level": 1, "comment": "改主意了"}}))["rateCase"]
    assert again["errors"][0]["code"] == "INVALID_STATE"
    stranger = await f.citizen_client(gql, settings, await f.citizen())
    other = (await stranger(RATE, {"i": {"caseId": gid(case.id), "level": 1, "comment": "恶意差评"}}))["rateCase"]
    assert other["errors"][0]["code"] == "NOT_FOUND"


async def test_unrated_cases_default_to_basically_satisfied_once(settings: Settings) -> None:
    old, _ = await f.completed_case(None)
    recent, _ = await f.completed_case(None)
    today = clock.today()
    await f.rewrite(old.id, completed_at=clock.now() - timedelta(days=settings.default_rating_days + 1))
    given = await ratings.default_ratings(today=today, settings=settings)
    assert given >= 1
    rating = await CaseRating.get(case_id=old.id)
    assert (rating.level, rating.channel) == (3, "default")
    assert not await CaseRating.exists(case_id=recent.id)
    assert await ratings.default_ratings(today=today, settings=settings) == 0  # once
    assert await CaseEvent.filter(case_id=old.id, action="rated").count() == 1
