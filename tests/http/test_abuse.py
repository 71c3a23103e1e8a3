"""What a hostile or careless caller can send (issue 15), through the real ASGI app: request body
size, the standard introspection query, over-long strings, and the Chinese limit messages."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from tests.http.test_uploads import citizen_token, post_files, unique_pdf

GR = {"accept": "application/graphql-response+json"}
OK_QUERY = "query Ok { serviceItems(first: 1) { totalCount } }"
SMALL_BODY = 8 * 1024


@pytest.fixture(scope="module")
def small_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return replace(settings, max_body_bytes=SMALL_BODY, upload_dir=tmp_path_factory.mktemp("uploads"))


@pytest.fixture
async def small(small_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(small_settings, manage_db=False), client=("10.200.15.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


def test_body_limit_defaults_to_one_megabyte() -> None:
    assert Settings().max_body_bytes == 1024 * 1024


def _padded(size: int) -> bytes:
    """A valid request padded with spaces to ``size`` bytes: parsed, it would run."""
    head = json.dumps({"query": OK_QUERY}).encode()
    return head[:-1] + b" " * (size - len(head)) + b"}"


async def test_json_body_over_the_limit_is_413_and_never_runs(small: httpx.AsyncClient) -> None:
    fits = await small.post("/graphql", content=_padded(SMALL_BODY), headers=GR | {"content-type": "application/json"})
    assert fits.status_code == 200 and fits.json()["data"]["serviceItems"]["totalCount"] > 0, fits.text
    r = await small.post("/graphql", content=_padded(SMALL_BODY + 1), headers=GR | {"content-type": "application/json"})
    assert r.status_code == 413, r.text
    body = r.json()
    assert "data" not in body
    assert body["errors"] == [{"message": "请求体过大：JSON 请求体不能超过 8 KB", "extensions": {"code": "BODY_TOO_LARGE"}}]


async def test_chunked_json_body_is_counted_while_it_arrives(small: httpx.AsyncClient) -> None:
    payload = _padded(4 * SMALL_BODY)

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(payload), 1000):
            yield payload[i:i + 1000]

    r = await small.post("/graphql", content=chunks(), headers=GR | {"content-type": "application/json"})
    assert "content-length" not in r.request.headers
    assert r.status_code == 413 and r.json()["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"


async def test_multipart_keeps_its_own_limit(small: httpx.AsyncClient, small_settings: Settings) -> None:
    token = await citizen_token(small_settings)
    data = unique_pdf() + b"%" + b"x" * (3 * SMALL_BODY) + b"\n"  # larger than a JSON body may be
    r = await post_files(small, [("大文件.pdf", data, "application/pdf")], token=token)
    assert r.status_code == 200, r.text
    payload = r.json()["data"]["uploadMaterial"]
    assert payload["errors"] == [] and payload["upload"]["size"] == len(data)


async def test_default_app_refuses_twenty_megabytes_of_spaces(client: httpx.AsyncClient) -> None:
    r = await client.post("/graphql", content=_padded(20 * 1024 * 1024),
                          headers=GR | {"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["errors"][0]["message"] == "请求体过大：JSON 请求体不能超过 1 MB"


