"""Giving money back: credits (avoirs) and refunds, once per thing paid; what cancelling does with the money.

A refund to a card is recorded here and sent after commit (members.services.refunds).
"""

from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import CycleBooking
from core.audit import log_action
from core.money import ZERO, ReturnMode, round_money
from members.models import Credit, Payment, PaymentItem
from members.services.fulfilment import lock_member, paid_items
from members.services.refunds import record_refund


def credit_balance(member):
    return round_money(Credit.objects.filter(member=member).aggregate(total=Sum("amount"))["total"])


def refund_booking(booking, *, by=None, mode=ReturnMode.CREDIT):
    """Give back what was paid for a booking: a credit (avoir) on the member's balance, or a refund
    (for online payments recorded now and sent to the card provider after commit, see
    members.services.refunds; cash back recorded for on-site ones).

    Once only: returns the PaymentItem settled, or None when the booking was not paid or was
    already refunded or credited.
    """
    if mode not in ReturnMode.values:
        raise ValueError(mode)
    with transaction.atomic():
        lock_member(booking.member)
        item = _unreturned_item(booking=booking)
        if item is None:
            return None
        _give_back(item, booking.member, item.amount, mode=mode, by=by, about=booking, credit_booking=booking)
    return item


def paid_cycle_item(cycle):
    """The paid PaymentItem of a cycle booking not yet refunded or credited, or None."""
    return paid_items().filter(cycle_booking=cycle).select_related("payment").first()


def refund_cycle_booking(cycle, *, amount, by=None, mode=ReturnMode.CREDIT):
    """Give back `amount` (at most what was paid) of a paid cycle booking, as `refund_booking` does
    for one booking: a credit (avoir) or a refund. The caller decides the amount (the whole price,
    or a prorata once the cycle has started: activities.services.cycle_amount_to_return).

    Once only: returns the PaymentItem settled, or None when the cycle was not paid or was already
    refunded or credited.
    """
    if mode not in ReturnMode.values:
        raise ValueError(mode)
    with transaction.atomic():
        lock_member(cycle.member)
        item = _unreturned_item(cycle_booking=cycle)
        if item is None:
            return None
        amount = min(Decimal(amount), item.amount)
        _give_back(item, cycle.member, amount, mode=mode, by=by, about=cycle)
    return item


def _unreturned_item(**about):
    return (
        PaymentItem.objects.select_for_update()
        .filter(state=PaymentItem.State.PAID, **about)
        .select_related("payment")
        .first()
    )


def _give_back(item, member, amount, *, mode, by, about, credit_booking=None):
    """Credit or refund `amount` of a locked, paid, unreturned `item`; mark it returned; audit on `about`."""
    payment = item.payment
    if amount > ZERO:
        if mode == ReturnMode.CREDIT:
            Credit.objects.create(
                member=member,
                amount=amount,
                reason=_("Avoir : %(label)s") % {"label": item.label},
                booking=credit_booking,
                payment=payment,
                created_by=by,
            )
        elif payment.method == Payment.Method.ONLINE:
            record_refund(payment, amount, by=by)  # sent to the card provider after commit
        else:  # cash, cheque…: handed back at the desk, nothing to send
            Payment.objects.filter(pk=payment.pk).update(refunded_amount=F("refunded_amount") + amount)
    item.returned_at = timezone.now()
    item.returned_as = mode
    item.state = PaymentItem.State.RETURNED
    item.save(update_fields=["returned_at", "returned_as", "state"])
    prefix = "escale.cycle_booking" if isinstance(about, CycleBooking) else "escale.booking"
    log_action(
        about,
        f"{prefix}.{'credited' if mode == 'credit' else 'refunded'}",
        actor=by,
        on_behalf_of=member if by and by != member else None,
        data={"amount": str(amount), "payment": payment.pk},
    )


class CancellationMoney(NamedTuple):
    outcome: str  # "credit": what was paid becomes credit; "unpaid": nothing to pay any more; "free"
    amount: Decimal


def cancellation_money(booking):
    """What cancelling `booking` does with the money, said to the member before they confirm: what
    was paid becomes credit (avoir, see `credit_cancelled_booking`), an unpaid price is no longer
    owed, a free booking costs nothing."""
    item = paid_items().filter(booking=booking).first()
    if item is not None:
        return CancellationMoney("credit", item.amount)
    if booking.price and booking.price > ZERO:
        return CancellationMoney("unpaid", booking.price)
    return CancellationMoney("free", ZERO)


def credit_given_for(booking):
    """The credit (avoir) given when `booking` was cancelled, or ZERO."""
    return Credit.objects.filter(booking=booking, amount__gt=ZERO).aggregate(total=Sum("amount"))["total"] or ZERO


def credit_cancelled_booking(booking, *, by=None):
    """A paid booking was cancelled (by the member in time, or the session was cancelled): credit it."""
    return refund_booking(booking, by=by, mode=ReturnMode.CREDIT)
