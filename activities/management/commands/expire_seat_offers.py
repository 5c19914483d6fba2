"""Pass expired seat offers on to the next person waiting (run every few minutes, e.g. by cron)."""

from django.core.management.base import BaseCommand

from activities.services import expire_offers


class Command(BaseCommand):
    help = "Libère les places proposées et non confirmées à temps, et les propose à la personne suivante."

    def handle(self, *args, **options):
        expired = expire_offers()
        self.stdout.write(f"Expired seat offers: {len(expired)}.")
