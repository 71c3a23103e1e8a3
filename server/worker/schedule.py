"""The scheduled jobs, defined once: arq cron jobs with Redis (``server.worker.main``), and the same
table run by :class:`Scheduler`, a task in the server's lifespan, without Redis (embedded mode).

Times are China time (Asia/Shanghai, UTC+8 all year). Every job is idempotent, so a job run twice
(arq after a worker dies, two server processes in embedded mode) says nothing twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from server import clock
from server.settings import Settings

if TYPE_CHECKING:
    from arq.typing import WorkerCoroutine

log = logging.getLogger("liaoyi.schedule")

CHINA = clock.ZONE  # the worker's cron zone (server.worker.main)
WORKING_HOURS = frozenset(range(8, 19))
CRON_KEEP_RESULT = 3600  # seconds a cron run's result blocks the same tick's id (arq's unique check)  # 08:00 … 18:00, China time

Run = Callable[[date, Settings], Awaitable[int]]


async def _deadline_warnings(today: date, settings: Settings) -> int:
    from server.domain.cases import reminders

    return await reminders.deadline_warnings(today=today, settings=settings)


async def _supply_reminders(today: date, settings: Settings) -> int:
    from server.domain.cases import reminders

    return await reminders.supply_reminders(today=today, settings=settings)


async def _supply_expiry(today: date, settings: Settings) -> int:
    from server.domain.cases import reminders

    return await reminders.expire_supplies(today=today, settings=settings)


async def _calendar_check(today: date, settings: Settings) -> int:
    from server.domain.cases import reminders

    return await reminders.calendar_check(today=today, settings=settings)


async def _default_ratings(today: date, settings: Settings) -> int:
    from server.domain.cases import ratings

    return await ratings.default_ratings(today=today, settings=settings)


async def _rectification_cards(today: date, settings: Settings) -> int:
    from server.domain.cases import rectification

    return await rectification.cards(today=today, settings=settings)


async def _appointment_reminders(today: date, settings: Settings) -> int:
    from server.domain.appointments import service

    return await service.appointment_reminders(today=today, settings=settings)


async def _appointment_no_shows(today: date, settings: Settings) -> int:
    from server.domain.appointments import service

    return await service.record_no_shows(now=clock.now())


async def _complaint_cards(today: date, settings: Settings) -> int:
    from server.domain.complaints import service

    sent = await service.complaint_cards(today=today, settings=settings)
    return sent["yellow"] + sent["red"]


async def _bundle_hour_warnings(today: date, settings: Settings) -> int:
    from server.domain.cases import reminders

    return await reminders.bundle_hour_warnings(settings=settings)


async def _reconcile_exchange(today: date, settings: Settings) -> int:
    from server.domain.exchange import reconcile

    return await reconcile.nightly()


async def _purge_tokens(today: date, settings: Settings) -> int:
    from server.worker.jobs import purge_tokens

    return await purge_tokens({})


@dataclass(frozen=True, slots=True)
class ScheduledJob:
    name: str  # the arq function name is "cron:<name>"
    label: str  # what it does, in Chinese (README, logs)
    hours: frozenset[int]  # China time
    minutes: frozenset[int]
    run: Run

    def due(self, at: datetime) -> bool:
        local = at.astimezone(CHINA)
        return local.hour in self.hours and local.minute in self.minutes

    def when(self) -> str:
        hours, minutes = sorted(self.hours), sorted(self.minutes)
        mins = ",".join(f"{m:02d}" for m in minutes)
        if len(hours) > 1 and hours == list(range(hours[0], hours[-1] + 1)):
            step = 60 // len(minutes)
            if len(minutes) > 1 and minutes == list(range(minutes[0], 60, step)):
                return f"每天 {hours[0]:02d}:{minutes[0]:02d}–{hours[-1]:02d}:{minutes[-1]:02d} 每 {step} 分钟"
            return f"每天 {hours[0]:02d}:{mins}–{hours[-1]:02d}:{mins} 每小时"
        return "每天 " + "、".join(f"{h:02d}:{mins}" for h in hours)


JOBS: tuple[ScheduledJob, ...] = (
    ScheduledJob("deadline_warnings", "办理时限黄灯、红灯预警", WORKING_HOURS, frozenset({0}), _deadline_warnings),
    ScheduledJob("bundle_hour_warnings", "一件事用时过半、用完时提醒大厅负责人（按大厅工作时间计）", WORKING_HOURS,
                 frozenset({0, 30}), _bundle_hour_warnings),
    ScheduledJob("supply_reminders", "容缺、补正期限前一工作日提醒申请人", frozenset({9}), frozenset({0}),
                 _supply_reminders),
    ScheduledJob("supply_expiry", "容缺、补正期限已过的办件到期处理", frozenset({0}), frozenset({30}), _supply_expiry),
    ScheduledJob("calendar_check", "11、12 月检查下一年节假日安排是否已导入", frozenset({8}), frozenset({0}),
                 _calendar_check),
    ScheduledJob("default_ratings", "办结后逾期未评价的办件默认“基本满意”", frozenset({1}), frozenset({15}),
                 _default_ratings),
    ScheduledJob("rectification_cards", "差评整改到期黄牌、超期红牌", frozenset({8}), frozenset({10}),
                 _rectification_cards),
    ScheduledJob("purge_tokens", "清理过期令牌", frozenset({3}), frozenset({17}), _purge_tokens),
    ScheduledJob("reconcile_exchange", "与合作单位对账：转送中的办件逐件比对对方状态，差异报管理员", frozenset({2}),
                 frozenset({30}), _reconcile_exchange),
    ScheduledJob("appointment_reminders", "提醒次日（下一工作日）有预约的办事人", frozenset({18}), frozenset({0}),
                 _appointment_reminders),
    ScheduledJob("appointment_no_shows", "时段结束仍未签到的预约记为未到场（爽约）", frozenset({12, 17, 20}),
                 frozenset({45}), _appointment_no_shows),
    ScheduledJob("complaint_cards", "投诉到期前一工作日黄牌、逾期后首个工作日红牌，告知承办人和大厅负责人",
                 frozenset({8}), frozenset({30}), _complaint_cards),
)


def china_now() -> datetime:
    return clock.now()


async def run_job(job: ScheduledJob, settings: Settings, *, at: datetime | None = None) -> int:
    """Run ``job`` for the China date of ``at`` (now by default)."""
    today = (at or china_now()).astimezone(CHINA).date()
    result = await job.run(today, settings)
    if result:
        log.info("scheduled %s: %d", job.name, result)
    return result


def arq_function(job: ScheduledJob) -> WorkerCoroutine:
    """The arq coroutine for ``job`` (settings from the worker's ctx, else the environment)."""

    async def scheduled(ctx: dict[Any, Any], *_args: Any, **_kwargs: Any) -> int:
        from server.settings import get_settings
        from server.worker.jobs import scheduled_run

        scheduled_run(ctx)
        return await run_job(job, ctx.get("settings") or get_settings())

    scheduled.__name__ = scheduled.__qualname__ = job.name
    return scheduled


def arq_cron_jobs(*, timeout: int) -> list[Any]:
    """The table as arq cron jobs (the worker evaluates them in China time: WorkerSettings.timezone)."""
    from arq import cron

    return [
        # unique: every worker enqueues the same id (cron:<name>:<ms of the run>) and arq keeps one; the
        # result is kept past the run (CRON_KEEP_RESULT) so a worker that comes late to the tick finds
        # it and enqueues nothing, instead of running the job a second time
        cron(arq_function(job), name=f"cron:{job.name}", hour=set(job.hours), minute=set(job.minutes),
             second=0, run_at_startup=False, unique=True, timeout=timeout, keep_result=CRON_KEEP_RESULT)
        for job in JOBS
    ]


# ---------------------------------------------------------------- embedded mode


_current: Scheduler | None = None


def running_scheduler() -> Scheduler | None:
    s = _current
    return s if s is not None and s.task is not None and not s.task.done() else None


class Scheduler:
    """Runs :data:`JOBS` in this process: wakes at each minute, runs the jobs due at that minute,
    once per minute each (the same job table and functions the arq worker runs)."""

    def __init__(self, settings: Settings, *, jobs: tuple[ScheduledJob, ...] = JOBS,
                 clock: Callable[[], datetime] = china_now) -> None:
        self.settings = settings
        self.jobs = jobs
        self.clock = clock
        self.task: asyncio.Task[None] | None = None
        self.last_minute: dict[str, datetime] = {}
        self.runs: list[tuple[str, datetime, int | None]] = []  # (job, minute, result or None on error)

    async def run_due(self, at: datetime) -> list[str]:
        """Run every job due at ``at`` that has not run for that minute; returns their names."""
        minute = at.astimezone(CHINA).replace(second=0, microsecond=0)
        ran: list[str] = []
        for job in self.jobs:
            if not job.due(minute) or self.last_minute.get(job.name) == minute:
                continue
            self.last_minute[job.name] = minute
            ran.append(job.name)
            try:
                result: int | None = await run_job(job, self.settings, at=minute)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the next run retries: every job is idempotent
                log.exception("scheduled %s failed", job.name)
                result = None
            self.runs.append((job.name, minute, result))
            del self.runs[:-100]
        return ran

    async def _run(self) -> None:
        while True:
            await self.run_due(self.clock())
            now = self.clock()
            next_minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
            await asyncio.sleep(max(0.5, (next_minute - now).total_seconds() + 0.05))

    async def start(self) -> None:
        global _current
        self.task = asyncio.create_task(self._run(), name="liaoyi-scheduler")
        _current = self

    async def stop(self) -> None:
        global _current
        if self.task is not None:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass
        if _current is self:
            _current = None
