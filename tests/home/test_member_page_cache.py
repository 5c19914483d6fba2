"""Members get the shared body of public pages from the cache and their own personal parts
(home/page_cache/member.py): never someone else's, never a stale seat count."""

import re

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from activities import services
from home.models import SiteSettings
from tests import factories
from tests.activities.factories import make_session
from tests.activities.factories import make_user as make_booker

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def home_fr(home_fr):
    SiteSettings.for_site(home_fr.get_site())
    return home_fr


def html(response):
    return response.content.decode()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_member_never_sees_another_members_personal_part(home_fr, make_user):
    alice, bob = make_user("alice@escale.example"), make_user("bob@escale.example")
    alice_client, bob_client = logged_in(alice), logged_in(bob)
    # Alice has a message waiting, in the cookie a view's redirect would have set.
    storage = CookieStorage(RequestFactory().get("/"))
    alice_client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Alice : inscription confirmée.")])

    first = alice_client.get("/fr/")
    assert first["X-Cache"] == "MISS"
    assert "Alice : inscription confirmée." in html(first)
    assert not re.search(r"<!--/?[0-9a-f]{32}:", html(first)), "no marker left in the page served"

    second = bob_client.get("/fr/")
    assert second["X-Cache"] == "HIT"
    assert "Alice" not in html(second)
    assert "Se déconnecter" in html(second)
    alice_token = CSRF_INPUT.search(html(first)).group(1)
    bob_token = CSRF_INPUT.search(html(second)).group(1)
    assert alice_token != bob_token and alice_token not in html(second)
    assert "private" in second["Cache-Control"] and "Cookie" in second["Vary"]

    anonymous = Client().get("/fr/")
    assert "Se déconnecter" not in html(anonymous) and "Alice" not in html(anonymous)
    again = alice_client.get("/fr/")
    assert again["X-Cache"] == "HIT"
    assert "Alice : inscription" not in html(again), "a message is shown once"


def test_a_hit_has_the_same_page_as_a_full_render_but_the_personal_parts(home_fr, make_user):
    first = logged_in(make_user("alice@escale.example")).get("/fr/agenda/")
    second = logged_in(make_user("bob@escale.example")).get("/fr/agenda/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert CSRF_INPUT.sub("", html(first)) == CSRF_INPUT.sub("", html(second))


def test_a_booking_changes_the_seats_shown_to_members_on_the_next_request(home_fr, make_user):
    session = make_session(capacity=5)
    member = logged_in(make_user("alice@escale.example"))
    assert "5 places disponibles" in html(member.get("/fr/agenda/"))
    assert member.get("/fr/agenda/")["X-Cache"] == "HIT"

    services.book(session, make_booker())

    agenda = member.get("/fr/agenda/")
    assert agenda["X-Cache"] == "MISS"
    assert "4 places disponibles" in html(agenda)
    booking_page = member.get(f"/fr/agenda/seance/{session.pk}/")
    assert "X-Cache" not in booking_page, "the booking page is always rendered"
    assert "4 places disponibles" in html(booking_page)


def test_staff_and_restricted_pages_are_never_served_from_the_member_cache(home_fr, make_user, editor):
    editor_client = logged_in(editor)
    assert "X-Cache" not in editor_client.get("/fr/")
    assert logged_in(make_user("alice@escale.example")).get("/fr/")["X-Cache"] == "MISS"
    assert "X-Cache" not in editor_client.get("/fr/"), "the editor gets the user bar, never the members' copy"

    private = factories.StandardPageFactory(parent=home_fr, title="Réservé aux bénévoles")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    member = logged_in(make_user("bob@escale.example"))
    assert member.get(private.url).status_code == 200
    assert "X-Cache" not in member.get(private.url)
