"""Queue the reminders for sessions starting within two days (run daily, e.g. by cron)."""

from django.core.management.base import BaseCommand

from activities.tasks import send_session_reminders


class Command(BaseCommand):
    help = "Envoie les rappels des séances qui ont lieu dans les deux jours."

    def handle(self, *args, **options):
        result = send_session_reminders.enqueue()
        self.stdout.write(f"Reminders queued ({result.id}).")
