"""The catalogue generator of the search benchmark writes valid content with names of its own."""

from __future__ import annotations

import random

from server.domain.catalog import finder
from server.domain.catalog.content import validate
from server.tools.catalog_generator import _synthetic


def test_synthetic_items_are_valid_distinct_and_searchable() -> None:
    items = _synthetic(random.Random(1), 400)
    assert len(items) == 400
    assert len({code for code, _ in items}) == 400 and all(len(code) == 12 and code.startswith("9") for code, _ in items)
    assert len({c.name for _, c in items}) == 400
    for _, content in items:
        assert validate(content, for_publish=False) == [], content.name
    # their words are in the haystack the finder screens with
    code, content = items[0]
    terms = finder.Terms(name=finder.phrase(content.name), aliases=(), keywords=tuple(finder.phrase(k) for k in content.keywords),
                         text="", secondary=False)
    assert terms.may_match([(content.name[:2], "", False)])
