"""The lifecycle diagram and table, generated from :data:`server.domain.cases.states.TRANSITIONS`.

``python -m server export-lifecycle`` writes them into docs/ARCHITECTURE.md between the
``lifecycle:begin`` and ``lifecycle:end`` markers; ``--check`` (and a test) fails when the page is
stale.
"""

from __future__ import annotations

from pathlib import Path

from server.domain.cases.states import ACTIONS, LABELS, PARTY_LABELS, TRANSITIONS, Move, Status

BEGIN = "<!-- lifecycle:begin -->"
END = "<!-- lifecycle:end -->"


def _who(m: Move) -> str:
    return "、".join(PARTY_LABELS[p] for p in sorted(m.who))


def mermaid() -> str:
    lines = ["stateDiagram-v2"]
    for s in Status:
        lines.append(f"    {s.value}: {s.value} {LABELS[s]}")
    seen: set[tuple[str, str, str]] = set()
    for m in TRANSITIONS:
        for to in m.to:
            if m.source == to:
                continue  # self-moves are listed in the table, not drawn
            src = "[*]" if m.source is None else m.source.value
            key = (src, to.value, m.action.value)
            if key not in seen:
                seen.add(key)
                lines.append(f"    {src} --> {to.value}: {ACTIONS[m.action]}")
    for s in sorted({Status.REJECTED, Status.DENIED, Status.COMPLETED, Status.WITHDRAWN}):
        lines.append(f"    {s.value} --> [*]")
    return "\n".join(lines)


def table() -> str:
    rows = ["| from | action | to | who may |", "|---|---|---|---|"]
    for m in TRANSITIONS:
        src = "(new case)" if m.source is None else f"`{m.source.value}`"
        to = " or ".join(f"`{t.value}`" for t in m.to) if m.to != (m.source,) else "(same)"
        rows.append(f"| {src} | `{m.action.value}` {ACTIONS[m.action]} | {to} | {_who(m)} |")
    return "\n".join(rows)


def block() -> str:
    return "\n".join([
        BEGIN,
        "<!-- generated from server/domain/cases/states.py by `python -m server export-lifecycle`; do not edit -->",
        "",
        "```mermaid",
        mermaid(),
        "```",
        "",
        f"The transition table ({len(TRANSITIONS)} rows; self-moves change no status, they are timeline entries "
        "such as ratings, reminders and deadline warnings):",
        "",
        table(),
        END,
    ])


def render(page: str) -> str:
    """``page`` with its lifecycle block replaced by the current one."""
    if BEGIN not in page or END not in page:
        raise ValueError(f"the page has no {BEGIN} … {END} block")
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + block() + tail


def export(path: Path, *, check: bool = False) -> bool:
    """Write the block into ``path``; with ``check``, only say whether it is current."""
    page = path.read_text(encoding="utf-8")
    fresh = render(page)
    if check:
        return fresh == page
    if fresh != page:
        path.write_text(fresh, encoding="utf-8")
    return True
