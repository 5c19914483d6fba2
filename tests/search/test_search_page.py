"""The search page: French-friendly matching, only live public content of the language, never care data."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from activities.models import Place
from home.models import NewsPage, StandardPage
from tests.conftest import publish
from tests.search.conftest import add_activity, add_session

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


def search(client, q, lang="fr", **params):
    path = "/fr/recherche/" if lang == "fr" else "/en/search/"
    return client.get(path, {"q": q, **params})


def test_search_urls_are_translated():
    with translation.override("fr"):
        assert reverse("search:search") == "/fr/recherche/"
    with translation.override("en"):
        assert reverse("search:search") == "/en/search/"


def test_accent_free_query_finds_accented_french_title(client, site_fr):
    assert "Atelier numérique" in result_titles(search(client, "numerique"))


def test_plural_query_finds_singular_title(client, site_fr):
    assert "Atelier numérique" in result_titles(search(client, "ateliers"))


def test_accent_free_plural_uppercase_query_of_two_words(client, site_fr):
    assert result_titles(search(client, "ATELIERS NUMERIQUES"))[0] == "Atelier numérique"


def test_singular_query_finds_plural_word_in_news(client, site_fr):
    assert "Des cafés des aidants tout l'été" in result_titles(search(client, "cafe"))


def test_english_plural_query_finds_english_page_only(client, site_fr):
    titles = result_titles(search(client, "workshops", lang="en"))
    assert titles == ["Digital workshop"]
    assert "Atelier numérique" not in result_titles(search(client, "tablette", lang="en"))


def test_english_accent_free_plural_query_finds_accented_english_title(client, site_fr, home_en):
    home_en.add_child(instance=StandardPage(title="Café for caregivers", slug="cafe", intro="Every Thursday."))
    assert result_titles(search(client, "cafes", lang="en")) == ["Café for caregivers"]
    assert "Café for caregivers" not in result_titles(search(client, "cafes"))


def test_french_search_never_shows_english_pages(client, site_fr):
    assert "Digital workshop" not in result_titles(search(client, "tablet"))


def test_draft_page_never_appears(client, site_fr, home_fr):
    home_fr.add_child(instance=StandardPage(title="Brouillon numérique confidentiel", slug="brouillon", live=False))
    assert "Brouillon numérique confidentiel" not in result_titles(search(client, "confidentiel"))
    assert "Brouillon numérique confidentiel" not in result_titles(search(client, "numerique"))


def test_page_restricted_to_logged_in_users_never_appears(client, site_fr, home_fr):
    private = home_fr.add_child(instance=StandardPage(title="Réservé équipe", slug="reserve"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert result_titles(search(client, "reserve equipe")) == []


def test_care_note_never_appears(client, site_fr, social_worker):
    from care import services as care

    case = care.create_case(social_worker, first_name="Berthe", last_name="Lemoine", referents=[social_worker])
    care.add_note(social_worker, case, visibility="team", body="Note équipe tournesolsecret Lemoine")
    for word in ("tournesolsecret", "Lemoine", "Berthe"):
        soup = BeautifulSoup(search(client, word).content, "html.parser")
        assert soup.select(".search-result") == []


def test_activity_result_lists_its_next_sessions_in_both_languages(client, site_fr):
    soup = BeautifulSoup(search(client, "atelier").content, "html.parser")
    assert len(soup.select(".search-result__sessions li")) == 2
    soup = BeautifulSoup(search(client, "workshop", lang="en").content, "html.parser")
    assert len(soup.select(".search-result__sessions li")) == 2


def test_type_filter_keeps_one_kind(client, site_fr):
    assert result_titles(search(client, "atelier", type="news")) == []
    assert result_titles(search(client, "cafes", type="news")) == ["Des cafés des aidants tout l'été"]


def test_theme_filter_keeps_activities_of_that_theme(client, site_fr):
    assert result_titles(search(client, "atelier", theme="numerique")) == ["Atelier numérique"]
    assert result_titles(search(client, "yoga", theme="numerique")) == []


def test_places_are_found_without_accents(client, site_fr):
    response = search(client, "mediatheque")
    assert "Médiathèque Jean-Moulin" in result_titles(response)
    assert "Médiathèque Jean-Moulin" in result_titles(search(client, "begles", type="place"))


def test_promoted_page_comes_first(client, site_fr):
    assert result_titles(search(client, "Horaires"))[0] == "Accès et horaires"  # cached until an editor acts
    query = Query.get("horaires")
    SearchPromotion.objects.create(query=query, page=site_fr["yoga"], description="Mis en avant.", sort_order=0)
    titles = result_titles(search(client, "Horaires"))
    assert titles[0] == "Yoga sur chaise"
    assert "Accès et horaires" in titles


def test_empty_state_points_to_the_agenda_and_the_phone(client, site_fr):
    soup = BeautifulSoup(search(client, "zzzxqw").content, "html.parser")
    empty = soup.select_one(".search-empty")
    assert empty is not None
    assert empty.select_one('a[href="/fr/agenda/"]')
    assert empty.select_one('a[href^="tel:"]').get_text() == "05 56 00 00 00"


def test_any_word_is_accepted_when_no_page_holds_them_all(client, site_fr):
    assert "Yoga sur chaise" in result_titles(search(client, "yoga parapente"))


def test_page_without_query_shows_the_form_only(client, site_fr):
    response = client.get("/fr/recherche/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    label = soup.select_one('label[for="id_q"]')
    assert label and soup.select_one("#id_q")["list"] == "search-suggestions"
    assert soup.select_one("datalist#search-suggestions") is not None


def test_suggestions_match_accent_free_prefixes(client, site_fr):
    data = client.get("/fr/recherche/suggestions/", {"q": "atel numer"}).json()
    assert data["suggestions"] == ["Atelier numérique"]
    data = client.get("/en/search/suggestions/", {"q": "digi"}).json()
    assert data["suggestions"] == ["Digital workshop"]


def test_suggestions_forget_unpublished_pages(client, site_fr):
    assert client.get("/fr/recherche/suggestions/", {"q": "yoga"}).json()["suggestions"] == ["Yoga sur chaise"]
    site_fr["yoga"].unpublish()
    assert client.get("/fr/recherche/suggestions/", {"q": "yoga"}).json()["suggestions"] == []


def test_member_accounts_never_appear(client, site_fr, make_user):
    make_user("berthe.tournesol@example.org", first_name="Berthe", last_name="Tournesolmembre")
    for word in ("Tournesolmembre", "berthe.tournesol"):
        soup = BeautifulSoup(search(client, word).content, "html.parser")
        assert soup.select(".search-result") == []


def test_promotion_of_a_private_page_is_not_shown(client, site_fr, home_fr):
    private = home_fr.add_child(instance=StandardPage(title="Réservé équipe", slug="reserve"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    SearchPromotion.objects.create(query=Query.get("horaires"), page=private, description="Interne.", sort_order=0)
    titles = result_titles(search(client, "horaires"))
    assert "Réservé équipe" not in titles
    assert "Accès et horaires" in titles


def test_a_search_counts_in_the_popular_searches(client, site_fr):
    search(client, "Atelier  Numérique")
    search(client, "atelier numérique")
    assert Query.get("atelier numérique").hits == 2


def _add_results(site_fr, place, word, count, *, start=0):
    """`count` pages with `word` in their title only (equal rank), cycling through activities (each with two
    sessions), news and pages."""
    activities, news_index, home = (
        site_fr["atelier"].get_parent(),
        site_fr["news"].get_parent(),
        site_fr["page"].get_parent(),
    )
    for n in range(start, start + count):
        kind = n % 3
        if kind == 0:
            activity = add_activity(activities, f"{word} {n}", summary="Accompagnée.")
            add_session(activity, place)
            add_session(activity, place, days=9)
        elif kind == 1:
            news_index.add_child(instance=NewsPage(title=f"{word} {n}", slug=f"actu-{word}-{n}", summary="Récit."))
        else:
            home.add_child(instance=StandardPage(title=f"{word} {n}", slug=f"page-{word}-{n}", intro="Infos."))


def _count_queries(client, q, **params):
    search(client, q, **params)  # warm-up: suggestions, themes and promoted queries are cached once
    with CaptureQueriesContext(connection) as ctx:
        response = search(client, q, **params)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@override_settings(SEARCH_RESULTS_CACHE_SECONDS=0)
def test_search_page_query_count_is_the_same_with_5_or_50_results(client, site_fr, place):
    _add_results(site_fr, place, "Sortie", 5)
    queries_5, response = _count_queries(client, "sortie")
    assert len(result_titles(response)) == 5
    assert "5 résultats" in BeautifulSoup(response.content, "html.parser").select_one(".search-status").get_text()

    _add_results(site_fr, place, "Sortie", 45, start=5)
    queries_50, response = _count_queries(client, "sortie")
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(result_titles(response)) == 10
    assert "50 résultats" in soup.select_one(".search-status").get_text()
    assert {p.get_text(strip=True) for p in soup.select(".search-result__kind")} == {"Activité", "Actualité", "Page"}
    assert queries_50 == queries_5


@override_settings(SEARCH_RESULTS_CACHE_SECONDS=0)
def test_places_query_count_is_the_same_with_1_or_12_places(client, site_fr):
    queries_1, response = _count_queries(client, "mediatheque", type="place")
    assert len(result_titles(response)) == 1
    for n in range(11):
        Place.objects.create(name=f"Médiathèque annexe {n}", commune="Bègles")
    queries_12, response = _count_queries(client, "mediatheque", type="place")
    assert len(result_titles(response)) == 10
    assert queries_12 == queries_1


def test_pagination_keeps_the_query_and_shows_a_few_page_numbers(client, site_fr, place):
    _add_results(site_fr, place, "Balade", 120)
    soup = BeautifulSoup(search(client, "balade", type="news", page=2).content, "html.parser")
    assert "40 résultats" in soup.select_one(".search-status").get_text()
    assert soup.select_one(".pagination [aria-current=page]").get_text(strip=True).endswith("2")
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?q=balade&type=news&page=3"
    assert result_titles(search(client, "balade", type="news", page=4)) != result_titles(
        search(client, "balade", type="news", page=2)
    )

    soup = BeautifulSoup(search(client, "balade").content, "html.parser")  # 120 results, 12 pages
    numbers = [a.get_text(strip=True) for a in soup.select(".pagination li > a:not([rel])")]
    assert [n.removeprefix("Page").strip() for n in numbers] == ["1", "2", "3", "12"]
    assert soup.select_one(".pagination__gap") is not None


def test_an_unknown_page_number_shows_the_last_page(client, site_fr, place):
    _add_results(site_fr, place, "Balade", 12)
    soup = BeautifulSoup(search(client, "balade", page=99).content, "html.parser")
    assert len(soup.select(".search-results > li")) == 2


def test_repeated_search_reuses_the_ranking_and_a_publication_shows_at_once(client, site_fr, home_fr):
    with override_settings(SEARCH_RESULTS_CACHE_SECONDS=0):
        ranked_each_time, _response = _count_queries(client, "horaires")
    ranked_once, _response = _count_queries(client, "horaires")
    assert ranked_once < ranked_each_time

    page = home_fr.add_child(instance=StandardPage(title="Nouveaux horaires d'été", slug="ete", live=False))
    assert "Nouveaux horaires d'été" not in result_titles(search(client, "horaires"))
    publish(page)
    assert "Nouveaux horaires d'été" in result_titles(search(client, "horaires"))
    page.refresh_from_db()
    page.unpublish()
    assert "Nouveaux horaires d'été" not in result_titles(search(client, "horaires"))


def test_a_new_place_is_suggested_at_once(client, site_fr):
    assert client.get("/fr/recherche/suggestions/", {"q": "ludo"}).json()["suggestions"] == []
    Place.objects.create(name="Ludothèque du Port", commune="Bègles")
    assert client.get("/fr/recherche/suggestions/", {"q": "ludo"}).json()["suggestions"] == ["Ludothèque du Port"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite searches with FTS5")
def test_postgresql_index_covers_the_column_pair_the_search_filters_on():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexentry_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "(title || body)" in definition
