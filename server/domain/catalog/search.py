"""Search as a Chinese user expects: substrings of names and keywords, full pinyin and initials.

Traditional characters are folded to simplified (OpenCC ``t2s``) on both sides, so 營業執照 finds
营业执照; a query without Chinese characters shorter than :data:`MIN_LATIN_QUERY` matches nothing
(one letter would match almost every item's pinyin or initials).

Each item and theme version keeps denormalised, lower-case search columns (written by
:func:`search_columns`). Items are searched by :mod:`server.domain.catalog.finder` (聊易找: words,
common names, synonyms, homophones, ranking in Python); the theme list's ``search`` still matches
these columns with LIKE (:func:`match_q`, :func:`rank_expression`), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import opencc
from pypinyin import Style, lazy_pinyin
from tortoise.expressions import Case, Q, RawSQL, When

_CJK = re.compile(r"[\u3400-\u9fff]")
_SPACES = re.compile(r"[\s'’·\-]+")
_LIKE_META = re.compile(r"[%_\\]+")  # LIKE wildcards mean nothing in an item name
_T2S = opencc.OpenCC("t2s")

MIN_LATIN_QUERY = 2


def pinyin_full(text: str) -> str:
    """'营业执照' → 'yingyezhizhao' (non-Chinese characters are kept, lower-cased)."""
    return "".join(lazy_pinyin(text, errors="default")).lower().replace(" ", "")


def pinyin_initials(text: str) -> str:
    """'营业执照' → 'yyzz'."""
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower().replace(" ", "")


def normalise_query(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case, no spaces or apostrophes
    ("ying'ye" → "yingye", "營業執照" → "营业执照")."""
    text = _T2S.convert(unicodedata.normalize("NFKC", text).strip().lower())
    return _LIKE_META.sub("", _SPACES.sub("", text))


def search_columns(
    *, name: str, keywords: Iterable[str], texts: Iterable[str]
) -> dict[str, str]:
    kws = [k.strip() for k in keywords if k and k.strip()]
    kw_parts = kws + [pinyin_full(k) for k in kws] + [pinyin_initials(k) for k in kws]
    return {
        "s_name": normalise_query(name),
        "s_name_py": pinyin_full(normalise_query(name)),
        "s_name_ab": pinyin_initials(normalise_query(name)),
        "s_kw": "|" + "|".join(normalise_query(p) for p in kw_parts) + "|",
        "s_text": normalise_query(" ".join(t for t in texts if t)),
    }


def match_q(query: str) -> Q:
    """The WHERE part: any column contains the normalised query (a too short Latin query: none)."""
    if not _CJK.search(query) and len(query) < MIN_LATIN_QUERY:
        return Q(id=-1)
    q = Q(s_name__contains=query) | Q(s_kw__contains=query) | Q(s_text__contains=query)
    if not _CJK.search(query):
        q |= Q(s_name_py__contains=query) | Q(s_name_ab__contains=query)
    return q


def _n(score: int) -> Any:
    # an SQL literal: bound as a parameter, asyncpg would type it like the compared text column.
    # Any: tortoise's When/Case annotations leave out RawSQL, which they accept at run time
    return RawSQL(str(int(score)))


def rank_expression(query: str) -> Case:
    """Higher is better: whole name, name prefix, name substring, name pinyin, keywords, text."""
    whens = [
        When(s_name=query, then=_n(1000)),
        When(s_name__startswith=query, then=_n(900)),
        When(s_name__contains=query, then=_n(800)),
    ]
    if not _CJK.search(query):
        whens += [
            When(s_name_py__startswith=query, then=_n(750)),
            When(s_name_ab__startswith=query, then=_n(720)),
            When(s_name_py__contains=query, then=_n(700)),
            When(s_name_ab__contains=query, then=_n(650)),
        ]
    whens += [When(s_kw__contains="|" + query + "|", then=_n(600)), When(s_kw__contains=query, then=_n(500))]
    return Case(*whens, default=_n(100))
