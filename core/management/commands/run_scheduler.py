"""`manage.py run_scheduler`: the process that enqueues Escale's periodic jobs on time (core/schedule.py)."""

import signal
import threading

from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

from core.schedule import SCHEDULE
from core.scheduler import build_scheduler, trigger_for


class Command(BaseCommand):
    help = "Lance le planificateur des tâches périodiques (une seule fois par échéance, même à plusieurs)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--run-now",
            action="append",
            default=[],
            metavar="COMMAND",
            help="Also run this periodic job at start (repeatable).",
        )
        parser.add_argument(
            "--exit-after-run-now",
            action="store_true",
            help="Stop once the --run-now jobs are enqueued (checks, tests).",
        )

    def handle(self, *args, run_now, exit_after_run_now, **options):
        unknown = [c for c in run_now if c not in get_commands()]
        if unknown:
            raise CommandError(f"Unknown command(s): {', '.join(unknown)}")
        scheduler = build_scheduler(run_now=run_now)
        if exit_after_run_now:
            pending = {f"{c}-now" for c in run_now}

            def done(event):
                pending.discard(event.job_id)
                if not pending:
                    # Not from inside the listener: APScheduler still updates the job store after it returns.
                    threading.Timer(0.1, scheduler.shutdown, kwargs={"wait": False}).start()

            scheduler.add_listener(done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
        signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
        for job in SCHEDULE:
            self.stdout.write(f"  {job.command:<30} {job.crontab:<14} next: {self._next(job)}")
        self.stdout.write(self.style.SUCCESS(f"Scheduler started: {len(SCHEDULE)} periodic jobs."))
        try:
            scheduler.start()
        except KeyboardInterrupt:
            scheduler.shutdown(wait=False)
        self.stdout.write("Scheduler stopped.")

    @staticmethod
    def _next(job):
        from django.utils import timezone

        upcoming = trigger_for(job).get_next_fire_time(None, timezone.now())
        return timezone.localtime(upcoming).strftime("%d/%m %H:%M")
