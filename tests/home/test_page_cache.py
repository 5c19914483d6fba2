"""The full-page cache for anonymous visitors: served without the database, never stale, never shared wrongly."""

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from activities import services
from home.models import PracticalInfo, SiteSettings
from tests import factories
from tests.activities.factories import make_session, make_user
from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def home_fr(home_fr):
    """As on a real site, the site settings exist (Wagtail creates them on first use, which is a change)."""
    SiteSettings.for_site(home_fr.get_site())
    return home_fr


def html(response):
    return response.content.decode()


def test_second_anonymous_visit_is_served_from_the_cache_without_any_query(client, home_fr, django_assert_num_queries):
    first = client.get("/fr/")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"

    with django_assert_num_queries(0):
        second = Client().get("/fr/")

    assert second.status_code == 200
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_public_pages_carry_no_csrf_token_and_set_no_cookie_for_anonymous_visitors(client, home_fr):
    response = client.get("/fr/")

    assert "csrfmiddlewaretoken" not in html(response)
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_text_size_switch_needs_no_csrf_token(home_fr):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/taille-du-texte/", {"size": "large", "next": "/fr/"})

    assert response.status_code == 302
    assert response.cookies["escale_text_size"].value == "large"


def test_publishing_a_news_item_shows_it_at_once_to_anonymous_visitors(
    client, news_index_fr, django_capture_on_commit_callbacks
):
    factories.NewsPageFactory(parent=news_index_fr, title="Le marché de Noël")
    assert "Le marché de Noël" in html(client.get(news_index_fr.url))
    assert client.get(news_index_fr.url)["X-Cache"] == "HIT"

    draft = factories.NewsPageFactory(parent=news_index_fr, title="La fête des voisins", live=False)
    assert "La fête des voisins" not in html(client.get(news_index_fr.url))
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft)

    assert "La fête des voisins" in html(client.get(news_index_fr.url))
    assert "La fête des voisins" in html(client.get("/fr/")), "the home page lists the latest news too"


def test_unpublishing_or_deleting_a_page_removes_it_at_once(client, news_index_fr):
    item = factories.NewsPageFactory(parent=news_index_fr, title="Sortie au bord du lac")
    other = factories.NewsPageFactory(parent=news_index_fr, title="Atelier tricot")
    assert client.get(item.url).status_code == 200
    assert "Atelier tricot" in html(client.get(news_index_fr.url))

    item.unpublish()
    other.delete()

    assert client.get(item.url).status_code == 404
    assert "Atelier tricot" not in html(client.get(news_index_fr.url))


def test_renaming_a_page_updates_the_menu_of_every_page(client, home_fr):
    page = factories.StandardPageFactory(parent=home_fr, title="Nous trouver", show_in_menus=True)
    assert "Nous trouver" in html(client.get("/fr/"))

    page.title = "Venir à la Maison"
    publish(page)

    assert "Venir à la Maison" in html(client.get("/fr/"))


def test_editing_the_practical_info_updates_the_footer_at_once(client, home_fr, locale_fr):
    info = PracticalInfo.objects.create(locale=locale_fr, opening_hours="<p>Du lundi au vendredi</p>")
    assert "Du lundi au vendredi" in html(client.get("/fr/"))

    info.opening_hours = "<p>Fermé en août</p>"
    info.save()

    assert "Fermé en août" in html(client.get("/fr/"))


def test_a_booking_changes_the_seats_shown_on_the_agenda_at_once(client):
    session = make_session(capacity=5)
    agenda = client.get("/fr/agenda/")
    assert "5 places disponibles" in html(agenda)
    assert "Cookie" in agenda["Vary"], "a proxy must not give the anonymous agenda to a member"
    assert "5 places disponibles" in html(client.get(f"/fr/agenda/seance/{session.pk}/"))

    services.book(session, make_user())

    assert "4 places disponibles" in html(client.get("/fr/agenda/"))
    assert "4 places disponibles" in html(client.get(f"/fr/agenda/seance/{session.pk}/"))


def test_a_member_never_gets_a_cached_page_nor_leaves_one(home_fr, member):
    anonymous, logged_in = Client(), Client()
    logged_in.force_login(member)

    mine = logged_in.get("/fr/")
    assert "Se déconnecter" in html(mine)
    first_anonymous = anonymous.get("/fr/")
    assert first_anonymous["X-Cache"] == "MISS", "the member's page was not stored"
    assert "Se déconnecter" not in html(first_anonymous)

    again = logged_in.get("/fr/")
    assert again.get("X-Cache") != first_anonymous.get("X-Cache") or "Se déconnecter" in html(again)
    assert "Se déconnecter" in html(again)  # members have their own copy (test_member_page_cache.py)
    assert "public" not in again.get("Cache-Control", "")


def test_languages_and_text_sizes_never_mix(client, home_fr, home_en):
    french = client.get("/fr/")
    english = client.get("/en/")
    large = Client(headers={"Cookie": "escale_text_size=large"}).get("/fr/")

    assert '<html lang="fr"' in html(french)
    assert '<html lang="en"' in html(english)
    assert 'data-text-size="large"' in html(large)
    assert 'data-text-size="normal"' in html(client.get("/fr/"))
    assert '<html lang="en"' in html(Client().get("/en/"))


def test_a_page_with_a_form_token_is_never_stored(client, home_fr):
    secret = factories.StandardPageFactory(parent=home_fr, title="Réservé aux bénévoles")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="jardin")

    for _ in range(2):
        response = client.get(secret.url)
        assert "csrfmiddlewaretoken" in html(response)
        assert "X-Cache" not in response


def test_account_pages_are_never_stored(client, home_fr):
    for _ in range(2):
        response = client.get("/fr/comptes/login/")
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_a_visitor_with_a_pending_message_gets_a_fresh_page(client, home_fr, member):
    client.force_login(member)
    client.post("/fr/comptes/logout/")  # allauth's "you have signed out" waits in a cookie
    assert "messages" in client.cookies

    response = client.get("/fr/")

    assert "X-Cache" not in response
    assert "Se connecter" in html(response)
