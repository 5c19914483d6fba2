"""`manage.py demo_totp_code`: the current 6-digit code of the demo staff's published TOTP secret."""

import time

from django.core.management.base import BaseCommand

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from demo.members import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Affiche le code de double authentification des comptes de démonstration (équipe sociale, administration)."

    def handle(self, *args, **options):
        from allauth.mfa import app_settings

        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
