"""On a 375 px phone, at every text size, the agenda shows its first session on the first screen, nothing
is wider than the screen, the menu opens without JavaScript and the content comes after few Tab stops."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
TEXT_SIZES = ["normal", "large", "x-large"]
SCREENSHOTS = os.environ.get("ESCALE_SCREENSHOTS")  # a folder: save what the test saw, to look at it


IN_MAIN_OR_TEXT = "document.activeElement.closest('main') ? 'main' : document.activeElement.textContent.trim()"


def set_text_size(page, base_url, size):
    page.context.add_cookies([{"name": "escale_text_size", "value": size, "url": base_url}])


def first_card_top(page):
    return page.locator(".session-card").first.bounding_box()["y"]


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"))


def check_agenda_at_every_text_size(page, base, language, axe):
    failures = []
    page.set_viewport_size(PHONE)
    for size in TEXT_SIZES:
        set_text_size(page, base, size)
        response = page.goto(f"{base}/{language}/agenda/")
        assert response.status == 200
        assert page.locator("html").get_attribute("data-text-size") == size
        shoot(page, f"agenda-{language}-375-{size}")
        top = first_card_top(page)
        width = page_width(page)
        if top >= PHONE["height"]:
            failures.append(f"{language} {size}: first card at {top:.0f} px, below the {PHONE['height']} px screen")
        if width > PHONE["width"]:
            failures.append(f"{language} {size}: page {width} px wide on a {PHONE['width']} px screen")
        violations = axe.run(page).response["violations"]
        if violations:
            failures.append(f"{language} {size}: axe\n{describe(violations)}")
        for path in (f"/{language}/", f"/{language}/recherche/?q=yoga" if language == "fr" else "/en/search/?q=yoga"):
            page.goto(base + path)
            if page_width(page) > PHONE["width"]:
                failures.append(f"{path} {size}: {page_width(page)} px wide")
    page.set_viewport_size({"width": 1280, "height": 900})
    set_text_size(page, base, "normal")
    page.goto(f"{base}/{language}/agenda/")
    shoot(page, f"agenda-{language}-1280")
    return failures


def check_menu_and_tab_stops(page, base):
    page.set_viewport_size(PHONE)
    set_text_size(page, base, "normal")
    page.goto(base + "/fr/agenda/")
    # The first Tab stop is the skip link; the content follows the brand and the menu button.
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(IN_MAIN_OR_TEXT))
    assert stops[0] == "Aller au contenu"
    assert stops[3] == "main", stops
    agenda_link = page.get_by_role("link", name="Agenda", exact=True)
    assert not agenda_link.is_visible()
    page.get_by_role("button", name="Menu").click()
    assert agenda_link.is_visible()
    shoot(page, "menu-open-fr-375")


def check_menu_without_javascript(page, base):
    page.set_viewport_size(PHONE)
    page.route("**/*.js", lambda route: route.abort())
    page.goto(base + "/fr/agenda/")
    agenda_link = page.get_by_role("link", name="Agenda", exact=True)
    assert not agenda_link.is_visible()
    page.get_by_role("link", name="Menu").click()
    assert agenda_link.is_visible()
    assert page.get_by_role("button", name="Très grand").is_visible()


def test_phone_shows_the_first_session_on_the_first_screen_at_every_text_size_with_a_menu_that_needs_no_js(
    chromium, seeded, live_server
):
    """375 × 740 px: the agenda's first card starts within the first screen at the three text sizes, in
    French and English, no page is wider than the screen, axe finds nothing; the menu opens with and without
    JavaScript and the content comes after three Tab stops (skip link, brand, menu)."""
    base = live_server.url
    axe = Axe()
    failures = []
    for language in ("fr", "en"):
        with chromium(locale=f"{language}-FR") as page:
            failures += check_agenda_at_every_text_size(page, base, language, axe)
    with chromium() as page:
        check_menu_and_tab_stops(page, base)
    with chromium() as page:
        check_menu_without_javascript(page, base)
    assert not failures, "\n".join(failures)
