"""Anonymise the case files whose last contact is older than CARE_RETENTION_DAYS (same service as the task)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from care import services


class Command(BaseCommand):
    help = "Anonymise care case files past the retention period (CARE_RETENTION_DAYS, default 730 days)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List how many files would be anonymised, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        ids = services.anonymise_expired(dry_run=dry_run)
        days = getattr(settings, "CARE_RETENTION_DAYS", 730)
        # Ids only: never a name or any care content in command output.
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(ids)} case file(s) {verb} (retention {days} days): {', '.join(map(str, ids)) or '-'}")
