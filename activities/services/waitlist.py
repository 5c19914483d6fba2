"""Waiting lists: a freed seat is offered to the first person waiting for a while, then passed on;
staff may move someone up the list or give them a seat out of turn."""

import datetime

from django.db import transaction
from django.utils import timezone

from activities import signals
from activities.exceptions import InvalidBookingState, OfferExpired, PickupFull, SessionCancelled, SessionFull, TryAgain
from activities.models import Booking, Session
from activities.notifications import Notice
from activities.services import locking
from core.audit import log_action


def release_locked(session, booking, *, code, by, now, notice=Notice.CANCELLED, data=None, authority=None):
    """Cancel `booking` (its session row locked by the caller), audit it, notify after commit (unless
    `notice` is None: a cycle sends one notice for all its sessions) and give a freed seat to the next
    person waiting."""
    freed_seat = booking.status in Booking.SEAT_STATUSES
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    log_action(
        booking,
        code,
        actor=by,
        member=booking.member,
        authority=authority,
        data={"session": session.pk, "freed_seat": freed_seat, **(data or {})},
    )
    signals.booking_cancelled.send(sender=Booking, booking=booking, by=by, freed_seat=freed_seat)
    if notice:
        locking.notify_after_commit(booking.pk, notice)
    if freed_seat:
        signals.seat_freed.send(sender=Session, session=session, booking=booking)
        promote_locked(session, now=now)


def accept_offer(booking, *, by, authority=None):
    """Keep an offered seat: the booking becomes confirmed (the seat was already held, so nothing
    is recounted). Accepting twice changes nothing. Raises OfferExpired once the hold time has
    passed, SessionCancelled, InvalidBookingState, TryAgain."""
    with transaction.atomic(durable=True):
        now = timezone.now()
        session = locking.lock_sessions([booking.session_id])[0]
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CONFIRMED:
            return booking
        if session.status == Session.Status.CANCELLED:
            raise SessionCancelled()
        expired = booking.offer_expires_at is not None and booking.offer_expires_at <= now
        if booking.status == Booking.Status.OFFERED and expired:
            raise OfferExpired()  # expire_offers() passes it on; nothing to change here
        if booking.status != Booking.Status.OFFERED:
            raise OfferExpired() if expired else InvalidBookingState()
        booking.status = Booking.Status.CONFIRMED
        booking.save(update_fields=["status"])
        log_action(
            booking,
            "escale.booking.offer_accepted",
            actor=by,
            member=booking.member,
            authority=authority,
            data={"session": session.pk},
        )
        locking.notify_after_commit(booking.pk, Notice.CONFIRMED)
    return booking


def expire_offers(*, now=None):
    """Release every offered seat whose hold time has passed and offer it to the next person
    waiting, one session (row lock) at a time. Returns the expired bookings; a session whose lock
    is busy is left for the next run."""
    now = now or timezone.now()
    due = Booking.objects.filter(status=Booking.Status.OFFERED, offer_expires_at__lte=now)
    expired = []
    for session_pk in sorted(set(due.values_list("session_id", flat=True))):
        try:
            with transaction.atomic(durable=True):
                session = locking.lock_sessions([session_pk])[0]
                # Re-read under the lock: the person may have accepted meanwhile.
                for booking in due.filter(session=session).select_for_update():
                    release_locked(
                        session,
                        booking,
                        code="escale.booking.offer_expired",
                        by=None,
                        now=now,
                        notice=Notice.OFFER_EXPIRED,
                    )
                    expired.append(booking)
        except TryAgain:
            continue
    return expired


def promote_waitlist(session, *, by=None):
    """Offer every free seat of `session` to the waitlisted people, first come first served.

    Returns the promoted bookings (each notified after commit). A waitlisted person needing a
    pick-up is skipped while the pick-up seats are all taken. Raises TryAgain.
    """
    with transaction.atomic(durable=True):
        locked = locking.lock_sessions([session.pk])[0]
        return promote_locked(locked, by=by)


def promote_locked(session, *, by=None, now=None):
    """Promotion for a session whose row the caller has locked."""
    now = now or timezone.now()
    if session.status != Session.Status.SCHEDULED or session.start <= now:
        return []
    free = session.capacity - locking.count_confirmed(session)
    pickups_free = session.pickup_seats - locking.count_pickups(session)
    promoted = []
    for booking in Booking.objects.filter(session=session, status=Booking.Status.WAITLISTED).order_by(
        "queued_at", "pk"
    ):
        if free <= 0:
            break
        if booking.needs_pickup:
            if pickups_free <= 0:
                continue
            pickups_free -= 1
        _give_seat(session, booking, by=by, now=now)
        promoted.append(booking)
        free -= 1
    return promoted


def _give_seat(session, booking, *, by, now, manual=False):
    """Promote a waitlisted booking (session row locked by the caller): the seat is offered until
    the hold time passes (never beyond the session start), or confirmed at once when the hold
    time is 0."""
    hold = locking.promotion_hold()
    if hold:
        booking.status = Booking.Status.OFFERED
        booking.offer_expires_at = min(now + hold, session.start)
        code, kind = "escale.booking.offered", Notice.OFFERED
    else:
        booking.status = Booking.Status.CONFIRMED
        code, kind = "escale.booking.promoted", Notice.PROMOTED
    booking.promoted_at = now
    booking.save(update_fields=["status", "promoted_at", "offer_expires_at"])
    data = {
        "session": session.pk,
        "offer_expires_at": booking.offer_expires_at and booking.offer_expires_at.isoformat(),
    }
    if manual:
        data["manual"] = True
    log_action(booking, code, actor=by, data=data)
    locking.notify_after_commit(booking.pk, kind)


def move_in_waitlist(booking, *, up, by):
    """Staff: move a waitlisted person one place up (or down) the waitlist, e.g. someone who has been
    waiting for weeks or who lives next door to the bus stop. Swaps the queue ranks of the two
    neighbours under the session row lock; audited. Returns False when already first (or last)."""
    with transaction.atomic(durable=True):
        locking.lock_sessions([booking.session_id])
        queue = list(
            Booking.objects.select_for_update()
            .filter(session_id=booking.session_id, status=Booking.Status.WAITLISTED)
            .order_by("queued_at", "pk")
        )
        index = next((i for i, b in enumerate(queue) if b.pk == booking.pk), None)
        if index is None:
            raise InvalidBookingState()
        other_index = index - 1 if up else index + 1
        if not 0 <= other_index < len(queue):
            return False
        mover, other = queue[index], queue[other_index]
        mover_rank, other_rank = mover.queued_at, other.queued_at
        if mover_rank == other_rank:  # same instant: a microsecond is enough to order them
            other_rank += datetime.timedelta(microseconds=1 if up else -1)
        mover.queued_at, other.queued_at = other_rank, mover_rank
        Booking.objects.bulk_update([mover, other], ["queued_at"])
        log_action(
            mover,
            "escale.booking.waitlist_moved",
            actor=by,
            data={"session": booking.session_id, "from": index + 1, "to": other_index + 1},
        )
    return True


def promote_booking(booking, *, by):
    """Staff: offer a free seat to this waitlisted booking now (out of turn), as `promote_waitlist`
    would; SessionFull when no seat is free."""
    with transaction.atomic(durable=True):
        session = locking.lock_sessions([booking.session_id])[0]
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status != Booking.Status.WAITLISTED:
            raise InvalidBookingState()
        if locking.count_confirmed(session) >= session.capacity:
            raise SessionFull()
        if booking.needs_pickup and locking.count_pickups(session) >= session.pickup_seats:
            raise PickupFull()
        _give_seat(session, booking, by=by, now=timezone.now(), manual=True)
    return booking
