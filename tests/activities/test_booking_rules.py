"""Booking rules of design.md: refusals, waitlist, promotion, deadlines, cycles, pick-up quota."""

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from activities import services
from activities.exceptions import (
    AlreadyBooked,
    BookingClosed,
    BookingNotOpenYet,
    CancellationDeadlinePassed,
    CycleBookingRequired,
    PickupFull,
    SessionCancelled,
    SessionFull,
)
from activities.models import Booking, CallListEntry, Session
from core.models import ActionLog
from tests.activities.factories import make_activity, make_place, make_session, make_user

pytestmark = pytest.mark.django_db


def test_booking_is_confirmed_while_seats_remain_and_records_the_full_price():
    session = make_session(capacity=2)
    booking = services.book(session, make_user())
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.price == Decimal("12.00")
    assert ActionLog.objects.filter(code="escale.booking.confirmed", object_id=str(booking.pk)).exists()


def test_booking_a_full_session_puts_the_member_on_the_waitlist_in_order():
    session = make_session(capacity=1)
    services.book(session, make_user())
    second = services.book(session, make_user())
    third = services.book(session, make_user())
    assert second.status == third.status == Booking.Status.WAITLISTED
    assert second.waitlist_position() == 1
    assert third.waitlist_position() == 2


def test_full_session_without_waitlist_refuses_with_session_full():
    session = make_session(capacity=1, waitlist_enabled=False)
    services.book(session, make_user())
    with pytest.raises(SessionFull):
        services.book(session, make_user())


def test_a_member_cannot_hold_two_active_bookings_on_one_session():
    session = make_session(capacity=1)
    member = make_user()
    services.book(session, member)
    with pytest.raises(AlreadyBooked):
        services.book(session, member)


def test_database_refuses_a_second_active_booking_even_without_the_service():
    session = make_session()
    member = make_user()
    Booking.objects.create(session=session, member=member, status="confirmed", price=Decimal("0.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(session=session, member=member, status="waitlisted", price=Decimal("0.00"))


def test_a_member_may_book_again_after_cancelling():
    session = make_session()
    member = make_user()
    booking = services.book(session, member)
    services.cancel_booking(booking, by=member)
    assert services.book(session, member).status == Booking.Status.CONFIRMED


def test_booking_before_the_window_opens_is_refused():
    session = make_session(booking_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(BookingNotOpenYet):
        services.book(session, make_user())


def test_booking_after_the_window_closes_is_refused():
    session = make_session(booking_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(BookingClosed):
        services.book(session, make_user())


def test_booking_a_past_session_is_refused():
    session = make_session(start=timezone.now() - datetime.timedelta(hours=3))
    with pytest.raises(BookingClosed):
        services.book(session, make_user())


def test_booking_a_cancelled_session_is_refused():
    session = make_session(status=Session.Status.CANCELLED)
    with pytest.raises(SessionCancelled):
        services.book(session, make_user())


def test_refusals_carry_a_french_message():
    session = make_session(status=Session.Status.CANCELLED)
    with pytest.raises(SessionCancelled) as excinfo:
        services.book(session, make_user())
    assert str(excinfo.value.message) == "Cette séance a été annulée."


def test_cancelling_a_confirmed_booking_offers_the_seat_to_the_first_waitlisted(
    django_capture_on_commit_callbacks, mailoutbox
):
    session = make_session(capacity=1)
    first = make_user()
    booking = services.book(session, first)
    waiting_first = services.book(session, make_user())
    waiting_second = services.book(session, make_user())
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking, by=first)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert waiting_first.status == Booking.Status.OFFERED
    assert waiting_first.promoted_at is not None
    assert waiting_first.offer_expires_at is not None
    assert waiting_second.status == Booking.Status.WAITLISTED
    subjects = [m.subject for m in mailoutbox]
    assert any("annulée" in s for s in subjects)
    assert any("place s'est libérée" in s for s in subjects)


def test_cancelling_a_waitlisted_booking_promotes_nobody():
    session = make_session(capacity=1)
    services.book(session, make_user())
    waiting = services.book(session, make_user())
    other_member = make_user()
    other = services.book(session, other_member)
    services.cancel_booking(other, by=other_member)
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.WAITLISTED


def test_member_cannot_cancel_after_the_deadline_but_staff_can():
    session = make_session(cancellation_deadline=timezone.now() - datetime.timedelta(minutes=1))
    member = make_user()
    booking = services.book(session, member)
    with pytest.raises(CancellationDeadlinePassed):
        services.cancel_booking(booking, by=member)
    staff = make_user()
    assert services.cancel_booking(booking, by=staff, allow_late=True).status == Booking.Status.CANCELLED


def test_pickup_seats_are_a_second_quota():
    session = make_session(capacity=5, pickup_seats=1)
    services.book(session, make_user(), needs_pickup=True, pickup_address="1 rue du Port, Cadaujac")
    with pytest.raises(PickupFull):
        services.book(session, make_user(), needs_pickup=True, pickup_address="2 rue du Port")
    assert services.book(session, make_user()).status == Booking.Status.CONFIRMED


def test_pickup_is_refused_when_the_session_offers_none():
    with pytest.raises(PickupFull):
        services.book(make_session(), make_user(), needs_pickup=True, pickup_address="x")


def test_promotion_skips_a_waitlisted_pickup_when_the_vehicle_is_full():
    session = make_session(capacity=2, pickup_seats=1)
    services.book(session, make_user(), needs_pickup=True, pickup_address="a")
    leaving_member = make_user()
    leaving = services.book(session, leaving_member)
    waiting_pickup = services.book(session, make_user(), needs_pickup=True, pickup_address="b")
    waiting_plain = services.book(session, make_user())
    services.cancel_booking(leaving, by=leaving_member)
    waiting_pickup.refresh_from_db()
    waiting_plain.refresh_from_db()
    assert waiting_pickup.status == Booking.Status.WAITLISTED
    assert waiting_plain.status == Booking.Status.OFFERED


def test_cycle_booking_holds_a_seat_in_every_session_for_one_price():
    activity = make_activity("Atelier numérique", is_cycle=True, cycle_price=Decimal("60.00"))
    place = make_place()
    sessions = [
        make_session(activity, place=place, start=timezone.now() + datetime.timedelta(days=7 * i)) for i in (1, 2, 3)
    ]
    cycle = services.book_cycle(activity, make_user())
    assert cycle.price == Decimal("60.00")
    assert sorted(b.session_id for b in cycle.bookings.all()) == sorted(s.pk for s in sessions)
    assert all(b.status == Booking.Status.CONFIRMED for b in cycle.bookings.all())


def test_cycle_booking_is_all_or_none_when_one_session_is_full():
    activity = make_activity("Atelier numérique", is_cycle=True, cycle_price=Decimal("60.00"))
    place = make_place()
    make_session(activity, place=place, capacity=3)
    full = make_session(activity, place=place, capacity=1, start=timezone.now() + datetime.timedelta(days=14))
    Booking.objects.create(session=full, member=make_user(), status="confirmed", price=Decimal("0.00"))
    member = make_user()
    with pytest.raises(SessionFull):
        services.book_cycle(activity, member)
    assert not Booking.objects.filter(member=member).exists()


def test_a_cycle_session_cannot_be_booked_alone():
    activity = make_activity("Atelier numérique", is_cycle=True)
    with pytest.raises(CycleBookingRequired):
        services.book(make_session(activity), make_user())


def test_cancelling_a_session_cancels_every_booking_and_tells_everyone(django_capture_on_commit_callbacks, mailoutbox):
    session = make_session(capacity=1)
    services.book(session, make_user())
    services.book(session, make_user(email=""))
    with django_capture_on_commit_callbacks(execute=True):
        count = services.cancel_session(session, by=make_user())
    assert count == 2
    assert not Booking.objects.filter(session=session, status__in=Booking.ACTIVE).exists()
    assert len(mailoutbox) == 1
    assert CallListEntry.objects.filter(reason="session_cancelled").count() == 1


def test_notices_go_out_only_after_commit(django_capture_on_commit_callbacks, mailoutbox):
    session = make_session()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.book(session, make_user())
    assert mailoutbox == []
    for callback in callbacks:  # other apps may queue their own work (e.g. cache invalidation)
        callback()
    assert len(mailoutbox) == 1


def test_confirmation_email_has_text_and_html_in_french(django_capture_on_commit_callbacks, mailoutbox):
    session = make_session()
    with django_capture_on_commit_callbacks(execute=True):
        services.book(session, make_user())
    message = mailoutbox[0]
    assert message.subject.startswith("Inscription confirmée")
    assert message.alternatives[0][1] == "text/html"
    assert "est confirmée" in message.body


def test_attendance_marks_present_and_absent():
    session = make_session()
    staff = make_user()
    booking = services.book(session, make_user())
    assert services.mark_attendance(booking, True, by=staff).status == Booking.Status.ATTENDED
    assert services.mark_attendance(booking, False, by=staff).status == Booking.Status.NO_SHOW


def test_series_skips_given_dates_and_keeps_the_wall_clock_hour_across_dst():
    activity = make_activity()
    first = timezone.make_aware(datetime.datetime(2026, 3, 17, 10, 0))  # a Tuesday, before DST
    sessions = services.generate_series(
        activity,
        first_start=first,
        duration=datetime.timedelta(hours=1, minutes=30),
        count=4,
        skip_dates=[datetime.date(2026, 3, 24)],
        place=make_place(),
    )
    local = [timezone.localtime(s.start) for s in sessions]
    assert [d.date() for d in local] == [
        datetime.date(2026, 3, 17),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 7),
    ]
    assert {(d.hour, d.minute) for d in local} == {(10, 0)}
    assert all(s.capacity == activity.default_capacity for s in sessions)


def test_monthly_series_falls_on_the_same_nth_weekday():
    dates = services.series_dates(datetime.date(2026, 1, 13), count=3, frequency="monthly")  # 2nd Tuesday
    assert dates == [datetime.date(2026, 1, 13), datetime.date(2026, 2, 10), datetime.date(2026, 3, 10)]


def test_price_for_returns_the_full_price_until_memberships_exist():
    session = make_session()
    assert services.price_for(make_user(), session) == Decimal("12.00")
