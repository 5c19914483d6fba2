"""The session row lock every seat decision is taken under, and the counts read under it.

One row lock per session (in pk order when several are taken, so two cycle bookings cannot deadlock);
seats are recounted from the booking rows, never trusted from a cached figure.
"""

import datetime
from functools import partial

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Count, Q

from activities import tasks
from activities.exceptions import BookingClosed, BookingNotOpenYet, SessionCancelled, TryAgain
from activities.models import Booking, Session

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL SQLSTATE raised when lock_timeout expires


def _lock_timeout_ms():
    return int(float(getattr(settings, "ACTIVITIES_LOCK_TIMEOUT", 30)) * 1000)


def _is_lock_timeout(exc):
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(exc)  # SQLite's busy timeout


def lock_sessions(pks):
    """Lock the session rows (in pk order, so two cycle bookings cannot deadlock) and return them.

    Must run inside a transaction. A busy moment only makes people queue: each holder keeps the
    lock a few milliseconds, so 200 bookers in a row wait a few seconds at worst. The wait is still
    bounded (ACTIVITIES_LOCK_TIMEOUT seconds, 30 by default, below gunicorn's timeout): it protects
    the database from a stuck transaction, and only then does the member get `TryAgain`.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # SET cannot take bind parameters; the value is an int we computed.
            cursor.execute(f"SET LOCAL lock_timeout = {_lock_timeout_ms():d}")
    try:
        return list(Session.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
    except OperationalError as exc:
        if _is_lock_timeout(exc):
            raise TryAgain() from exc
        raise


def count_confirmed(session):
    return Booking.objects.filter(session=session, status__in=Booking.SEAT_STATUSES).count()


def count_pickups(session):
    return Booking.objects.filter(session=session, status__in=Booking.SEAT_STATUSES, needs_pickup=True).count()


def seats_held(session):
    """(seats held, pick-up seats held) in one query."""
    held = Q(status__in=Booking.SEAT_STATUSES)
    counts = Booking.objects.filter(session=session).aggregate(
        seats=Count("pk", filter=held), pickups=Count("pk", filter=held & Q(needs_pickup=True))
    )
    return counts["seats"], counts["pickups"]


def check_open(session, now):
    if session.status == Session.Status.CANCELLED:
        raise SessionCancelled()
    if session.status != Session.Status.SCHEDULED:
        raise BookingClosed()
    if session.booking_opens_at and now < session.booking_opens_at:
        raise BookingNotOpenYet()
    if now >= session.closes_at:
        raise BookingClosed()


def promotion_hold():
    """How long a promoted waitlisted person keeps the offered seat before it passes to the next
    (setting ACTIVITIES_PROMOTION_HOLD_HOURS, 24 by default; 0 confirms promotions at once)."""
    return datetime.timedelta(hours=float(getattr(settings, "ACTIVITIES_PROMOTION_HOLD_HOURS", 24)))


def notify_after_commit(booking_id, kind):
    transaction.on_commit(partial(tasks.notify_booking.enqueue, booking_id, kind))
