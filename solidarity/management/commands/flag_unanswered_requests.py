"""Flag to the team the help requests nobody answered in N days (SOLIDARITY_UNANSWERED_DAYS)."""

from django.core.management.base import BaseCommand

from solidarity.services.requests import flag_unanswered


class Command(BaseCommand):
    help = "Flag open help requests without any offer after N days."

    def handle(self, *args, **options):
        count = flag_unanswered()
        self.stdout.write(f"{count} request(s) flagged")
