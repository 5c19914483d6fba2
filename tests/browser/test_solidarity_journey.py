"""Browser journey (Chromium + axe): a caregiver posts a recurring request; the matching volunteer gets the
e-mail and offers; the caregiver accepts; only now each sees the other's phone; after the date both say it
took place, and the figures count it. ORM work happens between browser sessions (see conftest)."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from demo.accounts import demo_password
from solidarity.models import HelpRequest
from solidarity.services.figures import counts
from tests.browser.test_member_journeys import log_in, violations_of

pytestmark = pytest.mark.browser

CAREGIVER_PHONE = "06 98 76 54 32"  # aidant@escale.example in the demo
VOLUNTEER_PHONE = "06 45 45 45 45"  # benevole@escale.example in the demo


def next_thursday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)


def test_caregiver_and_volunteer_meet_through_escale_and_both_confirm_it_took_place(
    chromium, seeded, live_server, client
):
    base = live_server.url
    today = timezone.localdate()
    honoured_before = counts(today, today)["honoured"]
    mail.outbox.clear()

    with chromium() as page:
        log_in(page, base, "aidant@escale.example", demo_password())
        page.goto(base + "/fr/mon-espace/entraide/")
        assert violations_of(page) == []
        page.get_by_role("link", name="Demander de l'aide").first.click()
        assert violations_of(page) == []
        page.get_by_label("Courses", exact=True).check()
        page.get_by_label("Date").fill(next_thursday().isoformat())
        page.get_by_label("Heure").fill("14:30")
        page.get_by_label("Combien de semaines ?").fill("6")
        page.get_by_label("Commune").fill("Cadaujac")
        page.get_by_role("button", name="Envoyer").click()
        expect(page.locator("main")).to_contain_text("chaque semaine, 6 fois")
        assert violations_of(page) == []

    help_request = HelpRequest.objects.filter(requester__email="aidant@escale.example").latest("pk")
    detail = reverse("solidarity:request", args=[help_request.pk])
    to_volunteer = [m for m in mail.outbox if m.to == ["benevole@escale.example"] and detail in m.body]
    assert len(to_volunteer) == 1 and CAREGIVER_PHONE not in to_volunteer[0].body

    with chromium() as page:
        log_in(page, base, "benevole@escale.example", demo_password())
        page.goto(base + re.sub(r"^https?://[^/]+", "", detail))
        assert violations_of(page) == []
        page.get_by_role("button", name="Je propose mon aide").click()
        expect(page.locator("main")).to_contain_text("Proposée")
        assert CAREGIVER_PHONE not in page.content()
        page.set_viewport_size({"width": 375, "height": 800})  # usable on a phone: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + "/fr/mon-espace/entraide/benevole/")
        assert violations_of(page) == []
        page.goto(base + "/en/my-space/mutual-help/")
        expect(page.locator("main")).to_contain_text("My volunteering")
        assert violations_of(page) == []

    with chromium() as page:
        log_in(page, base, "aidant@escale.example", demo_password())
        page.goto(base + detail)
        assert VOLUNTEER_PHONE not in page.content()
        page.get_by_role("button", name="Accepter l'aide de Lucie").click()
        expect(page.locator("main")).to_contain_text(VOLUNTEER_PHONE)
        assert violations_of(page) == []

    with chromium() as page:
        log_in(page, base, "benevole@escale.example", demo_password())
        page.goto(base + detail)
        expect(page.locator("main")).to_contain_text(CAREGIVER_PHONE)

    HelpRequest.objects.filter(pk=help_request.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=2))
    for email in ("aidant@escale.example", "benevole@escale.example"):
        with chromium() as page:
            log_in(page, base, email, demo_password())
            page.goto(base + detail)
            page.get_by_role("button", name="L'aide a eu lieu").click()
            expect(page.locator("main")).to_contain_text("Merci, c'est noté.")

    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.CLOSED and help_request.honoured
    assert counts(today, today)["honoured"] == honoured_before + 1
    client.force_login(get_user_model().objects.get(email="admin@escale.example"))
    assert "Entraide et veille téléphonique" in client.get(reverse("indicators_admin:dashboard")).content.decode()
