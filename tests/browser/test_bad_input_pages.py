"""The pages answering malformed addresses (issue 13, item 5) read well and pass axe, FR and EN, phone and desktop:
the calendar with a month out of range (current month and a notice) and the 400 page (a NUL character)."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

PAGES = {
    "fr": [
        ("month out of range", "/fr/agenda/?vue=mois&mois=9999-12", "Ce mois n'est pas dans l'agenda"),
        ("programme out of range", "/fr/agenda/programme/?mois=0001-01", "Ce mois n'est pas dans l'agenda"),
        ("NUL in search", "/fr/recherche/?q=%00", "caractère invalide"),
    ],
    "en": [
        ("month out of range", "/en/agenda/?vue=mois&mois=9999-12", "This month is not in the calendar"),
        ("NUL in search", "/en/search/?q=%00", "invalid character"),
    ],
}
SHOTS = os.environ.get("ESCALE_SCREENSHOTS")  # a directory: keep screenshots to look at them


@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_input_pages_explain_themselves_and_pass_axe(chromium, seeded, live_server, language):
    axe = Axe()
    failures = []
    with chromium() as page:
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            for label, path, text in PAGES[language]:
                response = page.goto(live_server.url + path)
                assert response.status == 400, f"{label} {path} answered {response.status}"
                assert text in page.locator("main, body").first.inner_text()
                assert page.locator("html").get_attribute("lang") == language
                if SHOTS:
                    page.screenshot(path=f"{SHOTS}/{language}-{label.replace(' ', '-')}-{width}.png", full_page=False)
                violations = axe.run(page).response["violations"]
                if violations:
                    failures.append(f"{label} {path} at {width}px\n{describe(violations)}")
    report = "\n".join(failures)
    assert not failures, report
