"""The mobile contract (mobile-contract/): operations, the trusted-documents manifest, answer shapes.

- ``operations/<Name>.graphql``: one operation per file; the file name is the operation name.
- ``manifest.json``: ``{"<sha256 hex of the exact file text>": "<file text>"}``, sorted by operation
  name of the document; a request names a document as ``documentId: "sha256:<hex>"``.
- ``examples/<Name>.json``: ``{"variables": {...}, "response": <shape>}``. The variables are written
  by hand; the shape is derived from the operation and ``schema/schema.graphql`` (see
  ``mobile-contract/README.md`` for the notation) and refreshed by ``python -m server export-contract``.

No strawberry here: graphql-core only, so the CLI and the tests can use it without building the app.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)

from server.settings import ROOT

CONTRACT = ROOT / "mobile-contract"
OPERATIONS = CONTRACT / "operations"
EXAMPLES = CONTRACT / "examples"
MANIFEST = CONTRACT / "manifest.json"
DOCUMENT_PREFIX = "sha256:"
# what an example may say about its request besides the variables: an upload's multipart request, a
# subscription's WebSocket messages (README: "Examples")
TRANSPORT_KEYS = ("multipart", "websocket")


@dataclass(frozen=True)
class Operation:
    name: str
    path: Path
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def document_id(self) -> str:
        return DOCUMENT_PREFIX + self.sha256

    @property
    def definition(self) -> OperationDefinitionNode:
        ops = [d for d in parse(self.text).definitions if isinstance(d, OperationDefinitionNode)]
        if len(ops) != 1:
            raise ValueError(f"{self.path.name}：每个文件只能有一个操作")
        return ops[0]


def operations(folder: Path = OPERATIONS) -> list[Operation]:
    return [Operation(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.graphql"))]


def manifest_text(ops: list[Operation]) -> str:
    return json.dumps({op.sha256: op.text for op in ops}, ensure_ascii=False, indent=2) + "\n"


def load_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """``{"sha256:<hex>": text}`` for the server; every entry is re-hashed (a hand-edited manifest whose
    text no longer matches its key is refused rather than trusted)."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for key, text in json.loads(path.read_text(encoding="utf-8")).items():
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != key:
            raise SystemExit(f"{path}：文档 {key[:12]}… 的内容与其哈希不符，请重新运行 python -m server export-contract")
        out[DOCUMENT_PREFIX + key] = text
    return out


# --- answer shapes ---------------------------------------------------------------------------------


def _fragments(doc_text: str) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in parse(doc_text).definitions if isinstance(d, FragmentDefinitionNode)}


def _shape_of(
    schema: GraphQLSchema, parent: GraphQLObjectType, selection: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for sel in selection.selections:
        if isinstance(sel, FieldNode):
            key = sel.alias.value if sel.alias else sel.name.value
            if sel.name.value == "__typename":
                out[key] = "String!"
                continue
            field = parent.fields[sel.name.value]
            nullable = not isinstance(field.type, GraphQLNonNull)
            out[key + ("?" if nullable and sel.selection_set else "")] = _type_shape(
                schema, field.type, sel.selection_set, fragments
            )
        elif isinstance(sel, FragmentSpreadNode):
            out.update(_shape_of(schema, parent, fragments[sel.name.value].selection_set, fragments))
        elif isinstance(sel, InlineFragmentNode):
            out.update(_shape_of(schema, parent, sel.selection_set, fragments))
    return out


def _type_shape(
    schema: GraphQLSchema, type_: GraphQLOutputType, selection: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
) -> Any:
    if selection is None:  # a leaf: its GraphQL type, as written in the schema
        return str(type_)
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        item = inner.of_type
        if not isinstance(item, GraphQLNonNull):
            raise TypeError(f"列表元素可为空的类型 {inner} 尚无形状写法")
        return [_type_shape(schema, item, selection, fragments)]
    if not isinstance(inner, GraphQLObjectType):
        raise TypeError(f"{inner} 是接口或联合类型，尚无形状写法")
    return _shape_of(schema, inner, selection, fragments)


def response_shape(schema: GraphQLSchema, op: Operation) -> dict[str, Any]:
    """The shape of ``data`` for ``op`` (README: "Shapes")."""
    definition = op.definition
    root = schema.get_root_type(definition.operation)
    assert root is not None
    return _shape_of(schema, root, definition.selection_set, _fragments(op.text))


_SCALARS: dict[str, tuple[type, ...]] = {
    "String": (str,), "ID": (str,), "Int": (int,), "Float": (int, float), "Boolean": (bool,),
    "Date": (str,), "DateTime": (str,), "JSON": (object,),
}


def shape_mismatches(shape: Any, value: Any, path: str = "data") -> list[str]:
    """Where ``value`` (a JSON answer) departs from ``shape``; empty when it matches."""
    problems: list[str] = []
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{path}：应为对象，实际为 {type(value).__name__}"]
        wanted = {k.rstrip("?"): k for k in shape}  # "name?" : an object or list that may be null
        for extra in sorted(set(value) - set(wanted)):
            problems.append(f"{path}.{extra}：形状中没有这个字段")
        for key, written in wanted.items():
            sub = shape[written]
            if key not in value:
                problems.append(f"{path}.{key}：缺少")
            elif value[key] is None and not isinstance(sub, str):
                if not written.endswith("?"):
                    problems.append(f"{path}.{key}：不应为 null")
            else:
                problems += shape_mismatches(sub, value[key], f"{path}.{key}")
        return problems
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{path}：应为列表，实际为 {type(value).__name__}"]
        for i, item in enumerate(value):
            problems += shape_mismatches(shape[0], item, f"{path}[{i}]")
        return problems
    return _leaf_mismatches(str(shape), value, path)


def _leaf_mismatches(type_: str, value: Any, path: str) -> list[str]:
    nonnull = type_.endswith("!")
    bare = type_[:-1] if nonnull else type_
    if value is None:
        return [] if not nonnull else [f"{path}：{type_} 不应为 null"]
    if bare.startswith("["):
        if not isinstance(value, list):
            return [f"{path}：应为 {type_}"]
        out: list[str] = []
        for i, item in enumerate(value):
            out += _leaf_mismatches(bare[1:-1], item, f"{path}[{i}]")
        return out
    kinds = _SCALARS.get(bare, (str,))  # enums and custom string scalars
    if isinstance(value, bool) and bool not in kinds and object not in kinds:
        return [f"{path}：应为 {type_}，实际为布尔值"]
    if not isinstance(value, kinds):
        return [f"{path}：应为 {type_}，实际为 {type(value).__name__}"]
    return []


def check_enum_values(schema: GraphQLSchema, shape: Any, value: Any, path: str = "data") -> list[str]:
    """Enum leaves must hold one of the schema's values (the shape names the enum type)."""
    problems: list[str] = []
    if isinstance(shape, dict) and isinstance(value, dict):
        for key, sub in shape.items():
            name = key.rstrip("?")
            if value.get(name) is not None:
                problems += check_enum_values(schema, sub, value[name], f"{path}.{name}")
    elif isinstance(shape, list) and isinstance(value, list):
        for i, item in enumerate(value):
            problems += check_enum_values(schema, shape[0], item, f"{path}[{i}]")
    elif isinstance(shape, str):
        bare = shape.replace("!", "").strip("[]")
        enum = schema.get_type(bare)
        if isinstance(enum, GraphQLEnumType):
            for item in value if isinstance(value, list) else [value]:
                if item is not None and item not in enum.values:
                    problems.append(f"{path}：{item!r} 不是 {bare} 的取值")
    return problems


def example_text(example: dict[str, Any]) -> str:
    return json.dumps(example, ensure_ascii=False, indent=2) + "\n"


def refreshed_example(schema: GraphQLSchema, op: Operation) -> dict[str, Any]:
    """The example file of ``op`` with its shape derived anew. Its variables, and what it says about
    the transport (``multipart`` for an upload, ``websocket`` for a subscription), are kept as written."""
    path = EXAMPLES / f"{op.name}.json"
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    transport = {k: current[k] for k in TRANSPORT_KEYS if k in current}
    operations_part = transport.get("multipart", {}).get("parts", {}).get("operations")
    if isinstance(operations_part, dict):  # the multipart request names this very document
        operations_part["documentId"] = op.document_id
    return {"variables": current.get("variables", {}), **transport, "response": {"data": response_shape(schema, op)}}


# --- breaking changes --------------------------------------------------------------------------------


def used_by(schema: GraphQLSchema, ops: list[Operation]) -> tuple[set[str], set[str]]:
    """The named types and the ``Type.field`` coordinates the operations use in ``schema``, input
    types (and all their fields) reached from variables and arguments included."""
    from graphql import (
        GraphQLInputObjectType,
        TypeInfo,
        TypeInfoVisitor,
        Visitor,
        get_named_type,
        type_from_ast,
        visit,
    )

    types: set[str] = set()
    fields: set[str] = set()

    def add_input(t: Any) -> None:
        named = get_named_type(t)
        if named is None or named.name in types:
            return
        types.add(named.name)
        if isinstance(named, GraphQLInputObjectType):
            for fname, f in named.fields.items():
                fields.add(f"{named.name}.{fname}")
                add_input(f.type)

    class Collect(Visitor):
        def __init__(self, info: TypeInfo) -> None:
            super().__init__()
            self.info = info

        def enter_field(self, node: FieldNode, *_: Any) -> None:
            parent, field = self.info.get_parent_type(), self.info.get_field_def()
            if parent is not None:
                types.add(parent.name)
                fields.add(f"{parent.name}.{node.name.value}")
            if field is not None:
                types.add(get_named_type(field.type).name)
                for arg in field.args.values():
                    add_input(arg.type)

        def enter_variable_definition(self, node: Any, *_: Any) -> None:
            t = type_from_ast(schema, node.type)
            if t is not None:
                add_input(t)

    for op in ops:
        info = TypeInfo(schema)
        visit(parse(op.text), TypeInfoVisitor(info, Collect(info)))
        root = schema.get_root_type(op.definition.operation)
        if root is not None:
            types.add(root.name)
    for name in list(types):  # an enum the app sends or receives: each of its values
        enum = schema.get_type(name)
        if isinstance(enum, GraphQLEnumType):
            fields.update(f"{name}.{value}" for value in enum.values)
    return types, fields


def contract_breaking_changes(
    old_sdl: str | GraphQLSchema, new_sdl: str | GraphQLSchema, ops: list[Operation]
) -> list[str]:
    """The breaking changes from ``old_sdl`` to ``new_sdl`` (graphql-core's find_breaking_changes)
    that touch a type or field the contract's operations use."""
    import re

    from graphql import build_schema
    from graphql.utilities import find_breaking_changes

    old = build_schema(old_sdl) if isinstance(old_sdl, str) else old_sdl
    new = build_schema(new_sdl) if isinstance(new_sdl, str) else new_sdl
    types, fields = used_by(old, ops)
    more_types, more_fields = used_by(new, ops)
    types, fields = types | more_types, fields | more_fields
    touched: list[str] = []
    for change in find_breaking_changes(old, new):
        text = change.description
        coordinates = set(re.findall(r"\b([A-Za-z_]\w*\.\w+)\b", text))
        if coordinates:
            hit = bool(coordinates & fields)
        else:
            hit = bool(set(re.findall(r"\b([A-Z]\w*)\b", text)) & types)
        if hit:
            touched.append(f"{change.type.name}: {text}")
    return touched


RELEASE_TAGS = "v[0-9]*"  # release tags: v1.0.0, v2024.11 …
MAIN_REFS = ("origin/main", "main")  # the upstream main when this clone has one, else the local branch


class NoSchemaHistory(RuntimeError):
    """There is no earlier schema to judge a change against (no git, a shallow clone, no main)."""


def _git(root: Path, *args: str) -> str | None:
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def baseline_commit(root: Path = ROOT) -> tuple[str, str]:
    """``(commit, why)``: what a schema change is judged against.

    1. The newest release tag (``v…``) that HEAD contains: released app builds send its operations.
    2. Else the merge base of HEAD with main (``origin/main`` when the clone has it, else ``main``):
       on a branch, main where the branch left it. When that merge base is HEAD itself (this
       checkout is main, as in CI), main's first parent before HEAD: the state of main before the
       last commit, which with uncommitted changes in the work tree also covers those.

    Raises :class:`NoSchemaHistory` when git, HEAD, main or that commit is missing (a shallow clone
    has no parents): never a silent pass."""
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if not head:
        raise NoSchemaHistory(f"{root} 不是含提交的 git 仓库")
    if _git(root, "rev-parse", "--is-shallow-repository") == "true":
        raise NoSchemaHistory("浅克隆（shallow clone）没有可比较的历史：请运行 git fetch --unshallow")
    tag = _git(root, "describe", "--tags", "--abbrev=0", "--match", RELEASE_TAGS, "HEAD")
    if tag:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}")
        if commit:
            return commit, f"最近的发布 {tag}"
    for ref in MAIN_REFS:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
            continue
        base = _git(root, "merge-base", "HEAD", ref)
        if not base:
            raise NoSchemaHistory(f"HEAD 与 {ref} 没有共同祖先")
        if base != head:
            return base, f"与 {ref} 的合并基点"
        parent = _git(root, "rev-parse", "--verify", "--quiet", "HEAD~1^{commit}")
        if not parent:
            raise NoSchemaHistory(f"HEAD 即 {ref} 且没有父提交（仓库的第一个提交）")
        return parent, f"{ref} 的上一个提交（HEAD 即 {ref}）"
    raise NoSchemaHistory(f"既没有发布标签（{RELEASE_TAGS}）也没有 {' / '.join(MAIN_REFS)} 分支")


def previous_schema(path: Path, root: Path = ROOT) -> tuple[str, str]:
    """``(commit, text)`` of ``path`` at :func:`baseline_commit`. Raises :class:`NoSchemaHistory`
    when there is no baseline or the file did not exist there."""
    commit, why = baseline_commit(root)
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    text = _git_show(root, f"{commit}:{relative}")
    if text is None:
        raise NoSchemaHistory(f"{why}（{commit[:10]}）没有 {relative}")
    return commit, text


def _git_show(root: Path, spec: str) -> str | None:
    """A file's exact text at a commit (``_git`` strips, which a schema comparison must not)."""
    import subprocess

    try:
        done = subprocess.run(["git", "show", spec], cwd=root, capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def operations_at(commit: str, root: Path = ROOT, folder: Path = OPERATIONS) -> list[Operation] | None:
    """The contract's operations as they were at ``commit`` (what app builds of that time send), or
    None without git. A schema change is breaking when it breaks one of these: an operation added or
    changed since then is checked against the schema as it is now by the operation tests."""
    import subprocess

    relative = str(folder.relative_to(root))

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    listing = git("ls-tree", "--name-only", f"{commit}:{relative}")
    if listing is None:
        return None
    out = []
    for name in sorted(n for n in listing.split() if n.endswith(".graphql")):
        text = git("show", f"{commit}:{relative}/{name}")
        if text is not None:
            out.append(Operation(name[: -len(".graphql")], folder / name, text))
    return out


__all__ = [
    "CONTRACT", "DOCUMENT_PREFIX", "EXAMPLES", "MANIFEST", "OPERATIONS", "NoSchemaHistory", "Operation", "TRANSPORT_KEYS",
    "baseline_commit", "check_enum_values", "contract_breaking_changes", "example_text", "load_manifest",
    "manifest_text", "operations", "operations_at", "previous_schema", "refreshed_example", "response_shape",
    "shape_mismatches", "used_by",
]
