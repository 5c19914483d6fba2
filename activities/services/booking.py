"""Booking a seat: one session, a whole cycle, or either for someone else (`book_for`)."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities import people
from activities.exceptions import AlreadyBooked, BookingClosed, CycleBookingRequired, NotACycle, PickupFull, SessionFull
from activities.models import Booking, CycleBooking, Session
from activities.notifications import Notice
from activities.services import locking
from core.audit import log_action
from core.money import ZERO


def book_for(session, member, *, by, asked_by="mandate", relative_name="", needs_pickup=False, pickup_address=""):
    """Book `member` on `session` the way the session is sold: the whole cycle for a cycle activity
    (returns the CycleBooking), else one seat (returns the Booking).

    When `by` is someone else (staff at the desk or on the phone), the person's request is recorded
    (`asked_by`: "phone", "desk", "relative" with `relative_name`) or their standing mandate checked
    ("mandate"), before anything is booked; MandateRequired otherwise. The journal keeps which.
    """
    authority = None
    if by is not None and by != member:
        authority = people.act_for(
            by, member, "book", asked_by=asked_by, relative_name=relative_name, detail=str(session)
        )
    if session.activity.is_cycle:
        return book_cycle(session.activity, member, by=by, authority=authority)
    return book(session, member, by=by, needs_pickup=needs_pickup, pickup_address=pickup_address, authority=authority)


def book(session, member, *, by=None, needs_pickup=False, pickup_address="", authority=None):
    """Book `member` on `session`; returns the Booking, confirmed if a seat is free, else waitlisted.

    Guarantees, under any concurrency: never more confirmed (or attended) bookings than the
    session's capacity, nor more pick-ups than its pick-up seats; at most one active booking per
    member and session. The confirmation or waitlist notice is sent after commit.
    Everything that does not depend on the seats left (price, double booking, opening dates) is
    decided before the session row is locked, so the lock is held for four short statements.
    Raises SessionCancelled, BookingNotOpenYet, BookingClosed, AlreadyBooked, SessionFull (no
    waitlist), PickupFull, CycleBookingRequired, TryAgain (lock stuck for ACTIVITIES_LOCK_TIMEOUT).
    `authority` (what let staff act: the person's request or a mandate, checked by the caller with
    activities.people.act_for, or `book_for`) is written in the journal and shown in the history.
    """
    if session.activity.is_cycle:
        raise CycleBookingRequired()
    # Early refusals, without the lock (each one is checked again, or guarded, under it).
    locking.check_open(session, timezone.now())
    if needs_pickup and session.pickup_seats == 0:
        raise PickupFull()
    if Booking.objects.filter(session=session, member=member).exclude(status=Booking.Status.CANCELLED).exists():
        raise AlreadyBooked()
    price = people.price_for(member, session)
    ContentType.objects.get_for_model(Booking)  # the audit entry's type, cached per process: not under the lock
    with transaction.atomic(durable=True):
        return _book(
            session.pk,
            member,
            by=by,
            needs_pickup=needs_pickup,
            pickup_address=pickup_address,
            price=price,
            lock=True,
            authority=authority,
        )


def _book(session_pk, member, *, by, needs_pickup, pickup_address, price=None, lock=True, authority=None):
    """The body of `book`, inside its transaction: lock, count, insert, audit — nothing else.
    `lock=False` exists only for the control test that proves the race is real without the row
    lock; nothing else may pass it."""
    now = timezone.now()
    if price is None:
        price = people.price_for(member, Session.objects.select_related("activity").get(pk=session_pk))
    session = locking.lock_sessions([session_pk])[0] if lock else Session.objects.get(pk=session_pk)
    locking.check_open(session, now)
    if needs_pickup and session.pickup_seats == 0:
        raise PickupFull()

    # speedmember #17: seats from the counter of the row just locked (activities/seats.py keeps it
    # exact under this lock); pick-up seats are counted only when asked for.
    seats, pickups = locking.seats_held(session) if needs_pickup else (session.seats_taken, 0)
    if seats < session.capacity:
        if needs_pickup and pickups >= session.pickup_seats:
            raise PickupFull()
        status = Booking.Status.CONFIRMED
    elif session.waitlist_enabled:
        status = Booking.Status.WAITLISTED
    else:
        raise SessionFull()

    try:
        # No savepoint: a failed insert ends the whole (rolled back) transaction anyway.
        booking = Booking.objects.create(
            session=session,
            member=member,
            status=status,
            price=price,
            needs_pickup=needs_pickup,
            pickup_address=pickup_address if needs_pickup else "",
            made_by=by or member,
        )
    except IntegrityError as exc:  # the same person twice at once: the unique constraint decides
        raise AlreadyBooked() from exc
    log_action(
        booking,
        f"escale.booking.{status}",
        actor=by or member,
        member=member,
        authority=authority,
        data={"session": session.pk, "price": str(booking.price), "needs_pickup": needs_pickup},
    )
    locking.notify_after_commit(booking.pk, status)
    return booking


def book_cycle(activity, member, *, by=None, authority=None):
    """Book every upcoming session of a cycle activity, or none; returns the CycleBooking.

    All sessions are locked (pk order) before counting; if any is full the whole booking is
    refused with SessionFull (a cycle has no waitlist). One price for the cycle, recorded on the
    CycleBooking; the session bookings carry 0.00. Raises NotACycle, BookingClosed,
    BookingNotOpenYet, SessionCancelled, AlreadyBooked, SessionFull, TryAgain.
    """
    if not activity.is_cycle:
        raise NotACycle()
    source = activity.source_page()
    with transaction.atomic(durable=True):
        now = timezone.now()
        pks = list(Session.objects.scheduled().upcoming(now).for_activity(source).values_list("pk", flat=True))
        if not pks:
            raise BookingClosed()
        sessions = locking.lock_sessions(pks)
        for session in sessions:
            locking.check_open(session, now)
        existing = Booking.objects.filter(session__in=sessions, member=member).exclude(status=Booking.Status.CANCELLED)
        if existing.exists():
            raise AlreadyBooked()
        for session in sessions:
            if locking.count_confirmed(session) >= session.capacity:
                raise SessionFull(
                    _("Une des séances du cycle est complète : l'inscription au cycle n'est plus possible.")
                )
        cycle = CycleBooking.objects.create(
            activity=source, member=member, price=people.cycle_price_for(member, source), made_by=by or member
        )
        bookings = [
            Booking.objects.create(
                session=session,
                member=member,
                status=Booking.Status.CONFIRMED,
                price=ZERO,
                made_by=by or member,
                cycle_booking=cycle,
            )
            for session in sessions
        ]
        log_action(
            cycle,
            "escale.cycle_booking.confirmed",
            actor=by or member,
            member=member,
            authority=authority,
            data={"sessions": [s.pk for s in sessions], "price": str(cycle.price)},
        )
        locking.notify_after_commit(bookings[0].pk, Notice.CYCLE_CONFIRMED)
    return cycle
