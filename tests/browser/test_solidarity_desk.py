"""The team's mutual-help pages in the Wagtail admin (Chromium + axe): no violation on any of them."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import pytest
from axe_playwright_python.sync_playwright import Axe

from solidarity.models import CallAssignment, Campaign, HelpRequest, VolunteerProfile
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

COORDINATOR = "coordination@escale.example"


def test_every_staff_mutual_help_page_has_no_axe_violation(chromium, seeded, live_server):
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    client = Client()
    client.force_login(coordinator)
    cookie = client.cookies["sessionid"].value
    campaign = Campaign.objects.first()
    assignment = CallAssignment.objects.filter(caller=coordinator).first()
    paths = [
        reverse("solidarity_staff:volunteers"),
        reverse("solidarity_staff:volunteer", args=[VolunteerProfile.objects.first().pk]),
        reverse("solidarity_staff:requests"),
        reverse("solidarity_staff:request", args=[HelpRequest.objects.first().pk]),
        reverse("solidarity_staff:post_for"),
        reverse("solidarity_staff:reports"),
        reverse("solidarity_staff:campaigns"),
        reverse("solidarity_staff:campaign", args=[campaign.pk]),
        reverse("solidarity_staff:isolation"),
        reverse("solidarity_staff:my_calls"),
        reverse("solidarity_staff:record_call", args=[assignment.pk]),
    ]
    base = live_server.url
    with chromium() as page:
        page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": base}])
        for path in paths:
            response = page.goto(base + path)
            assert response.status == 200, path
            violations = Axe().run(page).response["violations"]
            assert not violations, f"{path}: {describe(violations)}"
