"""Payments: online (django-payments), on site, with a credit; idempotent confirmation; refunds and credits."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from payments import PaymentStatus

from activities.audit import log_action
from activities.models import Booking, CycleBooking
from core.money import round_money
from members.exceptions import (
    AlreadyPaid,
    ChequeNumberRequired,
    InsufficientCredit,
    InvalidPaymentMethod,
    NothingToPay,
    NotPayable,
    OnlinePaymentUnavailable,
)
from members.models import Credit, MemberProfile, Membership, Payment, PaymentItem
from members.models.payments import CURRENCY

ZERO = Decimal("0.00")
PAYABLE_BOOKING_STATUSES = (Booking.Status.CONFIRMED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW)
ONSITE_VARIANT = "onsite"
CREDIT_VARIANT = "credit"


def _paid_items():
    return PaymentItem.objects.filter(payment__fulfilled_at__isnull=False, returned_at__isnull=True)


def outstanding_bookings(member):
    """The member's bookings that cost something and are not paid yet (cycle sessions excluded)."""
    paid = _paid_items().filter(booking__member=member).values("booking_id")
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
    paid = _paid_items().filter(cycle_booking__member=member).values("cycle_booking_id")
    return (
        CycleBooking.objects.filter(member=member, status=CycleBooking.Status.CONFIRMED, price__gt=ZERO)
        .exclude(pk__in=paid)
        .select_related("activity")
        .order_by("created_at", "pk")
    )


def _cycle_label(cycle):
    return _("Inscription au cycle : %(activity)s") % {"activity": cycle.activity.title}


def booking_label(booking):
    start = timezone.localtime(booking.session.start)
    return _("Inscription : %(activity)s, %(date)s") % {
        "activity": booking.session.activity.title,
        "date": start.strftime("%d/%m/%Y %H:%M"),
    }


def membership_label(membership):
    return _("Adhésion : %(type)s, du %(start)s au %(end)s") % {
        "type": membership.type.name,
        "start": membership.valid_from.strftime("%d/%m/%Y"),
        "end": membership.valid_until.strftime("%d/%m/%Y"),
    }


def _lines(member, memberships, bookings, cycle_bookings=()):
    """Validated (kind, object, label, amount) for what `member` wants to pay."""
    lines = []
    for membership in memberships:
        if membership.member_id != member.pk or membership.status != Membership.Status.PENDING_PAYMENT:
            raise NotPayable()
        if _paid_items().filter(membership=membership).exists():
            raise AlreadyPaid()
        lines.append((PaymentItem.Kind.MEMBERSHIP, membership, membership_label(membership), membership.price))
    for booking in bookings:
        if booking.member_id != member.pk or booking.status not in PAYABLE_BOOKING_STATUSES:
            raise NotPayable()
        if _paid_items().filter(booking=booking).exists():
            raise AlreadyPaid()
        lines.append((PaymentItem.Kind.BOOKING, booking, booking_label(booking), booking.price))
    for cycle in cycle_bookings:
        if cycle.member_id != member.pk or cycle.status != CycleBooking.Status.CONFIRMED:
            raise NotPayable()
        if _paid_items().filter(cycle_booking=cycle).exists():
            raise AlreadyPaid()
        lines.append((PaymentItem.Kind.CYCLE, cycle, _cycle_label(cycle), cycle.price))
    lines = [line for line in lines if line[3] > ZERO]
    if not lines:
        raise NothingToPay()
    return lines


def _create_payment(member, lines, *, variant, method, by=None, cheque_number=""):
    total = sum((line[3] for line in lines), ZERO)
    payment = Payment.objects.create(
        variant=variant,
        member=member,
        method=method,
        cheque_number=cheque_number,
        recorded_by=by if by and by != member else None,
        currency=CURRENCY,
        total=total,
        description="; ".join(str(line[2]) for line in lines)[:500],
        billing_first_name=member.first_name,
        billing_last_name=member.last_name,
        billing_email=member.email,
    )
    for kind, obj, label, amount in lines:
        PaymentItem.objects.create(
            payment=payment,
            kind=kind,
            membership=obj if kind == PaymentItem.Kind.MEMBERSHIP else None,
            booking=obj if kind == PaymentItem.Kind.BOOKING else None,
            cycle_booking=obj if kind == PaymentItem.Kind.CYCLE else None,
            label=label,
            amount=amount,
        )
    return payment


def create_online_payment(
    member, *, memberships=(), bookings=(), cycle_bookings=(), variant=None, by=None, request=None
):
    """A waiting online payment for the member's pending memberships and/or unpaid (cycle) bookings.

    The person then pays on the provider's page (the dummy form in dev and tests, Stripe in
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
        lines = _lines(member, memberships, bookings, cycle_bookings)
        payment = _create_payment(
            member,
            lines,
            variant=variant,
            method=Payment.Method.ONLINE,
            by=by,
        )
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
        _lock_member(member)
        lines = _lines(member, memberships, bookings, cycle_bookings)
        total = sum((line[3] for line in lines), ZERO)
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


def apply_status(payment, status, message=""):
    """Apply a provider's status notification to `payment`, exactly once.

    The payment row is locked (`select_for_update`) for the rest of the transaction; a repeated
    notification (same status) or any late one after confirmation (except a refund) changes
    nothing. Reaching CONFIRMED fulfils the payment once: memberships become active and the
    receipt is issued. Returns True when something changed. `payment` is refreshed from the row.
    """
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        repeated = locked.status == status
        after_fulfilment = locked.fulfilled_at is not None and status != PaymentStatus.REFUNDED
        if repeated or after_fulfilment:
            changed = False
        else:
            locked._change_status_unlocked(status, message)
            if status == PaymentStatus.CONFIRMED:
                _fulfil(locked)
            changed = True
    payment.refresh_from_db()
    return changed


def _fulfil(payment):
    from members.services.receipts import issue_receipt

    now = timezone.now()
    payment.fulfilled_at = now
    payment.captured_amount = payment.total
    payment.save(update_fields=["fulfilled_at", "captured_amount", "modified"])
    for item in payment.items.select_related("membership"):
        if item.membership_id and item.membership.status == Membership.Status.PENDING_PAYMENT:
            item.membership.status = Membership.Status.ACTIVE
            item.membership.save(update_fields=["status"])
    issue_receipt(payment)
    log_action(
        payment,
        "escale.payment.confirmed",
        actor=payment.recorded_by,
        on_behalf_of=payment.member if payment.recorded_by_id else None,
        data={"total": str(payment.total), "method": payment.method},
    )


# --- credits (avoirs) and refunds ---------------------------------------------------------------


def credit_balance(member):
    return Credit.objects.filter(member=member).aggregate(total=Sum("amount"))["total"] or ZERO


def _lock_member(member):
    MemberProfile.objects.get_or_create(user=member)
    return MemberProfile.objects.select_for_update().get(user=member)


def refund_booking(booking, *, by=None, mode="credit"):
    """Give back what was paid for a booking: a credit (avoir) on the member's balance, or a refund
    (through the provider for online payments; cash back recorded for on-site ones).

    Once only: returns the PaymentItem settled, or None when the booking was not paid or was
    already refunded or credited.
    """
    if mode not in ("credit", "refund"):
        raise ValueError(mode)
    with transaction.atomic():
        _lock_member(booking.member)
        item = _unreturned_item(booking=booking)
        if item is None:
            return None
        _give_back(item, booking.member, item.amount, mode=mode, by=by, about=booking, credit_booking=booking)
    return item


def paid_cycle_item(cycle):
    """The paid PaymentItem of a cycle booking not yet refunded or credited, or None."""
    return _paid_items().filter(cycle_booking=cycle).select_related("payment").first()


def refund_cycle_booking(cycle, *, amount, by=None, mode="credit"):
    """Give back `amount` (at most what was paid) of a paid cycle booking, as `refund_booking` does
    for one booking: a credit (avoir) or a refund. The caller decides the amount (the whole price,
    or a prorata once the cycle has started: activities.services.cycle_amount_to_return).

    Once only: returns the PaymentItem settled, or None when the cycle was not paid or was already
    refunded or credited.
    """
    if mode not in ("credit", "refund"):
        raise ValueError(mode)
    with transaction.atomic():
        _lock_member(cycle.member)
        item = _unreturned_item(cycle_booking=cycle)
        if item is None:
            return None
        amount = min(Decimal(amount), item.amount)
        _give_back(item, cycle.member, amount, mode=mode, by=by, about=cycle)
    return item


def _unreturned_item(**about):
    return (
        PaymentItem.objects.select_for_update()
        .filter(payment__fulfilled_at__isnull=False, returned_at__isnull=True, **about)
        .select_related("payment")
        .first()
    )


def _give_back(item, member, amount, *, mode, by, about, credit_booking=None):
    """Credit or refund `amount` of a locked, paid, unreturned `item`; mark it returned; audit on `about`."""
    payment = item.payment
    if amount > ZERO:
        if mode == "credit":
            Credit.objects.create(
                member=member,
                amount=amount,
                reason=_("Avoir : %(label)s") % {"label": item.label},
                booking=credit_booking,
                payment=payment,
                created_by=by,
            )
        else:
            if payment.method == Payment.Method.ONLINE:
                from payments.core import provider_factory

                provider_factory(payment.variant, payment).refund(payment, amount)
            Payment.objects.filter(pk=payment.pk).update(refunded_amount=payment.refunded_amount + amount)
    item.returned_at = timezone.now()
    item.returned_as = mode
    item.save(update_fields=["returned_at", "returned_as"])
    prefix = "escale.cycle_booking" if isinstance(about, CycleBooking) else "escale.booking"
    log_action(
        about,
        f"{prefix}.{'credited' if mode == 'credit' else 'refunded'}",
        actor=by,
        on_behalf_of=member if by and by != member else None,
        data={"amount": str(amount), "payment": payment.pk},
    )


def credit_cancelled_booking(booking, *, by=None):
    """A paid booking was cancelled (by the member in time, or the session was cancelled): credit it."""
    return refund_booking(booking, by=by, mode="credit")


def pay_with_credit(member, *, memberships=(), bookings=(), cycle_bookings=(), by=None, request=None):
    """Pay with the member's credit (avoir); the balance must cover the total. Staff acting for
    the member need the person's `request` for this payment or a "pay" mandate.
    Raises InsufficientCredit, NothingToPay, NotPayable, MandateRequired."""
    from members.services.mandates import require_authority

    require_authority(by, member, "pay", request=request)
    with transaction.atomic():
        _lock_member(member)
        lines = _lines(member, memberships, bookings, cycle_bookings)
        total = sum((line[3] for line in lines), ZERO)
        if credit_balance(member) < total:
            raise InsufficientCredit()
        payment = _create_payment(member, lines, variant=CREDIT_VARIANT, method=Payment.Method.CREDIT, by=by)
        Credit.objects.create(
            member=member, amount=-total, reason=_("Paiement avec l'avoir"), payment=payment, created_by=by
        )
        apply_status(payment, PaymentStatus.CONFIRMED)
    return payment
