"""axe-core finds no violation on the calendar (list and month), the activities, a session and the
printable programme, in French and in English, on a wide screen and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from activities import agenda
from activities.models import ActivityIndexPage, ActivityPage
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def agenda_pages(language):
    """One page of each calendar kind in `language`, as (label, path, title expected in the page)."""
    live = {"locale__language_code": language, "live": True}
    activity = ActivityPage.objects.filter(**live).order_by("path").first()
    session = agenda.listing_queryset().upcoming().filter(activity__translation_key=activity.translation_key).first()
    prefix = f"/{language}/agenda/"
    return [
        ("calendar", prefix, None),
        ("calendar filtered", f"{prefix}?theme=bien-etre&places_disponibles=on", None),
        ("month view", f"{prefix}?vue=mois", None),
        ("activity index", ActivityIndexPage.objects.get(**live).url, None),
        ("activity page", activity.url, activity.title),
        ("session page", f"{prefix}seance/{session.pk}/", activity.title),
        ("printable programme", f"{prefix}programme/", None),
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_calendar_activity_session_and_programme_have_no_axe_violations(chromium, seeded, live_server, language):
    pages = agenda_pages(language)
    axe = Axe()
    failures = []
    with chromium() as page:
        for viewport in ({"width": 1280, "height": 900}, PHONE):
            page.set_viewport_size(viewport)
            for label, path, title in pages:
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"{label} {path} answered {response.status}"
                assert page.locator("html").get_attribute("lang") == language
                if title:  # the English pages show the English activity
                    assert title in page.locator("h1").inner_text()
                violations = axe.run(page).response["violations"]
                if violations:
                    failures.append(f"{label} {path} at {viewport['width']}px\n{describe(violations)}")

    report = "\n".join(failures)
    print(report)  # noqa: T201 - the report is the point of a failing accessibility test
    assert not failures, report
