"""`create_random_data`: bulk pages that are valid tree nodes, published, routable and searchable."""

import io

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from activities.models import Session
from home.models import StandardPage
from search.services import search_site

pytestmark = pytest.mark.django_db


def test_bulk_pages_are_valid_tree_nodes_served_and_searchable(client, site_fr):
    sessions_before = Session.objects.count()
    call_command("create_random_data", "40", "--sessions", "25", stdout=io.StringIO())

    assert Page.objects.filter(slug__startswith="bench-").count() == 40
    assert Session.objects.count() == sessions_before + 25
    assert all(not problems for problems in Page.find_problems())
    page = StandardPage.objects.filter(slug__startswith="bench-").first()
    assert client.get(page.url).status_code == 200
    word = page.title.split()[0]
    found = search_site(word, locale=Locale.objects.get(language_code="fr")).results
    assert page.pk in [result.pk for result in found[:100]]
