"""The activities index shows thirty activities a page, in the team's order (the page tree), with "Page suivante":
one bounded, index-backed query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from activities.models.pages import ACTIVITIES_PER_PAGE
from tests.activities.factories import activity_index, make_activity

pytestmark = pytest.mark.django_db


def titles(response):
    return [activity.title for activity in response.context["activities"]]


def test_the_activities_index_pages_through_all_activities_in_the_team_order_without_counting(client):
    for n in range(ACTIVITIES_PER_PAGE + 5):
        make_activity(title=f"Atelier {n:02d}")  # added one after the other: the team's order
    index = activity_index()

    with CaptureQueriesContext(connection) as captured:
        first = client.get(index.url)
    cursor = first.context["pagination"].next_cursor
    second = client.get(index.url, {"apres": cursor})

    assert first.status_code == second.status_code == 200
    assert titles(first) == [f"Atelier {n:02d}" for n in range(ACTIVITIES_PER_PAGE)]
    assert titles(second) == [f"Atelier {n:02d}" for n in range(ACTIVITIES_PER_PAGE, ACTIVITIES_PER_PAGE + 5)]
    html = first.content.decode()
    assert f'href="?apres={cursor}" rel="next">Page suivante</a>' in html
    assert '<nav class="pagination" aria-label="Pagination">' in html
    assert "Première page" in second.content.decode() and "Page suivante" not in second.content.decode()
    listing = [q["sql"] for q in captured.captured_queries if '"activities_activitypage"' in q["sql"]]
    assert all("LIMIT 31" in sql and "COUNT(" not in sql.upper() for sql in listing), listing


def test_a_short_list_has_no_pagination(client):
    make_activity(title="Yoga doux")

    response = client.get(activity_index().url)

    assert titles(response) == ["Yoga doux"]
    assert 'class="pagination"' not in response.content.decode()
