"""`manage.py send_renewal_reminders`: run daily (cron) to remind members 30 days before expiry."""

from django.core.management.base import BaseCommand

from members.services import send_renewal_reminders


class Command(BaseCommand):
    help = "Envoie les rappels de renouvellement d'adhésion (30 jours avant la fin). À lancer chaque jour."

    def handle(self, *args, **options):
        reminded = send_renewal_reminders()
        self.stdout.write(f"{len(reminded)} rappel(s) envoyé(s).")
