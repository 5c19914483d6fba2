"""Seat safety under concurrency, on PostgreSQL: each test fires real threads, one DB connection each,
and each real-path test is paired with a control test proving the race exists without the lock."""

import threading
import time

from django.db import connection, transaction

import pytest

from activities import services
from activities.exceptions import TryAgain
from activities.models import SEAT_STATUSES, Booking, Session
from activities.services import booking as booking_service
from activities.services import locking
from tests.activities.factories import make_session, make_user
from tests.concurrency.helpers import run_concurrently

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)"),
]

SEATS = 12
ATTEMPTS = 50


def book_in_thread(session_pk, member_pk):
    session = Session.objects.select_related("activity").get(pk=session_pk)
    member = Booking._meta.get_field("member").related_model.objects.get(pk=member_pk)
    return services.book(session, member).status


def test_fifty_concurrent_bookings_confirm_exactly_twelve_and_waitlist_the_rest():
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]

    results, errors = run_concurrently(book_in_thread, [(session.pk, m.pk) for m in members])

    assert errors == []
    assert results.count("confirmed") == SEATS
    assert results.count("waitlisted") == ATTEMPTS - SEATS
    assert Booking.objects.filter(session=session, status="confirmed").count() == SEATS
    assert Booking.objects.filter(session=session, status="waitlisted").count() == ATTEMPTS - SEATS


def slow_down_the_locked_section(monkeypatch, seconds=0.1):
    """What a loaded machine does to the bookers: each one holds the session lock longer (here 0.1 s
    right after taking it, before the seats are read), so the last of 50 waits about 5 s for its turn."""
    real_lock = locking.lock_sessions

    def slow_lock(pks):
        locked = real_lock(pks)
        time.sleep(seconds)
        return locked

    monkeypatch.setattr(locking, "lock_sessions", slow_lock)


def test_a_burst_on_a_slow_machine_queues_everyone_and_tells_nobody_to_try_again(monkeypatch):
    slow_down_the_locked_section(monkeypatch)
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]

    results, errors = run_concurrently(book_in_thread, [(session.pk, m.pk) for m in members])

    assert [type(e).__name__ for e in errors] == []  # no TryAgain, nothing else either
    assert sorted(results) == sorted(["confirmed"] * SEATS + ["waitlisted"] * (ATTEMPTS - SEATS))
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == SEATS


def test_control_the_same_slow_burst_with_the_old_three_second_wait_refused_people(monkeypatch, settings):
    """The control for the test above: with the lock wait bounded at 3 s (the old setting) the same
    slowed burst tells some people to try again — so the test above measures the wait."""
    settings.ACTIVITIES_LOCK_TIMEOUT = 3
    slow_down_the_locked_section(monkeypatch)
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]

    results, errors = run_concurrently(book_in_thread, [(session.pk, m.pk) for m in members])

    assert errors
    assert all(isinstance(e, TryAgain) for e in errors)
    assert len(results) + len(errors) == ATTEMPTS
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == SEATS


def test_a_booker_waits_for_a_lock_held_longer_than_three_seconds_and_is_confirmed():
    session = make_session(capacity=SEATS)
    member = make_user()
    lock_taken = threading.Event()

    def hold_lock_for_four_seconds():
        try:
            with transaction.atomic():
                Session.objects.select_for_update().get(pk=session.pk)
                lock_taken.set()
                time.sleep(4)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_lock_for_four_seconds)
    holder.start()
    lock_taken.wait(timeout=5)
    started = time.monotonic()
    results, errors = run_concurrently(book_in_thread, [(session.pk, member.pk)])
    waited = time.monotonic() - started
    holder.join(timeout=10)

    assert errors == []
    assert results == ["confirmed"]
    assert waited > 3


def test_cancelling_one_of_the_burst_promotes_exactly_the_first_waitlisted():
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]
    run_concurrently(book_in_thread, [(session.pk, m.pk) for m in members])
    first_waiting = Booking.objects.filter(session=session, status="waitlisted").order_by("created_at", "pk").first()
    leaving = Booking.objects.filter(session=session, status="confirmed").first()

    services.cancel_booking(leaving, by=leaving.member)

    first_waiting.refresh_from_db()
    assert first_waiting.status == "offered"
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == SEATS
    assert Booking.objects.filter(session=session, status="waitlisted").count() == ATTEMPTS - SEATS - 1


def test_concurrent_cancellations_never_promote_beyond_capacity():
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]
    run_concurrently(book_in_thread, [(session.pk, m.pk) for m in members])
    leaving = list(Booking.objects.filter(session=session, status="confirmed")[:6])

    def cancel(booking_pk):
        booking = Booking.objects.select_related("member").get(pk=booking_pk)
        return services.cancel_booking(booking, by=booking.member).status

    _results, errors = run_concurrently(cancel, [(b.pk,) for b in leaving])

    assert errors == []
    assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == SEATS
    first_six = Booking.objects.filter(session=session, promoted_at__isnull=False).count()
    assert first_six == 6


def test_control_without_the_row_lock_the_same_burst_overbooks(monkeypatch):
    """The control: the same code path with the lock bypassed (and a short pause between counting
    and inserting, to widen the window) confirms more than the capacity — so the tests above test."""
    session = make_session(capacity=SEATS)
    members = [make_user() for _ in range(ATTEMPTS)]
    real_check = locking.check_open

    def slow_check(session, now):  # runs after the seats were read from the (unlocked) row, before the insert
        real_check(session, now)
        time.sleep(0.05)

    monkeypatch.setattr(locking, "check_open", slow_check)

    def book_without_lock(session_pk, member_pk):
        member = Booking._meta.get_field("member").related_model.objects.get(pk=member_pk)
        with transaction.atomic(durable=True):
            return booking_service._book(
                session_pk, member, by=None, needs_pickup=False, pickup_address="", lock=False
            ).status

    results, errors = run_concurrently(book_without_lock, [(session.pk, m.pk) for m in members])

    assert errors == []
    assert results.count("confirmed") > SEATS
    assert Booking.objects.filter(session=session, status="confirmed").count() > SEATS


def test_a_booker_behind_a_stuck_transaction_gets_try_again_instead_of_hanging(settings):
    """The lock timeout (30 s by default; 0.5 s here) protects from a transaction that never ends."""
    settings.ACTIVITIES_LOCK_TIMEOUT = 0.5
    session = make_session(capacity=SEATS)
    member = make_user()
    lock_taken, release = threading.Event(), threading.Event()

    def hold_lock():
        try:
            with transaction.atomic():
                Session.objects.select_for_update().get(pk=session.pk)
                lock_taken.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    lock_taken.wait(timeout=5)
    outcome = {}

    def try_to_book():
        try:
            outcome["status"] = services.book(Session.objects.get(pk=session.pk), member).status
        except TryAgain as exc:
            outcome["error"] = exc
        finally:
            connection.close()

    started = time.monotonic()
    booker = threading.Thread(target=try_to_book)
    booker.start()
    booker.join(timeout=10)
    elapsed = time.monotonic() - started
    release.set()
    holder.join(timeout=10)

    assert isinstance(outcome.get("error"), TryAgain)
    assert "réessayer" in str(outcome["error"].message)
    assert elapsed < 5  # 0.5 s of wait, some slack for a loaded machine; never the 30 s default
    assert not Booking.objects.filter(member=member).exists()
