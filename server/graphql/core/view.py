"""GraphQL over HTTP, fully (DESIGN.md rule 12).

- POST ``application/json`` bodies and GET query strings (GET runs queries only: 405 otherwise).
- ``application/graphql-response+json`` when the client accepts it: parse, validation and variable
  errors are request errors: 400 and no ``data`` key. With ``application/json`` every well-formed
  request gets 200, as the spec says for that media type.
- Unexpected errors are masked outside development; their traceback goes to the log with the
  request id, which the client also receives.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry import Schema
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from server.domain.accounts.apikeys import actor_for_api_key
from server.domain.accounts.ratelimit import SlidingWindowLimiter
from server.domain.accounts.roles import ANONYMOUS
from server.domain.accounts.service import LoginLimiter
from server.domain.accounts.tokens import actor_for_token
from server.domain.errors import DomainError
from server.graphql.context import Context
from server.observability import Metrics, metric_operation, operation_var
from server.settings import Settings

log = logging.getLogger("liaoyi.graphql")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class RequestError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _accepts(request: Request) -> str | None:
    """The response media type to use, or None when none is acceptable."""
    accept = request.headers.get("accept", "")
    if not accept.strip():
        return JSON
    candidates: list[tuple[float, bool, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        choice = _MEDIA.get(media.lower())
        if choice and q > 0:
            # the highest q wins; on a tie the GraphQL media type, then the first listed
            candidates.append((q, choice == GRAPHQL_RESPONSE, -i, choice))
    return max(candidates)[3] if candidates else None


_MEDIA = {GRAPHQL_RESPONSE: GRAPHQL_RESPONSE, JSON: JSON, "application/*": GRAPHQL_RESPONSE, "*/*": JSON}


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class GraphQLHTTP:
    def __init__(
        self, *, schema: Schema, settings: Settings, metrics: Metrics, graphiql: Any = None
    ) -> None:
        self.schema = schema
        self.settings = settings
        self.metrics = metrics
        self.graphiql = graphiql
        self.login_limiter = LoginLimiter(settings.login_rate_per_minute)
        # anonymous callers, per client address (DESIGN.md rule 13); signed-in callers are not counted
        self.public_limiter = SlidingWindowLimiter(settings.public_rate_per_minute, 60.0)

    async def handle(self, request: Request) -> Response:
        media = _accepts(request)
        if request.method == "GET" and "query" not in request.query_params and "text/html" in request.headers.get(
            "accept", ""
        ):
            if self.settings.production or self.graphiql is None:
                return HTMLResponse("<h1>404</h1>", status_code=404)
            return self.graphiql(request)
        if media is None:
            return Response(
                "仅支持 application/graphql-response+json 或 application/json", status_code=406,
                media_type="text/plain; charset=utf-8",
            )
        request_id = request.state.request_id
        try:
            params = await self._params(request)
            context = await self._context(request, request_id)
        except RequestError as exc:
            return self._respond(
                media, {"errors": [{"message": exc.message}]}, exc.status, request_id, exc.headers
            )
        if context.actor.kind == "anonymous":
            decision = self.public_limiter.hit(f"ip:{context.client or '-'}")
            if not decision.allowed:
                wait = decision.retry_after_seconds
                return self._respond(
                    media,
                    {"errors": [{"message": f"请求过于频繁，请 {wait} 秒后再试（登录后不受此限制）",
                                 "extensions": {"code": "RATE_LIMITED"}}]},
                    429, request_id, {"Retry-After": str(wait)},
                )
        operation = metric_operation(params.get("operationName"), self.metrics.operation_names)
        operation_var.set(operation)
        allowed = {OperationType.QUERY} if request.method == "GET" else {
            OperationType.QUERY, OperationType.MUTATION
        }
        started = time.perf_counter()
        try:
            result = await self.schema.execute(
                params["query"], variable_values=params.get("variables"), context_value=context,
                operation_name=params.get("operationName"), allowed_operation_types=allowed,
            )
        except Exception as exc:  # strawberry raises for a mutation over GET, a missing operation …
            name = type(exc).__name__
            if name == "InvalidOperationTypeError":
                return self._respond(
                    media, {"errors": [{"message": "GET 请求只能执行查询，变更请用 POST"}]}, 405, request_id,
                    {"Allow": "POST"},
                )
            if name in {"CannotGetOperationTypeError", "MissingQueryError"}:
                return self._respond(media, {"errors": [{"message": "找不到要执行的操作，请检查 operationName"}]},
                                     400, request_id)
            raise
        elapsed = time.perf_counter() - started
        body: dict[str, Any] = {}
        request_error = isinstance(result, PreExecutionError) or (
            result.data is None and bool(result.errors) and all(not e.path for e in result.errors)
        )
        if not request_error:
            body["data"] = result.data
        if result.errors:
            body["errors"] = [self._format(e, request_id, operation) for e in result.errors]
        status = 200
        if request_error and media == GRAPHQL_RESPONSE:
            refused = all((e.extensions or {}).get("code") == "NOT_ALLOWED" for e in result.errors or [])
            status = 403 if refused else 400  # a partner key sending a mutation: forbidden, not malformed
        self.metrics.graphql_requests.labels(operation, "request_error" if request_error else (
            "error" if result.errors else "ok")).inc()
        self.metrics.graphql_latency.labels(operation).observe(elapsed)
        return self._respond(media, body, status, request_id)

    async def _params(self, request: Request) -> dict[str, Any]:
        if request.method == "GET":
            qp = request.query_params
            params: dict[str, Any] = {"query": qp.get("query"), "operationName": qp.get("operationName") or None}
            for key in ("variables", "extensions"):
                if qp.get(key):
                    try:
                        params[key] = json.loads(qp[key])
                    except ValueError:
                        raise RequestError(400, f"{key} 不是合法的 JSON") from None
        elif request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != JSON:
                raise RequestError(415, "请求体须为 application/json")
            try:
                params = json.loads(await request.body())
            except ValueError:
                raise RequestError(400, "请求体不是合法的 JSON") from None
            if not isinstance(params, dict):
                raise RequestError(400, "请求体须为 JSON 对象")
        else:
            raise RequestError(405, "只支持 GET 和 POST", {"Allow": "GET, POST"})
        if not isinstance(params.get("query"), str) or not params["query"].strip():
            raise RequestError(400, "缺少 query")
        if params.get("variables") is not None and not isinstance(params["variables"], dict):
            raise RequestError(400, "variables 须为 JSON 对象")
        if params.get("operationName") is not None and not isinstance(params["operationName"], str):
            raise RequestError(400, "operationName 须为字符串")
        return params

    async def _context(self, request: Request, request_id: str) -> Context:
        """Who is asking: a bearer token (staff, citizens), an API key (partner systems, in
        ``X-Api-Key: <key>`` or ``Authorization: ApiKey <key>``), or nobody. A credential that is
        presented but wrong is a 401, never a silent downgrade to anonymous."""
        auth = request.headers.get("authorization", "")
        api_key = request.headers.get("x-api-key")
        actor, token = ANONYMOUS, None
        scheme, _, value = auth.partition(" ")
        if auth and scheme.lower() == "apikey":
            if api_key is not None:
                raise RequestError(401, "API 密钥只能放在一个请求头中", {"WWW-Authenticate": "ApiKey"})
            api_key = value
        if api_key is not None:
            if auth and scheme.lower() != "apikey":
                raise RequestError(401, "不能同时使用登录令牌和 API 密钥", {"WWW-Authenticate": "ApiKey"})
            partner = await actor_for_api_key(api_key) if api_key.strip() else None
            if partner is None:
                raise RequestError(401, "API 密钥无效或已吊销", {"WWW-Authenticate": "ApiKey"})
            actor = partner
        elif auth:
            token = value.strip()
            if scheme.lower() != "bearer" or not token:
                raise RequestError(401, "Authorization 头须为 “Bearer <令牌>”", {"WWW-Authenticate": "Bearer"})
            found = await actor_for_token(token)
            if found is None:
                raise RequestError(401, "令牌无效或已过期，请重新登录", {"WWW-Authenticate": "Bearer"})
            actor = found
        client = request.client.host if request.client else ""
        return Context(
            actor=actor, settings=self.settings, request_id=request_id, client=client, token=token,
            login_limiter=self.login_limiter,
        )

    def _format(self, error: GraphQLError, request_id: str, operation: str) -> dict[str, Any]:
        original = error.original_error
        if isinstance(original, DomainError):
            self.metrics.graphql_errors.labels(operation, "domain").inc()
            out = error.formatted
            out["message"] = original.message
            out["extensions"] = {"code": original.code}
            return out
        if original is None or isinstance(original, GraphQLError):
            self.metrics.graphql_errors.labels(operation, "graphql").inc()
            return error.formatted
        self.metrics.graphql_errors.labels(operation, "internal").inc()
        log.error("unexpected error in %s", ".".join(map(str, error.path or [])), exc_info=original)
        out = error.formatted
        out["extensions"] = {"code": "INTERNAL", "requestId": request_id}
        if self.settings.production:
            out["message"] = f"服务器内部错误（请求编号 {request_id}）"
        return out

    def _respond(
        self, media: str, body: dict[str, Any], status: int, request_id: str, headers: dict[str, str] | None = None
    ) -> Response:
        response = Response(_dumps(body), status_code=status, media_type=f"{media}; charset=utf-8")
        for k, v in (headers or {}).items():
            response.headers[k] = v
        return response


def new_request_id(header: str | None) -> str:
    if header and 8 <= len(header) <= 64 and header.isascii() and header.replace("-", "").isalnum():
        return header
    return uuid.uuid4().hex[:16]


__all__ = ["GraphQLHTTP", "new_request_id", "JSONResponse"]
