"""The search page: French-friendly matching, only live public content of the language, never care data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from home.models import StandardPage
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


def _count_queries(client, q):
    search(client, q)  # warm-up: the first search of a query records it (popular searches) and fills caches
    with CaptureQueriesContext(connection) as ctx:
        response = search(client, q)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_search_page_query_count_is_constant_with_10_or_50_results(client, site_fr, place):
    index = site_fr["atelier"].get_parent()
    for n in range(10):
        activity = add_activity(index, f"Sortie {n}", summary="Une sortie accompagnée.")
        add_session(activity, place)
    queries_10, response = _count_queries(client, "sortie")
    assert len(result_titles(response)) == 10
    for n in range(10, 50):
        activity = add_activity(index, f"Sortie {n}", summary="Une sortie accompagnée.")
        add_session(activity, place)
        add_session(activity, place, days=9)
    queries_50, response = _count_queries(client, "sortie")
    assert len(result_titles(response)) == 10
    assert "50" in BeautifulSoup(response.content, "html.parser").select_one(".search-status").get_text()
    assert queries_50 == queries_10


def test_search_page_query_count_does_not_grow_with_results_on_the_page(client, site_fr, place):
    index = site_fr["atelier"].get_parent()
    for n in range(2):
        add_session(add_activity(index, f"Balade {n}", summary="Balade."), place)
    queries_2, _response = _count_queries(client, "balade")
    for n in range(2, 9):
        add_session(add_activity(index, f"Balade {n}", summary="Balade."), place)
    queries_9, _response = _count_queries(client, "balade")
    assert queries_9 == queries_2
