"""聊易找 through the domain and the graph: word order, common names, homophones, ranking rules,
themes in the same results, suggestions, "did you mean", the synonym list and its permissions."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from server.domain.accounts import tokens
from server.domain.accounts.roles import ANONYMOUS
from server.domain.catalog import finder, synonyms
from server.domain.catalog.models import SearchSynonym
from server.domain.catalog.service import ItemFilter, count_items, list_items
from server.domain.errors import DomainError
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient, refusal

pytestmark = pytest.mark.usefixtures("database")

FIND = """
query($text: String!, $first: Int = 10, $audience: Audience, $enterpriseId: ID, $regionCode: String) {
  findServices(text: $text, first: $first, audience: $audience, enterpriseId: $enterpriseId, regionCode: $regionCode) {
    totalCount words didYouMean
    hits { kind code name matchedBy implementationCount
           item { id name regionCode department { shortName } } theme { code name audience } }
  }
}"""
SUGGEST = "query($p: String!) { searchSuggestions(prefix: $p, first: 8) { text kind code } }"


async def codes(text: str, **kw: Any) -> list[str]:
    return [h.code for h in (await finder.search(actor=ANONYMOUS, text=text, limit=10, **kw)).hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证补领", "070750003000"), ("补领身份证", "070750003000"),  # either word order
        ("营业执照 变更", "010101002000"), ("身分证", "070750001000"),  # apart; homophone
        ("身份證", "070750001000"), ("准生证", "200730002000"),  # traditional; 俗称 (alias)
        ("jzz", "070750006000"), ("shebaoka", "200700004000"),  # initials; full pinyin
        ("身份证丢了怎么办", "070750003000"),  # filler words dropped, 丢了 → 补领 (city synonym)
    ],
)
async def test_what_people_type_finds_the_item(text: str, expected: str) -> None:
    found = await codes(text)
    assert found and found[0] in {expected, "200300002000"}, found


async def test_first_application_above_reissue_unless_the_words_ask_for_one() -> None:
    plain = await codes("身份证")
    assert plain[0] == "070750001000"
    assert plain.index("070750001000") < plain.index("070750003000") and plain.index("070750001000") < plain.index("070750002000")
    assert (await codes("身份证 补办"))[0] == "070750003000"


async def test_audience_of_the_words_and_of_the_operator() -> None:
    employer = {"200820003000", "200710006000", "200720007000", "200170001000"}
    person = await codes("参保登记")
    assert person[0] in {"200300001000", "200700001000", "200300004000", "200710003000"}, person
    assert (await codes("单位 参保登记"))[0] in employer
    assert (await codes("参保登记", enterprise_actor=True))[0] in employer
    # an operator's own words still win: 个人 says a person
    assert (await codes("个人 参保登记", enterprise_actor=True))[0] not in employer


async def test_popularity_from_the_platforms_cases_moves_an_item_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # two seeded implementations of 生育登记 under two basic codes: the one people apply for comes first
    for busy in ("200300002000", "200730002000"):
        async def counts(busy: str = busy) -> dict[str, int]:
            return {busy: 40}

        monkeypatch.setattr(finder.INDEX, "popularity", counts)
        assert (await codes("生育登记"))[0] == busy
    monkeypatch.undo()
    # the real counts: submitted cases per basic code, cached for a short time
    finder.INDEX.forget_popularity()
    real = await finder.INDEX.popularity()
    assert all(isinstance(n, int) and n > 0 for n in real.values())
    assert await finder.INDEX.popularity() is real  # within POPULARITY_TTL: no second query


async def test_themes_come_in_the_same_results_and_one_letter_finds_nothing() -> None:
    found = await finder.search(actor=ANONYMOUS, text="开饭店", limit=10)
    kinds = {h.kind for h in found.hits}
    assert kinds == {"item", "theme"} and "open-restaurant" in [h.code for h in found.hits]
    assert (await finder.search(actor=ANONYMOUS, text="y")).total == 0
    assert await finder.suggest(prefix="s") == []


async def test_implementations_fold_into_one_hit_serving_the_region() -> None:
    found = await finder.search(actor=ANONYMOUS, text="个体工商户设立登记", region_path="/100000/370000/371500/371525/", limit=3)
    top = found.hits[0]
    assert top.code == "010101001000" and top.implementations >= 5
    assert len([h for h in found.hits if h.code == "010101001000"]) == 1


async def test_suggestions_from_chinese_pinyin_and_initials() -> None:
    for prefix in ("身份", "shenf", "sfz"):
        texts = [s.text for s in await finder.suggest(prefix=prefix, limit=10)]
        assert any("身份证" in t for t in texts), (prefix, texts)
    gjj = [s.text for s in await finder.suggest(prefix="公积金", limit=5)]
    assert len(gjj) == 5 and all(t.startswith("公积金") or "公积金" in t for t in gjj) and "公积金" not in gjj


async def test_did_you_mean_for_a_query_with_no_hit() -> None:
    found = await finder.search(actor=ANONYMOUS, text="gongjijingdaikuan")  # jing for jin: no hit
    assert found.total == 0 and found.did_you_mean == "公积金贷款"
    assert (await finder.search(actor=ANONYMOUS, text="shenfengzheng")).did_you_mean in {"身份证", "身份证补办", "身份证办理"}
    nothing = await finder.search(actor=ANONYMOUS, text="zzqqxxkk")
    assert nothing.total == 0 and nothing.hits == [] and nothing.did_you_mean is None
    # a wrong split of the pinyin is no homophone: 饥饿 (ji'e) does not find 结婚 (jie hun)
    assert "070740001000" not in await codes("饥饿")


async def test_service_items_search_ranks_through_the_finder() -> None:
    flt = ItemFilter(text="补领 身份证")
    rows = await list_items(actor=ANONYMOUS, flt=flt, offset=0, limit=5)
    assert rows[0].item.basic_code == "070750003000"
    assert await count_items(actor=ANONYMOUS, flt=flt) >= len(rows)
    # the filters still apply
    county = await list_items(actor=ANONYMOUS, flt=ItemFilter(text="个体户", region_code="371525"), offset=0, limit=50)
    assert county and all(v.item.region_path.startswith("/100000/370000/371500/371525/") for v in county)


async def test_synonym_list_is_the_city_admins_and_takes_effect_at_once() -> None:
    admin = await f.staff("city_catalog")
    assert not await codes("呱呱叫")
    row = await synonyms.set_synonym(actor=admin, term="呱呱叫", words=["最低生活保障"])
    try:
        assert (await codes("呱呱叫"))[0] in {"050740004000", "050300004000"}
        again = await synonyms.set_synonym(actor=admin, term="呱呱叫", words=["高龄津贴"])
        assert again.revision == row.revision + 1
        assert (await codes("呱呱叫"))[0] in {"050740007000", "050300003000"}
    finally:
        await synonyms.delete_synonym(actor=admin, term="呱呱叫")
    assert not await SearchSynonym.filter(term="呱呱叫").exists()
    with pytest.raises(DomainError):
        await synonyms.set_synonym(actor=ANONYMOUS, term="x", words=["y"])
    with pytest.raises(DomainError):
        await synonyms.set_synonym(actor=admin, term="空的", words=[" "])


async def test_find_services_through_the_graph(gql: GraphQLClient) -> None:
    data = (await gql(FIND, {"text": "身份证丢了", "regionCode": "371502"}))["findServices"]
    top = data["hits"][0]
    assert top["kind"] == "ITEM" and top["code"] == "070750003000" and top["item"]["name"] == "居民身份证补领"
    assert "身份证" in "".join(data["words"]) and data["totalCount"] >= len(data["hits"])
    themes = (await gql(FIND, {"text": "开饭店"}))["findServices"]["hits"]
    theme = next(h for h in themes if h["kind"] == "THEME")
    assert theme["item"] is None and theme["theme"]["code"] == "open-restaurant"
    ent = (await gql(FIND, {"text": "社保", "audience": "ENTERPRISE", "first": 30}))["findServices"]["hits"]
    assert ent and all(h["theme"]["audience"] == "ENTERPRISE" for h in ent if h["kind"] == "THEME")
    none = (await gql(FIND, {"text": "zzqqxxkk"}))["findServices"]
    assert none["totalCount"] == 0 and none["hits"] == []
    dym = (await gql(FIND, {"text": "gongjijingdaikuan"}))["findServices"]
    assert dym["totalCount"] == 0 and dym["didYouMean"] == "公积金贷款"


async def test_an_enterprise_operator_gets_enterprise_items_first(gql: GraphQLClient, settings: Settings) -> None:
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    token = (await tokens.issue(lifetimes=settings.token_lifetimes, citizen=rep)).access_token
    gid = str(relay.GlobalID("Enterprise", str(ent.id)))
    employer = {"200820003000", "200710006000", "200720007000", "200170001000"}
    hits = (await gql(FIND, {"text": "参保登记", "enterpriseId": gid}, token=token))["findServices"]["hits"]
    assert hits[0]["code"] in employer, hits[:3]
    # not signed in as its operator: searched as a person
    other = (await gql(FIND, {"text": "参保登记", "enterpriseId": gid}))["findServices"]["hits"]
    assert other[0]["code"] not in employer


async def test_suggestions_through_the_graph(gql: GraphQLClient) -> None:
    got = (await gql(SUGGEST, {"p": "gjj"}))["searchSuggestions"]
    assert got and all("公积金" in s["text"] for s in got[:3]) and got[0]["kind"] in {"ITEM", "ALIAS", "THEME", "KEYWORD"}


async def test_synonym_admin_through_the_graph(gql: GraphQLClient) -> None:
    refused = await gql.refused('mutation { setSearchSynonym(input: {term: "测一测", words: ["低保"]}) { errors { code } } }',
                                field="setSearchSynonym")
    assert refused == "UNAUTHENTICATED"
    assert refusal(await gql("{ searchSynonyms { term } }", expect_errors=True), "searchSynonyms") == "UNAUTHENTICATED"
    admin = await gql.as_user("city_catalog")
    made = await admin('mutation { setSearchSynonym(input: {term: "测一测", words: ["低保"]}) { synonym { term words } errors { code } } }')
    assert made["setSearchSynonym"] == {"synonym": {"term": "测一测", "words": ["低保"]}, "errors": []}
    assert "测一测" in [r["term"] for r in (await admin("{ searchSynonyms { term } }"))["searchSynonyms"]]
    county = await gql.as_user("guanxian_catalog")
    no = await county('mutation { deleteSearchSynonym(input: {term: "测一测"}) { term errors { code message } } }')
    assert no["deleteSearchSynonym"]["errors"][0]["code"] == "NOT_ALLOWED"
    gone = await admin('mutation { deleteSearchSynonym(input: {term: "测一测"}) { term errors { code } } }')
    assert gone["deleteSearchSynonym"] == {"term": "测一测", "errors": []}


async def test_an_editor_gives_an_item_common_names_and_search_finds_it_by_them() -> None:
    from server.domain.catalog import service
    from server.domain.errors import DomainErrors

    editor = await f.staff("city_catalog")
    item, _ = await f.item("河道管理范围内建设项目工程建设方案审批")
    assert "010603001000" not in await codes("河边架桥审批")
    with pytest.raises(DomainErrors) as refused:
        await service.update_draft(actor=editor, item_id=item.id, changes={"aliases": ["认"] * 21})
    assert any("俗称" in e.message for e in refused.value.errors)
    await service.update_draft(actor=editor, item_id=item.id, changes={"aliases": ["河边架桥审批"]})
    assert "010603001000" not in await codes("河边架桥审批")  # a draft of a published item: not yet
    await service.publish(actor=editor, item_id=item.id)
    found = await finder.search(actor=ANONYMOUS, text="河边架桥审批", limit=3)
    assert found.hits[0].code == "010603001000" and found.hits[0].matched == "alias"


@pytest.mark.parametrize(
    "fields",
    [
        {"level": "04"}, {"online_only": True}, {"instant_only": True}, {"high_frequency": True},
        {"service_object": "enterprise"}, {"item_type": "licensing"}, {"department_code": "371500-XZSPJ"},
        {"region_code": "371525"}, {"region_code": "999999"},
    ],
)
async def test_the_finders_filters_are_the_catalogues(fields: dict[str, Any]) -> None:
    # the finder applies serviceItems' filters to its snapshot as the catalogue's query does in SQL
    from server.domain.catalog import service

    editor = await f.staff("guanxian_catalog")
    for actor in (ANONYMOUS, editor):
        for statuses in (None, ["active", "draft"]):
            every = ItemFilter(text="登记 许可 申请 证", statuses=statuses)
            narrowed = ItemFilter(text="登记 许可 申请 证", statuses=statuses, **fields)
            everything = await service.list_items(actor=actor, flt=every, offset=0, limit=10_000)
            found = {v.id for v in await service.list_items(actor=actor, flt=narrowed, offset=0, limit=10_000)}
            sql = {v.id for v in await service.list_items(actor=actor, flt=ItemFilter(statuses=statuses, **fields), offset=0, limit=10_000)}
            assert found == {v.id for v in everything} & sql


async def test_a_write_by_another_process_is_seen_after_the_stamp_ttl(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(finder.INDEX, "_check_until", 0.0)
    monkeypatch.setattr(finder.INDEX, "_checked_at", 0.0)
    snap = await finder.INDEX.snapshot()  # compared with the database just now
    # another process adds a synonym (written straight to the table: this process is not told)
    await SearchSynonym.create(term="咕咕鸟", words=["最低生活保障"])
    try:
        assert await finder.INDEX.snapshot() is snap  # trusted for STAMP_TTL seconds
        later = time.monotonic() + finder.STAMP_TTL + 0.1
        monkeypatch.setattr(finder.time, "monotonic", lambda: later)
        fresh = await finder.INDEX.snapshot()
        assert fresh is not snap and fresh.synonyms["咕咕鸟"] == ("最低生活保障",)
    finally:
        await SearchSynonym.filter(term="咕咕鸟").delete()
        finder.INDEX.invalidate()


SEARCH_PAGE = """
query($text: String!, $first: Int) {
  serviceItems(filter: {text: $text}, first: $first) {
    totalCount edges { node { id name basicCode implementationCode level guide { address } department { name } } }
  }
}"""


async def test_a_search_page_and_its_count_rank_once(gql: GraphQLClient, sql: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # the snapshot checked once and then trusted, so that only the request's own statements are counted
    await finder.rank_items(actor=ANONYMOUS, text="身份证", scope=finder.ItemScope())
    await finder.INDEX.popularity()
    monkeypatch.setattr(finder, "STAMP_TTL", 10**9)
    monkeypatch.setattr(finder.INDEX, "_check_until", 0.0)
    calls: list[str] = []
    rank = finder.rank_items

    async def counted(**kw: Any) -> list[int]:
        calls.append(kw["text"])
        return await rank(**kw)

    monkeypatch.setattr(finder, "rank_items", counted)
    with sql() as counter:
        data = (await gql(SEARCH_PAGE, {"text": "身份证", "first": 5}))["serviceItems"]
    assert calls == ["身份证"]  # one ranking for the page and its totalCount
    assert len(data["edges"]) == 5 and data["totalCount"] >= 5
    assert data["totalCount"] == await count_items(actor=ANONYMOUS, flt=ItemFilter(text="身份证"))
    # the page's rows (their items joined), the departments, the halls for the guide: no count query
    assert counter.count == 3, counter.statements
    page = await list_items(actor=ANONYMOUS, flt=ItemFilter(text="身份证"), offset=0, limit=5)
    assert [e["node"]["name"] for e in data["edges"]] == [v.name for v in page]


async def test_find_services_reads_the_hits_in_two_statements(gql: GraphQLClient, sql: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    await finder.search(actor=ANONYMOUS, text="营业执照")
    await finder.INDEX.popularity()
    monkeypatch.setattr(finder, "STAMP_TTL", 10**9)
    monkeypatch.setattr(finder.INDEX, "_check_until", 0.0)
    with sql() as counter:
        hits = (await gql(FIND, {"text": "营业执照", "first": 10}))["findServices"]["hits"]
    items = [h for h in hits if h["kind"] == "ITEM"]
    assert items and all(h["item"]["department"]["shortName"] for h in items)
    # the items' current versions (plain rows, their items joined) and their departments; themes
    # add one statement when a theme is among the hits
    themes = any(h["kind"] == "THEME" for h in hits)
    assert counter.count == 2 + themes, counter.statements
