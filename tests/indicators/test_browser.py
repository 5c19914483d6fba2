"""axe-core finds no violation on the indicators dashboard (admin chrome included) and on the survey page."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe

from activities.models import Booking
from indicators import surveys
from indicators.models import SurveyInvitation
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser


def session_cookie(email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client.cookies["sessionid"].value


def test_dashboard_and_survey_pages_have_no_axe_violations(chromium, seeded, live_server):  # noqa: F811
    cookie = session_cookie("coordination@escale.example")
    booking = Booking.objects.select_related("session").order_by("pk").first()
    invitation = SurveyInvitation.objects.create(booking=booking, session=booking.session)
    token = surveys.make_token(invitation)
    pages = [  # (label, path, status, text that proves the right page was reached)
        ("dashboard", "/admin/indicateurs/", 200, "Chiffres clés"),
        ("dashboard, this year", "/admin/indicateurs/?period=year", 200, "Bilan annuel à télécharger"),
        ("admin home with the panel", "/admin/", 200, "Indicateurs du mois"),
        ("survey answer", f"/fr/avis/{token}/good_time/yes/", 200, "Envoyer ma réponse"),
        ("survey, altered link", f"/fr/avis/{token}x/good_time/yes/", 404, "Ce lien ne fonctionne pas"),
    ]
    axe = Axe()
    failures = []
    with chromium() as page:
        page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        for label, path, status, proof in pages:
            response = page.goto(live_server.url + path)
            assert response.status == status, f"{label} {path} answered {response.status}"
            assert proof in page.locator("body").inner_text(), f"{label}: {page.url} is not the expected page"
            if path.startswith("/admin/indicateurs/"):
                assert page.locator("svg[role=img]").count() > 0
            violations = axe.run(page).response["violations"]
            if violations:
                failures.append(f"{label} {path}: {len(violations)} violation(s)\n{describe(violations)}")
    report = "\n".join(failures)
    print(report)  # noqa: T201 - the report is the point of a failing accessibility test
    assert not failures, report
