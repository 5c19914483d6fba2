"""The task the scheduler enqueues: run one periodic management command on the worker."""

import io
import logging

from django.core.management import call_command
from django.utils import timezone

from django_tasks import task

from core.models import ScheduledRun

logger = logging.getLogger(__name__)


@task()
def run_scheduled_job(run_id):
    """Run the command of ScheduledRun `run_id` once and record when it started, finished and how."""
    run = ScheduledRun.objects.get(pk=run_id)
    if run.started_at is not None:  # a retried delivery (RQ) never runs a job twice
        return run.output
    ScheduledRun.objects.filter(pk=run_id).update(started_at=timezone.now())
    out = io.StringIO()
    failed = False
    try:
        call_command(run.job, stdout=out, stderr=out)
    except Exception:
        failed = True
        logger.exception("Periodic job %s failed", run.job)
    ScheduledRun.objects.filter(pk=run_id).update(
        finished_at=timezone.now(), failed=failed, output=out.getvalue()[-2000:]
    )
    if failed:
        raise RuntimeError(f"Periodic job {run.job} failed")
    return out.getvalue()
