"""A promoted waitlisted person keeps the offered seat for a set time: accept, decline, expiry."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from activities import services
from activities.exceptions import OfferExpired
from activities.models import SEAT_STATUSES, Booking, CallListEntry
from core.formatting import deadline_in_words
from core.models import ActionLog
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


def full_session_with_waitlist(waiting=2, **fields):
    """A one-seat session: the holder's booking, then `waiting` waitlisted bookings in order."""
    session = make_session(capacity=1, **fields)
    holder = services.book(session, make_user())
    return session, holder, [services.book(session, make_user()) for _ in range(waiting)]


def test_a_freed_seat_is_offered_to_the_first_waiting_for_the_hold_time_and_stays_taken(settings):
    settings.ACTIVITIES_PROMOTION_HOLD_HOURS = 24
    session, holder, (first, second) = full_session_with_waitlist()
    before = timezone.now()
    services.cancel_booking(holder, by=holder.member)
    first.refresh_from_db()
    assert first.status == Booking.Status.OFFERED
    assert (
        before + datetime.timedelta(hours=24) <= first.offer_expires_at <= timezone.now() + datetime.timedelta(hours=24)
    )
    # The offered seat is taken: a newcomer waits behind, the second person still waits.
    assert services.book(session, make_user()).status == Booking.Status.WAITLISTED
    second.refresh_from_db()
    assert second.status == Booking.Status.WAITLISTED
    session.refresh_from_db()  # seats_left() reads the counter stored on the row
    assert session.seats_left() == 0


def test_accepting_the_offer_confirms_the_seat_and_is_journaled(django_capture_on_commit_callbacks, mailoutbox):
    _session, holder, (first, _second) = full_session_with_waitlist()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(holder, by=holder.member)
    offer_mail = next(m for m in mailoutbox if first.member.email in m.to)
    assert f"/fr/agenda/inscriptions/{first.pk}/" in offer_mail.body  # the one-click link
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_offer(first, by=first.member)
    first.refresh_from_db()
    assert first.status == Booking.Status.CONFIRMED
    assert ActionLog.objects.filter(code="escale.booking.offer_accepted", object_id=str(first.pk)).exists()
    assert [m.subject for m in mailoutbox if first.member.email in m.to][-1].startswith("Inscription confirmée")


def test_declining_the_offer_passes_the_seat_to_the_next_at_once(django_capture_on_commit_callbacks, mailoutbox):
    session, holder, (first, second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_offer(Booking.objects.get(pk=first.pk), by=first.member)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Booking.Status.CANCELLED
    assert second.status == Booking.Status.OFFERED
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == 1
    assert ActionLog.objects.filter(code="escale.booking.offer_declined", object_id=str(first.pk)).exists()
    assert any(second.member.email in m.to and "place s'est libérée" in m.subject for m in mailoutbox)


def test_an_offer_can_be_declined_after_the_cancellation_deadline():
    session, holder, (first, _second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    session.cancellation_deadline = timezone.now() - datetime.timedelta(minutes=1)
    session.save()
    assert services.decline_offer(Booking.objects.get(pk=first.pk), by=first.member).status == "cancelled"


def test_an_unanswered_offer_expires_and_passes_to_the_next(django_capture_on_commit_callbacks, mailoutbox):
    session, holder, (first, second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    Booking.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now() - datetime.timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_seat_offers", stdout=None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Booking.Status.CANCELLED
    assert second.status == Booking.Status.OFFERED
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == 1
    assert ActionLog.objects.filter(code="escale.booking.offer_expired", object_id=str(first.pk)).exists()
    assert any(first.member.email in m.to and m.subject.startswith("Place non confirmée") for m in mailoutbox)
    with pytest.raises(OfferExpired):
        services.accept_offer(first, by=first.member)
    # Running the job again changes nothing: the second person's offer is still running.
    assert services.expire_offers() == []


def test_an_offer_past_its_deadline_cannot_be_accepted_even_before_the_job_runs():
    _session, holder, (first, _second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    Booking.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(OfferExpired):
        services.accept_offer(first, by=first.member)
    first.refresh_from_db()
    assert first.status == Booking.Status.OFFERED


def test_an_offer_never_runs_past_the_session_start(settings):
    settings.ACTIVITIES_PROMOTION_HOLD_HOURS = 48
    session, holder, (first,) = full_session_with_waitlist(
        waiting=1, start=timezone.now() + datetime.timedelta(hours=20)
    )
    services.cancel_booking(holder, by=holder.member, allow_late=True)
    first.refresh_from_db()
    assert first.offer_expires_at == session.start


def test_a_hold_time_of_zero_confirms_the_promoted_person_at_once(settings):
    settings.ACTIVITIES_PROMOTION_HOLD_HOURS = 0
    _session, holder, (first, _second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    first.refresh_from_db()
    assert first.status == Booking.Status.CONFIRMED
    assert first.offer_expires_at is None


def test_a_member_without_email_gets_a_call_list_entry_with_the_deadline(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    holder = services.book(session, make_user())
    waiting = services.book(session, make_user(email=""))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(holder, by=holder.member)
    waiting.refresh_from_db()
    entry = CallListEntry.objects.get(member=waiting.member, reason="offered")
    assert deadline_in_words(waiting.offer_expires_at) in entry.message


def test_the_member_keeps_the_seat_in_one_click_from_their_bookings(client):
    _session, holder, (first, _second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    client.force_login(first.member)
    page = client.get("/fr/agenda/mes-inscriptions/").content.decode()
    assert "Je garde ma place" in page
    assert f"/fr/agenda/inscriptions/{first.pk}/garder/" in page
    response = client.post(f"/fr/agenda/inscriptions/{first.pk}/garder/", follow=True)
    assert "Votre place est confirmée" in response.content.decode()
    first.refresh_from_db()
    assert first.status == Booking.Status.CONFIRMED


def test_the_member_frees_the_offered_seat_from_the_booking_page(client):
    _session, holder, (first, second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    client.force_login(first.member)
    assert "je libère la place" in client.get(f"/fr/agenda/inscriptions/{first.pk}/").content.decode()
    client.post(f"/fr/agenda/inscriptions/{first.pk}/liberer/")
    second.refresh_from_db()
    assert second.status == Booking.Status.OFFERED


def test_nobody_can_accept_someone_elses_offer(client):
    _session, holder, (first, _second) = full_session_with_waitlist()
    services.cancel_booking(holder, by=holder.member)
    client.force_login(make_user())
    response = client.post(f"/fr/agenda/inscriptions/{first.pk}/garder/")
    assert response.status_code == 404
    first.refresh_from_db()
    assert first.status == Booking.Status.OFFERED
