"""On the English site and the English member area, no French string of the demo is left (place names and
access notes, membership types, interface words, French spacing before colons) and axe finds nothing."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from activities import agenda
from activities.models import ActivityPage
from demo.accounts import DEFAULT_DEMO_PASSWORD
from demo.activities import PLACES, PLACES_EN
from demo.members import MEMBERSHIP_TYPES
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

FRENCH_UI_WORDS = [
    "Mon espace",
    "Se connecter",
    "Se déconnecter",
    "Créer un compte",
    "Accueil",
    "Rechercher",
    "Taille du texte",
    "Agenda des activités",
    "Prochaines séances",
    "Séance",
    "Adhésion",
    "Mon historique",
    "Tableau de bord",
    "Tarif",
    "Lieu",
]
# Place names are proper nouns only where the English name is the same (none in the demo).
FRENCH_ONLY = sorted(
    {name for name, *_rest in PLACES if PLACES_EN[name][0] != name}
    | {row[7] for row in PLACES}
    | {row[0] for row in MEMBERSHIP_TYPES}
    | set(FRENCH_UI_WORDS)
)
SPACE_BEFORE_COLON = re.compile(r"\S[ \u00a0\u202f]:(\s|$)")


def english_pages():
    activity = ActivityPage.objects.filter(locale__language_code="en", live=True).order_by("path").first()
    session = agenda.listing_queryset().upcoming().first()
    return [
        "/en/",
        "/en/agenda/",
        "/en/agenda/?vue=mois",
        "/en/agenda/programme/",
        activity.url,
        f"/en/agenda/seance/{session.pk}/",
        "/en/my-space/",
        "/en/my-space/historique/",
        "/en/my-space/profil/",
        "/en/my-space/adhesion/",
        "/en/my-space/attestation/",
        "/en/my-space/a-payer/",
        "/en/agenda/mes-inscriptions/",
    ]


def test_english_site_and_member_area_show_no_french_string_of_the_demo(chromium, seeded, live_server):
    paths = english_pages()
    base = live_server.url
    axe = Axe()
    failures = []
    with chromium(locale="en-GB") as page:
        page.goto(base + "/en/accounts/login/")
        page.locator("#id_login").fill("membre@escale.example")
        page.locator("#id_password").fill(DEFAULT_DEMO_PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        for path in paths:
            response = page.goto(base + path)
            assert response.status == 200, f"{path} answered {response.status}"
            assert page.url.startswith(base + "/en/"), f"{path} led to {page.url}"
            text = page.locator("body").inner_text()
            found = [word for word in FRENCH_ONLY if word in text]
            if found:
                failures.append(f"{path}: French left: {found}")
            for match in SPACE_BEFORE_COLON.finditer(text):
                failures.append(f"{path}: French colon in {text[max(0, match.start() - 30) : match.end() + 20]!r}")
            violations = axe.run(page).response["violations"]
            if violations:
                failures.append(f"{path}: axe\n{describe(violations)}")
    report = "\n".join(failures)
    print(report)  # noqa: T201 - the report is the point of a failing test
    assert not failures, report
