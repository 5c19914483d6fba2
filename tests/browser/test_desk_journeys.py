"""Front-desk journeys in Chromium (issue 12, items 1, 2 and 5): a coordinator books and cancels for
a phone caller with no mandate, finds people by phone number however it is typed, and records a
desk payment whose receipt is printed on the spot; axe-core finds no violation on these pages."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities.models import Booking
from members.models import MemberProfile
from tests.activities.factories import make_activity, make_session
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

COORDINATOR = "coordination@escale.example"  # Claire Dubois in the demo accounts
TIMEOUT = 30_000  # ms: the machines running the suite can be slow


def _staff_page(page, base_url):
    client = Client()
    client.force_login(get_user_model().objects.get(email=COORDINATOR))
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def _phone_caller(first_name="Germaine", last_name="Lacoste", phone="05 56 11 22 33"):
    """Someone without e-mail, known by phone only (as created at the desk)."""
    user = get_user_model().objects.create_user(
        username=f"accueil-{first_name.lower()}", email="", first_name=first_name, last_name=last_name
    )
    MemberProfile.objects.update_or_create(user=user, defaults={"phone": phone, "preferred_channel": "phone"})
    return user


def _no_axe_violations(page, label):
    # Wagtail's messages fade in: on a slow machine axe would measure the contrast of a half-faded banner.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=TIMEOUT)
    violations = Axe().run(page).response["violations"]
    assert not violations, f"{label}: {describe(violations)}"


def test_a_coordinator_books_and_cancels_for_a_phone_caller_without_a_mandate(chromium, seeded, live_server):  # noqa: F811
    caller = _phone_caller()
    session = make_session(make_activity("Atelier mémoire"))
    base = live_server.url
    with chromium() as page:
        _staff_page(page, base)
        # The search form's submit is covered by the member-list journey below; here, its result.
        page.goto(f"{base}/admin/activites/{session.pk}/inscrire/?q=0556112233")
        result = page.locator("form", has_text="Germaine Lacoste")
        expect(result.get_by_label("La personne me le demande par téléphone")).to_be_checked(timeout=TIMEOUT)
        _no_axe_violations(page, "assisted booking")
        result.get_by_role("button", name="Inscrire Germaine Lacoste").click()
        expect(page.locator("main")).to_contain_text("Germaine Lacoste : Confirmée", timeout=TIMEOUT)

        page.get_by_role("link", name="Annuler l'inscription de Germaine Lacoste").click()
        page.get_by_label("La personne me le demande par téléphone").check()
        _no_axe_violations(page, "cancel for the person")
        page.get_by_role("button", name="Annuler l'inscription").click()
        expect(page.locator("main")).to_contain_text("Inscription annulée.", timeout=TIMEOUT)

        page.goto(f"{base}/admin/adherents/{caller.pk}/")
        history = page.locator("main")
        expect(history).to_contain_text(
            "inscription – Atelier mémoire, à sa demande, par téléphone, par Claire D.", timeout=TIMEOUT
        )
        expect(history).to_contain_text(
            "annulation d'une inscription – Atelier mémoire, à sa demande, par téléphone, par Claire D.",
            timeout=TIMEOUT,
        )
        _no_axe_violations(page, "member detail")
    assert Booking.objects.get(member=caller, session=session).status == Booking.Status.CANCELLED


def test_a_coordinator_finds_a_member_by_phone_however_it_is_typed(chromium, seeded, live_server):  # noqa: F811
    _phone_caller()
    _phone_caller("Marcel", "Petit", "06 12 00 00 99")
    base = live_server.url
    with chromium() as page:
        _staff_page(page, base)
        page.goto(f"{base}/admin/adherents/")
        for typed in ("0556112233", "05 56 11 22 33"):
            # The Wagtail listing searches as one types (the results are swapped in place).
            page.locator("form[role=search] input[name=q]").fill(typed)
            expect(page.locator("main")).to_contain_text("Lacoste", timeout=TIMEOUT)
            expect(page.locator("main")).not_to_contain_text("Petit", timeout=TIMEOUT)
        _no_axe_violations(page, "member list searched by phone")


def test_a_coordinator_records_a_desk_payment_and_prints_its_receipt(chromium, seeded, live_server):  # noqa: F811
    caller = _phone_caller()
    booking = Booking.objects.create(
        session=make_session(make_activity("Sophrologie")),
        member=caller,
        status=Booking.Status.CONFIRMED,
        price=Decimal("8.00"),
        made_by=caller,
    )
    base = live_server.url
    with chromium() as page:
        _staff_page(page, base)
        page.goto(f"{base}/admin/adherents/{caller.pk}/paiement/")
        main = page.locator("main")
        expect(main).to_contain_text("Sophrologie", timeout=TIMEOUT)
        expect(main).to_contain_text("Total dû (tout ce qui est coché par défaut) : 8,00 €", timeout=TIMEOUT)
        _no_axe_violations(page, "desk payment form")
        page.get_by_label("Espèces").check()
        page.get_by_role("button", name="Enregistrer le paiement").click()
        expect(main).to_contain_text("Paiement enregistré, reçu émis.", timeout=TIMEOUT)
        expect(main).to_contain_text("8,00 €", timeout=TIMEOUT)
        _no_axe_violations(page, "payment recorded")

        page.get_by_label("A5").check()
        form = page.locator("form", has=page.get_by_role("button", name="Imprimer le reçu (PDF, nouvel onglet)"))
        receipt_url = base + form.get_attribute("action") + "?format=A5"
        with page.expect_popup() as popup:
            page.get_by_role("button", name="Imprimer le reçu (PDF, nouvel onglet)").click()
        assert "format=A5" in popup.value.url
        pdf = page.request.get(receipt_url)
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
        assert pdf.body().startswith(b"%PDF")
    assert booking.payment_items.filter(payment__fulfilled_at__isnull=False).exists()
