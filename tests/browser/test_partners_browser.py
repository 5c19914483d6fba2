"""Partners in Chromium: an invited partner signs the convention, proposes an offer, staff approve it and it
appears on the public page; axe-core finds no violation on the new public pages (directory, partner, card check,
convention, partner space, newsletter subscription and issue)."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from newsletter.models import NewsletterIssuePage
from partners.models import Offer, PartnerOrganisation
from partners.services import cards, conventions
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser
ADMIN = "admin@escale.example"
TIMEOUT = 30_000


def _no_axe_violations(page, label):
    violations = Axe().run(page).response["violations"]
    assert not violations, f"{label}: {describe(violations)}"


def test_invited_partner_signs_edits_an_offer_staff_approve_it_appears_publicly(chromium, seeded, live_server):  # noqa: F811
    partner = PartnerOrganisation.objects.create(
        name="Librairie des Quais",
        slug="librairie-des-quais",
        category="culture",
        commune="Bègles",
        postcode="33130",
        latitude=44.809,
        longitude=-0.548,
        email="libraire@quais.example",
    )
    sign_path = f"/fr/partenaires/convention/{conventions.invitation_token(partner)}/"
    member = get_user_model().objects.get(email="membre@escale.example")
    check_path = cards.check_path(cards.current_card(member))
    issue_path = NewsletterIssuePage.objects.live().first().url
    staff = Client()
    staff.force_login(get_user_model().objects.get(email=ADMIN))
    base = live_server.url

    with chromium() as page:
        page.goto(base + sign_path)
        _no_axe_violations(page, "convention")
        page.get_by_label("Vos prénom et nom").fill("Hélène Duprat")
        page.get_by_label("J'ai lu la convention").check()
        page.get_by_label("Choisissez un mot de passe").fill("des-livres-et-des-quais-33")
        page.get_by_role("button", name="Signer la convention").click()
        expect(page.locator("h1")).to_contain_text("Espace partenaire", timeout=TIMEOUT)
        _no_axe_violations(page, "partner space")
        page.get_by_role("link", name="Proposer une offre").click()
        page.locator("#id_title").fill("Un marque-page offert")
        page.get_by_label("Conditions").fill("Sur présentation de la carte")
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.locator("main")).to_contain_text("Un marque-page offert – À relire", timeout=TIMEOUT)

    with chromium() as page:
        page.context.add_cookies([{"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": base}])
        page.goto(base + "/admin/offres-partenaires/")
        offer = page.locator("section", has_text="Un marque-page offert")
        offer.get_by_role("button", name="Publier").click()
        expect(page.locator("main")).to_contain_text("Offre publiée", timeout=TIMEOUT)

    assert Offer.objects.get(partner=partner).status == "published"
    with chromium() as page:
        page.goto(base + "/fr/partenaires/librairie-des-quais/")
        expect(page.locator("main")).to_contain_text("Un marque-page offert", timeout=TIMEOUT)
        _no_axe_violations(page, "partner page")
        for label, path in [
            ("directory by distance", "/fr/partenaires/?pres_de=B%C3%A8gles&rayon=5"),
            ("directory in English", "/en/partenaires/?categorie=food"),
            ("card check", check_path),
            ("newsletter subscription", "/fr/lettre/inscription/"),
            ("newsletter issue", issue_path),
        ]:
            response = page.goto(base + path)
            assert response.status == 200, f"{label} {path} answered {response.status}"
            _no_axe_violations(page, label)
