"""`manage.py send_session_alerts`: run every hour (cron) to announce new sessions to interested members."""

from django.core.management.base import BaseCommand

from members.services.alerts import send_session_alerts


class Command(BaseCommand):
    help = (
        "Prévient par e-mail les adhérents qui l'ont demandé des nouvelles séances sur leurs centres "
        "d'intérêt (un seul e-mail par personne, jamais deux fois la même séance). À lancer chaque heure."
    )

    def handle(self, *args, **options):
        alerted = send_session_alerts()
        self.stdout.write(f"{alerted} adhérent(s) prévenu(s).")
