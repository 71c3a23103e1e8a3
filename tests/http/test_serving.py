"""Serving on two cores (issue 19): the operation of a trusted document in logs and metrics, the
garbage collector tuned at start-up and its pauses on /metrics."""

from __future__ import annotations

import gc
import logging
import re

import httpx
import pytest

from server.contract import operations
from server.observability import ContextFilter, tune_gc
from server.settings import Settings, gc_thresholds


def _document_id(name: str) -> str:
    [op] = [op for op in operations() if op.name == name]
    return op.document_id


async def test_a_trusted_document_names_its_operation_in_logs_and_metrics(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.handler.addFilter(ContextFilter())
    with caplog.at_level(logging.INFO, logger="liaoyi"):
        r = await client.post("/graphql", json={"documentId": _document_id("ListRegions"),
                                                "variables": {"parentCode": "371500"}},
                              headers={"accept": "application/graphql-response+json"})
    assert r.status_code == 200 and r.json()["data"]["regions"], r.text
    [access] = [rec for rec in caplog.records if rec.name == "liaoyi.http" and getattr(rec, "path", "") == "/graphql"]
    assert access.operation == "ListRegions"  # type: ignore[attr-defined]
    text = (await client.get("/metrics")).text
    assert re.search(r'^liaoyi_graphql_requests_total\{operation="ListRegions",outcome="ok"\} [1-9]', text, re.M), text
    assert re.search(r'^liaoyi_graphql_request_seconds_count\{operation="ListRegions"\} [1-9]', text, re.M)
    # by GET too, also when the answer comes from the public cache (the second GET)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="liaoyi"):
        for _ in range(2):
            r = await client.get("/graphql", params={"documentId": _document_id("ListRegions"),
                                                     "variables": '{"parentCode": "371500"}'})
            assert r.status_code == 200, r.text
    logged = [rec for rec in caplog.records if rec.name == "liaoyi.http" and getattr(rec, "path", "") == "/graphql"]
    assert [rec.operation for rec in logged] == ["ListRegions", "ListRegions"]  # type: ignore[attr-defined]


async def test_gc_pauses_are_on_metrics(client: httpx.AsyncClient) -> None:
    gc.collect()
    gc.collect(0)
    text = (await client.get("/metrics")).text
    found = {int(g): int(n) for g, n in re.findall(r'^liaoyi_gc_pause_seconds_count\{generation="(\d)"\} (\d+)', text, re.M)}
    assert found.keys() == {0, 1, 2} and found[2] >= 1 and found[0] >= 1, text
    assert re.search(r'^liaoyi_gc_pause_seconds_bucket\{generation="2",le="\+Inf"\} [1-9]', text, re.M)
    assert re.search(r'^liaoyi_gc_pause_max_seconds\{generation="2"\} [0-9.e-]+$', text, re.M)
    assert re.search(r'^liaoyi_gc_pause_cpu_seconds_total\{generation="2"\} [0-9.e-]+$', text, re.M), text
    assert re.search(r'^liaoyi_gc_pause_cpu_max_seconds\{generation="0"\} [0-9.e-]+$', text, re.M)
    assert re.search(r"^liaoyi_gc_frozen_objects \d", text, re.M)
    assert re.search(r"^liaoyi_process_id \d", text, re.M)


def test_tune_gc_freezes_and_sets_the_thresholds() -> None:
    before = gc.get_threshold()
    try:
        tune_gc(freeze=True, thresholds=gc_thresholds("10000,10,10"))
        assert gc.get_threshold() == (10000, 10, 10)
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    tune_gc(freeze=False, thresholds=None)  # off: nothing frozen, Python's thresholds kept
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_gc_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().gc_freeze is True and gc_thresholds(Settings().gc_threshold) == (10000, 10, 10)
    assert gc_thresholds("") is None and gc_thresholds(" 5000 ") == (5000,)
    monkeypatch.setenv("LIAOYI_GC_FREEZE", "false")
    monkeypatch.setenv("LIAOYI_GC_THRESHOLD", "")
    s = Settings.from_env()
    assert s.gc_freeze is False and s.gc_threshold == ""
    monkeypatch.setenv("LIAOYI_GC_THRESHOLD", "10000,-1")
    with pytest.raises(SystemExit, match="LIAOYI_GC_THRESHOLD"):
        Settings.from_env()
