"""Browser journeys (Chromium + axe): cancelling a paid booking through its confirmation page and
seeing the credit; cancelled and past sessions listed without any booking offer; a visitor who
signs up from a session page comes back to it after confirming their e-mail in another browser."""

import datetime
import os
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities import services as activity_services
from demo.accounts import demo_password
from tests.activities.factories import make_activity, make_session
from tests.members.factories import make_paid_booking

pytestmark = pytest.mark.browser

PASSWORD = "Un-mot-de-passe-solide-2026"
PHONE_INVITATION = "Vous pouvez aussi vous inscrire par téléphone"


def violations_of(page):
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in Axe().run(page).response["violations"]
    ]


def shoot(page, name):
    """With ESCALE_SCREENSHOTS=<dir>, save the page at 1280 px and 375 px wide (for a human look)."""
    folder = os.environ.get("ESCALE_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def in_english(page, base, check):
    """The same page in English: no axe violation, and `check` (an English sentence) shown."""
    french = page.url
    page.goto(french.replace("/fr/", "/en/", 1))
    expect(page.locator("main")).to_contain_text(check)
    assert violations_of(page) == []
    shoot(page, page.url.split(base)[1].strip("/").replace("/", "_").replace("?", "_") or "home")
    page.goto(french)


def log_in(page, base, email, password, path="/fr/comptes/login/"):
    page.goto(base + path)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()


def in_days(days, hour=15):
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_member_cancels_a_paid_booking_after_a_confirmation_that_announces_the_credit(chromium, seeded, live_server):
    users = get_user_model().objects
    member = users.get(email="membre@escale.example")
    booking = make_paid_booking(member, by=users.get(email="coordination@escale.example"))
    base = live_server.url

    with chromium() as page:
        log_in(page, base, member.email, demo_password())
        expect(page.locator("nav.account-links")).to_contain_text("Mon espace")
        page.goto(base + f"/fr/agenda/inscriptions/{booking.pk}/")
        page.get_by_role("link", name="Annuler mon inscription").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Annuler mon inscription")
        expect(page.locator("main")).to_contain_text("Vous avez payé 12,00 € : cette somme sera ajoutée à votre avoir.")
        assert violations_of(page) == []
        shoot(page, "cancel-booking-fr")
        in_english(page, base, "You paid 12.00 €: this amount will be added to your credit.")
        page.get_by_role("link", name="Non, garder mon inscription").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Mon inscription")
        expect(page.locator("main")).to_contain_text("Confirmée")

        page.get_by_role("link", name="Annuler mon inscription").click()
        page.get_by_role("button", name="Oui, annuler mon inscription").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Mes inscriptions")
        expect(page.locator(".messages")).to_contain_text("Votre inscription est annulée.")
        expect(page.locator(".messages")).to_contain_text("12,00 € ont été ajoutés à votre avoir")
        assert violations_of(page) == []


def test_cancelled_and_past_sessions_are_listed_without_any_booking_offer(chromium, seeded, live_server):
    cancelled = make_session(make_activity(title="Atelier cuisine annulé"), start=in_days(1))
    activity_services.cancel_session(cancelled, by=None)
    past = make_session(make_activity(title="Marche passée"), start=in_days(-27), capacity=3)
    past_month = f"{timezone.localtime(past.start):%Y-%m}"
    base = live_server.url

    with chromium() as page:
        page.goto(base + "/fr/agenda/")
        card = page.locator("article.session-card").filter(has_text="Atelier cuisine annulé")
        expect(card).to_contain_text("Annulée")
        expect(card).not_to_contain_text("places disponibles")
        expect(card.get_by_role("link", name=re.compile("Détails et inscription"))).to_have_count(0)
        assert violations_of(page) == []
        card.scroll_into_view_if_needed()
        shoot(page, "agenda-cancelled-fr")
        card.get_by_role("link", name=re.compile("^Détails")).click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Atelier cuisine annulé")
        main = page.locator("main")
        expect(main).to_contain_text("Séance annulée")
        expect(main).to_contain_text("Cette séance est annulée")
        expect(main).not_to_contain_text("places disponibles")
        expect(main).not_to_contain_text(PHONE_INVITATION)
        expect(page.get_by_role("link", name="Se connecter pour s'inscrire")).to_have_count(0)
        assert violations_of(page) == []
        shoot(page, "session-cancelled-fr")
        in_english(page, base, "This session is cancelled: booking is no longer possible.")

        page.goto(base + f"/fr/agenda/?vue=mois&mois={past_month}")
        card = page.locator("article.session-card").filter(has_text="Marche passée")
        expect(card).to_contain_text("Séance passée")
        expect(card).not_to_contain_text("Plus que")
        assert violations_of(page) == []
        page.goto(base + f"/fr/agenda/seance/{past.pk}/")
        main = page.locator("main")
        expect(main).to_contain_text("Cette séance a déjà eu lieu.")
        assert violations_of(page) == []
        shoot(page, "session-past-fr")
        expect(main).not_to_contain_text("Plus que 3 places")
        expect(main).not_to_contain_text(PHONE_INVITATION)
        expect(page.get_by_role("link", name="Se connecter pour s'inscrire")).to_have_count(0)


def test_a_visitor_signs_up_from_a_session_and_comes_back_to_it_after_confirming_in_another_browser(
    chromium, seeded, live_server
):
    session = make_session(make_activity(title="Chorale du jeudi"), start=in_days(6))
    session_path = f"/fr/agenda/seance/{session.pk}/"
    base = live_server.url
    mail.outbox.clear()

    with chromium() as page:
        page.goto(base + session_path)
        page.get_by_role("link", name="Se connecter pour s'inscrire").click()
        page.locator("main a[href*='/comptes/signup/']").first.click()
        expect(page).to_have_url(re.compile(r"/fr/comptes/signup/\?next="))
        page.locator("#id_email").fill("chorale@escale.example")
        page.locator("#id_first_name").fill("Odette")
        page.locator("#id_last_name").fill("Roux")
        page.locator("#id_commune").fill("Cadaujac")
        page.locator("#id_postal_code").fill("33140")
        page.get_by_label("J'accepte les conditions d'utilisation du site.").check()
        page.get_by_label("J'adhère à la charte du lieu : entraide et bienveillance.").check()
        page.locator("#id_password1").fill(PASSWORD)
        page.locator("#id_password2").fill(PASSWORD)
        page.locator("form.form button[type=submit]").click()
        expect(page).to_have_url(re.compile("/fr/comptes/confirm-email/"))

    (message,) = mail.outbox
    assert message.subject == "[Escale] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,")
    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+)", message.body).group(1)

    with chromium() as other_browser:  # the e-mail opened on another device: no sign-up session there
        other_browser.goto(base + link)
        assert violations_of(other_browser) == []
        other_browser.locator("main form button[type=submit]").click()
        expect(other_browser).to_have_url(re.compile(r"/fr/comptes/login/\?next="))
        other_browser.locator("input[name=login]").fill("chorale@escale.example")
        other_browser.locator("input[name=password]").fill(PASSWORD)
        other_browser.locator("main form button[type=submit]").click()

        expect(other_browser).to_have_url(base + session_path)
        expect(other_browser.get_by_role("heading", level=1)).to_have_text("Chorale du jeudi")
        expect(other_browser.get_by_role("button", name="M'inscrire", exact=True)).to_be_visible()
