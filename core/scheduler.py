"""Run the schedule of core/schedule.py with APScheduler: each due time is claimed once, then enqueued.

django-crontask, the usual choice, needs Django 6 and Python 3.12; this is the same engine it is built
on (APScheduler's cron triggers) with the claim in the database instead of a Redis lock, so the one
`make run` machine (SQLite, database queue) and several machines (PostgreSQL, RQ) behave the same:
two schedulers running never enqueue a job twice for the same minute.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from core.models import ScheduledRun
from core.schedule import SCHEDULE
from core.tasks import run_scheduled_job

logger = logging.getLogger(__name__)


def due_minute(now=None):
    """`now` rounded to the nearest minute: schedulers on two machines, a second apart, agree on it."""
    now = now or timezone.now()
    return (now + datetime.timedelta(seconds=30)).replace(second=0, microsecond=0)


def fire(command, now=None):
    """Claim `command` for the current minute and enqueue it. Returns the ScheduledRun, or None when
    another scheduler already claimed it."""
    if not connection.in_atomic_block:  # a long-lived process: drop a connection the database closed
        close_old_connections()
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=command, due_at=due_minute(now))
    except IntegrityError:
        logger.info("Periodic job %s already claimed for this minute", command)
        return None
    run_scheduled_job.enqueue(run.pk)
    logger.info("Periodic job %s enqueued (run %s)", command, run.pk)
    return run


def trigger_for(job):
    return CronTrigger.from_crontab(job.crontab, timezone=settings.TIME_ZONE)


def build_scheduler(*, jobs=SCHEDULE, run_now=()):
    """A blocking scheduler holding every job of the schedule; `run_now` jobs also fire at start."""
    # DebugExecutor runs `fire` in the scheduler's own thread: it only inserts a row and enqueues,
    # and one thread means one database connection, closed between fires.
    scheduler = BlockingScheduler(
        executors={"default": DebugExecutor()},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        timezone=settings.TIME_ZONE,
    )
    # APScheduler logs "Adding job tentatively" for every job added before start: noise in `make run`.
    apscheduler_log = logging.getLogger("apscheduler.scheduler")
    level = apscheduler_log.level
    apscheduler_log.setLevel(logging.WARNING)
    try:
        for job in jobs:
            scheduler.add_job(fire, trigger_for(job), args=[job.command], id=job.command, name=job.command)
        for command in run_now:
            scheduler.add_job(fire, "date", args=[command], id=f"{command}-now", name=f"{command} (now)")
    finally:
        apscheduler_log.setLevel(level)
    return scheduler
