"""axe-core finds no accessibility violation on the main public pages, in French and in English."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.browser


def main_pages(language):
    """One page of each public kind in `language`, as (label, path)."""
    live = {"locale__language_code": language, "live": True}
    return [
        ("home page", HomePage.objects.get(**live).url),
        ("news index", NewsIndexPage.objects.filter(**live).first().url),
        ("news page", NewsPage.objects.filter(**live).order_by("-date", "-pk").first().url),
        ("standard page", StandardPage.objects.filter(**live).order_by("path").first().url),
    ]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        lines.extend(f"      {node['target']}: {node.get('failureSummary', '')!r}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_main_pages_have_no_axe_violations(chromium, seeded, live_server, language):
    pages = main_pages(language)
    axe = Axe()
    failures = []
    with chromium() as page:
        for label, path in pages:
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{label} {path} answered {response.status}"
            assert page.locator("html").get_attribute("lang") == language
            violations = axe.run(page).response["violations"]
            if violations:
                failures.append(f"{label} {path}: {len(violations)} violation(s)\n{describe(violations)}")

    report = "\n".join(failures)
    print(report)  # noqa: T201 - the report is the point of a failing accessibility test
    assert not failures, report
