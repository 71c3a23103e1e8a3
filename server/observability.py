"""Structured logs carrying the request id and GraphQL operation name; Prometheus metrics."""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import sys
import time
from contextvars import ContextVar
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
operation_var: ContextVar[str] = ContextVar("operation", default="-")

_OPERATION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.operation = operation_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(record.created)) + f".{int(record.msecs):03d}",
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "operation": getattr(record, "operation", "-"),
            "msg": record.getMessage(),
        }
        for key in ("status", "duration_ms", "path", "method", "error_code"):
            if hasattr(record, key):
                data[key] = getattr(record, key)
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


def setup_logging(level: str = "INFO", as_json: bool = True) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(
        JsonFormatter()
        if as_json
        else logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s %(operation)s] %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("uvicorn.access",):  # our middleware logs every request with its id
        logging.getLogger(noisy).setLevel(logging.WARNING)


def metric_operation(name: str | None, seen: set[str], cap: int = 200) -> str:
    """Bounded label values: well-formed names, at most ``cap`` distinct ones."""
    if not name or not _OPERATION_NAME.match(name):
        return "anonymous" if not name else "invalid"
    if name in seen:
        return name
    if len(seen) >= cap:
        return "other"
    seen.add(name)
    return name


class PoolCollector(Collector):
    """Database pool figures read at scrape time (asyncpg pools; SQLite has one connection)."""

    def collect(self) -> Any:
        from tortoise import connections

        size = GaugeMetricFamily("liaoyi_db_pool_size", "Open database connections", labels=["connection"])
        idle = GaugeMetricFamily("liaoyi_db_pool_idle", "Idle database connections", labels=["connection"])
        try:
            conns = connections.all()
        except Exception:  # noqa: BLE001 - not initialised yet
            conns = []
        for conn in conns:
            pool = getattr(conn, "_pool", None)
            name = getattr(conn, "connection_name", "default")
            if pool is not None and hasattr(pool, "get_size"):
                size.add_metric([name], pool.get_size())
                idle.add_metric([name], pool.get_idle_size())
            else:
                live = 1 if getattr(conn, "_connection", None) is not None else 0
                size.add_metric([name], live)
                idle.add_metric([name], live)
        yield size
        yield idle


GC_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


class GcPauses:
    """Every collection's pause, by generation, measured through :data:`gc.callbacks` (a process-wide
    hook: installed once per process, read by each app's :class:`GcCollector`). The callback only
    reads the clock and adds to a few lists: it runs inside every collection."""

    def __init__(self) -> None:
        self._started = 0.0
        self._started_cpu = 0.0
        self.reset()

    def reset(self) -> None:
        self.counts = [[0] * (len(GC_BUCKETS) + 1) for _ in range(3)]  # per generation, per bucket (+Inf)
        self.sums = [0.0, 0.0, 0.0]
        self.maxima = [0.0, 0.0, 0.0]
        self.collected = [0, 0, 0]
        self.cpu_sums = [0.0, 0.0, 0.0]  # the thread's CPU time in collections: a wall pause far above it
        self.cpu_maxima = [0.0, 0.0, 0.0]  # was the process waiting for a core, not collecting

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            self._started_cpu = time.thread_time()
            return
        pause = time.perf_counter() - self._started
        cpu = time.thread_time() - self._started_cpu
        generation = info.get("generation", 2)
        i = 0
        while i < len(GC_BUCKETS) and pause > GC_BUCKETS[i]:
            i += 1
        self.counts[generation][i] += 1
        self.sums[generation] += pause
        if pause > self.maxima[generation]:
            self.maxima[generation] = pause
        self.collected[generation] += info.get("collected", 0)
        self.cpu_sums[generation] += cpu
        if cpu > self.cpu_maxima[generation]:
            self.cpu_maxima[generation] = cpu

    def install(self) -> None:
        if self not in gc.callbacks:
            gc.callbacks.append(self)


GC_PAUSES = GcPauses()


def tune_gc(*, freeze: bool, thresholds: tuple[int, ...] | None) -> None:
    """At start-up, once the app is built and the database opened: what exists now (modules, the
    schema, the catalogue, Tortoise's models) lives as long as the process, so a full collection
    need not walk it again (``gc.freeze``, after one collection so no garbage is frozen); the
    thresholds make young collections rarer (a request allocates thousands of objects)."""
    GC_PAUSES.install()
    if thresholds is not None:
        gc.set_threshold(*thresholds)
    if freeze:
        gc.collect()
        gc.freeze()
    GC_PAUSES.reset()  # the pauses of serving: not the imports' nor this collection of everything


class GcCollector(Collector):
    """``liaoyi_gc_pause_seconds`` (a histogram per generation), its maximum, objects collected, objects
    frozen, and ``liaoyi_process_id`` (which of the ``--workers`` processes answered this scrape)."""

    def collect(self) -> Any:
        pauses = HistogramMetricFamily("liaoyi_gc_pause_seconds", "Garbage collection pauses", labels=["generation"])
        longest = GaugeMetricFamily("liaoyi_gc_pause_max_seconds", "Longest garbage collection pause",
                                    labels=["generation"])
        collected = CounterMetricFamily("liaoyi_gc_collected_objects", "Objects freed by the collector",
                                        labels=["generation"])
        cpu = CounterMetricFamily("liaoyi_gc_pause_cpu_seconds", "CPU time of the collecting thread in collections",
                                  labels=["generation"])
        cpu_longest = GaugeMetricFamily("liaoyi_gc_pause_cpu_max_seconds", "Longest collection in CPU time",
                                        labels=["generation"])
        g = GC_PAUSES
        for generation in range(3):
            running = 0
            buckets: list[tuple[str, float]] = []
            for bound, n in zip((*map(str, GC_BUCKETS), "+Inf"), g.counts[generation], strict=True):
                running += n
                buckets.append((bound, running))
            pauses.add_metric([str(generation)], buckets, g.sums[generation])
            longest.add_metric([str(generation)], g.maxima[generation])
            collected.add_metric([str(generation)], g.collected[generation])
            cpu.add_metric([str(generation)], g.cpu_sums[generation])
            cpu_longest.add_metric([str(generation)], g.cpu_maxima[generation])
        yield pauses
        yield longest
        yield collected
        yield cpu
        yield cpu_longest
        yield GaugeMetricFamily("liaoyi_gc_frozen_objects", "Objects moved out of the collector's sight",
                                value=gc.get_freeze_count())
        yield GaugeMetricFamily("liaoyi_process_id", "The process that answered", value=os.getpid())


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.http_requests = Counter(
            "liaoyi_http_requests_total", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.graphql_requests = Counter(
            "liaoyi_graphql_requests_total", "GraphQL operations", ["operation", "outcome"], registry=self.registry
        )
        self.graphql_errors = Counter(
            "liaoyi_graphql_errors_total", "GraphQL errors by kind", ["operation", "kind"], registry=self.registry
        )
        self.graphql_latency = Histogram(
            "liaoyi_graphql_request_seconds", "GraphQL operation latency", ["operation"], registry=self.registry,
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self.registry.register(PoolCollector())
        self.registry.register(GcCollector())
        GC_PAUSES.install()
        self.operation_names: set[str] = set()
