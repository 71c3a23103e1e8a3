"""GraphQL over HTTP, fully (DESIGN.md rule 12).

- POST ``application/json`` bodies and GET query strings (GET runs queries only: 405 otherwise).
- ``application/graphql-response+json`` when the client accepts it: parse, validation and variable
  errors are request errors: 400 and no ``data`` key. With ``application/json`` every well-formed
  request gets 200, as the spec says for that media type.
- Unexpected errors are masked outside development; their traceback goes to the log with the
  request id, which the client also receives.
- Persisted documents (GraphQL-over-HTTP persisted documents): ``documentId: "sha256:<hex>"`` in
  place of ``query`` (POST body or GET parameter) names a document of mobile-contract/manifest.json.
  With ``LIAOYI_TRUSTED_DOCUMENTS=mobile`` anonymous callers, citizens and ``X-Liaoyi-Client: mobile``
  must name one (staff sign-in excepted); staff tokens and partner keys keep free-form documents.
  A GET of a trusted query by an anonymous caller is cacheable (``Cache-Control: public``, a strong
  ``ETag``, ``If-None-Match`` → 304) and kept by this process for the same 60 s, as a proxy would;
  every other answer is ``private, no-store``.
- File uploads: the GraphQL multipart request spec (``multipart/form-data`` with ``operations``,
  ``map`` and the files), for mutations only. A browser form can send such a request across sites,
  so one is refused unless it carries a bearer token or a ``GraphQL-Require-Preflight`` /
  ``Apollo-Require-Preflight`` header (which no form can set). The body is parsed as it streams in,
  with the limits enforced while reading: ``upload_max_request_bytes`` for the whole request,
  ``upload_max_bytes`` per file (413), ``upload_max_files`` files (400). Each mapped file becomes an
  ``Upload`` scalar value (a Starlette ``UploadFile``) at its path in the variables.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import time
import uuid
from typing import Any, cast

from graphql import FieldNode, GraphQLError, GraphQLFormattedError, OperationDefinitionNode, parse
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry import Schema
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from server.contract import load_manifest
from server.domain.accounts.apikeys import actor_for_api_key
from server.domain.accounts.citizens import sms_code_limiter
from server.domain.accounts.ratelimit import make_limiter
from server.domain.accounts.roles import ANONYMOUS
from server.domain.accounts.service import login_limiter
from server.domain.accounts.tokens import actor_for_token
from server.domain.cases.uploads import size_text
from server.domain.errors import DomainError
from server.graphql.context import Context
from server.graphql.core.errors import NOT_ALLOWED
from server.graphql.core.messages import translate
from server.observability import Metrics, metric_operation, operation_var
from server.settings import Settings

log = logging.getLogger("liaoyi.graphql")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class RequestError(Exception):
    def __init__(
        self, status: int, message: str, headers: dict[str, str] | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.headers, self.code = status, message, headers or {}, code


# what an anonymous caller may still send free-form when only trusted documents are accepted: the
# staff sign-in of the admin UI (its documents are not in the mobile manifest)
STAFF_SIGN_IN_FIELDS = frozenset({"login", "refreshTokens"})
NO_STORE = {"Cache-Control": "private, no-store"}
# root fields whose answers must never sit in a shared cache or a proxy log, even for anonymous
# callers: tracking a case by number and query code shows one person's case
PRIVATE_ROOT_FIELDS = frozenset({"trackCase", "trackBundle"})  # one person's matter, by query code


@functools.lru_cache(maxsize=1024)
def publicly_cacheable(query: str) -> bool:
    """Whether an anonymous trusted query may be answered from the public cache (no private root field)."""
    try:
        document = parse(query)
    except GraphQLError:
        return False
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if not isinstance(selection, FieldNode) or selection.name.value in PRIVATE_ROOT_FIELDS:
                    return False
    return True
VARY = "Accept, Authorization, X-Api-Key, X-Liaoyi-Client"
PUBLIC_MAX_AGE = 60  # seconds a proxy, and this process, may serve a public answer
PUBLIC_CACHE_ENTRIES = 512


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
        # with REDIS_URL every limiter counts in Redis: one allowance whatever the number of processes
        self.login_limiter = login_limiter(settings.login_rate_per_minute, settings.redis_url)
        self.sms_code_limiter = sms_code_limiter(settings.redis_url)
        # anonymous callers, per client address (DESIGN.md rule 13); signed-in callers are not counted
        self.public_limiter = make_limiter(settings.public_rate_per_minute, 60.0, name="public",
                                           redis_url=settings.redis_url)
        self.documents = load_manifest(settings.trusted_manifest)  # {"sha256:<hex>": text}
        # the operation each trusted document runs, for logs and metrics when the request names none
        self.document_names = {key: name for key, text in self.documents.items() if (name := _operation_name(text))}
        # public answers (anonymous GET of a trusted query), kept as a proxy would: key -> (expiry, body, etag)
        self.public_answers: dict[tuple[str, ...], tuple[float, bytes, str]] = {}
        if settings.trusted_documents == "mobile" and not self.documents:
            raise SystemExit(f"LIAOYI_TRUSTED_DOCUMENTS=mobile 需要可信文档清单 {settings.trusted_manifest}")

    async def handle(self, request: Request) -> Response:
        try:
            return await self._handle(request)
        finally:
            form: FormData | None = getattr(request.state, "upload_form", None)
            if form is not None:  # the spooled files of a multipart request
                await form.close()

    async def _handle(self, request: Request) -> Response:
        media = _accepts(request)
        if request.method == "GET" and not {"query", "documentId"} & set(request.query_params) and (
            "text/html" in request.headers.get("accept", "")
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
            error: dict[str, Any] = {"message": exc.message}
            if exc.code:
                error["extensions"] = {"code": exc.code}
            return self._respond(media, {"errors": [error]}, exc.status, request_id, exc.headers)
        # the operation names the log line and the metrics; a trusted document's own name when none is given
        name = params.get("operationName") or (self.document_names.get(params["documentId"]) if params.get("trusted")
                                               else None)
        operation = metric_operation(name, self.metrics.operation_names)
        operation_var.set(operation)
        if not params.get("trusted") and self._must_be_trusted(request, context, params["query"]):
            return self._respond(
                media, {"errors": [{"message": "本客户端只能发送可信文档（documentId），请更新应用",
                                    "extensions": {"code": "PERSISTED_DOCUMENT_REQUIRED"}}]}, 400, request_id,
            )
        if context.actor.kind == "anonymous":
            decision = await self.public_limiter.ahit(f"ip:{context.client or '-'}")
            if not decision.allowed:
                wait = decision.retry_after_seconds
                return self._respond(
                    media,
                    {"errors": [{"message": f"请求过于频繁，请 {wait} 秒后再试（登录后不受此限制）",
                                 "extensions": {"code": "RATE_LIMITED"}}]},
                    429, request_id, {"Retry-After": str(wait)},
                )
        public_key = None
        if (request.method == "GET" and params.get("trusted") and context.actor.kind == "anonymous"
                and publicly_cacheable(params["query"])):
            public_key = (params["documentId"], _dumps(params.get("variables") or {}).decode(),
                          params.get("operationName") or "", media)
            kept = self.public_answers.get(public_key)
            if kept is not None and kept[0] > time.monotonic():
                return self._cacheable(request, media, kept[1], kept[2])
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
            if name == "InvalidOperationTypeError" and request.method == "POST":
                return self._respond(
                    media, {"errors": [{"message": "订阅须通过 WebSocket（graphql-transport-ws）连接 /graphql"}]},
                    400, request_id,
                )
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
        errors = result.errors or []
        request_error = isinstance(result, PreExecutionError) or (
            result.data is None and bool(errors) and all(not e.path for e in errors)
        )
        if not request_error:
            body["data"] = result.data
        if result.errors:
            body["errors"] = [self._format(e, request_id, operation) for e in result.errors]
        status = 200
        if request_error and media == GRAPHQL_RESPONSE:
            refused = all((e.extensions or {}).get("code") == "FORBIDDEN" for e in result.errors or [])
            status = 403 if refused else 400  # a partner key sending a mutation: forbidden, not malformed
        self.metrics.graphql_requests.labels(operation, "request_error" if request_error else (
            "error" if result.errors else "ok")).inc()
        self.metrics.graphql_latency.labels(operation).observe(elapsed)
        if public_key is not None and status == 200 and "errors" not in body:
            payload = _dumps(body)
            if len(payload) > self.settings.max_response_bytes:
                return self._respond(media, body, status, request_id)
            if len(self.public_answers) >= PUBLIC_CACHE_ENTRIES:
                now = time.monotonic()
                self.public_answers = {k: v for k, v in self.public_answers.items() if v[0] > now}
                while len(self.public_answers) >= PUBLIC_CACHE_ENTRIES:
                    del self.public_answers[next(iter(self.public_answers))]  # the oldest first
            etag = '"' + hashlib.sha256(payload).hexdigest() + '"'
            self.public_answers[public_key] = (time.monotonic() + PUBLIC_MAX_AGE, payload, etag)
            return self._cacheable(request, media, payload, etag)
        return self._respond(media, body, status, request_id)

    async def _params(self, request: Request) -> dict[str, Any]:
        if request.method == "GET":
            qp = request.query_params
            params: dict[str, Any] = {"query": qp.get("query"), "operationName": qp.get("operationName") or None}
            if "documentId" in qp:
                params["documentId"] = qp["documentId"]
            for key in ("variables", "extensions"):
                if qp.get(key):
                    try:
                        params[key] = json.loads(qp[key])
                    except ValueError:
                        raise RequestError(400, f"{key} 不是合法的 JSON") from None
        elif request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == MULTIPART:
                params = await self._multipart(request)
            elif ctype != JSON:
                raise RequestError(415, "请求体须为 application/json（上传文件时为 multipart/form-data）")
            else:
                try:
                    params = json.loads(await self._json_body(request))
                except ValueError:
                    raise RequestError(400, "请求体不是合法的 JSON") from None
                if not isinstance(params, dict):
                    raise RequestError(400, "请求体须为 JSON 对象")
        else:
            raise RequestError(405, "只支持 GET 和 POST", {"Allow": "GET, POST"})
        if params.get("documentId") is not None:
            params["query"] = self._document(params)
            params["trusted"] = True
        if not isinstance(params.get("query"), str) or not params["query"].strip():
            raise RequestError(400, "缺少 query")
        if params.get("variables") is not None and not isinstance(params["variables"], dict):
            raise RequestError(400, "variables 须为 JSON 对象")
        if params.get("operationName") is not None and not isinstance(params["operationName"], str):
            raise RequestError(400, "operationName 须为字符串")
        if params.get("extensions") is not None and not isinstance(params["extensions"], dict):
            raise RequestError(400, "extensions 须为 JSON 对象")
        if getattr(request.state, "upload_form", None) is not None and not _is_mutation(
            params["query"], params.get("operationName"), self.settings.max_tokens
        ):
            raise RequestError(400, "文件上传（multipart 请求）只能用于变更（mutation）")
        return params

    async def _json_body(self, request: Request) -> bytes:
        """The bytes of a JSON body, at most ``max_body_bytes``: a larger declared length is refused
        before reading, and a body without one (chunked) is counted as it streams in; either way it
        is a 413 and nothing of it is parsed."""
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large_body(limit)
        chunks: list[bytes] = []
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit:
                raise _too_large_body(limit)
            chunks.append(chunk)
        return b"".join(chunks)

    async def _multipart(self, request: Request) -> dict[str, Any]:
        """``operations`` with each file of ``map`` put at its paths (GraphQL multipart request spec)."""
        s = self.settings
        has_bearer = request.headers.get("authorization", "").lower().startswith("bearer ")
        if not has_bearer and not PREFLIGHT_HEADERS & set(request.headers.keys()):
            raise RequestError(
                400, "上传文件的请求须带 Authorization: Bearer 令牌，或 GraphQL-Require-Preflight 请求头（防止跨站请求伪造）",
                code="PREFLIGHT_REQUIRED",
            )
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.upload_max_request_bytes:
            raise _too_large_request(s.upload_max_request_bytes)

        async def limited() -> Any:
            seen = 0
            async for chunk in request.stream():
                seen += len(chunk)
                if seen > s.upload_max_request_bytes:
                    raise _too_large_request(s.upload_max_request_bytes)
                yield chunk

        parser = _UploadParser(request.headers, limited(), max_file_bytes=s.upload_max_bytes,
                               max_upload_files=s.upload_max_files)
        try:
            form = await parser.parse()
        except MultiPartException:
            raise RequestError(400, "multipart 请求格式不正确") from None
        request.state.upload_form = form
        try:
            operations = json.loads(str(form.get("operations") or ""))
            mapping = json.loads(str(form.get("map") or ""))
        except ValueError:
            raise RequestError(400, "multipart 请求须含合法 JSON 的 operations 和 map 字段") from None
        if not isinstance(operations, dict):
            raise RequestError(400, "operations 须为 JSON 对象（不支持批量请求）")
        if not isinstance(mapping, dict) or not all(
            isinstance(paths, list) and paths
            and all(isinstance(p, str) and p.startswith("variables.") for p in paths)
            for paths in mapping.values()
        ):
            raise RequestError(400, "map 须为对象：每个文件字段名对应 variables 中的路径列表（如 [\"variables.input.file\"]）")
        files: dict[str, UploadFile] = {}
        for name in mapping:
            value = form.get(name)
            if not isinstance(value, UploadFile):
                raise RequestError(400, f"map 中的 {name[:40]} 没有对应的文件")
            files[name] = value
        if not isinstance(operations.get("variables"), dict):
            raise RequestError(400, "operations.variables 须为 JSON 对象")
        try:
            return replace_placeholders_with_files(operations, mapping, files)
        except (KeyError, IndexError, ValueError, TypeError):
            raise RequestError(400, "map 中的路径在 variables 中不存在") from None

    def _document(self, params: dict[str, Any]) -> str:
        """The text of the persisted document the request names."""
        document_id = params["documentId"]
        if not isinstance(document_id, str):
            raise RequestError(400, "documentId 须为字符串（sha256:<十六进制哈希>）")
        if params.get("query"):
            raise RequestError(400, "query 与 documentId 只能二选一")
        text = self.documents.get(document_id)
        if text is None:
            raise RequestError(
                400, f"未知的可信文档 {document_id[:80]}：服务端清单中没有它，请更新应用或改用 query",
                code="PERSISTED_DOCUMENT_NOT_FOUND",
            )
        return text

    def _must_be_trusted(self, request: Request, context: Context, query: str) -> bool:
        """In ``mobile`` mode: the mobile app, citizens and anonymous callers name trusted documents;
        staff tokens and partner keys do not have to. The staff sign-in (``login`` / ``refreshTokens``
        alone) stays open to anonymous callers so the admin UI can sign in."""
        if self.settings.trusted_documents != "mobile":
            return False
        if request.headers.get("x-liaoyi-client", "").strip().lower() == "mobile":
            return True
        if context.actor.kind == "citizen":
            return True
        if context.actor.kind != "anonymous":
            return False
        return not _staff_sign_in(query)

    def _cacheable(self, request: Request, media: str, payload: bytes, etag: str) -> Response:
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={PUBLIC_MAX_AGE}", "Vary": VARY}
        wanted = request.headers.get("if-none-match", "")
        if wanted.strip() == "*" or etag in {t.strip().removeprefix("W/") for t in wanted.split(",")}:
            return Response(status_code=304, headers=headers)
        return Response(payload, status_code=200, media_type=f"{media}; charset=utf-8", headers=headers)

    async def context_for(self, request: Request) -> Context:
        """Who is asking, as the GraphQL endpoint decides it (other routes, like ``/files``, reuse
        it); :class:`RequestError` (401) for a credential that is presented but wrong."""
        return await self._context(request, request.state.request_id)

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
            login_limiter=self.login_limiter, sms_code_limiter=self.sms_code_limiter,
        )

    def _format(self, error: GraphQLError, request_id: str, operation: str) -> GraphQLFormattedError:
        original = error.original_error
        if isinstance(original, DomainError):
            self.metrics.graphql_errors.labels(operation, "domain").inc()
            out = error.formatted
            out["message"] = original.message
            # a top-level refusal of the caller is FORBIDDEN whoever raised it (permissions.py)
            out["extensions"] = {"code": "FORBIDDEN" if original.code == NOT_ALLOWED else original.code}
            return out
        if original is None or isinstance(original, GraphQLError):
            self.metrics.graphql_errors.labels(operation, "graphql").inc()
            return cast(GraphQLFormattedError, translate(dict(error.formatted), production=self.settings.production))
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
        payload = _dumps(body)
        if len(payload) > self.settings.max_response_bytes:
            # the last line behind the query cost: an answer this large is never sent
            log.warning("response of %d bytes refused (limit %d)", len(payload), self.settings.max_response_bytes)
            self.metrics.graphql_errors.labels(operation_var.get(), "too_large").inc()
            payload = _dumps({"data": None, "errors": [{
                "message": f"查询结果过大（超过 {size_text(self.settings.max_response_bytes)}），请减少每页条数（first）或字段后重试",
                "extensions": {"code": "RESPONSE_TOO_LARGE", "requestId": request_id},
            }]})
        response = Response(payload, status_code=status, media_type=f"{media}; charset=utf-8")
        for k, v in (NO_STORE | (headers or {})).items():
            response.headers[k] = v
        return response


MULTIPART = "multipart/form-data"
PREFLIGHT_HEADERS = frozenset({"graphql-require-preflight", "apollo-require-preflight"})
MULTIPART_FIELDS = 2  # operations and map; everything else is a file


def _too_large_body(limit: int) -> RequestError:
    return RequestError(413, f"请求体过大：JSON 请求体不能超过 {size_text(limit)}", code="BODY_TOO_LARGE")


def _too_large_request(limit: int) -> RequestError:
    return RequestError(413, f"上传请求过大：整个请求不能超过 {size_text(limit)}", code="TOO_LARGE")


class _UploadParser(MultiPartParser):
    """Starlette's streaming parser with the upload limits checked as the bytes arrive: its own
    ``max_part_size`` covers the plain fields only, so a file's size is counted here."""

    def __init__(self, *args: Any, max_file_bytes: int, max_upload_files: int, **kwargs: Any) -> None:
        super().__init__(*args, max_files=float("inf"), max_fields=MULTIPART_FIELDS, **kwargs)
        self.max_file_bytes = max_file_bytes
        self.max_upload_files = max_upload_files
        self.file_count = 0
        self.part_bytes = 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self.part_bytes = 0

    def on_headers_finished(self) -> None:
        super().on_headers_finished()
        if self._current_part.file is not None:
            self.file_count += 1
            if self.file_count > self.max_upload_files:
                raise RequestError(400, f"一次最多上传 {self.max_upload_files} 个文件", code="TOO_MANY_FILES")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None:
            self.part_bytes += end - start
            if self.part_bytes > self.max_file_bytes:
                raise RequestError(413, f"文件过大：单个文件不能超过 {size_text(self.max_file_bytes)}", code="TOO_LARGE")
        super().on_part_data(data, start, end)


def _is_mutation(query: str, operation_name: str | None, max_tokens: int) -> bool:
    """Whether the operation the request runs is a mutation (a document that does not parse is
    left to the executor, which reports it as usual)."""
    try:
        document = parse(query, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return True
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        ops = [o for o in ops if o.name is not None and o.name.value == operation_name]
    return len(ops) == 1 and ops[0].operation.value == "mutation"


def _operation_name(text: str) -> str | None:
    """The name of a document's one operation (None for several, or an anonymous one)."""
    try:
        document = parse(text, no_location=True)
    except GraphQLError:
        return None
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return ops[0].name.value if len(ops) == 1 and ops[0].name is not None else None


def _staff_sign_in(query: str) -> bool:
    """True when the document is one mutation selecting only the staff sign-in fields."""
    try:
        document = parse(query, no_location=True, max_tokens=400)
    except GraphQLError:
        return False
    if len(document.definitions) != 1:
        return False
    (op,) = document.definitions
    return (
        isinstance(op, OperationDefinitionNode) and op.operation.value == "mutation"
        and all(isinstance(s, FieldNode) and s.name.value in STAFF_SIGN_IN_FIELDS
                for s in op.selection_set.selections)
    )


def new_request_id(header: str | None) -> str:
    if header and 8 <= len(header) <= 64 and header.isascii() and header.replace("-", "").isalnum():
        return header
    return uuid.uuid4().hex[:16]


__all__ = ["GraphQLHTTP", "RequestError", "new_request_id", "JSONResponse"]
