"""Payments: online (django-payments), on site, with a credit (what is given back: members.services.credits)."""

from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from payments import PaymentStatus

from activities.models import Booking, CycleBooking
from core.audit import log_action
from core.money import ZERO, round_money
from members.exceptions import (
    AlreadyPaid,
    ChequeNumberRequired,
    InsufficientCredit,
    InvalidPaymentMethod,
    NothingToPay,
    NotPayable,
    OnlinePaymentUnavailable,
)
from members.models import Credit, Membership, Payment, PaymentItem
from members.models.payments import CURRENCY
from members.services.credits import credit_balance
from members.services.fulfilment import (
    PAYABLE_BOOKING_STATUSES,
    apply_status,
    lock_member,
    paid_items,
    void_pending,
)
from members.services.profiles import member_language

ONSITE_VARIANT = "onsite"
CREDIT_VARIANT = "credit"


def outstanding_bookings(member):
    """The member's bookings that cost something and are not paid yet (cycle sessions excluded)."""
    paid = paid_items().filter(booking__member=member).values("booking_id")
    return (
        Booking.objects.filter(member=member, status__in=PAYABLE_BOOKING_STATUSES, price__gt=ZERO)
        .filter(cycle_booking__isnull=True)
        .exclude(pk__in=paid)
        .select_related("session__activity", "session__place")
        .order_by("session__start")
    )


def outstanding_cycle_bookings(member):
    """The member's confirmed cycle bookings that cost something and are not paid yet (one price
    for the whole cycle; its session bookings carry 0.00 and are never paid one by one)."""
    paid = paid_items().filter(cycle_booking__member=member).values("cycle_booking_id")
    return (
        CycleBooking.objects.filter(member=member, status=CycleBooking.Status.CONFIRMED, price__gt=ZERO)
        .exclude(pk__in=paid)
        .select_related("activity")
        .order_by("created_at", "pk")
    )


def _cycle_label(cycle):
    return _("Inscription au cycle : %(activity)s") % {"activity": cycle.activity.localized.title}


def booking_label(booking):
    start = timezone.localtime(booking.session.start)
    return _("Inscription : %(activity)s, %(date)s") % {
        "activity": booking.session.activity.localized.title,
        "date": start.strftime("%d/%m/%Y %H:%M"),
    }


def membership_label(membership):
    return _("Adhésion : %(type)s, du %(start)s au %(end)s") % {
        "type": membership.type.display_name,
        "start": membership.valid_from.strftime("%d/%m/%Y"),
        "end": membership.valid_until.strftime("%d/%m/%Y"),
    }


class PaymentLine(NamedTuple):
    """One thing a payment pays for, before it becomes a PaymentItem."""

    kind: str  # PaymentItem.Kind
    thing: object  # the Membership, Booking or CycleBooking
    label: str  # printed on the receipt, in the member's language
    amount: Decimal


def _lines(member, memberships, bookings, cycle_bookings=()):
    """Validated (kind, object, label, amount) for what `member` wants to pay. Labels are written in the
    member's language: they are printed as they are on the receipt."""
    with translation.override(member_language(member)):
        return _validated_lines(member, memberships, bookings, cycle_bookings)


def _validated_lines(member, memberships, bookings, cycle_bookings):
    lines = []
    for membership in memberships:
        if membership.member_id != member.pk or membership.status != Membership.Status.PENDING_PAYMENT:
            raise NotPayable()
        if paid_items().filter(membership=membership).exists():
            raise AlreadyPaid()
        lines.append(
            PaymentLine(PaymentItem.Kind.MEMBERSHIP, membership, membership_label(membership), membership.price)
        )
    for booking in bookings:
        if booking.member_id != member.pk or booking.status not in PAYABLE_BOOKING_STATUSES:
            raise NotPayable()
        if paid_items().filter(booking=booking).exists():
            raise AlreadyPaid()
        lines.append(PaymentLine(PaymentItem.Kind.BOOKING, booking, booking_label(booking), booking.price))
    for cycle in cycle_bookings:
        if cycle.member_id != member.pk or cycle.status != CycleBooking.Status.CONFIRMED:
            raise NotPayable()
        if paid_items().filter(cycle_booking=cycle).exists():
            raise AlreadyPaid()
        lines.append(PaymentLine(PaymentItem.Kind.CYCLE, cycle, _cycle_label(cycle), cycle.price))
    lines = [line for line in lines if line.amount > ZERO]
    if not lines:
        raise NothingToPay()
    return lines


THING_FIELD = {
    PaymentItem.Kind.MEMBERSHIP: "membership",
    PaymentItem.Kind.BOOKING: "booking",
    PaymentItem.Kind.CYCLE: "cycle_booking",
}


def _waiting_items(lines):
    """The lines of other payments still waiting for money for the things in `lines`."""
    things = Q()
    for line in lines:
        things |= Q(**{THING_FIELD[line.kind]: line.thing})
    return list(PaymentItem.objects.filter(things, state=PaymentItem.State.PENDING).select_related("payment"))


def _reusable(waiting, lines, variant):
    """The one waiting online payment for exactly these things and amounts, or None."""
    if len({item.payment_id for item in waiting}) != 1:
        return None
    payment = waiting[0].payment
    if payment.method != Payment.Method.ONLINE or payment.variant != variant:
        return None
    wanted = {(THING_FIELD[line.kind], line.thing.pk, line.amount) for line in lines}
    has = {
        (THING_FIELD[item.kind], getattr(item, f"{THING_FIELD[item.kind]}_id"), item.amount)
        for item in payment.items.filter(state=PaymentItem.State.PENDING)
    }
    return payment if has == wanted else None


def _create_payment(member, lines, *, variant, method, by=None, cheque_number=""):
    """A new payment for `lines`; waiting payments for the same things are replaced (never two live).
    Call with the member locked."""
    total = sum((line.amount for line in lines), ZERO)
    payment = Payment.objects.create(
        variant=variant,
        member=member,
        method=method,
        cheque_number=cheque_number,
        recorded_by=by if by and by != member else None,
        currency=CURRENCY,
        total=total,
        description="; ".join(str(line.label) for line in lines)[:500],
        billing_first_name=member.first_name,
        billing_last_name=member.last_name,
        billing_email=member.email,
    )
    void_pending(_waiting_items(lines), actor=by or member, replaced_by=payment)
    for line in lines:
        PaymentItem.objects.create(
            payment=payment,
            kind=line.kind,
            membership=line.thing if line.kind == PaymentItem.Kind.MEMBERSHIP else None,
            booking=line.thing if line.kind == PaymentItem.Kind.BOOKING else None,
            cycle_booking=line.thing if line.kind == PaymentItem.Kind.CYCLE else None,
            label=line.label,
            amount=line.amount,
        )
    return payment


def create_online_payment(
    member, *, memberships=(), bookings=(), cycle_bookings=(), variant=None, by=None, request=None
):
    """A waiting online payment for the member's pending memberships and/or unpaid (cycle) bookings.

    One live payment per thing: asked again for the same things, it returns the payment already
    waiting; asked for another set, it replaces the waiting ones (they stop taking money). The
    person then pays on the provider's page (the dummy form in dev and tests, Stripe in
    production). Free items need no payment: raises NothingToPay when the total is 0.
    Raises NotPayable (not theirs, wrong state), AlreadyPaid, MandateRequired (staff without the
    person's request or a "pay" mandate).
    """
    from django.conf import settings

    from members.services.mandates import require_authority

    require_authority(by, member, "pay", request=request)
    variant = variant or settings.MEMBERS_ONLINE_PAYMENT_VARIANT
    if not variant:
        raise OnlinePaymentUnavailable
    with transaction.atomic():
        lock_member(member)
        lines = _lines(member, memberships, bookings, cycle_bookings)
        waiting = _reusable(_waiting_items(lines), lines, variant)
        if waiting is not None:
            return waiting
        payment = _create_payment(member, lines, variant=variant, method=Payment.Method.ONLINE, by=by)
        log_action(
            payment,
            "escale.payment.created",
            actor=by or member,
            on_behalf_of=member if by and by != member else None,
            data={"total": str(payment.total), "method": payment.method},
        )
    return payment


def record_onsite_payment(
    member,
    *,
    method,
    by,
    memberships=(),
    bookings=(),
    cycle_bookings=(),
    cheque_number="",
    credit=ZERO,
    request=None,
):
    """A coordinator records money received at the desk (cash, cheque + number, card terminal,
    ANCV), possibly with part or all of the member's credit (avoir, `credit`): the payment is
    confirmed at once, memberships activated, the receipt issued.

    Staff act for the person: money handed over at the desk is the person's own request at the
    desk, recorded as such unless a `request` (e.g. through a relative) is given; a "pay" mandate
    also allows it. When the credit covers everything no other method is needed.
    Raises InvalidPaymentMethod, ChequeNumberRequired, NotPayable, AlreadyPaid, NothingToPay,
    InsufficientCredit, MandateRequired.
    """
    from members.services.mandates import authority_data, record_request, require_authority

    credit = round_money(Decimal(credit or ZERO))
    if credit < ZERO:
        raise InsufficientCredit()
    with transaction.atomic():
        lock_member(member)
        lines = _lines(member, memberships, bookings, cycle_bookings)
        total = sum((line.amount for line in lines), ZERO)
        if credit > min(total, credit_balance(member)):
            raise InsufficientCredit(_("L'avoir de la personne ne suffit pas, ou dépasse ce qui est à payer."))
        if credit == total:
            method, variant, cheque_number = Payment.Method.CREDIT, CREDIT_VARIANT, ""
        else:
            variant = ONSITE_VARIANT
            if method not in Payment.ON_SITE_METHODS:
                raise InvalidPaymentMethod()
            cheque_number = (cheque_number or "").strip()
            if method == Payment.Method.CHEQUE and not cheque_number:
                raise ChequeNumberRequired()
        if request is None and by is not None and by != member:
            request = record_request(member, by=by, channel="desk", act="pay")
        authority = require_authority(by, member, "pay", request=request)
        payment = _create_payment(member, lines, variant=variant, method=method, by=by, cheque_number=cheque_number)
        if credit > ZERO:
            Credit.objects.create(
                member=member, amount=-credit, reason=_("Avoir utilisé à l'accueil"), payment=payment, created_by=by
            )
        log_action(
            payment,
            "escale.payment.recorded_on_site",
            actor=by,
            on_behalf_of=member if by != member else None,
            data={
                "total": str(payment.total),
                "method": method,
                "cheque_number": cheque_number,
                "credit_used": str(credit),
                **authority_data(authority),
            },
        )
        apply_status(payment, PaymentStatus.CONFIRMED)
    return payment


def credit_used(payment):
    """The part of `payment` settled with the member's credit (avoir)."""
    used = Credit.objects.filter(payment=payment, amount__lt=ZERO).aggregate(total=Sum("amount"))["total"]
    return -used if used else ZERO


def pay_with_credit(member, *, memberships=(), bookings=(), cycle_bookings=(), by=None, request=None):
    """Pay with the member's credit (avoir); the balance must cover the total. Staff acting for
    the member need the person's `request` for this payment or a "pay" mandate.
    Raises InsufficientCredit, NothingToPay, NotPayable, MandateRequired."""
    from members.services.mandates import require_authority

    require_authority(by, member, "pay", request=request)
    with transaction.atomic():
        lock_member(member)
        lines = _lines(member, memberships, bookings, cycle_bookings)
        total = sum((line.amount for line in lines), ZERO)
        if credit_balance(member) < total:
            raise InsufficientCredit()
        payment = _create_payment(member, lines, variant=CREDIT_VARIANT, method=Payment.Method.CREDIT, by=by)
        Credit.objects.create(
            member=member, amount=-total, reason=_("Paiement avec l'avoir"), payment=payment, created_by=by
        )
        apply_status(payment, PaymentStatus.CONFIRMED)
    return payment
