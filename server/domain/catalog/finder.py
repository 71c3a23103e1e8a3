"""聊易找: search that finds what a citizen means.

A query is analysed once (:func:`analyse`): full width to half width, traditional to simplified
(OpenCC), lower case; then cut into words by jieba (one tokenizer per process, the catalogue's
names, common names, keywords and synonym terms added as user words) with filler words (我想, 怎么,
办理 …) left out. Each word is matched on its own, so the order of the words does not matter and
"营业执照 变更" finds an item holding the two words apart. A word matches as Chinese text, as pinyin
(whole syllables of the name, of a common name or of a keyword: 身分证 finds 身份证, a wrong
character with the right pinyin), as typed pinyin or as initials (at least :data:`MIN_LATIN_QUERY`
letters). The city-wide synonym list (:class:`SearchSynonym`, 丢了 → 补领 …) adds the words it maps
to, each a little weaker than the word typed.

Ranking (higher first): the whole query as the name (exact, prefix, inside), as a common name, as a
keyword; then each word's best field (name > common name > keyword > guide text), weighted by how rare
the word is in the catalogue and by how much of the query an entry covers; then the audience (a
person's query prefers items for persons unless its words say enterprise; an enterprise operator the
reverse), popularity (the platform's own cases, :func:`popularity`) and the high-frequency flag;
reissues and changes (补领, 换领, 变更, 注销 …) below first applications unless the words ask for one.
Themes are scored in the same way and come in the same results.

Everything is scored in Python over an in-process snapshot of the current versions, so SQLite and
PostgreSQL give the same results. The snapshot is checked against a freshness stamp (one aggregate
query) at most every :data:`STAMP_TTL` seconds — on every call for a while after this process wrote
(:meth:`_Index.invalidate`) — and rebuilt when the catalogue, themes or synonyms changed; the case
counts are cached for :data:`POPULARITY_TTL` seconds.
Entries with the same words (the implementations of one basic item) share one scoring.
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import gc
import logging
import math
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jieba
from pypinyin import Style, lazy_pinyin
from tortoise import connections

from server.domain.accounts.roles import Actor
from server.domain.catalog import rules
from server.domain.catalog.search import _T2S, MIN_LATIN_QUERY

jieba.setLogLevel(logging.WARNING)

POPULARITY_TTL = 60.0  # seconds a process keeps the case counts
STAMP_TTL = 1.0  # seconds a process trusts its snapshot without asking the database (its own writes: at once)
MAX_QUERY = 64

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"^[a-z0-9]+$")
_SPLIT = re.compile(r"[\s,，。.、;；:：!！?？'’\"“”()（）\[\]【】《》<>/\\|·\-_%+*#@&~`^=]+")

# words that carry no meaning of their own in a query ("我想办理…怎么办")
STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 呀 我 我要 我想 想 要 想要 需要 怎么 怎么办 怎么样 怎样 如何 哪里 去哪 去哪里 在哪 在哪里 哪儿 "
    "什么 办理 办 去 给 帮 请问 问 一下 可以 能 能不能 是否 个 一个 在 和 与 及 或 到 流程 手续 业务 服务 网上 "
    "线上 申请 咨询 查 查询 在线 多久 多少钱 需要什么 材料 带 什么 呢 吗".split()
)  # fmt: skip
# words that make an item a reissue, change or closing (ranked below first applications) ...
SECONDARY_NAME = ("补领", "补发", "补证", "补办", "换领", "换证", "换发", "变更", "注销", "挂失", "撤销", "延续", "更正", "移出", "销户")
# ... unless the query asks for one
SECONDARY_INTENT = SECONDARY_NAME + (
    "补", "换", "丢", "掉", "遗失", "丢失", "坏", "到期", "过期", "改", "更名", "改名", "迁", "关", "不干", "停", "破损", "被偷",
)  # fmt: skip
ENTERPRISE_WORDS = ("企业", "公司", "单位", "法人", "商户", "工厂", "厂", "门店", "员工", "职工参保", "对公")
PERSON_WORDS = ("个人", "本人", "自己", "我家", "孩子", "小孩", "老人", "父母", "家里", "居民")
AUDIENCE_ONLY = frozenset({"个人", "本人", "自己", "我家", "家里", "家人"})  # say who, not what: weigh little
PERSON_OBJECT = "natural_person"

_ROW_FIELDS = (
    "id", "item_id", "name", "keywords", "aliases", "s_name", "s_text", "s_objects", "online", "instant",
    "high_frequency", "item_type", "item__status", "item__region_path", "item__basic_code",
    "item__department_id", "item__level",
)  # fmt: skip
_THEME_FIELDS = (
    "id", "theme_id", "name", "keywords", "s_text", "audience", "life_stage", "theme__status",
    "theme__region_path", "theme__code",
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# text


def normalise(text: str) -> str:
    """NFKC (full width → half width), traditional → simplified, lower case; spaces kept."""
    return str(_T2S.convert(unicodedata.normalize("NFKC", text).lower())).strip()


def compact(text: str) -> str:
    return _SPLIT.sub("", normalise(text))


@dataclass(slots=True, frozen=True)
class Phrase:
    """A name, common name or keyword with its pinyin (joined, with the syllable boundaries) and initials."""

    text: str
    py: str
    bounds: frozenset[int]
    ab: str
    starts: frozenset[int]  # where the words of the text begin (initials match from there only)


def phrase(text: str) -> Phrase:
    text = compact(text)
    syllables = [s.lower() for s in lazy_pinyin(text, errors="default")]
    bounds, at = {0}, 0
    for s in syllables:
        at += len(s)
        bounds.add(at)
    ab = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()
    starts = frozenset(SEGMENTER.starts(text)) if len(ab) == len(text) else frozenset({0})
    return Phrase(text=text, py="".join(syllables), bounds=frozenset(bounds), ab=ab, starts=starts)


def ab_at(needle: str, p: Phrase) -> int:
    """Initials ``needle`` from the start of a word of ``p``: 3 all of it, 2 a prefix, 1 inside, 0 not."""
    if len(needle) < MIN_LATIN_QUERY:
        return 0
    if p.ab.startswith(needle):
        return 3 if p.ab == needle else 2
    start = p.ab.find(needle)
    while start >= 0:
        if start in p.starts:
            return 1
        start = p.ab.find(needle, start + 1)
    return 0


def py_at(needle: str, p: Phrase, *, whole: bool) -> int:
    """Where pinyin ``needle`` starts on a syllable boundary of ``p`` (and, if ``whole``, ends on one):
    3 the whole of it, 2 a prefix, 4 its end, 1 inside, 0 not at all."""
    if not needle:
        return 0
    needle, inner = _syllables(needle)
    start = p.py.find(needle)
    while start >= 0:
        end = start + len(needle)
        if start in p.bounds and (not whole or end in p.bounds) and all(start + i in p.bounds for i in inner):
            return 3 if start == 0 and end == len(p.py) else 2 if start == 0 else 4 if end == len(p.py) else 1
        start = p.py.find(needle, start + 1)
    return 0


@functools.lru_cache(maxsize=4096)
def _syllables(needle: str) -> tuple[str, tuple[int, ...]]:
    """"ji'e" → ("jie", (2,)): the pinyin of Chinese text, and where its inner syllables begin (so that
    its syllables must be the target's: ji'e is not jie)."""
    if "'" not in needle:
        return needle, ()
    inner, at = [], 0
    for syllable in needle.split("'")[:-1]:
        at += len(syllable)
        inner.append(at)
    return needle.replace("'", ""), tuple(inner)


def is_latin(text: str) -> bool:
    return bool(_LATIN.match(text))


def pinyin_of(text: str) -> str:
    """The pinyin of Chinese text, syllables apart ("ji'e"); empty for text without Chinese."""
    return "'".join(lazy_pinyin(text, errors="default")).lower() if _CJK.search(text) else ""


# ---------------------------------------------------------------------------------------------
# the segmenter


class _Segmenter:
    def __init__(self) -> None:
        self._tk: Any = None
        self._words: set[str] = set()

    def _tokenizer(self) -> Any:
        if self._tk is None:
            tk = jieba.Tokenizer()
            tk.initialize()
            self._tk = tk
        return self._tk

    def add_words(self, words: Iterable[str]) -> None:
        tk = self._tokenizer()
        for w in words:
            if w and w not in self._words and _CJK.search(w) and 2 <= len(w) <= 16:
                self._words.add(w)
                tk.add_word(w, freq=None)

    def cut(self, text: str) -> list[str]:
        return [w for w in self._tokenizer().lcut(text, HMM=False) if w.strip()]

    def starts(self, text: str) -> set[int]:
        """Offsets where a word (or a dictionary sub-word, search mode) of ``text`` begins."""
        return {0} | {start for _, start, _ in self._tokenizer().tokenize(text, mode="search", HMM=False)}

    def parts(self, word: str) -> list[str]:
        """The dictionary sub-words (two characters or more) of a longer word: 大学毕业 → 大学, 毕业."""
        out: list[str] = []
        for w, _, _ in self._tokenizer().tokenize(word, mode="search", HMM=False):
            if len(w) >= 2 and w != word and w not in out and not any(w in o for o in out):
                out.append(w)
        return [w for w in out if not any(w != o and w in o for o in out)]


SEGMENTER = _Segmenter()


# ---------------------------------------------------------------------------------------------
# queries


@dataclass(slots=True)
class Token:
    text: str
    latin: bool
    forms: tuple[tuple[str, str, float], ...]  # (text, its pinyin, weight of this form)
    weight: float = 1.0  # a single Chinese character says little on its own
    parts: tuple[str, ...] = ()  # sub-words, tried when no entry holds the word itself


@dataclass(slots=True)
class Query:
    raw: str
    whole: str  # the query without spaces and punctuation
    core: str  # … and without filler words
    tokens: list[Token]
    phrases: tuple[tuple[str, str, float], ...]  # the whole query (and what the synonym list maps it to)
    secondary: bool  # the words ask for a reissue, change or closing
    enterprise: bool  # the words say enterprise
    person: bool  # the words say person

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


def _forms(word: str, synonyms: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str, float], ...]:
    forms = [(word, pinyin_of(word), 1.0)]
    for s in synonyms.get(word, ()):
        s = compact(s)
        if s and s != word:
            forms.append((s, pinyin_of(s), 0.9))
    return tuple(forms)


def analyse(text: str, synonyms: dict[str, tuple[str, ...]] | None = None) -> Query:
    syn = synonyms or {}
    text = normalise(text[: MAX_QUERY * 2])[:MAX_QUERY]
    chunks = [c for c in _SPLIT.split(text) if c]
    words: list[str] = []
    for chunk in chunks:
        if chunk in syn or is_latin(chunk):
            words.append(chunk)
            continue
        for w in SEGMENTER.cut(chunk):
            words.append(w)
    tokens: list[Token] = []
    seen: set[str] = set()
    for w in words:
        if w in STOPWORDS or w in seen:
            continue
        latin = is_latin(w)
        if latin and len(w) < MIN_LATIN_QUERY:
            continue
        seen.add(w)
        single = not latin and len(w) == 1 and w not in syn
        parts = tuple(SEGMENTER.parts(w)) if not latin and len(w) >= 3 else ()
        weight = 0.4 if single else 0.3 if w in AUDIENCE_ONLY else 1.0
        tokens.append(Token(text=w, latin=latin, forms=_forms(w, syn), weight=weight, parts=parts))
    whole = "".join(chunks)
    core = "".join(t.text for t in tokens)
    phrases = list(_forms(whole, syn)) if whole else []
    if core and core != whole:
        phrases += [(core, pinyin_of(core), 0.95)]
    every = [f for t in tokens for f, _, _ in t.forms] + [whole]
    return Query(
        raw=text, whole=whole, core=core, tokens=tokens, phrases=tuple(phrases),
        secondary=any(s in w for w in every for s in SECONDARY_INTENT),
        enterprise=any(s in w for w in every for s in ENTERPRISE_WORDS),
        person=any(s in w for w in every for s in PERSON_WORDS),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# the snapshot


@dataclass(slots=True)
class Terms:
    """The searchable words of an entry (shared by entries with the same words)."""

    name: Phrase
    aliases: tuple[Phrase, ...]
    keywords: tuple[Phrase, ...]
    text: str
    secondary: bool
    hay: str = ""  # every text, to tell quickly that a word cannot match
    hay_names: str = ""  # the name, common names and keywords
    hay_py: str = ""
    hay_ab: str = ""

    def __post_init__(self) -> None:
        phrases = (self.name, *self.aliases, *self.keywords)
        self.hay_names = "|".join(p.text for p in phrases)
        self.hay = self.hay_names + "|" + self.text
        self.hay_py = "|".join(p.py for p in phrases)
        self.hay_ab = "|".join(p.ab for p in phrases)

    def may_match(self, forms: list[tuple[str, str, bool]]) -> bool:
        for text, py, latin in forms:
            if text in self.hay or (py and py in self.hay_py) or (latin and (text in self.hay_py or text in self.hay_ab)):
                return True
        return False


@dataclass(slots=True)
class ItemRow:
    version_id: int
    item_id: int
    basic_code: str
    name: str
    status: str
    region_path: str
    department_code: str
    level: str
    item_type: str
    objects: str
    online: bool
    instant: bool
    high_frequency: bool
    terms: Terms
    for_person: bool = False
    for_enterprise: bool = False

    def __post_init__(self) -> None:
        self.for_person = f"|{PERSON_OBJECT}|" in self.objects
        self.for_enterprise = any(f"|{o}|" in self.objects for o in rules.SERVICE_OBJECTS if o != PERSON_OBJECT)


@dataclass(slots=True)
class ThemeRow:
    version_id: int
    theme_id: int
    code: str
    name: str
    status: str
    region_path: str
    audience: str
    life_stage: str
    terms: Terms


@dataclass(slots=True)
class VocabEntry:
    phrase: Phrase
    kind: str  # item | theme | alias | keyword
    code: str  # the basic code or theme code it leads to
    weight: float


@dataclass(slots=True)
class Snapshot:
    stamp: tuple[Any, ...]
    items: list[ItemRow]
    themes: list[ThemeRow]
    synonyms: dict[str, tuple[str, ...]]
    vocabulary: list[VocabEntry] = field(default_factory=list)
    # entries grouped by their words: a search scores each group once
    item_terms: list[Terms] = field(default_factory=list)  # of every current item
    active_terms: list[Terms] = field(default_factory=list)  # of active items and themes
    rows_of: dict[int, list[ItemRow]] = field(default_factory=dict)  # id(terms) → current items
    themes_of: dict[int, list[ThemeRow]] = field(default_factory=dict)  # id(terms) → active themes

    def __post_init__(self) -> None:
        seen: dict[int, Terms] = {}
        active: dict[int, Terms] = {}
        for r in self.items:
            seen[id(r.terms)] = r.terms
            self.rows_of.setdefault(id(r.terms), []).append(r)
            if r.status == "active":
                active[id(r.terms)] = r.terms
        for th in self.themes:
            if th.status == "active":
                active[id(th.terms)] = th.terms
                self.themes_of.setdefault(id(th.terms), []).append(th)
        self.item_terms = list(seen.values())
        self.active_terms = list(active.values())


def _terms(memo: dict[tuple[Any, ...], Terms], name: str, aliases: Sequence[str], keywords: Sequence[str], text: str) -> Terms:
    key = (name, tuple(aliases), tuple(keywords), text)
    found = memo.get(key)
    if found is None:
        n = phrase(name)
        found = Terms(
            name=n, aliases=tuple(phrase(a) for a in aliases if compact(a)),
            keywords=tuple(phrase(k) for k in keywords if compact(k)), text=text,
            secondary=any(w in n.text for w in SECONDARY_NAME),
        )  # fmt: skip
        memo[key] = found
    return found


_STAMP_SQL = (
    "SELECT (SELECT COUNT(*) FROM service_item) AS a, (SELECT COALESCE(SUM(row_version), 0) FROM service_item) AS b,"
    " (SELECT COALESCE(MAX(id), 0) FROM item_version) AS c, (SELECT COUNT(*) FROM theme) AS d,"
    " (SELECT COALESCE(SUM(row_version), 0) FROM theme) AS e, (SELECT COALESCE(MAX(id), 0) FROM theme_version) AS f,"
    " (SELECT COUNT(*) FROM search_synonym) AS g, (SELECT COALESCE(SUM(revision), 0) FROM search_synonym) AS h"
)


class _Index:
    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0  # when the stamp was last compared
        self._check_until = 0.0  # after a write in this process: compare on every call until then
        self._lock = asyncio.Lock()
        self._popularity: tuple[float, int, dict[str, int]] | None = None  # (at, connection, counts)

    async def _stamp(self, conn: Any) -> tuple[Any, ...]:
        _, rows = await conn.execute_query(_STAMP_SQL)
        row = rows[0]
        return (id(conn), *(int(row[k]) for k in "abcdefgh"))

    def invalidate(self) -> None:
        """This process changed the catalogue, a theme or the synonym list: compare the stamp on every
        call for a while (the write may not have committed yet), then trust it for STAMP_TTL again."""
        self._check_until = time.monotonic() + STAMP_TTL

    async def snapshot(self) -> Snapshot:
        conn = connections.get("default")
        snap = self._snapshot
        now = time.monotonic()
        if snap is not None and snap.stamp[0] == id(conn) and now - self._checked_at < STAMP_TTL and now >= self._check_until:
            return snap
        stamp = await self._stamp(conn)
        self._checked_at = now
        if snap is not None and snap.stamp == stamp:
            return snap
        async with self._lock:
            snap = self._snapshot
            if snap is not None and snap.stamp == stamp:
                return snap
            snap = await _build(stamp)
            self._snapshot = snap
            # the snapshot's objects live until the next change: keep the cyclic collector off them
            # (refcounting still frees an old snapshot), or a full collection pauses a search now and then
            gc.freeze()
            return snap

    async def popularity(self) -> dict[str, int]:
        """Cases per basic code (every case the platform holds), kept :data:`POPULARITY_TTL` seconds."""
        conn = connections.get("default")
        cached = self._popularity
        now = time.monotonic()
        if cached is not None and cached[1] == id(conn) and now - cached[0] < POPULARITY_TTL:
            return cached[2]
        _, rows = await conn.execute_query("SELECT basic_code, COUNT(*) AS n FROM service_case WHERE number IS NOT NULL GROUP BY basic_code")
        counts = {str(r["basic_code"]): int(r["n"]) for r in rows}
        self._popularity = (now, id(conn), counts)
        return counts

    def forget_popularity(self) -> None:
        self._popularity = None


INDEX = _Index()


async def _build(stamp: tuple[Any, ...]) -> Snapshot:
    from server.domain.catalog.models import ItemVersion, SearchSynonym
    from server.domain.themes.models import ThemeVersion

    memo: dict[tuple[Any, ...], Terms] = {}
    synonyms = {
        compact(r["term"]): tuple(compact(w) for w in r["words"] if compact(w))
        for r in await SearchSynonym.all().values("term", "words")
    }
    items = [
        ItemRow(
            version_id=r["id"], item_id=r["item_id"], basic_code=r["item__basic_code"], name=r["name"],
            status=r["item__status"], region_path=r["item__region_path"], department_code=r["item__department_id"],
            level=r["item__level"], item_type=r["item_type"], objects=r["s_objects"] or "", online=r["online"],
            instant=r["instant"], high_frequency=r["high_frequency"],
            terms=_terms(memo, r["name"], r["aliases"] or [], r["keywords"] or [], r["s_text"] or ""),
        )  # fmt: skip
        for r in await ItemVersion.filter(is_current=True).order_by("id").values(*_ROW_FIELDS)
    ]
    themes = [
        ThemeRow(
            version_id=r["id"], theme_id=r["theme_id"], code=r["theme__code"], name=r["name"],
            status=r["theme__status"], region_path=r["theme__region_path"], audience=r["audience"],
            life_stage=r["life_stage"] or "", terms=_terms(memo, r["name"], [], r["keywords"] or [], r["s_text"] or ""),
        )  # fmt: skip
        for r in await ThemeVersion.filter(is_current=True).order_by("id").values(*_THEME_FIELDS)
    ]
    snap = Snapshot(stamp=stamp, items=items, themes=themes, synonyms=synonyms)
    snap.vocabulary = _vocabulary(snap)
    words: set[str] = set(synonyms)
    for t in memo.values():
        words.add(t.name.text)
        words.update(a.text for a in t.aliases)
        words.update(k.text for k in t.keywords)
    for ws in synonyms.values():
        words.update(ws)
    SEGMENTER.add_words(sorted(words))
    return snap


def _vocabulary(snap: Snapshot) -> list[VocabEntry]:
    out: list[VocabEntry] = []
    seen: set[tuple[str, str]] = set()

    def add(p: Phrase, kind: str, code: str, weight: float) -> None:
        if (p.text, code) not in seen and p.text:
            seen.add((p.text, code))
            out.append(VocabEntry(phrase=p, kind=kind, code=code, weight=weight))

    for it in snap.items:
        if it.status == "active":
            hf = 1.0 if it.high_frequency else 0.0
            add(it.terms.name, "item", it.basic_code, 3 + hf)
            for a in it.terms.aliases:
                add(a, "alias", it.basic_code, 2 + hf)
            for k in it.terms.keywords:
                add(k, "keyword", it.basic_code, 1 + hf)
    for th in snap.themes:
        if th.status == "active":
            add(th.terms.name, "theme", th.code, 3.5)
            for k in th.terms.keywords:
                add(k, "keyword", th.code, 1)
    return out


# ---------------------------------------------------------------------------------------------
# scoring


def _form_score(form: str, py: str, latin: bool, t: Terms) -> tuple[float, str]:
    name = t.name
    if latin:
        if form not in t.hay_py and form not in t.hay_ab and form not in t.hay_names:
            return 0, ""
    elif form not in t.hay_names and not (py and _syllables(py)[0] in t.hay_py):
        return (25, "text") if len(form) >= 2 and form in t.text else (0, "")
    if form in name.text:
        return (100 if name.text == form else 96 if name.text.startswith(form) else 92), "name"
    best = 0.0
    for a in t.aliases:
        if form in a.text:
            best = max(best, 86 if a.text == form else 82)
    if best:
        return best, "alias"
    for k in t.keywords:
        if form in k.text:
            best = max(best, 72 if k.text == form else 66)
    if best:
        return best, "keyword"
    if latin:
        if len(form) < MIN_LATIN_QUERY:
            return 0, ""
        at = py_at(form, name, whole=False)
        if at:
            return (95 if at == 3 else 90 if at == 2 else 86), "pinyin"
        at = ab_at(form, name)
        if at:
            return (88 if at == 3 else 84 if at == 2 else 76), "initials"
        for a in t.aliases:
            if py_at(form, a, whole=False) or ab_at(form, a):
                best = max(best, 80 if a.ab == form or a.py == form else 74)
        if best:
            return best, "alias"
        for k in t.keywords:
            if py_at(form, k, whole=False) or ab_at(form, k):
                best = max(best, 66 if k.ab == form or k.py == form else 60)
        if best:
            return best, "keyword"
        return 0, ""
    if py and len(form) >= 2:
        at = py_at(py, name, whole=True)
        if at:
            return (70 if at == 3 else 64), "homophone"
        for a in t.aliases:
            if py_at(py, a, whole=True):
                return 60, "homophone"
        for k in t.keywords:
            if py_at(py, k, whole=True):
                return 54, "homophone"
    if len(form) >= 2 and form in t.text:
        return 25, "text"
    return 0, ""


def _token_score(tok: Token, t: Terms) -> tuple[float, str]:
    best, how = 0.0, ""
    for form, py, weight in tok.forms:
        s, h = _form_score(form, py, tok.latin, t)
        if s * weight > best:
            best, how = s * weight, h
    return best, how


def _phrase_score(q: Query, t: Terms) -> float:
    """The whole query against the name (exact, prefix, the name's end, inside), a common name, a keyword."""
    best = 0.0
    name = t.name
    for form, py, weight in q.phrases:
        if len(form) < 2:
            continue
        if form not in t.hay_names and not (py and _syllables(py)[0] in t.hay_py) and not (
            is_latin(form) and (form in t.hay_py or form in t.hay_ab)
        ):
            continue
        s = 0.0
        if form == name.text:
            s = 400
        elif name.text.startswith(form):
            s = 300
        elif name.text.endswith(form):
            s = 280  # the head of a Chinese name is its end: 特殊建设工程消防验收
        elif form in name.text:
            s = 260
        for a in t.aliases:
            s = max(s, 290 if a.text == form else 240 if a.text.startswith(form) else 170 if form in a.text else 0)
        for k in t.keywords:
            s = max(s, 250 if k.text == form else 120 if form in k.text else 0)
        if is_latin(form):
            if name.py == form or name.ab == form:
                s = max(s, 390)
            elif py_at(form, name, whole=False) == 2 or ab_at(form, name) == 2:
                s = max(s, 290)
            elif py_at(form, name, whole=False) or ab_at(form, name):
                s = max(s, 200)
            for a in t.aliases:
                if a.py == form or a.ab == form:
                    s = max(s, 285)
                elif a.py.startswith(form) or a.ab.startswith(form):
                    s = max(s, 230)
            for k in t.keywords:
                if k.py == form or k.ab == form:
                    s = max(s, 240)
        elif py:
            at = py_at(py, name, whole=True)
            s = max(s, 340 if at == 3 else 260 if at == 2 else 250 if at == 4 else 200 if at == 1 else 0)
            for a in t.aliases:
                at = py_at(py, a, whole=True)
                s = max(s, 280 if at == 3 else 200 if at else 0)
            for k in t.keywords:
                at = py_at(py, k, whole=True)
                s = max(s, 220 if at == 3 else 110 if at else 0)
        best = max(best, s * weight)
    return best


@dataclass(slots=True)
class Scored:
    score: float
    coverage: float
    matched: str


def _score_terms(q: Query, all_terms: Iterable[Terms]) -> dict[int, Scored]:
    """The text part of the score of every entry that matches, keyed by ``id(terms)``."""
    pool = list(all_terms)
    tokens = list(q.tokens)
    for attempt in range(2):
        per: list[tuple[Terms, list[tuple[float, str]], float]] = []
        df = [0] * len(tokens)
        probes = [(f, _syllables(py)[0], tok.latin) for tok in tokens for f, py, _ in tok.forms]
        probes += [(f, _syllables(py)[0], is_latin(f)) for f, py, _ in q.phrases]
        for t in pool:
            if not t.may_match(probes):
                continue
            scores = [_token_score(tok, t) for tok in tokens]
            ph = _phrase_score(q, t)
            if ph or any(s for s, _ in scores):
                per.append((t, scores, ph))
                for i, (s, _) in enumerate(scores):
                    if s:
                        df[i] += 1
        # a longer word no entry holds is tried again as its sub-words (大学毕业 → 大学, 毕业)
        split = [tok for tok, d in zip(tokens, df, strict=True) if not d and tok.parts]
        if attempt or not split:
            break
        kept = [tok for tok, d in zip(tokens, df, strict=True) if d or not tok.parts]
        tokens = kept + [Token(text=p, latin=False, forms=((p, pinyin_of(p), 1.0),)) for tok in split for p in tok.parts]
    n = len(pool)
    # a word no entry holds is left out (想开); a rare word weighs more than a common one
    weights = [tok.weight * (1 + math.log((n + 1) / (d + 1))) if d else 0.0 for tok, d in zip(tokens, df, strict=True)]
    total = sum(weights)
    out: dict[int, Scored] = {}
    for t, scores, ph in per:
        if total:
            covered = sum(w for w, (s, _) in zip(weights, scores, strict=True) if s) / total
            mean = sum(w * s for w, (s, _) in zip(weights, scores, strict=True)) / total
        else:
            covered, mean = (1.0 if ph else 0.0), 0.0
        if ph == 0 and covered < 0.34:
            continue
        how = max(((s, h) for s, h in scores), default=(0.0, "name"))[1] or "name"
        penalty = 200 * (1 - covered) if ph == 0 else 0
        out[id(t)] = Scored(score=ph + 3 * mean * covered * covered - penalty, coverage=covered, matched=how)
    return out


def _adjust(
    q: Query, *, secondary: bool, for_person: bool, for_enterprise: bool, enterprise_actor: bool, cases: int,
    high_frequency: bool, theme: bool = False,
) -> float:
    s = 0.0  # a theme and an item matching alike: the item first (on a tie, "item" sorts before "theme")
    wants_enterprise = q.enterprise or (enterprise_actor and not q.person)
    mine, other = (for_enterprise, for_person) if wants_enterprise else (for_person, for_enterprise)
    s += (40 if not other else 20) if mine else -40
    if secondary and not q.secondary:
        s -= 150
    s += min(30.0, 6 * math.log1p(cases)) + (12 if high_frequency else 0)
    return s


# ---------------------------------------------------------------------------------------------
# the domain calls


@dataclass(slots=True)
class ItemScope:
    """What an actor may see, and the filter of serviceItems (as service._item_query applies it)."""

    statuses: Sequence[str] | None = None
    department_code: str | None = None
    region_path: str | None = None  # "" for a region code that does not exist
    level: str | None = None
    item_type: str | None = None
    service_object: str | None = None
    online_only: bool = False
    instant_only: bool = False
    high_frequency: bool | None = None


def _visible_item(actor: Actor, scope: ItemScope, r: ItemRow) -> bool:
    statuses = tuple(scope.statuses or ("active",))
    public = [s for s in statuses if s in rules.PUBLIC_STATUSES]
    if actor.can_edit_catalog and actor.region_path is not None:
        ok = r.status in public or (r.status in statuses and r.region_path.startswith(actor.region_path))
    else:
        ok = r.status in (public or ["active"])
    if not ok:
        return False
    if scope.department_code and r.department_code != scope.department_code:
        return False
    if scope.region_path is not None and (not scope.region_path or not r.region_path.startswith(scope.region_path)):
        return False
    return (
        (not scope.level or r.level == scope.level)
        and (not scope.item_type or r.item_type == scope.item_type)
        and (not scope.service_object or f"|{scope.service_object}|" in r.objects)
        and (not scope.online_only or r.online)
        and (not scope.instant_only or r.instant)
        and (scope.high_frequency is None or r.high_frequency == scope.high_frequency)
    )


async def rank_items(*, actor: Actor, text: str, scope: ItemScope, enterprise_actor: bool = False) -> list[int]:
    """The current item versions (ids) matching ``text`` that the actor may see, best first."""
    snap = await INDEX.snapshot()
    q = analyse(text, snap.synonyms)
    if not q.whole or (not _CJK.search(q.whole) and len(q.whole) < MIN_LATIN_QUERY):
        return []
    scored = _score_terms(q, snap.item_terms)
    cases = await INDEX.popularity()
    ranked: list[tuple[float, int, int]] = []
    for tid, sc in scored.items():
        for r in snap.rows_of.get(tid, ()):
            if not _visible_item(actor, scope, r):
                continue
            s = sc.score + _adjust(
                q, secondary=r.terms.secondary, for_person=r.for_person, for_enterprise=r.for_enterprise,
                enterprise_actor=enterprise_actor, cases=cases.get(r.basic_code, 0), high_frequency=r.high_frequency,
            )  # fmt: skip
            ranked.append((-round(s, 3), r.item_id, r.version_id))
    ranked.sort()
    return [v for _, _, v in ranked]


@dataclass(slots=True)
class Hit:
    kind: str  # item | theme
    code: str  # basic code (item) or theme code
    entity_id: int  # the item's id (its best implementation) or the theme's id
    version_id: int  # the best implementation's current version, or the theme's current version
    name: str
    score: float
    matched: str  # name | alias | keyword | text | pinyin | initials | homophone
    implementations: int  # items: how many implementations of the basic item matched


@dataclass(slots=True)
class Results:
    hits: list[Hit]
    total: int
    words: list[str]
    did_you_mean: str | None


def _region_fits(row_path: str, citizen_path: str | None) -> bool:
    """An implementation serves the citizen's region: the citizen's region is it or below it."""
    return citizen_path is not None and citizen_path.startswith(row_path)


async def region_path(code: str | None) -> str | None:
    """The path of a region code (the citizen's region, to pick the implementation serving it)."""
    from server.domain.catalog.models import Region

    if not code:
        return None
    row: list[Any] = await Region.filter(code=code.strip()).values_list("path", flat=True)
    return str(row[0]) if row else None


async def search(
    *, actor: Actor, text: str, region_path: str | None = None, audience: str | None = None,
    enterprise_actor: bool = False, kinds: Sequence[str] = ("item", "theme"), offset: int = 0, limit: int = 20,
) -> Results:
    """One hit per basic item (its best implementation; one serving ``region_path`` first) and per
    theme, best first, public entries only. ``audience`` (person | enterprise) keeps one audience."""
    snap = await INDEX.snapshot()
    q = analyse(text, snap.synonyms)
    if not q.whole or (not _CJK.search(q.whole) and len(q.whole) < MIN_LATIN_QUERY):
        return Results(hits=[], total=0, words=q.words, did_you_mean=None)
    scored = _score_terms(q, snap.active_terms)
    cases = await INDEX.popularity()
    best: dict[str, tuple[tuple[Any, ...], Hit]] = {}
    count: dict[str, int] = {}
    for tid, sc in scored.items():
        for r in snap.rows_of.get(tid, ()) if "item" in kinds else ():
            if r.status != "active" or (audience == "person" and not r.for_person) or (audience == "enterprise" and not r.for_enterprise):
                continue
            s = sc.score + _adjust(
                q, secondary=r.terms.secondary, for_person=r.for_person, for_enterprise=r.for_enterprise,
                enterprise_actor=enterprise_actor, cases=cases.get(r.basic_code, 0), high_frequency=r.high_frequency,
            )  # fmt: skip
            key = (-round(s, 3), 0 if _region_fits(r.region_path, region_path) else 1, len(r.region_path), r.item_id)
            k = "i" + r.basic_code
            count[k] = count.get(k, 0) + 1
            prev = best.get(k)
            if prev is None or key < prev[0]:
                best[k] = (key, Hit(kind="item", code=r.basic_code, entity_id=r.item_id, version_id=r.version_id, name=r.name, score=s, matched=sc.matched, implementations=1))
        for th in snap.themes_of.get(tid, ()) if "theme" in kinds else ():
            if audience is not None and th.audience != audience:
                continue
            s = sc.score + _adjust(
                q, secondary=th.terms.secondary, for_person=th.audience == "person",
                for_enterprise=th.audience == "enterprise", enterprise_actor=enterprise_actor, cases=0,
                high_frequency=False, theme=True,
            )  # fmt: skip
            best["t" + th.code] = ((-round(s, 3), 0, 0, th.theme_id), Hit(kind="theme", code=th.code, entity_id=th.theme_id, version_id=th.version_id, name=th.name, score=s, matched=sc.matched, implementations=1))
    for k, n in count.items():
        if k in best:
            best[k][1].implementations = n
    ordered = sorted(best.values(), key=lambda kh: (kh[0][0], kh[1].kind, kh[1].code))
    hits = [h for _, h in ordered]
    dym = None if hits else did_you_mean(snap, q)
    return Results(hits=hits[offset : offset + limit], total=len(hits), words=q.words, did_you_mean=dym)


@dataclass(slots=True)
class Suggestion:
    text: str
    kind: str  # item | theme | alias | keyword
    code: str


async def suggest(*, prefix: str, limit: int = 10) -> list[Suggestion]:
    """搜索联想: names, common names, theme names and keywords starting with ``prefix`` (Chinese, pinyin
    or initials), the more used first; containing it after (Chinese, two characters or more)."""
    snap = await INDEX.snapshot()
    p = compact(prefix)[:MAX_QUERY]
    latin = is_latin(p)
    if not p or (latin and len(p) < MIN_LATIN_QUERY):
        return []
    cases = await INDEX.popularity()
    found: list[tuple[tuple[Any, ...], VocabEntry]] = []
    for v in snap.vocabulary:
        ph = v.phrase
        if latin:
            m = 3 if ph.py.startswith(p) else 2 if ph.ab.startswith(p) else 0
        else:
            m = 3 if ph.text.startswith(p) else 1 if len(p) >= 2 and p in ph.text and ph.text != p else 0
        if m:
            pop = cases.get(v.code, 0)
            found.append(((-m, -v.weight, -pop, len(ph.text), ph.text), v))
    found.sort(key=lambda kv: kv[0])
    out: list[Suggestion] = []
    seen: set[str] = set()
    for _, v in found:
        if v.phrase.text in seen or v.phrase.text == p:
            continue
        seen.add(v.phrase.text)
        out.append(Suggestion(text=v.phrase.text, kind=v.kind, code=v.code))
        if len(out) >= limit:
            break
    return out


def did_you_mean(snap: Snapshot, q: Query) -> str | None:
    """The name, common name or keyword nearest to a query that found nothing (by pinyin and characters)."""
    target = q.core or q.whole
    if not target:
        return None
    latin = is_latin(target)
    tpy = target if latin else pinyin_of(target).replace("'", "")
    chars = set(target)
    best: tuple[float, str] | None = None
    for v in snap.vocabulary:
        ph = v.phrase
        if latin:
            if not (ph.py[:1] == tpy[:1] or ph.ab[:1] == tpy[:1]):
                continue
            r = max(difflib.SequenceMatcher(None, tpy, ph.py).ratio(), difflib.SequenceMatcher(None, target, ph.ab).ratio())
        else:
            if not chars & set(ph.text) and ph.py[:2] != tpy[:2]:
                continue
            sm = difflib.SequenceMatcher(None, tpy, ph.py)
            if sm.real_quick_ratio() < 0.6 or sm.quick_ratio() < 0.6:
                continue
            r = 0.7 * sm.ratio() + 0.3 * difflib.SequenceMatcher(None, target, ph.text).ratio()
        r += 0.01 * v.weight
        if r >= (0.75 if latin else 0.62) and (best is None or r > best[0]):
            best = (r, ph.text)
    return best[1] if best else None
