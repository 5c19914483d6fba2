"""Cancelling: one booking (by the member, or by staff for them), a whole session, every future
booking of a person whose account is erased. What happens to the money is decided by the apps that
hold it, told through `activities.signals.booking_cancelled`."""

from django.db import transaction
from django.utils import timezone

from activities import people, signals
from activities.exceptions import CancellationDeadlinePassed, InvalidBookingState
from activities.models import Booking, CycleBooking, Session
from activities.notifications import Notice
from activities.services import locking
from activities.services.cycles import cancel_cycle
from activities.services.waitlist import release_locked
from core.audit import log_action
from core.money import ReturnMode


def cancel_for(booking, *, by, asked_by="mandate", relative_name="", mode=ReturnMode.CREDIT):
    """Cancel `booking` — or, for a session of a cycle, the person's whole cycle — on their behalf.

    When `by` is not the person, their request is recorded (`asked_by`: "phone", "desk", "relative"
    with `relative_name`) or their standing mandate checked ("mandate") first; MandateRequired
    otherwise. Staff may cancel after the deadline. `mode` ("credit" or "refund") is what a paid
    cycle gets back. Returns the cancelled Booking or CycleBooking.
    """
    from_staff = by is not None and by != booking.member
    authority = None
    if from_staff:
        target = booking.cycle_booking or booking.session
        authority = people.act_for(
            by, booking.member, "cancel", asked_by=asked_by, relative_name=relative_name, detail=str(target)
        )
    if booking.cycle_booking_id:
        return cancel_cycle(booking.cycle_booking, by=by, allow_late=from_staff, mode=mode, authority=authority)
    return cancel_booking(booking, by=by, allow_late=from_staff, authority=authority)


def cancel_booking(booking, *, by, allow_late=False, authority=None):
    """Cancel a confirmed, offered or waitlisted booking; a freed seat goes to the first waitlisted
    person.

    Members may cancel until the session's cancellation deadline (CancellationDeadlinePassed
    after it; an offered seat can always be declined); staff pass `allow_late=True`. Returns the
    updated booking. The member and any promoted person are notified after commit.
    Raises InvalidBookingState, CancellationDeadlinePassed, TryAgain.
    """
    with transaction.atomic(durable=True):
        now = timezone.now()
        session = locking.lock_sessions([booking.session_id])[0]
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in Booking.ACTIVE:
            raise InvalidBookingState()
        offered = booking.status == Booking.Status.OFFERED
        if not allow_late and not offered and now >= session.cancellable_until:
            raise CancellationDeadlinePassed()
        code = "escale.booking.offer_declined" if offered else "escale.booking.cancelled"
        release_locked(session, booking, code=code, by=by, now=now, authority=authority)
    return booking


def decline_offer(booking, *, by):
    """The promoted person does not want the offered seat: it goes at once to the next person
    waiting. Raises InvalidBookingState (not an offer any more), TryAgain."""
    if booking.status != Booking.Status.OFFERED:
        raise InvalidBookingState()
    return cancel_booking(booking, by=by, allow_late=True)


def release_future_bookings(member, *, by=None):
    """Cancel every active booking and cycle booking of `member` on sessions not yet started (the
    member deleted their account); each freed seat goes to the first person waiting.

    Runs inside the caller's transaction (account erasure is one transaction): session rows are
    locked once, in pk order, as `book_cycle` does. No notice goes to the member (their contact
    details are being erased); promoted people are notified after commit. Returns the cancelled
    bookings. Raises TryAgain.
    """
    now = timezone.now()
    future = Booking.objects.filter(member=member, status__in=Booking.ACTIVE, session__start__gt=now)
    sessions = {s.pk: s for s in locking.lock_sessions(sorted(set(future.values_list("session_id", flat=True))))}
    released = []
    for booking in Booking.objects.select_for_update().filter(pk__in=list(future.values_list("pk", flat=True))):
        if booking.status not in Booking.ACTIVE:
            continue
        session = sessions[booking.session_id]
        release_locked(
            session, booking, code="escale.booking.cancelled", by=by, now=now, notice=None, data={"erasure": True}
        )
        released.append(booking)
    cycles = CycleBooking.objects.filter(member=member, status=CycleBooking.Status.CONFIRMED)
    for cycle in cycles.filter(activity__sessions__start__gt=now).distinct():
        cycle.status = CycleBooking.Status.CANCELLED
        cycle.cancelled_at = now
        cycle.save(update_fields=["status", "cancelled_at"])
        log_action(cycle, "escale.cycle_booking.cancelled", actor=by, data={"erasure": True})
    return released


def cancel_session(session, *, by, reason=""):
    """Cancel a session and every active booking on it; everyone booked or waiting is told after
    commit (e-mail or call list). Returns the number of bookings cancelled."""
    with transaction.atomic(durable=True):
        session = locking.lock_sessions([session.pk])[0]
        if session.status == Session.Status.CANCELLED:
            return 0
        now = timezone.now()
        session.status = Session.Status.CANCELLED
        session.save(update_fields=["status", "updated_at"])
        bookings = list(Booking.objects.filter(session=session, status__in=Booking.ACTIVE))
        for booking in bookings:
            held_seat = booking.status in Booking.SEAT_STATUSES
            booking.status = Booking.Status.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            signals.booking_cancelled.send(sender=Booking, booking=booking, by=by, freed_seat=held_seat)
            locking.notify_after_commit(booking.pk, Notice.SESSION_CANCELLED)
        log_action(session, "escale.session.cancelled", actor=by, data={"bookings": len(bookings), "reason": reason})
    return len(bookings)
