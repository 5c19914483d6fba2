"""`manage.py prune_scheduled_runs`: keep 30 days of the scheduler's journal (and of the database queue's results)."""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import ScheduledRun

KEEP_DAYS = 30


class Command(BaseCommand):
    help = "Supprime le journal du planificateur et les résultats de tâches de plus de 30 jours."

    def handle(self, *args, **options):
        deleted, _ = ScheduledRun.objects.filter(
            due_at__lt=timezone.now() - datetime.timedelta(days=KEEP_DAYS)
        ).delete()
        self.stdout.write(f"Scheduled runs pruned: {deleted}.")
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            call_command("prune_db_task_results", min_age_days=KEEP_DAYS, stdout=self.stdout)
