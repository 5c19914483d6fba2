"""List pages cost the same number of queries whatever the amount of content; demo renditions are ready."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

import pytest

from home.models import SiteSettings
from search.renditions import pregenerate_renditions
from tests import factories

pytestmark = pytest.mark.django_db


def queries_to_render(url):
    """Queries of a second visit (the first one makes the image renditions)."""
    assert Client().get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_news(index, count):
    for _ in range(count):
        factories.NewsPageFactory(parent=index)


@pytest.fixture
def site(home_fr, news_index_fr):
    SiteSettings.for_site(home_fr.get_site())
    return home_fr


def test_news_index_query_count_is_the_same_for_1_10_and_100_news(site, news_index_fr):
    add_news(news_index_fr, 1)
    with_one = queries_to_render(news_index_fr.url)
    add_news(news_index_fr, 9)
    with_ten = queries_to_render(news_index_fr.url)
    add_news(news_index_fr, 90)
    with_hundred = queries_to_render(news_index_fr.url)

    assert with_one == with_ten == with_hundred


def test_home_page_query_count_does_not_grow_with_news_and_menu_pages(site, news_index_fr):
    add_news(news_index_fr, 1)
    few = queries_to_render("/fr/")
    add_news(news_index_fr, 5)
    for n in range(4):
        factories.StandardPageFactory(parent=site, title=f"Rubrique {n}", show_in_menus=True)
    many = queries_to_render("/fr/")

    assert few == many


def test_the_menu_and_footer_cost_no_query_once_cached(settings, site, news_index_fr):
    settings.PAGE_CACHE_SECONDS = 300
    other = factories.StandardPageFactory(parent=site, title="Nous trouver")
    with CaptureQueriesContext(connection) as cold:
        Client().get(news_index_fr.url)  # the first page rendered builds the menu and footer
    with CaptureQueriesContext(connection) as warm:
        Client().get(other.url)  # the next one, another page, takes them from the cache

    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "home_practicalinfo" in " ".join(query["sql"] for query in cold.captured_queries)
    assert "home_practicalinfo" not in sql
    assert "home_sociallink" not in sql


def test_pregenerated_renditions_cover_the_home_page_and_news_cards(site, news_index_fr):
    add_news(news_index_fr, 3)
    site.hero_image = factories.ImageFactory()
    site.save()
    pregenerate_renditions(get_image_model().objects.all())
    Rendition = get_image_model().get_rendition_model()
    before = Rendition.objects.count()

    assert Client().get("/fr/").status_code == 200
    assert Client().get(news_index_fr.url).status_code == 200

    assert Rendition.objects.count() == before, "a visitor had to wait for an image to be resized"
