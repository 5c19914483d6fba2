"""Seats taken per session, kept on the session row (`Session.seats_taken`) so that no public page
counts bookings to show "3 places disponibles".

Written, never guessed: every save or delete of a booking recounts the seats held on *its* session
(one indexed COUNT on that session's bookings) and stores the figure with one UPDATE, in the same
transaction. In activities.services the session row is already locked (`_lock_sessions`) when a
booking changes, so the recount sees every committed booking and nobody else can change them
before the commit: the counter is exact at commit time. Bookings saved elsewhere (admin, factories,
data fixes) go through the same signal. Queryset `.update()` and raw SQL bypass it: `recount_seats`
(scheduled nightly, and by hand after a data repair) compares the counter with the rows, reports and
fixes any drift.

Connected in ActivitiesConfig.ready().
"""

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save

from activities.models import SEAT_STATUSES, Booking, Session

# Saving only these columns of a booking never changes the seats it holds.
SEAT_NEUTRAL_FIELDS = {"reminder_sent_at", "pickup_address", "offer_expires_at", "queued_at", "promoted_at"}


def _held_on(session_ref):
    held = (
        Booking.objects.filter(session=session_ref, status__in=SEAT_STATUSES)
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(held), 0)


def seats_taken(session):
    """Seats held on `session` (confirmed, offered, attended, no-show), read from the counter."""
    return session.seats_taken


def refresh_seats(session_ids):
    """Recount the seats held on these sessions and store them (one UPDATE). Call it under the
    session row lock when it matters (activities.services does)."""
    session_ids = [pk for pk in set(session_ids) if pk is not None]
    if session_ids:
        Session.objects.filter(pk__in=session_ids).update(seats_taken=_held_on(OuterRef("pk")))


def drifted(queryset=None):
    """Sessions whose counter differs from their bookings: [(session id, counter, counted)]."""
    queryset = Session.objects.all() if queryset is None else queryset
    rows = (
        queryset.order_by()
        .annotate(counted=_held_on(OuterRef("pk")))
        .exclude(seats_taken=F("counted"))
        .values_list("pk", "seats_taken", "counted")
    )
    return list(rows)


def recount_seats(queryset=None):
    """Fix every drifted counter; returns the drift found, as `drifted()` does."""
    found = drifted(queryset)
    refresh_seats([pk for pk, _counter, _counted in found])
    return found


def _on_booking_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if not created and update_fields and set(update_fields) <= SEAT_NEUTRAL_FIELDS:
        return
    if created and instance.status not in SEAT_STATUSES:
        return  # a new place on the waiting list holds no seat
    refresh_seats([instance.session_id])


def _on_booking_deleted(sender, instance, **kwargs):
    refresh_seats([instance.session_id])


def connect():
    post_save.connect(_on_booking_saved, sender=Booking, dispatch_uid="activities_seats_saved")
    post_delete.connect(_on_booking_deleted, sender=Booking, dispatch_uid="activities_seats_deleted")
