"""Reading the bases costs a fixed, small number of SQL statements per application, however many
materials it has: each base is read once (e-licences of every kind the materials name in one
query), the pulls are logged in one statement and named with the case in one more."""

from __future__ import annotations

import re
from typing import Any

from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.shareddata import helpers as h

SHARED = re.compile(r'(FROM|INTO|UPDATE) "(shared_population|shared_legal_person|shared_credit|shared_data_pull|elicence|'
                    r'verified_material)"')


def _shared(statements: list[str]) -> list[str]:
    return [s for s in statements if SHARED.search(s)]


async def test_applying_with_shared_data_costs_the_same_statements_for_three_materials_and_nine(
        gql: GraphQLClient, settings: Settings, sql: Any) -> None:
    person = await f.citizen(name="计数人")
    await h.licences(person, h.LICENCES)
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    few = await h.uploads(me, item, "户籍材料", ["申请表"])
    many = await h.uploads(me, item, "全套材料", ["申请表", "完税凭证", "残疾人证"])
    await h.submit(me, item, "户籍材料", h.typed_person(), materials=few)  # the first request warms what it caches

    with sql() as small:
        a = await h.submit(me, item, "户籍材料", h.typed_person(), materials=few)
    with sql() as large:
        b = await h.submit(me, item, "全套材料", h.typed_person(), materials=many)
    assert a["errors"] == [] and b["errors"] == [], (a, b)
    assert len(a["case"]["materials"]) == 3 and len(b["case"]["materials"]) == 9
    covered = [m for m in b["case"]["materials"] if m["state"] in ("EXEMPT", "REUSED")]
    assert len(covered) == 6  # two population materials twice over, three e-licences, the identity card
    # before the case's transaction: e-licences of every kind (1), the population record (1), window-verified
    # materials (1), the log written (1); the answer reads where the form's values came from (1) and the
    # case's e-licences (1) — six, whether three materials or nine (the log named with the case is one
    # UPDATE inside the case's transaction, which the counter does not see; test_log checks that it happens)
    assert len(_shared(small.statements)) == len(_shared(large.statements)) == 6, _shared(large.statements)
    assert sum(1 for s in _shared(large.statements) if s.startswith("INSERT")) == 1
    assert small.count == large.count, (small.count, large.count)
