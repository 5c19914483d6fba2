"""Browser: a promoted member keeps the offered seat in one click from "Mes inscriptions";
axe-core finds no violation on that list nor on the booking page showing the offer."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities import services
from activities.models import Booking
from tests.activities.factories import make_session, make_user
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture

pytestmark = pytest.mark.browser

PASSWORD = "Un-mot-de-passe-solide-2026"


def violations_of(page):
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in Axe().run(page).response["violations"]
    ]


def test_a_promoted_member_keeps_the_offered_seat_in_one_click(chromium, seeded, live_server):  # noqa: F811
    member = get_user_model().objects.get(email="membre@escale.example")
    member.set_password(PASSWORD)
    member.save()
    session = make_session(capacity=1, start=timezone.now() + datetime.timedelta(days=9))
    holder = services.book(session, make_user())
    Booking.objects.filter(member=member, session=session).delete()
    offered = services.book(session, member)
    services.cancel_booking(holder, by=holder.member)
    offered.refresh_from_db()
    assert offered.status == Booking.Status.OFFERED

    base = live_server.url
    with chromium() as page:
        page.goto(base + "/fr/comptes/login/")
        page.locator("input[name=login]").fill(member.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.goto(base + f"/fr/agenda/inscriptions/{offered.pk}/")
        assert violations_of(page) == []
        page.goto(base + "/fr/agenda/mes-inscriptions/")
        assert violations_of(page) == []
        page.get_by_role("button", name="Je garde ma place").first.click()
        expect(page.locator("main")).to_contain_text("Votre place est confirmée")

    offered.refresh_from_db()
    assert offered.status == Booking.Status.CONFIRMED
