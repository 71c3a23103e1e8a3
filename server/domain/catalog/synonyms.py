"""The city-wide synonym list of 聊易找 (seeds/synonyms.yaml; maintained by the city's catalogue admins).

A term is a word people type (丢了, 准生证, 房本); its words are how the catalogue says it (补领, 生育登记,
不动产权证). The finder adds the words to a query holding the term (catalog/finder.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from server.domain.accounts.roles import Actor
from server.domain.catalog import errors
from server.domain.catalog.finder import INDEX, compact
from server.domain.catalog.models import SearchSynonym
from server.domain.errors import DomainError

MAX_TERM = 16
MAX_WORDS = 12


def _may_edit(actor: Actor) -> None:
    # the list is the city's: a catalogue editor of the city (or the province), not of a county
    code = actor.region_code or ""
    if not actor.can_edit_catalog or not code.endswith("00"):
        raise DomainError(errors.NOT_ALLOWED, "只有市级事项管理员可以维护全市同义词")


def _clean(term: str, words: list[str]) -> tuple[str, list[str]]:
    t = compact(term)
    if not t or len(t) > MAX_TERM:
        raise DomainError(errors.INVALID, f"词条须为 1 至 {MAX_TERM} 个字", ["term"])
    out: list[str] = []
    for w in words:
        c = compact(w)
        if c and c != t and c not in out:
            if len(c) > 32:
                raise DomainError(errors.INVALID, "同义词每个不超过 32 个字", ["words"])
            out.append(c)
    if not out:
        raise DomainError(errors.INVALID, "请至少填写一个同义词", ["words"])
    if len(out) > MAX_WORDS:
        raise DomainError(errors.INVALID, f"同义词不超过 {MAX_WORDS} 个", ["words"])
    return t, out


async def list_synonyms(*, actor: Actor) -> list[SearchSynonym]:
    if not actor.can_edit_catalog:
        raise DomainError(errors.NOT_ALLOWED, "只有事项管理员可以查看同义词表")
    return list(await SearchSynonym.all().order_by("term"))


async def set_synonym(*, actor: Actor, term: str, words: list[str], note: str = "") -> SearchSynonym:
    """Add a term or replace its words."""
    _may_edit(actor)
    t, ws = _clean(term, words)
    row = await SearchSynonym.get_or_none(term=t)
    if row is None:
        row = await SearchSynonym.create(term=t, words=ws, note=note.strip()[:128], updated_by_id=actor.user_id)
    else:
        row.words, row.note, row.revision, row.updated_by_id = ws, note.strip()[:128], row.revision + 1, actor.user_id
        await row.save()
    INDEX.invalidate()
    return row


async def delete_synonym(*, actor: Actor, term: str) -> str:
    _may_edit(actor)
    t = compact(term)
    if not await SearchSynonym.filter(term=t).delete():
        raise DomainError(errors.NOT_FOUND, "没有这个词条", ["term"])
    INDEX.invalidate()
    return t


async def load_synonyms(seeds: Path, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Seed the list from seeds/synonyms.yaml: terms not yet in the list are added (edits kept)."""
    path = seeds / "synonyms.yaml"
    if not path.exists():
        return {"synonyms": 0}
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    have: set[str] = {str(t) for t in await SearchSynonym.all().values_list("term", flat=True)}
    added = 0
    for entry in data.get("synonyms") or []:
        t, ws = _clean(str(entry["term"]), [str(w) for w in entry.get("words") or []])
        if t not in have:
            await SearchSynonym.create(term=t, words=ws, note=str(entry.get("note") or "")[:128])
            have.add(t)
            added += 1
    INDEX.invalidate()
    say(f"同义词：新增 {added} 条")
    return {"synonyms": added}
