"""Issue #17 item 3: site, locale, settings, view restrictions, routes and permissions are remembered, so a
page costs at most 10 queries, the same with little or much content, as an anonymous visitor with a session
cookie (full render) and as a member; every remembered answer is forgotten when what it depends on changes."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from core import roles
from home.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def site(settings, home_fr, news_index_fr):
    settings.PAGE_CACHE_SECONDS = 300  # as in production (Redis): the memory follows the page-cache generation
    settings.MEMBERS_REQUIRE_STAFF_MFA = True  # as in production: every request asks whether MFA is required
    SiteSettings.for_site(home_fr.get_site())
    return home_fr


def anonymous_with_session():
    """Never served from the shared page cache: a full render (as the bench's "rendered" rows)."""
    client = Client()
    client.cookies["sessionid"] = "no-such-session"
    return client


def member_client(member):
    client = Client()
    client.force_login(member)
    return client


def queries(client, url):
    assert client.get(url).status_code == 200  # warms images, the menu and the process memory
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def add_content(news_index, count):
    return [factories.NewsPageFactory(parent=news_index) for _ in range(count)][-1]


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_home_news_index_and_news_page_cost_at_most_10_queries_with_3_or_40_news(site, news_index_fr, member, who):
    counts = []
    for added in (3, 37):
        news = add_content(news_index_fr, added)
        for n in range(2 if added == 3 else 6):
            factories.StandardPageFactory(parent=site, title=f"Rubrique {added}-{n}", show_in_menus=True)
        client = anonymous_with_session() if who == "anonymous" else member_client(member)
        counts.append([len(queries(client, url)) for url in ("/fr/", news_index_fr.url, news.url)])

    small, large = counts
    assert small == large, "the number of queries grows with the content"
    assert max(large) <= MAX_QUERIES, counts


def test_a_member_page_asks_nothing_about_locales_sites_settings_restrictions_or_permissions(
    site, news_index_fr, member
):
    news = add_content(news_index_fr, 2)
    client = member_client(member)

    sql = " ".join(queries(client, "/fr/") + queries(client, news_index_fr.url) + queries(client, news.url))

    for table in (
        "wagtailcore_locale",
        "wagtailcore_site",
        "home_sitesettings",
        "pageviewrestriction",
        "auth_permission",
    ):
        assert f'"{table}' not in sql, table


def test_a_new_view_restriction_applies_on_the_next_request(site, news_index_fr):
    news = add_content(news_index_fr, 1)
    client = anonymous_with_session()
    assert client.get(news.url).status_code == 200

    PageViewRestriction.objects.create(page=news_index_fr, restriction_type="password", password="jardin")

    assert "csrfmiddlewaretoken" in client.get(news.url).content.decode()  # the password form
    assert "csrfmiddlewaretoken" in client.get(news_index_fr.url).content.decode()
    assert news.title not in client.get("/fr/").content.decode()  # no longer in the latest news


def test_unpublishing_a_page_is_seen_by_the_remembered_route(site, news_index_fr):
    news = add_content(news_index_fr, 1)
    client = anonymous_with_session()
    assert client.get(news.url).status_code == 200

    news.unpublish()

    assert client.get(news.url).status_code == 404


def test_a_settings_change_shows_on_the_next_request(site):
    client = anonymous_with_session()
    assert client.get("/fr/").status_code == 200
    settings_ = SiteSettings.for_site(site.get_site())
    settings_.organisation_name = "Le Tiers-Lieu des Aidants"
    settings_.save()

    assert "Le Tiers-Lieu des Aidants" in client.get("/fr/").content.decode()


def test_a_permission_granted_to_a_group_reaches_its_members_on_the_next_request(site, member):
    client = member_client(member)
    assert client.get("/fr/").status_code == 200
    assert client.get("/admin/").status_code == 403  # a member: the team-only page

    group = Group.objects.create(name="Bénévoles")
    group.user_set.add(member)
    group.permissions.add(Permission.objects.get(codename="access_admin"))

    assert client.get("/admin/").status_code != 403


def test_a_member_added_to_a_care_role_must_set_up_mfa_on_the_next_request(site, member):
    client = member_client(member)
    assert client.get("/fr/").status_code == 200

    Group.objects.get_or_create(name=roles.SOCIAL_WORKER)[0].user_set.add(member)

    response = client.get("/fr/")
    assert response.status_code == 302
    assert "totp" in response["Location"] or "mfa" in response["Location"]
