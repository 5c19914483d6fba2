"""Playwright on the system Chromium (never a downloaded browser); skipped visibly when it is absent.

Playwright's sync API runs an asyncio loop in the main thread while it is open, and Django then hands
out other database connections (asgiref's thread-critical locals follow the running loop). So a test
does its ORM work first, then opens the browser with `with chromium() as page:` and closes it before
the database fixtures tear down.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ESCALE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium():
    """A factory of fresh browser pages (new profile, no cookies); list it before `seeded` to skip early."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is absent: browser tests need the system Chromium (apt-get install chromium)"
        if os.environ.get("ESCALE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    @contextmanager
    def open_page(locale="fr-FR"):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
                context.set_default_timeout(15_000)
                yield context.new_page()
            finally:
                browser.close()

    return open_page
