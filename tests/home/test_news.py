"""News: a paginated, tag-filterable index, RSS and Atom feeds, news pages."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from home.models import NewsPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_DAY = datetime.date(2026, 1, 1)


def add_news(index, n, *, tags=(), live=True, **fields):
    fields.setdefault("title", f"Nouvelle numéro {n}")
    fields.setdefault("summary", f"Résumé de la nouvelle {n}.")
    fields.setdefault("date", FIRST_DAY + datetime.timedelta(days=n))
    page = index.add_child(instance=NewsPage(slug=f"nouvelle-{n}", live=live, **fields))
    if tags:
        page.tags.add(*tags)
        page.save()
    return page


def listed_titles(response):
    return [item.title for item in response.context["news_items"]]


def test_news_index_shows_ten_items_per_page_newest_first(client, news_index_fr):
    for n in range(1, 13):
        add_news(news_index_fr, n)

    first = client.get(news_index_fr.url)
    second = client.get(news_index_fr.url, {"apres": first.context["pagination"].next_cursor})

    assert first.status_code == 200
    assert listed_titles(first) == [f"Nouvelle numéro {n}" for n in range(12, 2, -1)]
    assert listed_titles(second) == ["Nouvelle numéro 2", "Nouvelle numéro 1"]
    assert "Nouvelle numéro 12" in first.content.decode()


def test_news_index_filters_by_tag(client, news_index_fr):
    add_news(news_index_fr, 1, tags=["Jardin"])
    add_news(news_index_fr, 2, tags=["Numérique"])
    add_news(news_index_fr, 3, tags=["Jardin", "Fête"])

    response = client.get(news_index_fr.url, {"tag": "jardin"})

    assert response.status_code == 200
    assert listed_titles(response) == ["Nouvelle numéro 3", "Nouvelle numéro 1"]


def test_draft_news_is_not_listed(client, news_index_fr):
    add_news(news_index_fr, 1)
    add_news(news_index_fr, 2, live=False, title="Brouillon secret")

    response = client.get(news_index_fr.url)

    assert listed_titles(response) == ["Nouvelle numéro 1"]
    assert "Brouillon secret" not in response.content.decode()


def test_rss_feed_parses_and_lists_newest_items_first(client, news_index_fr):
    for n in range(1, 4):
        add_news(news_index_fr, n)
    add_news(news_index_fr, 9, live=False, title="Brouillon secret")

    response = client.get(news_index_fr.url + "flux/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    assert channel.findtext("title") == "Actualités"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nouvelle numéro 3", "Nouvelle numéro 2", "Nouvelle numéro 1"]
    assert items[0].findtext("link").endswith("/fr/actualites/nouvelle-3/")
    assert items[0].findtext("description") == "Résumé de la nouvelle 3."


def test_atom_feed_parses_and_lists_newest_items_first(client, news_index_fr):
    for n in range(1, 4):
        add_news(news_index_fr, n)

    response = client.get(news_index_fr.url + "flux/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Nouvelle numéro 3",
        "Nouvelle numéro 2",
        "Nouvelle numéro 1",
    ]


def test_news_page_shows_its_date_summary_and_tags(client, news_index_fr):
    page = add_news(
        news_index_fr,
        1,
        title="Fête de quartier",
        summary="Rendez-vous samedi au jardin partagé.",
        date=datetime.date(2026, 6, 20),
        tags=["Jardin"],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fête de quartier" in html
    assert '<time datetime="2026-06-20">20 juin 2026</time>' in html
    assert "Rendez-vous samedi au jardin partagé." in html
    assert f'href="{news_index_fr.url}?tag=jardin">Jardin</a>' in html


def test_a_long_news_list_pages_forward_and_back_without_counting_or_offset(
    client, news_index_fr, django_assert_max_num_queries
):
    for n in range(1, 26):  # 3 pages: 25-16, 15-6, 5-1
        add_news(news_index_fr, n, tags=["Jardin"] if n % 2 else ())
    client.get(news_index_fr.url)

    with django_assert_max_num_queries(30) as captured:
        first = client.get(news_index_fr.url)
    second = client.get(news_index_fr.url, {"apres": first.context["pagination"].next_cursor})
    third = client.get(news_index_fr.url, {"apres": second.context["pagination"].next_cursor})
    back = client.get(news_index_fr.url, {"avant": third.context["pagination"].previous_cursor})

    assert listed_titles(second) == [f"Nouvelle numéro {n}" for n in range(15, 5, -1)]
    assert listed_titles(third) == [f"Nouvelle numéro {n}" for n in range(5, 0, -1)]
    assert listed_titles(back) == listed_titles(second)
    sql = " ".join(query["sql"] for query in captured.captured_queries).upper()
    assert "COUNT(" not in sql and "OFFSET" not in sql
    html = second.content.decode()
    assert '<nav class="pagination" aria-label="Pagination">' in html
    assert 'rel="next">Page suivante</a>' in html and 'rel="prev">Page précédente</a>' in html
    assert "Page suivante" not in third.content.decode()
    assert "Première page" not in first.content.decode()


def test_the_next_page_keeps_the_tag_filter(client, news_index_fr):
    for n in range(1, 25):
        add_news(news_index_fr, n, tags=["Jardin"] if n % 2 else ())

    first = client.get(news_index_fr.url, {"tag": "jardin"})
    cursor = first.context["pagination"].next_cursor

    assert f'href="?tag=jardin&amp;apres={cursor}" rel="next"' in first.content.decode()
    second = client.get(news_index_fr.url, {"tag": "jardin", "apres": cursor})
    assert listed_titles(second) == ["Nouvelle numéro 3", "Nouvelle numéro 1"]


def test_an_unknown_or_malformed_cursor_shows_the_first_page(client, news_index_fr):
    for n in range(1, 4):
        add_news(news_index_fr, n)

    for params in ({"apres": "999999"}, {"avant": "abc"}, {"apres": "-4"}, {"page": "7"}):
        assert listed_titles(client.get(news_index_fr.url, params))[0] == "Nouvelle numéro 3"
