"""The survey page in Chromium: on a 375 px phone at "Très grand" text the pre-selected answer and the send
button are usable (no sideways scroll, 44 px targets), axe finds nothing, and only the button records."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from indicators import surveys
from indicators.models import SurveyAnswer, SurveyInvitation
from tests.activities.factories import make_session
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.browser.test_accessibility import describe
from tests.indicators.test_survey import attend

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def test_survey_answer_page_on_a_phone_at_very_large_text(
    chromium,  # noqa: F811
    django_db_serialized_rollback,
    home_fr,
    live_server,
    tmp_path,
):
    shots = Path(os.environ.get("ESCALE_SCREENSHOT_DIR", tmp_path))  # to look at the pages
    booking = attend(make_session(), "odette@example.org")
    invitation = SurveyInvitation.objects.create(booking=booking, session=booking.session)
    token = surveys.make_token(invitation)
    axe = Axe()
    failures = []
    with chromium() as page:
        page.context.add_cookies([{"name": "escale_text_size", "value": "x-large", "url": live_server.url}])
        page.set_viewport_size(PHONE)
        page.goto(f"{live_server.url}/fr/avis/{token}/good_time/maybe/")
        assert page.locator("input[value=maybe]").is_checked()
        scroll_width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= viewport, f"{scroll_width}px wide at {viewport}px"
        send = page.get_by_role("button", name="Envoyer ma réponse")
        assert send.bounding_box()["height"] >= 44 and send.bounding_box()["width"] <= viewport
        for option in page.locator(".survey-option").all():
            assert option.bounding_box()["height"] >= 44
        page.screenshot(path=shots / "survey-answer-375-xlarge.png", full_page=True)
        if violations := axe.run(page).response["violations"]:
            failures.append(f"answer page: {describe(violations)}")
        send.click()
        page.wait_for_load_state()
        assert "Merci pour votre réponse" in page.locator("body").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport
        page.screenshot(path=shots / "survey-thanks-375-xlarge.png", full_page=True)
        if violations := axe.run(page).response["violations"]:
            failures.append(f"thanks page: {describe(violations)}")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/en/avis/{token}/come_back/yes/")
        page.screenshot(path=shots / "survey-answer-1280-en.png", full_page=True)
        if violations := axe.run(page).response["violations"]:
            failures.append(f"answer page (en): {describe(violations)}")
    assert not failures, "\n".join(failures)
    assert list(SurveyAnswer.objects.values_list("question", "choice")) == [("good_time", "maybe")]
