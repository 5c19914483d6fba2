"""Compare each session's seat counter with its bookings, report and fix any drift (nightly)."""

from django.core.management.base import BaseCommand

from activities.seats import drifted, recount_seats


class Command(BaseCommand):
    help = "Recompte les places prises de chaque séance, signale et corrige les écarts."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Signaler les écarts sans les corriger.")

    def handle(self, *args, dry_run=False, **options):
        found = drifted() if dry_run else recount_seats()
        for pk, counter, counted in found:
            self.stdout.write(f"Session {pk}: counter {counter}, bookings {counted}.")
        verb = "found" if dry_run else "fixed"
        self.stdout.write(f"Seat counters {verb}: {len(found)} drifted.")
