"""Queue the satisfaction survey e-mails for yesterday's sessions (run daily, e.g. by cron)."""

from django.core.management.base import BaseCommand

from indicators.tasks import send_satisfaction_surveys


class Command(BaseCommand):
    help = "Envoie le questionnaire de satisfaction aux personnes venues aux séances de la veille."

    def handle(self, *args, **options):
        result = send_satisfaction_surveys.enqueue()
        self.stdout.write(f"Satisfaction surveys queued ({result.id}).")
