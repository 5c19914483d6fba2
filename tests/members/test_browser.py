"""Browser journey (sign up → membership → booking at the member price → history → receipt) and
axe-core on the sign-up, Mon espace and history pages."""

import datetime
import re
from decimal import Decimal

from django.core import mail
from django.db.models import F, Q
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities.models import Booking, Session
from members.models import Payment
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture

pytestmark = pytest.mark.browser

EMAIL = "nouvelle.adherente@escale.example"
PASSWORD = "Un-mot-de-passe-solide-2026"


def bookable_session():
    """A seeded session with a member price below the full price, open for booking."""
    return (
        Session.objects.scheduled()
        .filter(start__gt=timezone.now() + datetime.timedelta(days=2), activity__is_cycle=False)
        .filter(activity__full_price__gt=0, activity__member_price__lt=F("activity__full_price"))
        .filter(Q(booking_opens_at__isnull=True) | Q(booking_opens_at__lte=timezone.now()))
        .select_related("activity")
        .order_by("start")
        .first()
    )


def violations_of(page):
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in Axe().run(page).response["violations"]
    ]


def test_sign_up_verify_join_book_at_member_price_see_history_and_download_receipt(chromium, seeded, live_server):  # noqa: F811
    session = bookable_session()
    assert session is not None
    member_price = session.activity.member_price
    base = live_server.url
    with chromium() as page:
        page.goto(base + "/fr/comptes/signup/")
        assert violations_of(page) == []
        page.locator("#id_email").fill(EMAIL)
        page.locator("#id_first_name").fill("Odette")
        page.locator("#id_last_name").fill("Roux")
        page.locator("#id_commune").fill("Cadaujac")
        page.locator("#id_postal_code").fill("33140")
        page.get_by_label("J'accepte les conditions d'utilisation du site.").check()
        page.get_by_label("J'adhère à la charte du lieu : entraide et bienveillance.").check()
        page.locator("#id_password1").fill(PASSWORD)
        page.locator("#id_password2").fill(PASSWORD)
        page.locator("form.form button[type=submit]").click()
        path = re.search(r"https?://[^/\s]+(/\S*/comptes/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
        page.goto(base + path)
        page.locator("main form button[type=submit]").click()

        page.goto(base + "/fr/mon-espace/adhesion/")
        page.get_by_label(re.compile("Adhésion annuelle")).check()
        page.get_by_role("button", name="Continuer").click()
        page.locator("select[name=status]").select_option("confirmed")
        page.locator("select[name=fraud_status]").select_option("accept")
        page.locator("select[name=gateway_response]").select_option("3ds-disabled")
        page.get_by_role("button", name="Payer").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("confirmé")

        page.goto(base + f"/fr/agenda/seance/{session.pk}/")
        page.locator(f"form[action$='/agenda/seance/{session.pk}/inscription/'] button[type=submit]").click()

        page.goto(base + "/fr/mon-espace/")
        assert violations_of(page) == []
        page.goto(base + "/fr/mon-espace/historique/")
        assert violations_of(page) == []
        expect(page.locator("main")).to_contain_text(session.activity.title)
        expect(page.locator("main")).to_contain_text("Adhésion annuelle")
        receipt_link = page.get_by_role("link", name=re.compile("Télécharger le reçu"))
        pdf = page.request.get(base + receipt_link.first.get_attribute("href"))
        assert pdf.status == 200
        assert pdf.body().startswith(b"%PDF")

    booking = Booking.objects.get(member__email=EMAIL, session=session)
    assert booking.price == member_price < session.activity.full_price
    assert Payment.objects.get(member__email=EMAIL).total == Decimal("29.00")
