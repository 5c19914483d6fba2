"""`manage.py send_convention_reminders`: daily; reminds partners 30 and 7 days before their convention ends."""

from django.core.management.base import BaseCommand

from partners.services import conventions


class Command(BaseCommand):
    help = "Rappelle aux partenaires de renouveler leur convention (30 et 7 jours avant) et retire les échues."

    def handle(self, *args, **options):
        reminded = conventions.send_renewal_reminders()
        ended = conventions.end_lapsed_conventions()
        self.stdout.write(f"{reminded} rappel(s) envoyé(s), {ended} convention(s) échue(s).")
