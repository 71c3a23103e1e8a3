"""Structured logs carrying the request id and GraphQL operation name; Prometheus metrics."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from contextvars import ContextVar
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
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
        self.operation_names: set[str] = set()
