"""`manage.py seed_demo`: build (or bring up to date) the demo site of La Maison Escale. Safe to run again."""

import importlib
import logging

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import no_redirects_on_slug_change
from home.demo import seed as seed_home

# Other apps add their demo data in `<app>/demo.py`, a `seed(*, stdout)` function; called in this order.
DEMO_APPS = ("activities", "members", "care", "solidarity", "indicators", "search")
BASE_URL = "http://127.0.0.1:8000"


def app_seeders():
    """The `seed` functions of the apps that have a demo module; an import error inside a module is raised."""
    seeders = []
    for app in DEMO_APPS:
        name = f"{app}.demo"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        seeders.append((app, module.seed))
    return seeders


class Command(BaseCommand):
    help = "Crée ou met à jour le site de démonstration (pages, actualités, images, comptes). Peut être relancée."

    def handle(self, *args, **options):
        # Wagtail logs every page edit at INFO: hundreds of lines that would hide the accounts table.
        for name in ("wagtail", "django_tasks"):
            logging.getLogger(name).setLevel(logging.WARNING)
        with no_redirects_on_slug_change(), transaction.atomic():
            self.stdout.write("Contenu du site…")
            accounts = seed_home(stdout=self.stdout)
            for app, seed in app_seeders():
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
