"""Member booking screens: book, confirmation, my bookings, cancel — own bookings only."""

import datetime

from django.utils import timezone

import pytest

from activities.models import Booking, Session
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


def test_booking_requires_login(client):
    session = make_session()
    response = client.post(f"/fr/agenda/seance/{session.pk}/inscription/")
    assert response.status_code == 302
    assert "/comptes/" in response["Location"]
    assert not Booking.objects.exists()


def test_member_books_sees_confirmation_and_finds_it_in_my_bookings(client):
    member = make_user()
    client.force_login(member)
    session = make_session()
    response = client.post(f"/fr/agenda/seance/{session.pk}/inscription/", follow=True)
    booking = Booking.objects.get(member=member)
    assert response.redirect_chain[-1][0] == f"/fr/agenda/inscriptions/{booking.pk}/"
    assert "Votre inscription est confirmée." in response.content.decode()
    assert session.activity.title in client.get("/fr/agenda/mes-inscriptions/").content.decode()


def test_a_refusal_is_shown_and_the_typed_form_kept(client):
    member = make_user()
    client.force_login(member)
    session = make_session(capacity=3, pickup_seats=0, booking_closes_at=timezone.now() + datetime.timedelta(days=1))
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    response = client.post(f"/fr/agenda/seance/{session.pk}/inscription/")
    assert response.status_code == 200
    assert "Cette séance a été annulée." in response.content.decode()


def test_pickup_address_is_required_and_kept_when_the_vehicle_is_full(client):
    member = make_user()
    client.force_login(member)
    session = make_session(pickup_seats=1)
    Booking.objects.create(session=session, member=make_user(), status="confirmed", price=0, needs_pickup=True)
    response = client.post(
        f"/fr/agenda/seance/{session.pk}/inscription/", {"needs_pickup": "on", "pickup_address": "3 rue des Vignes"}
    )
    html = response.content.decode()
    assert "plus de place dans le transport" in html
    assert "3 rue des Vignes" in html
    assert not Booking.objects.filter(member=member).exists()


def test_member_cancels_their_own_booking(client):
    member = make_user()
    client.force_login(member)
    session = make_session()
    client.post(f"/fr/agenda/seance/{session.pk}/inscription/")
    booking = Booking.objects.get(member=member)
    response = client.post(f"/fr/agenda/inscriptions/{booking.pk}/annuler/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_member_cannot_see_or_cancel_another_members_booking(client):
    owner = make_user()
    session = make_session()
    booking = Booking.objects.create(session=session, member=owner, status="confirmed", price=0)
    client.force_login(make_user())
    assert client.get(f"/fr/agenda/inscriptions/{booking.pk}/").status_code == 404
    assert client.post(f"/fr/agenda/inscriptions/{booking.pk}/annuler/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_opening_the_cancel_url_only_asks_for_confirmation(client):
    member = make_user()
    booking = Booking.objects.create(session=make_session(), member=member, status="confirmed", price=0)
    client.force_login(member)
    assert client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/").status_code == 200
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_session_detail_offers_booking_form_and_ics_link(client):
    session = make_session()
    client.force_login(make_user())
    html = client.get(f"/fr/agenda/seance/{session.pk}/").content.decode()
    assert "csrfmiddlewaretoken" in html
    assert f"/fr/agenda/seance/{session.pk}.ics" in html
