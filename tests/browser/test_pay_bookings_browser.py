"""'Payer mes inscriptions' in Chromium at 375 px and 1280 px, French and English: lines with date and
price, everything ticked, the total, no horizontal scroll, and axe-core finds nothing."""

import os

from django.conf import settings
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.members.factories import make_booking, make_user

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("ESCALE_SCREENSHOTS", "")


def _violations(page):
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in Axe().run(page).response["violations"]
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pay_my_bookings_reads_well_on_a_phone_and_a_desktop_in_both_languages(chromium, live_server):  # noqa: F811
    member = make_user(first_name="Josette")
    make_booking(member, price="8.00")
    make_booking(member, price="12.50")
    client = Client()
    client.force_login(member)
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    expected = {
        "fr": ("Total si tout est coché : 20,50 €", "8,00 €"),
        "en": ("Total if everything is ticked: 20.50 €", "8.00 €"),
    }
    with chromium() as page:
        page.set_default_timeout(90_000)  # a loaded CI machine: correctness, not speed, is tested here
        page.context.add_cookies([{**cookie, "url": live_server.url}])
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for lang, (total, price) in expected.items():
                page.goto(f"{live_server.url}/{lang}/mon-espace/a-payer/")
                text = page.inner_text("main")
                assert total in text and price in text
                boxes = page.locator("main input[type=checkbox]")
                assert boxes.count() == 2
                assert all(boxes.nth(i).is_checked() for i in range(2))
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                if SHOTS:
                    page.screenshot(path=f"{SHOTS}/a-payer-{lang}-{width}.png", full_page=True)
                assert _violations(page) == []
