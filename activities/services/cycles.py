"""Cycles: a series of sessions sold as one (one price, no waitlist), cancelled as one with a prorata
of what was paid given back."""

from decimal import ROUND_DOWN, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities import people, signals
from activities.exceptions import CancellationDeadlinePassed, InvalidBookingState
from activities.models import Booking, CycleBooking, Session
from activities.notifications import Notice
from activities.services import locking
from activities.services.waitlist import release_locked
from core.audit import log_action
from core.money import ReturnMode


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
    paid = people.paid_for_cycle(cycle)
    if paid is None:
        return None
    sessions = Session.objects.filter(pk__in=_cycle_session_pks(cycle))
    return cycle_amount_to_return(paid, sessions, now=now or timezone.now())


def cancel_cycle(cycle, *, by, allow_late=False, mode=ReturnMode.CREDIT, authority=None):
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
    if mode not in ReturnMode.values:
        raise ValueError(mode)
    with transaction.atomic(durable=True):
        now = timezone.now()
        sessions = locking.lock_sessions(_cycle_session_pks(cycle))
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
            release_locked(
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
        returned = [
            amount
            for _receiver, amount in signals.cycle_cancelled.send(
                sender=CycleBooking, cycle=cycle, sessions=sessions, by=by, mode=mode, now=now
            )
            if amount is not None
        ]
        if returned:
            cycle.amount_returned = sum(returned)
        log_action(
            cycle,
            "escale.cycle_booking.cancelled",
            actor=by,
            member=cycle.member,
            authority=authority,
            data={
                "sessions": [b.session_id for b in bookings],
                "late": now >= by_start[0].cancellable_until,
                "amount_returned": None if cycle.amount_returned is None else str(cycle.amount_returned),
                "returned_as": mode if cycle.amount_returned is not None else "",
            },
        )
        first = min(bookings, key=lambda b: locked[b.session_id].start) if bookings else None
        first = first or Booking.objects.filter(cycle_booking=cycle).order_by("session__start", "pk").first()
        locking.notify_after_commit(first.pk, Notice.CYCLE_CANCELLED)
    return cycle
