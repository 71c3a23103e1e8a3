"""Every setting comes from an environment variable, with a safe embedded default.

Read once per process through :func:`get_settings`; tests build their own :class:`Settings`.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from server.domain.accounts.tokens import Lifetimes

ROOT = Path(__file__).resolve().parent.parent


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


def _default_database_url() -> str:
    return f"sqlite://{ROOT / 'data' / 'liaoyi.sqlite3'}"


TRUSTED_DOCUMENT_MODES = ("off", "mobile")
SMS_SINKS = ("log", "file")


@dataclass(frozen=True)
class Settings:
    """Process-wide configuration (see README, "Settings")."""

    env: str = "development"
    database_url: str = field(default_factory=_default_database_url)
    redis_url: str | None = None
    secret_key: str = ""
    access_ttl_minutes: int = 30
    refresh_ttl_days: int = 14
    log_level: str = "INFO"
    log_json: bool = True
    admin_dist: Path = ROOT / "admin-ui" / "dist"
    data_dir: Path = ROOT / "data"
    # GraphQL limits (DESIGN.md rule 13)
    max_depth: int = 12
    max_tokens: int = 2000
    max_aliases: int = 30
    max_directives: int = 20
    max_page_size: int = 100
    max_body_bytes: int = 1024 * 1024  # a JSON request body (413 beyond, never parsed); multipart: upload_*
    # the most objects one operation may ask for, by caller kind (server/graphql/core/cost.py)
    cost_anonymous: int = 10000
    cost_citizen: int = 20000
    cost_partner: int = 20000
    cost_staff: int = 50000
    max_response_bytes: int = 8 * 1024 * 1024  # a whole GraphQL response, as the last line
    login_rate_per_minute: int = 10
    public_rate_per_minute: int = 600  # anonymous GraphQL requests per client address
    # proxies whose X-Forwarded-For names the client ("10.0.0.5,10.1.0.0/16"); unset: none, the
    # connecting address is the client
    trusted_proxies: str = ""
    # public tracking (trackCase / trackBundle): this many wrong query codes for one number within
    # track_window_minutes lock its public tracking for track_lock_minutes
    track_max_failures: int = 5
    track_window_minutes: int = 15
    track_lock_minutes: int = 30
    # persisted documents (mobile-contract/README.md): "off" accepts any document from anyone;
    # "mobile" makes anonymous callers, citizens and X-Liaoyi-Client: mobile send trusted documents
    trusted_documents: str = "off"
    trusted_manifest: Path = ROOT / "mobile-contract" / "manifest.json"
    # notifications (issue 5)
    sms_gateway_url: str | None = None  # unset: the log sink
    sms_gateway_key: str = ""
    # /metrics: open in development and tests; in production only with "Authorization: Bearer <token>"
    metrics_token: str = ""
    # without a gateway: "log" (a log line, kept in memory for tests) or "file" (JSON lines in sms_file
    # as well; the development default, see LIAOYI_SMS_SINK)
    sms_sink: str = "log"
    sms_file: Path = ROOT / "data" / "sms-outbox.jsonl"
    push_webhook_url: str | None = None
    quiet_hours: str = "22-7"  # China time, non-urgent SMS wait until the end; "" turns it off
    notify_max_attempts: int = 5
    notify_job_timeout: int = 30  # seconds: a job of a dead worker comes back after this (+10 s)
    outbox_sweep_seconds: int = 30  # the sweep re-enqueues rows not delivered after this long
    subscription_poll_seconds: float = 2.0  # how often a subscription looks for new inbox messages
    subscription_fallback_seconds: float = 30.0  # … with Redis pub/sub working (a slow safety net)
    yellow_working_days: int = 1  # a case turns yellow this many working days before its deadline
    default_rating_days: int = 7  # an unrated finished case is rated 基本满意 after this many natural days
    complaint_days: int = 15  # working days to answer a complaint (吐槽找茬)
    complaint_extension_days: int = 7  # the one extension, in working days
    complaint_anonymous_per_hour: int = 30  # anonymous complaints per client address and hour
    # 好差评 (issue 18): the absolute links in SMS and QR codes start with public_base_url; a link's
    # token expires after rating_link_days; a follow-up rating (追加评价) within rating_follow_up_days
    # of the first; a bad rating's rectification (差评整改) is due in rectification_days working days
    public_base_url: str = "http://localhost:8000"
    rating_link_days: int = 15
    rating_follow_up_days: int = 15
    rectification_days: int = 5
    # material uploads (issue 4): local files under upload_dir (an S3-compatible store in production)
    upload_dir: Path = ROOT / "data" / "uploads"
    upload_max_bytes: int = 10 * 1024 * 1024  # one file
    upload_max_files: int = 10  # files in one multipart request
    upload_max_request_bytes: int = 50 * 1024 * 1024  # a whole multipart request, files and fields
    # shared base data (issue 13): bases read from a partner over the signed exchange, as
    # "population=<partner code>,credit=<partner code>"; every other base is read locally
    shared_data_remote: str = ""
    # garbage collection (issue 19): at start-up, once the app is built, what exists is moved out of
    # the collector's sight (gc.freeze) and the thresholds are set to gc_threshold ("g0,g1,g2"; ""
    # keeps Python's 700,10,10); pauses are on /metrics (liaoyi_gc_pause_seconds)
    gc_freeze: bool = True
    gc_threshold: str = "10000,10,10"
    # verified bearer tokens kept this many seconds in each process (0: off, at most 60); revocations
    # reach every process at once through Redis (server/domain/accounts/tokencache.py)
    token_cache_seconds: int = 30

    @property
    def token_lifetimes(self) -> Lifetimes:
        from datetime import timedelta

        from server.domain.accounts.tokens import Lifetimes

        return Lifetimes(access=timedelta(minutes=self.access_ttl_minutes), refresh=timedelta(days=self.refresh_ttl_days))

    @property
    def cost_budgets(self) -> dict[str, int]:
        """The query cost budget of each caller kind (:attr:`Actor.kind`)."""
        return {"anonymous": self.cost_anonymous, "citizen": self.cost_citizen,
                "partner": self.cost_partner, "staff": self.cost_staff}

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ.get("LIAOYI_ENV", "development").strip().lower()
        if env not in {"development", "production", "test"}:
            raise SystemExit(f"LIAOYI_ENV 必须是 development、test 或 production，当前为 {env!r}")
        secret = os.environ.get("LIAOYI_SECRET_KEY", "")
        if env == "production" and len(secret) < 32:
            raise SystemExit("生产环境必须设置 LIAOYI_SECRET_KEY（至少 32 个字符）")
        trusted = os.environ.get("LIAOYI_TRUSTED_DOCUMENTS", "").strip().lower() or (
            "mobile" if env == "production" else "off"
        )
        if trusted not in TRUSTED_DOCUMENT_MODES:
            raise SystemExit(f"LIAOYI_TRUSTED_DOCUMENTS 必须是 off 或 mobile，当前为 {trusted!r}")
        sms_sink = os.environ.get("LIAOYI_SMS_SINK", "").strip().lower() or (
            "file" if env == "development" else "log"
        )
        if sms_sink not in SMS_SINKS:
            raise SystemExit(f"LIAOYI_SMS_SINK 必须是 log 或 file，当前为 {sms_sink!r}")
        if env == "production" and not os.environ.get("LIAOYI_SMS_GATEWAY_URL"):
            raise SystemExit("生产环境必须设置 LIAOYI_SMS_GATEWAY_URL（短信网关）：没有网关，登录验证码和办件通知都无法送达")
        if env == "production" and len(os.environ.get("LIAOYI_METRICS_TOKEN", "")) < 32:
            raise SystemExit("生产环境必须设置 LIAOYI_METRICS_TOKEN（至少 32 个字符）：/metrics 只对带此令牌的抓取开放")
        return cls(
            env=env,
            database_url=os.environ.get("DATABASE_URL") or _default_database_url(),
            redis_url=os.environ.get("REDIS_URL") or None,
            secret_key=secret or _development_secret(os.environ.get("REDIS_URL") or None),
            access_ttl_minutes=_int("LIAOYI_ACCESS_TTL_MINUTES", 30),
            refresh_ttl_days=_int("LIAOYI_REFRESH_TTL_DAYS", 14),
            log_level=os.environ.get("LIAOYI_LOG_LEVEL", "INFO").upper(),
            log_json=_bool("LIAOYI_LOG_JSON", True),
            max_depth=_int("LIAOYI_MAX_DEPTH", 12),
            max_tokens=_int("LIAOYI_MAX_TOKENS", 2000),
            max_aliases=_int("LIAOYI_MAX_ALIASES", 30),
            max_directives=_int("LIAOYI_MAX_DIRECTIVES", 20),
            max_body_bytes=_int("LIAOYI_MAX_BODY_BYTES", 1024 * 1024),
            cost_anonymous=_int("LIAOYI_COST_ANONYMOUS", 10000),
            cost_citizen=_int("LIAOYI_COST_CITIZEN", 20000),
            cost_partner=_int("LIAOYI_COST_PARTNER", 20000),
            cost_staff=_int("LIAOYI_COST_STAFF", 50000),
            max_response_bytes=_int("LIAOYI_MAX_RESPONSE_BYTES", 8 * 1024 * 1024),
            login_rate_per_minute=_int("LIAOYI_LOGIN_RATE_PER_MINUTE", 10),
            public_rate_per_minute=_int("LIAOYI_PUBLIC_RATE_PER_MINUTE", 600),
            trusted_proxies=_trusted_proxies(os.environ.get("LIAOYI_TRUSTED_PROXIES", "")),
            track_max_failures=_int("LIAOYI_TRACK_MAX_FAILURES", 5),
            track_window_minutes=_int("LIAOYI_TRACK_WINDOW_MINUTES", 15),
            track_lock_minutes=_int("LIAOYI_TRACK_LOCK_MINUTES", 30),
            trusted_documents=trusted,
            sms_gateway_url=os.environ.get("LIAOYI_SMS_GATEWAY_URL") or None,
            sms_gateway_key=os.environ.get("LIAOYI_SMS_GATEWAY_KEY", ""),
            metrics_token=os.environ.get("LIAOYI_METRICS_TOKEN", ""),
            sms_sink=sms_sink,
            sms_file=Path(os.environ.get("LIAOYI_SMS_FILE") or ROOT / "data" / "sms-outbox.jsonl"),
            push_webhook_url=os.environ.get("LIAOYI_PUSH_WEBHOOK_URL") or None,
            quiet_hours=os.environ.get("LIAOYI_QUIET_HOURS", "22-7"),
            notify_max_attempts=_int("LIAOYI_NOTIFY_MAX_ATTEMPTS", 5),
            notify_job_timeout=_int("LIAOYI_NOTIFY_JOB_TIMEOUT", 30),
            outbox_sweep_seconds=_int("LIAOYI_OUTBOX_SWEEP_SECONDS", 30),
            subscription_poll_seconds=float(os.environ.get("LIAOYI_SUBSCRIPTION_POLL_SECONDS") or 2.0),
            subscription_fallback_seconds=float(os.environ.get("LIAOYI_SUBSCRIPTION_FALLBACK_SECONDS") or 30.0),
            yellow_working_days=_int("LIAOYI_YELLOW_WORKING_DAYS", 1),
            default_rating_days=_int("LIAOYI_DEFAULT_RATING_DAYS", 7),
            complaint_days=_int("LIAOYI_COMPLAINT_DAYS", 15),
            complaint_extension_days=_int("LIAOYI_COMPLAINT_EXTENSION_DAYS", 7),
            complaint_anonymous_per_hour=_int("LIAOYI_COMPLAINT_ANONYMOUS_PER_HOUR", 30),
            public_base_url=(os.environ.get("LIAOYI_PUBLIC_BASE_URL") or "http://localhost:8000").rstrip("/"),
            rating_link_days=_int("LIAOYI_RATING_LINK_DAYS", 15),
            rating_follow_up_days=_int("LIAOYI_RATING_FOLLOW_UP_DAYS", 15),
            rectification_days=_int("LIAOYI_RECTIFICATION_DAYS", 5),
            upload_dir=Path(os.environ.get("LIAOYI_UPLOAD_DIR") or ROOT / "data" / "uploads"),
            upload_max_bytes=_int("LIAOYI_UPLOAD_MAX_BYTES", 10 * 1024 * 1024),
            upload_max_files=_int("LIAOYI_UPLOAD_MAX_FILES", 10),
            upload_max_request_bytes=_int("LIAOYI_UPLOAD_MAX_REQUEST_BYTES", 50 * 1024 * 1024),
            shared_data_remote=_shared_data_remote(os.environ.get("LIAOYI_SHARED_DATA_REMOTE", "")),
            gc_freeze=_bool("LIAOYI_GC_FREEZE", True),
            gc_threshold=_gc_threshold(os.environ.get("LIAOYI_GC_THRESHOLD", "10000,10,10")),
            token_cache_seconds=_token_cache_seconds(_int("LIAOYI_TOKEN_CACHE_SECONDS", 30)),
        )


DEVELOPMENT_SECRET_KEY = "liaoyi:development-secret"


def _development_secret(redis_url: str | None) -> str:
    """The secret outside production when LIAOYI_SECRET_KEY is unset: random per process without
    Redis (one process), and with ``REDIS_URL`` one random secret stored once in Redis (SET NX), so
    every server process and worker on it agrees (an SMS code requested on one server is checked on
    another). Redis unreachable: a random one for this process, and a warning."""
    fresh = secrets.token_urlsafe(32)
    if not redis_url:
        return fresh
    try:
        from redis import Redis

        client = Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        try:
            client.set(DEVELOPMENT_SECRET_KEY, fresh, nx=True)
            stored = client.get(DEVELOPMENT_SECRET_KEY)
        finally:
            client.close()
    except Exception as exc:  # noqa: BLE001 - development only: one process still works
        import logging

        logging.getLogger("liaoyi").warning("development secret: Redis unreachable (%s); this process uses its own", exc)
        return fresh
    return stored.decode() if isinstance(stored, bytes) else fresh


def _trusted_proxies(raw: str) -> str:
    import ipaddress

    parts = [p.strip() for p in raw.split(",") if p.strip()]
    for part in parts:
        try:
            ipaddress.ip_network(part, strict=False)
        except ValueError:
            raise SystemExit(f"LIAOYI_TRUSTED_PROXIES 每项应为 IP 地址或网段（如 10.0.0.5 或 10.1.0.0/16），当前有 {part!r}") from None
    return ",".join(parts)


def gc_thresholds(raw: str) -> tuple[int, ...] | None:
    """``"10000,10,10"`` as integers for :func:`gc.set_threshold`; None for "" (Python's own)."""
    raw = raw.strip()
    if not raw:
        return None
    parts = tuple(int(p) for p in raw.split(","))
    if not 1 <= len(parts) <= 3 or any(p < 0 for p in parts):
        raise ValueError(raw)
    return parts


def _gc_threshold(raw: str) -> str:
    try:
        gc_thresholds(raw)
    except ValueError:
        raise SystemExit(f"LIAOYI_GC_THRESHOLD 应为一到三个非负整数，以逗号分隔（如 10000,10,10；留空为 Python 默认），"
                         f"当前为 {raw!r}") from None
    return raw.strip()


def _token_cache_seconds(seconds: int) -> int:
    if not 0 <= seconds <= 60:
        raise SystemExit(f"LIAOYI_TOKEN_CACHE_SECONDS 应在 0 到 60 之间（0 为不缓存），当前为 {seconds}")
    return seconds


SHARED_BASES = ("population", "legal_person", "elicence", "credit")


def _shared_data_remote(raw: str) -> str:
    for part in raw.split(","):
        name, _, code = part.partition("=")
        if part.strip() and (name.strip() not in SHARED_BASES or not code.strip()):
            raise SystemExit(f"LIAOYI_SHARED_DATA_REMOTE 每项应为“基础库=合作单位代码”（基础库：{'、'.join(SHARED_BASES)}），"
                             f"当前有 {part.strip()!r}")
    return raw.strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
