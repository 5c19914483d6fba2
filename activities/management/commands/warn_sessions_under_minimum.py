"""Warn the coordinators about sessions still under their minimum a few days before (run daily)."""

from django.core.management.base import BaseCommand

from activities.tasks import warn_sessions_under_minimum


class Command(BaseCommand):
    help = "Prévient la coordination des séances qui n'ont pas assez d'inscrits quelques jours avant."

    def handle(self, *args, **options):
        result = warn_sessions_under_minimum.enqueue()
        self.stdout.write(f"Under-minimum check queued ({result.id}).")
