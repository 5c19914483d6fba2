"""The filtered access journal in Chromium, on a phone and a desktop: no axe violation, no sideways scroll."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe

from care import services
from tests.browser.conftest import chromium  # noqa: F401 - the shared Playwright fixture
from tests.browser.test_accessibility import describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_filtered_journal_has_no_axe_violations_at_375_and_1280_px(chromium, live_server, tmp_path):  # noqa: F811
    admin = get_user_model().objects.create_superuser("direction", "direction@escale.example", "x", first_name="Anne")
    case = services.create_case(admin, first_name="Berthe", last_name="Lemoine")
    services.get_case(admin, case.pk)
    client = Client()
    client.force_login(admin)
    cookie = client.cookies["sessionid"].value
    axe = Axe()
    failures = []
    with chromium() as page:
        page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(f"{live_server.url}/admin/accompagnement/journal/?case={case.pk}")
            assert response.status == 200
            assert "Berthe Lemoine" in page.locator("table.care-table").inner_text()
            page.screenshot(path=str(tmp_path / f"journal-{width}.png"), full_page=True)
            violations = axe.run(page).response["violations"]
            if violations:
                failures.append(f"journal at {width}px: {describe(violations)}")
    report = "\n".join(failures)
    print(report, tmp_path)  # noqa: T201 - the report is the point of a failing accessibility test
    assert not failures, report
