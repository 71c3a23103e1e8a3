"""create_app(): the Starlette application (DESIGN.md "Layout")."""

from __future__ import annotations

import gzip
import hmac
import logging
import mimetypes
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import Schema, relay
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.graphql import OperationType
from tortoise import connections

from server.db import close_db, init_db
from server.domain.accounts import tokencache
from server.domain.accounts.roles import ANONYMOUS
from server.domain.accounts.tokens import actor_for_token
from server.domain.cases.uploads import read_upload
from server.domain.errors import DomainError
from server.graphql.context import Context, Loaders
from server.graphql.core.view import GraphQLHTTP, RequestError, new_request_id
from server.graphql.schema import build_schema
from server.observability import Metrics, operation_var, request_id_var, tune_gc
from server.settings import Settings, gc_thresholds, get_settings

log = logging.getLogger("liaoyi.http")

EXAMPLES = [
    {
        "query": '# 搜索事项：中文片段、全拼或首字母都可以，试试 "执照"、"yingyezhizhao"、"yyzz"\n'
        "query SearchItems($text: String!) {\n  serviceItems(filter: {text: $text}, first: 10) {\n"
        "    totalCount\n    edges { node { id name implementationCode committedLimit { text } "
        "department { name } } }\n  }\n}\n",
        "variables": '{"text": "yyzz"}',
    },
    {
        "query": "# 办事指南：情形、材料、时限、收费、地点\n"
        "query Guide($code: String!) {\n  serviceItemByCode(code: $code) {\n    name itemType legalBasis\n"
        "    statutoryLimit { text } committedLimit { text } maxVisits online instant\n"
        "    fees { name standard }\n    guide { process address hours contact faq { question answer } }\n"
        "    situations { name conditions materials { name necessity form copies reviewPoints elicence } }\n"
        "  }\n}\n",
        "variables": '{"code": "371500-XZSPJ-010100001000"}',
    },
    {
        "query": "# 三级十同一致性报告\nquery Consistency($code: String!) {\n  catalogConsistency(basicCode: $code) {\n"
        "    consistent differenceCount\n    rows { isReference item { department { name } level }"
        " differences { element description } }\n  }\n}\n",
        "variables": '{"code": "010700001000"}',
    },
    {
        "query": "# 工作人员登录：把返回的 token 填到下方 Headers 的 Authorization 中\n"
        "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    tokens { token expiresAt refreshToken }\n"
        "    user { displayName roles region { name } }\n    errors { field message code }\n  }\n}\n",
        "variables": '{"input": {"username": "city_catalog", "password": "liaoyi-demo-2019"}}',
    },
    {"query": "# 当前登录的工作人员（需要 Authorization 头）\nquery Me {\n  me { username displayName roles regionCode }\n}\n"},
]


class RequestContextMiddleware:
    """Request id (X-Request-ID in and out), one access-log line per request, HTTP metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = new_request_id((headers.get(b"x-request-id") or b"").decode("latin-1") or None)
        request_id_var.set(rid)
        operation_var.set("-")
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            self.metrics.http_requests.labels(scope["method"], path, str(status)).inc()
            log.info(
                "%s %s %s", scope["method"], scope["path"], status,
                extra={"status": status, "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                       "path": scope["path"], "method": scope["method"]},
            )


class _SubscriptionsOnly:
    """The app's schema, streaming subscriptions only: queries and mutations go over HTTP, where the
    rate limits, the login limiter and the trusted documents apply (a query or mutation sent over
    the WebSocket gets an ``error`` message, "mutations are not allowed", and does not run)."""

    def __init__(self, schema: Schema) -> None:
        self._schema = schema

    def __getattr__(self, name: str) -> Any:
        return getattr(self._schema, name)

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["allowed_operation_types"] = (OperationType.SUBSCRIPTION,)
        return await self._schema.stream(*args, **kwargs)


class GraphQLWebSocket(GraphQL):
    """Subscriptions at ``/graphql`` over WebSocket, graphql-transport-ws only (Strawberry's own
    protocol handling). The caller signs in with the ``connection_init`` payload
    ``{"Authorization": "Bearer <token>"}``; without one the connection stays anonymous (and the
    notification subscription refuses it); a token that is presented but wrong closes the
    connection (4403), never a silent downgrade to anonymous."""

    def __init__(self, schema: Schema, settings: Settings) -> None:
        # _SubscriptionsOnly stands in for the schema (it delegates every attribute to it)
        super().__init__(cast(Schema, _SubscriptionsOnly(schema)), graphql_ide=None, allow_queries_via_get=False,
                         subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,))
        self.settings = settings

    async def get_context(self, request: Any, response: Any) -> Any:
        context = Context(actor=ANONYMOUS, settings=self.settings, request_id=new_request_id(None),
                          client=request.client.host if request.client else "")
        context.connection_params = None  # type: ignore[attr-defined] # filled in by connection_init
        return context

    async def on_ws_connect(self, context: Any) -> Any:
        params = getattr(context, "connection_params", None) or {}
        auth = params.get("Authorization") or params.get("authorization")
        if auth is None:
            return await super().on_ws_connect(context)
        scheme, _, value = str(auth).partition(" ")
        token = value.strip()
        actor = await actor_for_token(token) if scheme.lower() == "bearer" and token else None
        if actor is None:
            raise ConnectionRejectionError({"message": "令牌无效或已过期，请重新登录"})
        context.actor, context.token, context.loaders = actor, token, Loaders(actor)
        return await super().on_ws_connect(context)


def _graphiql_page(settings: Settings) -> Any:
    assets = settings.admin_dist / "graphiql"

    def render(request: Request) -> Response:
        if not (assets / "manifest.json").exists():
            return HTMLResponse(
                "<!doctype html><meta charset=utf-8><title>GraphiQL 未构建</title>"
                "<p>GraphiQL 的前端资源尚未构建。请在项目根目录运行 <code>make ui</code>"
                "（或 <code>cd admin-ui &amp;&amp; npm ci &amp;&amp; npm run build</code>）。</p>",
                status_code=503,
            )
        from server.graphql.core.graphiql import render_graphiql

        nonce = secrets.token_urlsafe(16)
        html = render_graphiql(
            endpoint="/graphql", assets_url="/graphiql-assets", title="聊易 GraphQL",
            example_tabs=EXAMPLES, default_headers='{"Authorization": "Bearer <在此粘贴 login 返回的 token>"}',
            nonce=nonce,
        )
        return HTMLResponse(
            html,
            headers={
                "Content-Security-Policy": f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; "
                "style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                "font-src 'self' data:",
                "Cache-Control": "no-store",
            },
        )

    return render


# the admin UI's text assets go out gzipped to a browser that accepts it (issue 16: 1 MB of
# JavaScript went out uncompressed); each file is compressed once per build (keyed by its path,
# size and modification time) and kept in memory: the dist holds a few MB of text at most
_COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".html", ".svg", ".json", ".map", ".txt"})
_GZIP_MIN_BYTES = 1024
_gzipped: dict[tuple[str, int, int], bytes] = {}


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00"):
            return True
    return False


def _admin_file(request: Request, path: Path, cache: str) -> Response:
    """One built file of the admin UI with its cache header; gzipped when the browser accepts it
    and compressing is worth it (text, at least 1 KB)."""
    stat = path.stat()
    headers = {"Cache-Control": cache}
    if path.suffix not in _COMPRESSIBLE or stat.st_size < _GZIP_MIN_BYTES:
        return FileResponse(path, headers=headers)
    headers["Vary"] = "Accept-Encoding"
    if not _accepts_gzip(request):
        return FileResponse(path, headers=headers)
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    body = _gzipped.get(key)
    if body is None:
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        for stale in [k for k in _gzipped if k[0] == key[0]]:
            del _gzipped[stale]
        _gzipped[key] = body
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type in ("application/javascript", "text/javascript"):
        media_type += "; charset=utf-8"
    headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=media_type, headers=headers)


class _ImmutableStatic(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=86400"
        return response


def create_app(settings: Settings | None = None, *, manage_db: bool = True) -> Starlette:
    """The ASGI app. ``manage_db=False`` when the caller (a test) has already initialised Tortoise."""
    settings = settings or get_settings()
    metrics = Metrics()
    schema = build_schema(settings)
    graphql = GraphQLHTTP(schema=schema, settings=settings, metrics=metrics, graphiql=_graphiql_page(settings))
    subscriptions = GraphQLWebSocket(schema, settings)
    tokencache.CACHE.configure(seconds=settings.token_cache_seconds, redis_url=settings.redis_url)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_db:
            await init_db(settings.database_url)
        drainer = None
        scheduler = None
        revocations = None
        if manage_db and settings.redis_url:
            # revoked tokens leave every process's token cache through Redis; until subscribed, none is kept
            revocations = tokencache.Listener(settings.redis_url)
            revocations.start()
            if not await revocations.wait_subscribed(2.0):
                log.warning("token revocations: not subscribed yet; tokens are read from the database meanwhile")
        if manage_db and not settings.redis_url:
            # no Redis: notifications are delivered by a task in this process (DESIGN.md rule 6)
            from server.domain.notifications.drainer import Drainer

            drainer = Drainer(settings)
            await drainer.start()
            # and the scheduled jobs the arq worker runs as cron jobs (server/worker/schedule.py)
            from server.worker.schedule import Scheduler

            scheduler = Scheduler(settings)
            await scheduler.start()
        if manage_db:
            # the app is built and the database open: freeze what lives as long as the process (issue 19)
            tune_gc(freeze=settings.gc_freeze, thresholds=gc_thresholds(settings.gc_threshold))
        try:
            yield
        finally:
            if revocations is not None:
                await revocations.stop()
            if scheduler is not None:
                await scheduler.stop()
            if drainer is not None:
                await drainer.stop()
            if settings.redis_url:
                from server.domain.notifications.live import close_hubs
                from server.jobqueue import close_pools

                await close_hubs()
                await close_pools()
            if manage_db:
                await close_db()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        try:
            conn = connections.get("default")
            await conn.execute_query("SELECT 1")
            applied = await conn.execute_query_dict("SELECT COUNT(*) AS n FROM tortoise_migrations")
        except Exception as exc:  # noqa: BLE001 - not ready, whatever the reason
            return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ready", "migrations": applied[0]["n"]})

    async def metrics_endpoint(request: Request) -> Response:
        """Prometheus metrics: open in development and tests; in production only to a scraper that
        sends ``Authorization: Bearer <LIAOYI_METRICS_TOKEN>`` (the public port serves the internet)."""
        if settings.production:
            scheme, _, given = request.headers.get("authorization", "").partition(" ")
            token = settings.metrics_token
            if not token or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
                return Response("需要监控令牌", status_code=401, media_type="text/plain; charset=utf-8",
                                headers={"WWW-Authenticate": "Bearer"})
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    admin_root = settings.admin_dist.resolve()

    async def admin(request: Request) -> Response:
        """The admin SPA: built files from admin-ui/dist (hashed assets cached for a year), any
        other path under /admin gets index.html so the client-side router can take it."""
        index = admin_root / "index.html"
        if not index.exists():
            return HTMLResponse(
                "<!doctype html><meta charset=utf-8><title>聊易管理端</title><p>管理端尚未构建。"
                "GraphQL 接口与 GraphiQL 见 <a href='/graphql'>/graphql</a>。</p>",
                status_code=503,
            )
        rel = request.path_params.get("path", "")
        if rel:
            candidate = (admin_root / rel).resolve()
            if candidate.is_relative_to(admin_root) and candidate.is_file() and candidate != index:
                immutable = candidate.is_relative_to(admin_root / "assets")
                cache = "public, max-age=31536000, immutable" if immutable else "public, max-age=3600"
                return _admin_file(request, candidate, cache)
            if rel.startswith("assets/"):
                return HTMLResponse("<h1>404</h1>", status_code=404)
        return _admin_file(request, index, "no-cache")

    async def download(request: Request) -> Response:
        """``GET /files/<global id of an UploadedFile>``: the bytes of an upload, for its owner or
        staff who see a case using it, with the bearer token of the GraphQL endpoint. Anything the
        caller may not read is a 404, so the answer does not tell whether the file exists."""
        no_store = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}

        def refuse(status: int, message: str, extra: dict[str, str] | None = None) -> Response:
            return Response(message, status_code=status, media_type="text/plain; charset=utf-8",
                            headers=no_store | (extra or {}))

        if not request.headers.get("authorization", "").lower().startswith("bearer "):
            return refuse(401, "下载文件须带 Authorization: Bearer <令牌> 请求头", {"WWW-Authenticate": "Bearer"})
        try:
            context = await graphql.context_for(request)
        except RequestError as exc:
            return refuse(exc.status, exc.message, exc.headers)
        try:
            gid = relay.GlobalID.from_id(request.path_params["id"])
        except ValueError:  # not a global ID at all
            gid = None
        if gid is None or gid.type_name != "UploadedFile" or not gid.node_id.isdigit():
            return refuse(404, "文件不存在或无权查看")
        try:
            row, data = await read_upload(actor=context.actor, upload_id=int(gid.node_id), settings=settings)
        except DomainError as exc:
            return refuse(404, exc.message)
        fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in row.filename)
        disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(row.filename, safe='')}"
        headers = no_store | {"Content-Disposition": disposition}
        return Response(data, media_type=row.content_type, headers=headers)

    async def rating_qr(request: Request) -> Response:
        """``GET /cases/<global id of a Case>/rating-qr.svg`` (or ``.png``): the QR code printed on the
        result and the notices, carrying the signed single-use rating link (好差评, issue 18); for staff
        who see the case or its applicant, with the bearer token of the GraphQL endpoint."""
        import io

        import segno

        from server.domain.cases import ratings

        no_store = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}

        def refuse(status: int, message: str, extra: dict[str, str] | None = None) -> Response:
            return Response(message, status_code=status, media_type="text/plain; charset=utf-8",
                            headers=no_store | (extra or {}))

        if not request.headers.get("authorization", "").lower().startswith("bearer "):
            return refuse(401, "须带 Authorization: Bearer <令牌> 请求头", {"WWW-Authenticate": "Bearer"})
        try:
            context = await graphql.context_for(request)
        except RequestError as exc:
            return refuse(exc.status, exc.message, exc.headers)
        fmt = request.path_params["fmt"]
        try:
            gid = relay.GlobalID.from_id(request.path_params["id"])
        except ValueError:
            gid = None
        if fmt not in ("svg", "png") or gid is None or gid.type_name != "Case" or not gid.node_id.isdigit():
            return refuse(404, "办件不存在或无权查看")
        try:
            token = await ratings.qr_token(actor=context.actor, case_id=int(gid.node_id), settings=settings)
        except DomainError as exc:
            return refuse(404 if exc.code == "NOT_FOUND" else 403, exc.message)
        if fmt == "svg":
            return Response(ratings.qr_svg(ratings.link(settings, token)), media_type="image/svg+xml", headers=no_store)
        buf = io.BytesIO()
        segno.make(ratings.link(settings, token), error="m").save(buf, kind="png", scale=6)
        return Response(buf.getvalue(), media_type="image/png", headers=no_store)

    async def exchange_inbound(request: Request) -> Response:
        """``POST /exchange/<partner code>``: a partner's signed message (Standard Webhooks headers),
        verified, logged and applied through the case lifecycle (server.domain.exchange.inbound)."""
        from server.domain.exchange import inbound

        length = int(request.headers.get("content-length") or 0)
        if length > inbound.MAX_BODY:
            return JSONResponse({"ok": False, "code": "TOO_LARGE", "message": "消息过大"}, status_code=413)
        body = await request.body()
        answer = await inbound.receive(request.path_params["code"], body, dict(request.headers), settings=settings)
        return JSONResponse(answer.body, status_code=answer.status, headers={"Cache-Control": "no-store"})

    async def root(request: Request) -> Response:
        return RedirectResponse("/admin" if settings.production else "/graphql")

    routes = [
        Route("/graphql", graphql.handle, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", subscriptions),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        Route("/files/{id}", download, methods=["GET"]),
        Route("/cases/{id}/rating-qr.{fmt}", rating_qr, methods=["GET"]),
        Route("/exchange/{code}", exchange_inbound, methods=["POST"]),
        Route("/admin", admin),
        Route("/admin/{path:path}", admin),
        Route("/", root),
    ]
    graphiql_dir = settings.admin_dist / "graphiql"
    routes.append(Mount("/graphiql-assets", _ImmutableStatic(directory=graphiql_dir, check_dir=False)))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    if settings.trusted_proxies:
        # only these proxies may say who the client is (X-Forwarded-For, X-Forwarded-Proto);
        # from anyone else the connecting address is the client (issue 15: not "anything on loopback")
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies.split(","))
    app.state.metrics = metrics
    app.state.settings = settings
    return app


def app_factory() -> Starlette:
    """For uvicorn --factory (used by ``python -m server serve --workers N``)."""
    from server.observability import setup_logging

    settings = get_settings()
    setup_logging(settings.log_level, settings.log_json)
    return create_app(settings)


__all__ = ["create_app", "app_factory"]
