"""Visitor journeys in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from home.models import NewsIndexPage

pytestmark = pytest.mark.browser


def test_visitor_switches_to_english_and_opens_the_news(chromium, seeded, live_server):
    news_index_en = NewsIndexPage.objects.get(locale__language_code="en", live=True)
    with chromium() as page:
        visit_french_home_switch_to_english_open_news(page, live_server.url, news_index_en)


def visit_french_home_switch_to_english_open_news(page, base_url, news_index_en):
    page.goto(base_url + "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()

    expect(page).to_have_url(base_url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("nav.main-nav").get_by_role("link", name=news_index_en.title, exact=True).click()

    expect(page).to_have_url(re.compile(re.escape(base_url + news_index_en.url) + r"$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(news_index_en.title)
    expect(page.locator("main article").first).to_be_visible()
