"""Booking rules (design.md "Booking rules"): one row lock per session, seats recounted from rows,
waitlist and promotion (a seat offered for a while, then passed on), cycles, pick-up quota,
attendance, series of sessions.

Every public function here is the only way views, admin views, tasks and tests change bookings.
"""

import calendar
import datetime
from decimal import ROUND_DOWN, Decimal
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.audit import log_action
from activities.exceptions import (
    AlreadyBooked,
    BookingClosed,
    BookingNotOpenYet,
    CancellationDeadlinePassed,
    CycleBookingRequired,
    InvalidBookingState,
    NotACycle,
    OfferExpired,
    PickupFull,
    SessionCancelled,
    SessionFull,
    TryAgain,
)
from activities.models import SEAT_STATUSES, Booking, CycleBooking, Session

ZERO = Decimal("0.00")
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL SQLSTATE raised when lock_timeout expires


# --- prices -------------------------------------------------------------------------------------


def price_for(user, session):
    """The price a person pays for one session.

    For now: the activity's full price. The members issue plugs memberships in here
    (design.md rule 1: member price when a membership is valid on the session date, else the
    full price; a solidarity price granted by staff) — keep this the ONE place prices are decided.
    Delegates to `members.services.price_for`.
    """
    from members.services import price_for as members_price_for

    return members_price_for(user, session)


def cycle_price_for(user, activity):
    """The single price of a whole cycle (same plug-in point as `price_for`; see members.services)."""
    from members.services import cycle_price_for as members_cycle_price_for

    return members_cycle_price_for(user, activity)


# --- locking --------------------------------------------------------------------------------------


def _lock_timeout_ms():
    return int(float(getattr(settings, "ACTIVITIES_LOCK_TIMEOUT", 30)) * 1000)


def _is_lock_timeout(exc):
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(exc)  # SQLite's busy timeout


def _lock_sessions(pks):
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


def _count_confirmed(session):
    return Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count()


def _count_pickups(session):
    return Booking.objects.filter(session=session, status__in=SEAT_STATUSES, needs_pickup=True).count()


def _check_open(session, now):
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


def _notify_after_commit(booking_id, kind):
    from activities import tasks

    transaction.on_commit(partial(tasks.notify_booking.enqueue, booking_id, kind))


# --- booking --------------------------------------------------------------------------------------


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
    members.services.require_authority) is written in the journal and shown in the history.
    """
    if session.activity.is_cycle:
        raise CycleBookingRequired()
    # Early refusals, without the lock (each one is checked again, or guarded, under it).
    _check_open(session, timezone.now())
    if needs_pickup and session.pickup_seats == 0:
        raise PickupFull()
    if Booking.objects.filter(session=session, member=member).exclude(status=Booking.Status.CANCELLED).exists():
        raise AlreadyBooked()
    price = price_for(member, session)
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


def _authority_data(authority):
    from members.services import authority_data

    return authority_data(authority)


def _seats_held(session):
    """(seats held, pick-up seats held) in one query."""
    held = Q(status__in=SEAT_STATUSES)
    counts = Booking.objects.filter(session=session).aggregate(
        seats=Count("pk", filter=held), pickups=Count("pk", filter=held & Q(needs_pickup=True))
    )
    return counts["seats"], counts["pickups"]


def _book(session_pk, member, *, by, needs_pickup, pickup_address, price=None, lock=True, authority=None):
    """The body of `book`, inside its transaction: lock, count, insert, audit — nothing else.
    `lock=False` exists only for the control test that proves the race is real without the row
    lock; nothing else may pass it."""
    now = timezone.now()
    if price is None:
        price = price_for(member, Session.objects.select_related("activity").get(pk=session_pk))
    session = _lock_sessions([session_pk])[0] if lock else Session.objects.get(pk=session_pk)
    _check_open(session, now)
    if needs_pickup and session.pickup_seats == 0:
        raise PickupFull()

    # speedmember #17: seats from the counter of the row just locked (activities/seats.py keeps it
    # exact under this lock); pick-up seats are counted only when asked for.
    seats, pickups = _seats_held(session) if needs_pickup else (session.seats_taken, 0)
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
        on_behalf_of=member if by and by != member else None,
        data={
            "session": session.pk,
            "price": str(booking.price),
            "needs_pickup": needs_pickup,
            **_authority_data(authority),
        },
    )
    _notify_after_commit(booking.pk, status)
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
        sessions = _lock_sessions(pks)
        for session in sessions:
            _check_open(session, now)
        existing = Booking.objects.filter(session__in=sessions, member=member).exclude(status=Booking.Status.CANCELLED)
        if existing.exists():
            raise AlreadyBooked()
        for session in sessions:
            if _count_confirmed(session) >= session.capacity:
                raise SessionFull(
                    _("Une des séances du cycle est complète : l'inscription au cycle n'est plus possible.")
                )
        cycle = CycleBooking.objects.create(
            activity=source, member=member, price=cycle_price_for(member, source), made_by=by or member
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
            on_behalf_of=member if by and by != member else None,
            data={"sessions": [s.pk for s in sessions], "price": str(cycle.price), **_authority_data(authority)},
        )
        _notify_after_commit(bookings[0].pk, "cycle_confirmed")
    return cycle


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
        session = _lock_sessions([booking.session_id])[0]
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in Booking.ACTIVE:
            raise InvalidBookingState()
        offered = booking.status == Booking.Status.OFFERED
        if not allow_late and not offered and now >= session.cancellable_until:
            raise CancellationDeadlinePassed()
        code = "escale.booking.offer_declined" if offered else "escale.booking.cancelled"
        _release_locked(session, booking, code=code, by=by, now=now, data=_authority_data(authority))
    return booking


def decline_offer(booking, *, by):
    """The promoted person does not want the offered seat: it goes at once to the next person
    waiting. Raises InvalidBookingState (not an offer any more), TryAgain."""
    if booking.status != Booking.Status.OFFERED:
        raise InvalidBookingState()
    return cancel_booking(booking, by=by, allow_late=True)


def _release_locked(session, booking, *, code, by, now, notice="cancelled", data=None):
    """Cancel `booking` (its session row locked by the caller), audit it, notify after commit (unless
    `notice` is None: a cycle sends one notice for all its sessions) and give a freed seat to the next
    person waiting."""
    freed_seat = booking.status in SEAT_STATUSES
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    log_action(
        booking,
        code,
        actor=by,
        on_behalf_of=booking.member if by and by != booking.member else None,
        data={"session": session.pk, "freed_seat": freed_seat, **(data or {})},
    )
    if notice:
        _notify_after_commit(booking.pk, notice)
    if freed_seat:
        _promote_locked(session, now=now)


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
    sessions = {s.pk: s for s in _lock_sessions(sorted(set(future.values_list("session_id", flat=True))))}
    released = []
    for booking in Booking.objects.select_for_update().filter(pk__in=list(future.values_list("pk", flat=True))):
        if booking.status not in Booking.ACTIVE:
            continue
        session = sessions[booking.session_id]
        _release_locked(
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


def accept_offer(booking, *, by, authority=None):
    """Keep an offered seat: the booking becomes confirmed (the seat was already held, so nothing
    is recounted). Accepting twice changes nothing. Raises OfferExpired once the hold time has
    passed, SessionCancelled, InvalidBookingState, TryAgain."""
    with transaction.atomic(durable=True):
        now = timezone.now()
        session = _lock_sessions([booking.session_id])[0]
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
            on_behalf_of=booking.member if by and by != booking.member else None,
            data={"session": session.pk, **_authority_data(authority)},
        )
        _notify_after_commit(booking.pk, "confirmed")
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
                session = _lock_sessions([session_pk])[0]
                # Re-read under the lock: the person may have accepted meanwhile.
                for booking in due.filter(session=session).select_for_update():
                    _release_locked(
                        session, booking, code="escale.booking.offer_expired", by=None, now=now, notice="offer_expired"
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
        locked = _lock_sessions([session.pk])[0]
        return _promote_locked(locked, by=by)


def _promote_locked(session, *, by=None, now=None):
    """Promotion for a session whose row the caller has locked."""
    now = now or timezone.now()
    if session.status != Session.Status.SCHEDULED or session.start <= now:
        return []
    free = session.capacity - _count_confirmed(session)
    pickups_free = session.pickup_seats - _count_pickups(session)
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
    hold = promotion_hold()
    if hold:
        booking.status = Booking.Status.OFFERED
        booking.offer_expires_at = min(now + hold, session.start)
        code, kind = "escale.booking.offered", "offered"
    else:
        booking.status = Booking.Status.CONFIRMED
        code, kind = "escale.booking.promoted", "promoted"
    booking.promoted_at = now
    booking.save(update_fields=["status", "promoted_at", "offer_expires_at"])
    data = {
        "session": session.pk,
        "offer_expires_at": booking.offer_expires_at and booking.offer_expires_at.isoformat(),
    }
    if manual:
        data["manual"] = True
    log_action(booking, code, actor=by, data=data)
    _notify_after_commit(booking.pk, kind)


def move_in_waitlist(booking, *, up, by):
    """Staff: move a waitlisted person one place up (or down) the waitlist, e.g. someone who has been
    waiting for weeks or who lives next door to the bus stop. Swaps the queue ranks of the two
    neighbours under the session row lock; audited. Returns False when already first (or last)."""
    with transaction.atomic(durable=True):
        _lock_sessions([booking.session_id])
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
        session = _lock_sessions([booking.session_id])[0]
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status != Booking.Status.WAITLISTED:
            raise InvalidBookingState()
        if _count_confirmed(session) >= session.capacity:
            raise SessionFull()
        if booking.needs_pickup and _count_pickups(session) >= session.pickup_seats:
            raise PickupFull()
        _give_seat(session, booking, by=by, now=timezone.now(), manual=True)
    return booking


def cancel_session(session, *, by, reason=""):
    """Cancel a session and every active booking on it; everyone booked or waiting is told after
    commit (e-mail or call list). Returns the number of bookings cancelled."""
    with transaction.atomic(durable=True):
        session = _lock_sessions([session.pk])[0]
        if session.status == Session.Status.CANCELLED:
            return 0
        now = timezone.now()
        session.status = Session.Status.CANCELLED
        session.save(update_fields=["status", "updated_at"])
        bookings = list(Booking.objects.filter(session=session, status__in=Booking.ACTIVE))
        for booking in bookings:
            booking.status = Booking.Status.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            _notify_after_commit(booking.pk, "session_cancelled")
        log_action(session, "escale.session.cancelled", actor=by, data={"bookings": len(bookings), "reason": reason})
    return len(bookings)


def mark_attendance(booking, present, *, by):
    """Record presence or absence on a confirmed booking (or correct a previous mark)."""
    allowed = (Booking.Status.CONFIRMED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW)
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in allowed:
            raise InvalidBookingState()
        booking.status = Booking.Status.ATTENDED if present else Booking.Status.NO_SHOW
        booking.save(update_fields=["status"])
        log_action(booking, f"escale.booking.{booking.status}", actor=by, data={"session": booking.session_id})
    return booking


# --- cycle cancellation ---------------------------------------------------------------------------


def _cycle_session_pks(cycle):
    return sorted(set(Booking.objects.filter(cycle_booking=cycle).values_list("session_id", flat=True)))


def cycle_amount_to_return(paid, sessions, *, now):
    """What is given back of `paid` (the amount paid for a cycle) when it is cancelled at `now`.

    Before the first session starts: everything. Once the cycle has started: a prorata of the
    sessions not yet held, i.e. paid × (sessions − held) / sessions, where `sessions` are all the
    cycle's sessions and a session counts as held once it has started, unless the organisers
    cancelled it (then it never took place). The result is rounded DOWN to the cent with Decimal
    (never float): 50.00 € for 3 sessions, 1 held, gives back 33.33 €, never 33.34 €, so the
    association never returns more than was paid for the sessions not held.
    """
    sessions = list(sessions)
    held = sum(1 for s in sessions if s.start <= now and s.status != Session.Status.CANCELLED)
    if not sessions or held == 0:
        return paid
    return (paid * (len(sessions) - held) / len(sessions)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def cycle_return_preview(cycle, *, now=None):
    """The amount cancelling `cycle` now would give back (Decimal), or None when nothing was paid
    or it was already given back. For the confirmation pages; `cancel_cycle` decides for real."""
    from members.services.payments import paid_cycle_item

    item = paid_cycle_item(cycle)
    if item is None:
        return None
    sessions = Session.objects.filter(pk__in=_cycle_session_pks(cycle))
    return cycle_amount_to_return(item.amount, sessions, now=now or timezone.now())


def cancel_cycle(cycle, *, by, allow_late=False, mode="credit", authority=None):
    """Cancel a cycle booking and every still-active session booking of it not yet started, in one
    transaction; returns the cycle (with `amount_returned`: the Decimal given back, or None).

    Every session row of the cycle is locked in pk order (as `book_cycle` does: no deadlock); each
    freed seat goes to the first person waiting on that session. Sessions already started stay as
    they are (attended / no-show / confirmed untouched). Members may cancel until the first
    session's cancellation deadline; after it only staff can (`allow_late=True`). A paid cycle is
    given back once (see `cycle_amount_to_return`) as a credit (avoir, the default, as for a
    cancelled single booking) or a refund (`mode="refund"`, staff's choice). One "cycle cancelled"
    notice goes out after commit (e-mail or call list). Cancelling again changes nothing.
    Raises CancellationDeadlinePassed, InvalidBookingState (every session has started), TryAgain.
    """
    from members.services.payments import paid_cycle_item, refund_cycle_booking

    if mode not in ("credit", "refund"):
        raise ValueError(mode)
    on_behalf_of = cycle.member if by and by != cycle.member else None
    with transaction.atomic(durable=True):
        now = timezone.now()
        sessions = _lock_sessions(_cycle_session_pks(cycle))
        cycle = CycleBooking.objects.select_for_update().select_related("member", "activity").get(pk=cycle.pk)
        cycle.amount_returned = None
        if cycle.status == CycleBooking.Status.CANCELLED:
            return cycle
        by_start = sorted(sessions, key=lambda s: (s.start, s.pk))
        if not by_start or by_start[-1].start <= now:
            raise InvalidBookingState(
                _("Toutes les séances de ce cycle ont déjà eu lieu : il n'y a plus rien à annuler.")
            )
        if not allow_late and now >= by_start[0].cancellable_until:
            raise CancellationDeadlinePassed()
        locked = {s.pk: s for s in sessions}
        bookings = list(
            Booking.objects.select_for_update()
            .filter(cycle_booking=cycle, status__in=Booking.ACTIVE, session__start__gt=now)
            .order_by("session_id")
        )
        for booking in bookings:
            _release_locked(
                locked[booking.session_id],
                booking,
                code="escale.booking.cancelled",
                by=by,
                now=now,
                notice=None,
                data={"cycle": cycle.pk},
            )
        cycle.status = CycleBooking.Status.CANCELLED
        cycle.cancelled_at = now
        cycle.save(update_fields=["status", "cancelled_at"])
        item = paid_cycle_item(cycle)
        if item is not None:
            amount = cycle_amount_to_return(item.amount, sessions, now=now)
            if refund_cycle_booking(cycle, amount=amount, by=by, mode=mode) is not None:
                cycle.amount_returned = amount
        log_action(
            cycle,
            "escale.cycle_booking.cancelled",
            actor=by,
            on_behalf_of=on_behalf_of,
            data={
                "sessions": [b.session_id for b in bookings],
                "late": now >= by_start[0].cancellable_until,
                "amount_returned": None if cycle.amount_returned is None else str(cycle.amount_returned),
                "returned_as": mode if cycle.amount_returned is not None else "",
                **_authority_data(authority),
            },
        )
        first = min(bookings, key=lambda b: locked[b.session_id].start) if bookings else None
        first = first or Booking.objects.filter(cycle_booking=cycle).order_by("session__start", "pk").first()
        _notify_after_commit(first.pk, "cycle_cancelled")
    return cycle


# --- series ---------------------------------------------------------------------------------------


def _nth_weekday(year, month, weekday, nth):
    """Date of the nth (1-based; 5 = last) `weekday` of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[min(nth, len(days)) - 1]


def series_dates(first_date, *, count, frequency="weekly", interval=1, skip_dates=()):
    """The dates of a recurrence rule: `count` occurrences every `interval` weeks ("weekly") or on
    the same nth weekday every `interval` months ("monthly"); dates in `skip_dates` are dropped
    (a skipped holiday is not replaced)."""
    skip = set(skip_dates)
    dates = []
    if frequency == "weekly":
        candidates = [first_date + datetime.timedelta(weeks=interval * i) for i in range(count)]
    elif frequency == "monthly":
        nth = (first_date.day - 1) // 7 + 1
        candidates = []
        for i in range(count):
            month_index = first_date.month - 1 + interval * i
            year, month = first_date.year + month_index // 12, month_index % 12 + 1
            candidates.append(_nth_weekday(year, month, first_date.weekday(), nth))
    else:
        raise ValueError(f"Unknown frequency: {frequency}")
    dates = [d for d in candidates if d not in skip]
    return dates


def series_start_end(day, first_start, duration):
    """Start and end on `day` at the wall-clock time of `first_start` (Europe/Paris), so a
    10:00 session stays at 10:00 across daylight-saving changes."""
    wall_time = timezone.localtime(first_start).time().replace(tzinfo=None)
    start = timezone.make_aware(datetime.datetime.combine(day, wall_time), timezone.get_current_timezone())
    return start, start + duration


def generate_series(
    activity,
    *,
    first_start,
    duration,
    count,
    place,
    frequency="weekly",
    interval=1,
    skip_dates=(),
    capacity=None,
    min_participants=None,
    pickup_seats=0,
    by=None,
):
    """Create independent sessions from a rule (e.g. every Tuesday 10:00–11:30 for 10 weeks,
    skipping holidays); each is then edited on its own. Times keep the same wall-clock hour in
    Europe/Paris across daylight-saving changes. Returns the created sessions."""
    source = activity.source_page()
    local_start = timezone.localtime(first_start)
    sessions = []
    with transaction.atomic():
        for day in series_dates(
            local_start.date(), count=count, frequency=frequency, interval=interval, skip_dates=skip_dates
        ):
            start, end = series_start_end(day, first_start, duration)
            sessions.append(
                Session.objects.create(
                    activity=source,
                    start=start,
                    end=end,
                    place=place,
                    capacity=capacity if capacity is not None else source.default_capacity,
                    min_participants=min_participants if min_participants is not None else source.min_participants,
                    pickup_seats=pickup_seats,
                )
            )
        log_action(source, "escale.session.series_created", actor=by, data={"sessions": [s.pk for s in sessions]})
    return sessions
