"""File uploads through the ASGI app: the GraphQL multipart request spec, its limits, and downloads."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from strawberry import relay

from server.app import create_app
from server.domain.accounts import tokens
from server.domain.accounts.models import Citizen, StaffUser
from server.domain.cases.models import Case, CaseMaterial, Upload
from server.domain.catalog.models import Material
from server.settings import Settings
from tests import samples

PDF = samples.pdf("聊易测试")  # real files: the server reads each whole (uploads.check_structure)
PNG = samples.png()
MAX_BYTES = 64 * 1024
MAX_FILES = 3

UPLOAD = """mutation Upload($input: UploadMaterialInput!) {
  uploadMaterial(input: $input) {
    upload { id filename contentType size sha256 createdAt downloadUrl }
    errors { field message code }
  }
}"""
NODE = "query($id: ID!) { node(id: $id) { ... on UploadedFile { id filename } } }"


@pytest.fixture(scope="module")
def upload_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return replace(settings, upload_dir=tmp_path_factory.mktemp("uploads"), upload_max_bytes=MAX_BYTES,
                   upload_max_files=MAX_FILES, upload_max_request_bytes=2 * MAX_BYTES + 4096)


@pytest.fixture(scope="module")
def upload_app(upload_settings: Settings) -> Any:
    return create_app(upload_settings, manage_db=False)


@pytest.fixture
async def http(upload_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=upload_app, client=("10.200.4.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


async def citizen_token(settings: Settings) -> str:
    row = await Citizen.create(phone="167" + f"{uuid.uuid4().int % 10**8:08d}")
    return (await tokens.issue(lifetimes=settings.token_lifetimes, citizen=row)).access_token


async def staff_token(settings: Settings, username: str) -> str:
    user = await StaffUser.get(username=username)
    return (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token


def unique_pdf() -> bytes:
    return samples.pdf()


async def post_files(http: httpx.AsyncClient, files: list[tuple[str, bytes, str]], *, token: str | None = None,
                     headers: dict[str, str] | None = None, query: str = UPLOAD,
                     paths: list[str] | None = None) -> httpx.Response:
    """One multipart request: the files go to variables.input.file (the first) or to ``paths``."""
    paths = paths or ["variables.input.file"] + [f"variables.extra.{i}" for i in range(1, len(files))]
    operations = {"query": query, "variables": {"input": {"file": None}}}
    h = {"accept": "application/graphql-response+json"} | (headers or {})
    if token:
        h["authorization"] = f"Bearer {token}"
    return await http.post(
        "/graphql", headers=h,
        data={"operations": json.dumps(operations), "map": json.dumps({str(i): [p] for i, p in enumerate(paths)})},
        files=[(str(i), f) for i, f in enumerate(files)],
    )


async def test_upload_and_download(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    token = await citizen_token(upload_settings)
    data = unique_pdf()
    r = await post_files(http, [("C:\\材料\\营业执照 申请书.pdf", data, "application/pdf")], token=token)
    assert r.status_code == 200, r.text
    payload = r.json()["data"]["uploadMaterial"]
    assert payload["errors"] == []
    up = payload["upload"]
    assert (up["filename"], up["contentType"], up["size"]) == ("营业执照 申请书.pdf", "application/pdf", len(data))
    assert up["downloadUrl"] == f"/files/{up['id']}"
    # the owner reads it through node() and downloads it
    r = await http.post("/graphql", json={"query": NODE, "variables": {"id": up["id"]}},
                        headers={"authorization": f"Bearer {token}"})
    assert r.json() == {"data": {"node": {"id": up["id"], "filename": "营业执照 申请书.pdf"}}}
    got = await http.get(up["downloadUrl"], headers={"authorization": f"Bearer {token}"})
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith("attachment; filename=")
    assert "filename*=UTF-8''%E8%90%A5" in got.headers["content-disposition"]
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["cache-control"] == "private, no-store"


async def test_download_needs_rights(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    owner = await citizen_token(upload_settings)
    r = await post_files(http, [("a.png", samples.png(), "image/png")], token=owner)
    up = r.json()["data"]["uploadMaterial"]["upload"]
    url = up["downloadUrl"]
    assert (await http.get(url)).status_code == 401  # no token
    assert (await http.get(url, headers={"authorization": "Bearer not-a-token"})).status_code == 401
    assert (await http.get(url, headers={"x-api-key": "whatever"})).status_code == 401  # bearer only
    stranger = await citizen_token(upload_settings)
    refused = await http.get(url, headers={"authorization": f"Bearer {stranger}"})
    assert refused.status_code == 404 and refused.headers["cache-control"] == "private, no-store"
    node = await http.post("/graphql", json={"query": NODE, "variables": {"id": up["id"]}},
                           headers={"authorization": f"Bearer {stranger}"})
    assert node.json() == {"data": {"node": None}}
    # a clerk who sees no case using it
    clerk = await staff_token(upload_settings, "city_clerk")
    assert (await http.get(url, headers={"authorization": f"Bearer {clerk}"})).status_code == 404
    # ids that are not uploads
    for bad in ("nonsense", relay.to_base64("Citizen", 1), relay.to_base64("UploadedFile", "x")):
        assert (await http.get(f"/files/{bad}", headers={"authorization": f"Bearer {owner}"})).status_code == 404


async def test_staff_who_see_the_case_download(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    owner = await citizen_token(upload_settings)
    data = unique_pdf()
    r = await post_files(http, [("申请书.pdf", data, "application/pdf")], token=owner)
    up = r.json()["data"]["uploadMaterial"]["upload"]
    material = await Material.all().select_related("situation__version").order_by("id").first()
    assert material is not None
    version = material.situation.version
    case = await Case.create(
        channel="online", item_id=version.item_id, version_id=version.id, item_name="上传测试",
        basic_code="000000000000", department_code="371500-XX", region_code="371500", city_code="371500",
        hall_code="371500-ZWFWZX", applicant_kind="citizen", applicant_name="张三",
    )
    upload_id = int(relay.GlobalID.from_id(up["id"]).node_id)
    await CaseMaterial.create(case=case, material=material, position=1, name=material.name, necessity="required",
                              upload_id=upload_id)
    try:
        clerk = await staff_token(upload_settings, "city_clerk")  # a clerk of the hall 371500-ZWFWZX
        got = await http.get(up["downloadUrl"], headers={"authorization": f"Bearer {clerk}"})
        assert got.status_code == 200 and got.content == data
        other_hall = await staff_token(upload_settings, "guanxian_clerk")
        assert (await http.get(up["downloadUrl"], headers={"authorization": f"Bearer {other_hall}"})).status_code == 404
    finally:
        await case.delete()


async def test_a_walk_in_upload_by_a_clerk(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    clerk = await staff_token(upload_settings, "city_clerk")
    r = await post_files(http, [("scan.png", samples.png(), "image/png")], token=clerk)
    assert r.json()["data"]["uploadMaterial"]["errors"] == []
    reviewer = await staff_token(upload_settings, "city_reviewer_scjg")
    r = await post_files(http, [("scan.png", PNG, "image/png")], token=reviewer)
    assert r.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_too_large(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    token = await citizen_token(upload_settings)
    before = await Upload.all().count()
    r = await post_files(http, [("big.pdf", PDF + b"0" * MAX_BYTES, "application/pdf")], token=token)
    assert r.status_code == 413
    body = r.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == "TOO_LARGE"
    assert body["errors"][0]["message"] == "文件过大：单个文件不能超过 64 KB"
    # the whole request over its limit: refused from Content-Length, before reading
    r = await post_files(http, [(f"{i}.pdf", PDF + b"0" * (MAX_BYTES - 100), "application/pdf") for i in range(3)],
                         token=token)
    assert r.status_code == 413 and r.json()["errors"][0]["message"] == "上传请求过大：整个请求不能超过 132 KB"
    assert await Upload.all().count() == before


async def test_request_size_is_counted_while_reading(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    """A body without Content-Length (chunked) is still cut off at the request limit."""
    token = await citizen_token(upload_settings)
    boundary = "liaoyi-boundary"
    ops = json.dumps({"query": UPLOAD, "variables": {"input": {"file": None}}})

    async def body() -> AsyncIterator[bytes]:
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{ops}\r\n"
               f"--{boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n"
               '{"0": ["variables.input.file"]}\r\n'
               f"--{boundary}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.pdf\"\r\n"
               "Content-Type: application/pdf\r\n\r\n").encode()
        for _ in range(8):
            yield PDF + b"0" * (MAX_BYTES // 2)

    r = await http.post("/graphql", content=body(), headers={
        "authorization": f"Bearer {token}", "accept": "application/graphql-response+json",
        "content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and r.json()["errors"][0]["extensions"]["code"] == "TOO_LARGE"


async def test_wrong_type(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    token = await citizen_token(upload_settings)
    r = await post_files(http, [("photo.pdf", PNG, "application/pdf")], token=token)
    payload = r.json()["data"]["uploadMaterial"]
    assert payload["upload"] is None
    assert payload["errors"][0]["code"] == "UNSUPPORTED_TYPE" and payload["errors"][0]["field"] == ["file"]
    r = await post_files(http, [("a.exe", b"MZ\x90\x00" * 10, "application/pdf")], token=token)
    assert r.json()["data"]["uploadMaterial"]["errors"][0]["code"] == "UNSUPPORTED_TYPE"
    r = await post_files(http, [("empty.pdf", b"", "application/pdf")], token=token)
    assert r.json()["data"]["uploadMaterial"]["errors"][0]["code"] == "EMPTY_FILE"


async def test_a_browser_form_cannot_upload(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    """Without a bearer token or a preflight header a multipart request is refused (CSRF)."""
    r = await post_files(http, [("a.pdf", PDF, "application/pdf")])
    assert r.status_code == 400
    assert r.json()["errors"][0]["extensions"]["code"] == "PREFLIGHT_REQUIRED"
    for header in ("GraphQL-Require-Preflight", "Apollo-Require-Preflight"):
        r = await post_files(http, [("a.pdf", PDF, "application/pdf")], headers={header: "1"})
        assert r.status_code == 200  # it runs, and the mutation refuses an anonymous caller
        assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_too_many_files(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    token = await citizen_token(upload_settings)
    files = [(f"{i}.pdf", PDF, "application/pdf") for i in range(MAX_FILES + 1)]
    r = await post_files(http, files, token=token)
    assert r.status_code == 400 and r.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_FILES"


async def test_malformed_multipart(http: httpx.AsyncClient, upload_settings: Settings) -> None:
    token = await citizen_token(upload_settings)
    # queries may not be sent as multipart
    r = await post_files(http, [("a.pdf", PDF, "application/pdf")], token=token, query="query { __typename }")
    assert r.status_code == 400 and "变更" in r.json()["errors"][0]["message"]
    # a path outside the variables, a path that does not exist, a map naming no file
    for paths in (["query"], ["variables.nothing.here"]):
        r = await post_files(http, [("a.pdf", PDF, "application/pdf")], token=token, paths=paths)
        assert r.status_code == 400, r.text
    r = await http.post("/graphql", headers={"authorization": f"Bearer {token}"}, data={
        "operations": json.dumps({"query": UPLOAD, "variables": {"input": {"file": None}}}),
        "map": json.dumps({"0": ["variables.input.file"]})}, files=[("other", ("a.pdf", PDF, "application/pdf"))])
    assert r.status_code == 400 and "没有对应的文件" in r.json()["errors"][0]["message"]
    r = await http.post("/graphql", headers={"authorization": f"Bearer {token}"}, data={"operations": "[]", "map": "{}"},
                        files=[("0", ("a.pdf", PDF, "application/pdf"))])
    assert r.status_code == 400
    # a JSON request cannot pass a file
    r = await http.post("/graphql", json={"query": UPLOAD, "variables": {"input": {"file": "x"}}},
                        headers={"authorization": f"Bearer {token}"})
    assert r.json()["data"]["uploadMaterial"]["errors"][0]["code"] == "INVALID"


async def test_files_land_in_the_upload_dir(upload_settings: Settings, http: httpx.AsyncClient) -> None:
    token = await citizen_token(upload_settings)
    data = unique_pdf()
    r = await post_files(http, [("a.pdf", data, "application/pdf")], token=token)
    sha = r.json()["data"]["uploadMaterial"]["upload"]["sha256"]
    assert (Path(upload_settings.upload_dir) / sha[:2] / sha[2:4] / sha).read_bytes() == data


async def test_trusted_documents_over_multipart(upload_settings: Settings, tmp_path: Path) -> None:
    """With ``LIAOYI_TRUSTED_DOCUMENTS=mobile`` a citizen names the upload mutation by ``documentId``
    in ``operations``; a free-form document is refused as it is over JSON."""
    import hashlib

    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({hashlib.sha256(UPLOAD.encode()).hexdigest(): UPLOAD}), encoding="utf-8")
    app = create_app(replace(upload_settings, trusted_documents="mobile", trusted_manifest=manifest), manage_db=False)
    transport = httpx.ASGITransport(app=app, client=("10.200.4.2", 40000))
    token = await citizen_token(upload_settings)
    data = unique_pdf()
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        operations = {"documentId": "sha256:" + hashlib.sha256(UPLOAD.encode()).hexdigest(),
                      "variables": {"input": {"file": None}}}
        r = await c.post("/graphql", headers={"authorization": f"Bearer {token}"},
                         data={"operations": json.dumps(operations), "map": '{"0": ["variables.input.file"]}'},
                         files=[("0", ("a.pdf", data, "application/pdf"))])
        assert r.status_code == 200, r.text
        assert r.json()["data"]["uploadMaterial"]["upload"]["size"] == len(data)
        r = await post_files(c, [("a.pdf", data, "application/pdf")], token=token)
        assert r.json()["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_REQUIRED"
