"""The generated parts of mobile-contract/ are current: the trusted-documents manifest, the answer
shapes in examples/, and the TypeScript types (graphql-codegen, run from admin-ui/)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.__main__ import main as cli
from server.contract import MANIFEST, load_manifest, manifest_text, operations
from server.settings import ROOT

ADMIN_UI = ROOT / "admin-ui"
GENERATED = ROOT / "mobile-contract" / "generated" / "operations.ts"


def test_the_manifest_and_the_example_shapes_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["export-contract", "--check"])
    out = capsys.readouterr()
    assert code == 0, out.err + "（运行 python -m server export-contract 后提交）"
    assert "是最新的" in out.out


def test_the_manifest_maps_the_sha256_of_each_file_to_its_exact_text() -> None:
    ops = operations()
    stored = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert stored == {hashlib.sha256(op.path.read_bytes()).hexdigest(): op.path.read_text(encoding="utf-8") for op in ops}
    assert MANIFEST.read_text(encoding="utf-8") == manifest_text(ops)
    assert set(load_manifest()) == {f"sha256:{k}" for k in stored}


def test_a_tampered_manifest_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    stored = json.loads(MANIFEST.read_text(encoding="utf-8"))
    key = next(iter(stored))
    stored[key] = stored[key].replace("{", "{ __typename ", 1)
    path.write_text(json.dumps(stored), encoding="utf-8")
    with pytest.raises(SystemExit, match="与其哈希不符"):
        load_manifest(path)


def test_the_export_command_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli(["export-contract", "--help"])
    assert exit_.value.code == 0
    assert "--check" in capsys.readouterr().out


def test_the_generated_typescript_types_are_current() -> None:
    npm = shutil.which("npm")
    assert npm, "需要 npm（make ui 会安装 admin-ui 的依赖）"
    assert (ADMIN_UI / "node_modules" / ".bin" / "graphql-codegen").exists(), (
        "admin-ui 的依赖尚未安装：cd admin-ui && npm ci"
    )
    done = subprocess.run(
        [npm, "run", "--silent", "codegen:mobile", "--", "--check"], cwd=ADMIN_UI, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert done.returncode == 0, (
        "mobile-contract/generated/operations.ts 已过期：cd admin-ui && npm run codegen:mobile\n"
        + done.stdout[-2000:] + done.stderr[-2000:]
    )
    text = GENERATED.read_text(encoding="utf-8")
    for op in operations():
        kind = op.definition.operation.value.capitalize()  # Query, Mutation, Subscription
        assert f"export type {op.name}{kind} = " in text
        assert f"export type {op.name}{kind}Variables = " in text
