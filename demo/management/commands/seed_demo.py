"""`manage.py seed_demo`: build (or bring up to date) the demo site of La Maison Escale. Safe to run again."""

import logging
from contextlib import nullcontext

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import activities, care, indicators, members, newsletter, partners, search, solidarity
from demo import build as site
from demo.build import no_redirects_on_slug_change

BASE_URL = "http://127.0.0.1:8000"

# In this order: each step needs the ones before (accounts, then pages and sessions, memberships, bookings…).
# (one transaction for the group?, steps): the bookings go through `activities.services.book`, which opens
# its own transaction for each booking and must not run inside another one.
STEPS = (
    (
        True,
        (
            ("activities", activities.seed),
            ("members", members.seed),
            ("partners", partners.seed),
            ("newsletter", newsletter.seed),
        ),
    ),
    (False, (("activities: inscriptions", activities.seed_bookings),)),
    (
        True,
        (
            ("care", care.seed),
            ("solidarity", solidarity.seed),
            ("indicators", indicators.seed),
            ("search", search.seed),
        ),
    ),
)


class Command(BaseCommand):
    help = "Crée ou met à jour le site de démonstration (pages, actualités, images, comptes). Peut être relancée."

    def handle(self, *args, **options):
        # Wagtail logs every page edit at INFO: hundreds of lines that would hide the accounts table.
        for name in ("wagtail", "django_tasks"):
            logging.getLogger(name).setLevel(logging.WARNING)
        with no_redirects_on_slug_change():
            with transaction.atomic():
                self.stdout.write("Contenu du site…")
                accounts = site.seed(stdout=self.stdout)
            for atomic, steps in STEPS:
                with transaction.atomic() if atomic else nullcontext():
                    for app, seed in steps:
                        self.stdout.write(f"Démo de l'application « {app} »…")
                        seed(stdout=self.stdout)
        self.print_summary(accounts)

    def print_summary(self, accounts):
        headers = ("E-mail", "Rôle", "Mot de passe")
        widths = [max(len(str(row[i])) for row in [headers, *accounts]) for i in range(3)]
        line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Site de démonstration prêt."))
        self.stdout.write(line)
        for row in [headers, None, *accounts]:
            if row is None:
                self.stdout.write(line)
                continue
            self.stdout.write("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) + " |")
        self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write(f"  Site en français : {BASE_URL}/fr/")
        self.stdout.write(f"  Site en anglais  : {BASE_URL}/en/")
        self.stdout.write(f"  Administration   : {BASE_URL}/admin/")
